// update-not-staggered: two containers of one host whose auto-update calendars
// fire in the same minute (updates are meant to be staggered so that services
// do not all restart at once).
import { parseCalendar, sameMinute, type CalendarSpec } from '../../model/calendar';
import type { Machine, Homelab } from '../../model/homelab';
import type { Str } from '../../model/inventory';
import { settingValue } from '../../model/profiles';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, rel } from '../util';

function autoUpdateOff(c: Machine): boolean {
  const enabled = settingValue(c.profile, 'autoSystemUpdateEnable');
  return enabled?.kind === 'boolean' && enabled.value === false;
}

/** The calendar the machine itself runs: its profile's (when auto-update is on), or its NixOS `system.autoUpgrade.dates`. */
function runningCalendar(c: Machine): Str | undefined {
  if (autoUpdateOff(c)) return undefined;
  const v = settingValue(c.profile, 'autoSystemUpdateOnCalendar');
  if (v && v.kind === 'string') return { value: v.value, origin: v.origin };
  return c.nixos?.config?.autoUpgrade?.dates;
}

/**
 * The calendar a container auto-updates on. What runs is the truth: the
 * profile's or configuration's schedule; the inventory's `update` only where
 * the machine says nothing, or where it says the same (then the finding stays
 * on the inventory's line, where the schedule is planned).
 */
export function updateCalendar(c: Machine): Str | undefined {
  const inv = c.decl?.update;
  const running = runningCalendar(c);
  if (!running) return inv;
  if (!inv) return running;
  const a = parseCalendar(inv.value);
  const b = parseCalendar(running.value);
  return 'error' in a || 'error' in b || a.normalized === b.normalized ? inv : running;
}

export function* staggerFindings(h: Homelab): Generator<void, Finding[]> {
  const out: Finding[] = [];
  const groups = new Map<string, { c: Machine; cal: Str; spec: CalendarSpec }[]>();
  let n = 0;
  for (const c of h.machines.values()) {
    if (++n % ITEMS_PER_STEP === 0) yield;
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
      // Each machine is compared with those before it on its host: the steps count comparisons.
      n += i;
      if (n > ITEMS_PER_STEP * 64) {
        n = 0;
        yield;
      }
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

export const updateNotStaggered: Rule = inSteps({
  id: 'update-not-staggered',
  defaultSeverity: 'warning',
  description: 'Two containers of one host whose auto-updates fire in the same minute.',
  scope: 'homelab',
  checkSteps: ({ homelab }) => staggerFindings(homelab),
});
