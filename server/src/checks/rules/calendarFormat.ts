// calendar-format: an auto-update calendar (the inventory's `update`, a
// profile's `*OnCalendar` setting) that is not a valid systemd OnCalendar expression.
import { parseCalendar } from '../../model/calendar';
import { lookupSetting } from '../../model/catalog';
import type { Str } from '../../model/inventory';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, ownSettingsSteps } from '../util';

export function isCalendarSetting(key: string, format?: string): boolean {
  return /OnCalendar$/.test(key) || format === 'calendar' || format === 'systemd-calendar';
}

export const calendarFormat: Rule = inSteps({
  id: 'calendar-format',
  defaultSeverity: 'error',
  description: 'A value that is not a valid systemd OnCalendar expression.',
  scope: 'homelab',
  *checkSteps({ homelab: h, workspace: ws }) {
    const out: Finding[] = [];
    const check = (s: Str): void => {
      const r = parseCalendar(s.value);
      if ('error' in r) out.push(at('calendar-format', s.origin, r.error));
    };
    let n = 0;
    for (const c of h.inventory?.containers.values() ?? []) {
      if (++n % (ITEMS_PER_STEP * 4) === 0) yield;
      if (c.update) check(c.update);
    }
    for (const s of yield* ownSettingsSteps(ws, h)) {
      if (++n % (ITEMS_PER_STEP * 16) === 0) yield;
      if (!isCalendarSetting(s.key, lookupSetting(h.catalog, s.block, s.key)?.format)) continue;
      const v = s.entry.value;
      if (v.kind === 'string') check({ value: v.value, origin: v.origin });
    }
    return out;
  },
});
