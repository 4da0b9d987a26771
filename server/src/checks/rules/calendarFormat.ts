// calendar-format: an auto-update calendar (the inventory's `update`, a
// profile's `*OnCalendar` setting) that is not a valid systemd OnCalendar expression.
import { parseCalendar } from '../../model/calendar';
import { lookupSetting } from '../../model/catalog';
import type { Str } from '../../model/inventory';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP } from '../util';

export function isCalendarSetting(key: string, format?: string): boolean {
  return /OnCalendar$/.test(key) || format === 'calendar' || format === 'systemd-calendar';
}

export const calendarFormat: Rule = inSteps({
  id: 'calendar-format',
  defaultSeverity: 'error',
  description: 'A value that is not a valid systemd OnCalendar expression.',
  scope: 'homelab',
  // The inventory's calendars here; the settings written in profiles one profile file at a time (settingShards.ts).
  *checkSteps({ homelab: h }) {
    const out: Finding[] = [];
    let n = 0;
    for (const c of h.inventory?.containers.values() ?? []) {
      if (++n % (ITEMS_PER_STEP * 4) === 0) yield;
      if (c.update) judgeCalendar(c.update, out);
    }
    return out;
  },
  judgeOwnSetting(h, s, _pass, out) {
    if (!isCalendarSetting(s.key, lookupSetting(h.catalog, s.block, s.key)?.format)) return;
    const v = s.entry.value;
    if (v.kind === 'string') judgeCalendar({ value: v.value, origin: v.origin }, out);
  },
});

function judgeCalendar(s: Str, out: Finding[]): void {
  const r = parseCalendar(s.value);
  if ('error' in r) out.push(at('calendar-format', s.origin, r.error));
}
