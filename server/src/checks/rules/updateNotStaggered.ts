// update-not-staggered: two containers of one host whose auto-update calendars
// fire in the same minute (updates are meant to be staggered so that services
// do not all restart at once).
import { parseCalendar, sameMinute, type CalendarSpec } from '../../model/calendar';
import type { Container, Homelab } from '../../model/homelab';
import type { Str } from '../../model/inventory';
import { settingValue } from '../../model/profiles';
import type { Finding, Rule } from '../types';
import { at, rel } from '../util';

function autoUpdateOff(c: Container): boolean {
  const enabled = settingValue(c.profile, 'autoSystemUpdateEnable');
  return enabled?.kind === 'boolean' && enabled.value === false;
}

/** The calendar a container auto-updates on: the inventory's `update`, else its profile's (when auto-update is on). */
export function updateCalendar(c: Container): Str | undefined {
  if (c.decl?.update) return c.decl.update;
  if (autoUpdateOff(c)) return undefined;
  const v = settingValue(c.profile, 'autoSystemUpdateOnCalendar');
  return v && v.kind === 'string' ? { value: v.value, origin: v.origin } : undefined;
}

export function staggerFindings(h: Homelab): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, { c: Container; cal: Str; spec: CalendarSpec }[]>();
  for (const c of h.containers.values()) {
    if (autoUpdateOff(c)) continue;
    const cal = updateCalendar(c);
    if (!cal) continue;
    const spec = parseCalendar(cal.value);
    if ('error' in spec) continue;
    const key = c.hostName ?? '';
    const list = groups.get(key) ?? [];
    list.push({ c, cal, spec });
    groups.set(key, list);
  }
  for (const [host, list] of groups) {
    for (let i = 1; i < list.length; i++) {
      const cur = list[i];
      const clash = list.slice(0, i).filter((o) => sameMinute(o.spec, cur.spec));
      if (!clash.length) continue;
      const names = clash.map((o) => o.c.name).join(', ');
      out.push(
        at(
          'update-not-staggered',
          cur.cal.origin,
          `${cur.c.name} auto-updates in the same minute as ${names}${host ? ` on host ${host}` : ''} (\`${cur.spec.normalized}\`): stagger the updates`,
          { related: clash.map((o) => rel(o.cal.origin, `${o.c.name} updates at \`${o.spec.normalized}\``)) },
        ),
      );
    }
  }
  return out;
}

export const updateNotStaggered: Rule = {
  id: 'update-not-staggered',
  defaultSeverity: 'warning',
  description: 'Two containers of one host whose auto-updates fire in the same minute.',
  scope: 'homelab',
  check: ({ homelab }) => staggerFindings(homelab),
};
