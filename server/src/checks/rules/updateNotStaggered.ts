// update-not-staggered: two containers of one host whose auto-update calendars
// fire in the same minute (updates are meant to be staggered so that services
// do not all restart at once). A NixOS upgrade with a randomized delay of
// five minutes or more (`system.autoUpgrade.randomizedDelaySec`) is spread by
// systemd itself.
import { parseCalendar, sameMinute, type CalendarSpec } from '../../model/calendar';
import type { Machine, Homelab } from '../../model/homelab';
import type { Str } from '../../model/inventory';
import { settingValue } from '../../model/profiles';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, rel } from '../util';
import type { Workspace } from '../../model/workspace';
import { machineJudgements } from '../machineJudgements';

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

/** A random delay at least this long (seconds) spreads a machine's upgrades on its own. */
const SPREADING_DELAY_SEC = 300;

/** Whether the calendar judged is the machine's NixOS upgrade, which systemd delays at random by enough to stagger it. */
function spreadByDelay(c: Machine, cal: Str): boolean {
  const up = c.nixos?.config?.autoUpgrade;
  return up?.dates === cal && (up.randomizedDelaySec ?? 0) >= SPREADING_DELAY_SEC;
}

const NONE: readonly number[] = Object.freeze([]);

/** Hour-and-minute pairs of a calendar past which it is indexed as firing at any minute. */
const MAX_PAIRS = 64;

/**
 * The calendars of a host met so far, by the hours and minutes they fire at:
 * two calendars can fire in the same minute only if they share an hour and a
 * minute, so a machine is compared with the few that do, not with every
 * machine before it (a host of 1,000 machines was half a million comparisons).
 */
class MinuteIndex {
  private readonly byPair = new Map<number, number[]>();
  private readonly wide: number[] = [];

  add(i: number, spec: CalendarSpec): void {
    if (spec.hours.size * spec.minutes.size > MAX_PAIRS) {
      this.wide.push(i);
      return;
    }
    for (const h of spec.hours)
      for (const m of spec.minutes) {
        const list = this.byPair.get(h * 60 + m);
        if (list) list.push(i);
        else this.byPair.set(h * 60 + m, [i]);
      }
  }

  /** Those met so far that may share a minute with `spec`, in the order met. */
  candidates(spec: CalendarSpec): readonly number[] {
    // The common calendar fires at one hour and minute: those met at it are already in order and once each
    // (a set and a sorted copy for each of a fleet's machines were most of what this rule allocated).
    if (this.wide.length === 0 && spec.hours.size === 1 && spec.minutes.size === 1) {
      const pair = (spec.hours.values().next().value as number) * 60 + (spec.minutes.values().next().value as number);
      return this.byPair.get(pair) ?? NONE;
    }
    const found = new Set<number>(this.wide);
    if (spec.hours.size * spec.minutes.size > MAX_PAIRS) for (const list of this.byPair.values()) for (const i of list) found.add(i);
    else for (const h of spec.hours) for (const m of spec.minutes) for (const i of this.byPair.get(h * 60 + m) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b);
  }
}

/** A machine's update slot: the calendar it is judged by, parsed (reads the machine alone). */
interface Slot {
  c: Machine;
  cal: Str;
  spec: CalendarSpec;
}

function slotOf(c: Machine): Slot | undefined {
  if (autoUpdateOff(c)) return undefined;
  const cal = updateCalendar(c);
  if (!cal || spreadByDelay(c, cal)) return undefined;
  const spec = parseCalendar(cal.value);
  return 'error' in spec ? undefined : { c, cal, spec };
}

export function* staggerFindings(h: Homelab, ws?: Workspace): Generator<void, Finding[]> {
  const out: Finding[] = [];
  const groups = new Map<string, Slot[]>();
  // A machine's slot read at the last run, the machine unchanged since, is not read again (a calendar's parse is most of this walk).
  const slots = ws ? machineJudgements<Slot | undefined>(ws, 'update-not-staggered', []) : undefined;
  let n = 0;
  // Indexed: an iterator in a generator leaves an object per machine and step.
  const machines = [...h.machines.values()];
  for (let i = 0; i < machines.length; i++) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    const c = machines[i];
    const slot = slots ? slots.of(c, slotOf) : slotOf(c);
    if (!slot) continue;
    const key = c.hostName ?? '';
    const list = groups.get(key);
    if (list) list.push(slot);
    else groups.set(key, [slot]);
  }
  slots?.done();
  for (const [host, list] of groups) {
    const earlier = new MinuteIndex();
    for (let i = 0; i < list.length; i++) {
      if (++n % ITEMS_PER_STEP === 0) yield;
      const cur = list[i];
      const candidates = earlier.candidates(cur.spec);
      if (!candidates.length) {
        earlier.add(i, cur.spec);
        continue;
      }
      // Filtered before `add`: the candidates may be the index's own list, which `add` extends.
      const clash = candidates.filter((j) => sameMinute(list[j].spec, cur.spec)).map((j) => list[j]);
      earlier.add(i, cur.spec);
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
  checkSteps: ({ workspace, homelab }) => staggerFindings(homelab, workspace),
});
