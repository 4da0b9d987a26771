// The new container's auto-update slot: the first minute on the siblings'
// grid that keeps the host's updates staggered, judged by the same
// calendars and the same-minute test as update-not-staggered. The grid is
// the siblings' most common form (same days, same date, same seconds; only
// hour and minute differ), starting at their earliest time, with their
// spacing (the greatest common divisor of the gaps: 07:00, 07:05, 07:10 →
// every 5 minutes; a lone sibling → every 10). The slot is written in that
// same form, by replacing the time in a sibling's own text, so
// `Sat *-*-* 07:00:00` gives `Sat *-*-* 07:20:00` and `Sun 04:00` gives `Sun 04:30`.
import { parseCalendar, sameMinute, type CalendarSpec } from '../../model/calendar';
import type { Machine } from '../../model/homelab';
import { settingValue } from '../../model/profiles';
import { updateCalendar } from '../../checks/rules/updateNotStaggered';

export interface SlotChoice {
  calendar?: string;
  reason: string;
}

interface Timed {
  text: string;
  spec: CalendarSpec;
}

const LONE_STEP = 10;

/** As update-not-staggered: a profile with auto-update off does not update, whatever its calendar says. */
function updatesOff(c: Machine): boolean {
  const enabled = settingValue(c.profile, 'autoSystemUpdateEnable');
  return enabled?.kind === 'boolean' && enabled.value === false;
}

function only(s: Set<number>): number | undefined {
  return s.size === 1 ? [...s][0] : undefined;
}

/** The form a calendar has apart from its hour and minute (undefined when those are not single values). */
function formOf(spec: CalendarSpec): string | undefined {
  if (only(spec.hours) === undefined || only(spec.minutes) === undefined) return undefined;
  const list = (s: Set<number> | undefined): string => (s ? [...s].sort((a, b) => a - b).join(',') : '*');
  return [list(spec.weekdays), list(spec.years), list(spec.months), list(spec.days), list(spec.seconds)].join('|');
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const TIME = /(^|\s)(\d{1,2}):(\d{1,2})(:\d{1,2}(?:\.\d+)?)?(?=\s|$)/;

/** The sibling's own text with its hour and minute replaced (digits padded as it pads them). */
function retime(sample: Timed, minuteOfDay: number): string {
  const hh = Math.floor(minuteOfDay / 60);
  const mm = minuteOfDay % 60;
  const m = TIME.exec(sample.text);
  if (!m) return sample.spec.normalized.replace(/\d{2}:\d{2}(?=:\d{2}\b)/, `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`);
  const pad = (n: number, like: string): string => String(n).padStart(like.length, '0');
  const time = `${pad(hh, m[2])}:${String(mm).padStart(2, '0')}${m[4] ?? ''}`;
  return sample.text.slice(0, m.index + m[1].length) + time + sample.text.slice(m.index + m[0].length);
}

function hhmm(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

export function nextUpdateSlot(siblings: Machine[], host: string): SlotChoice {
  const timed: Timed[] = [];
  for (const c of siblings) {
    if (updatesOff(c)) continue;
    const cal = updateCalendar(c);
    if (!cal) continue;
    const spec = parseCalendar(cal.value);
    if (!('error' in spec)) timed.push({ text: cal.value, spec });
  }
  if (timed.length === 0) return { reason: `update: none set, no container on ${host} has an update calendar to stagger against` };
  // The siblings' most common form; its members give the grid.
  const groups = new Map<string, Timed[]>();
  for (const t of timed) {
    const f = formOf(t.spec);
    if (f === undefined) continue;
    const g = groups.get(f) ?? [];
    g.push(t);
    groups.set(f, g);
  }
  let group: Timed[] | undefined;
  for (const g of groups.values()) if (!group || g.length > group.length) group = g;
  if (!group) return { reason: `update: none set, the calendars on ${host} have no single hour and minute to follow` };
  const times = [...new Set(group.map((t) => (only(t.spec.hours) ?? 0) * 60 + (only(t.spec.minutes) ?? 0)))].sort((a, b) => a - b);
  let step = 0;
  for (let i = 1; i < times.length; i++) step = gcd(step, times[i] - times[i - 1]);
  if (step === 0) step = LONE_STEP;
  const sample = group[0];
  const fits = (minute: number): string | undefined => {
    const text = retime(sample, minute);
    const spec = parseCalendar(text);
    if ('error' in spec) return undefined;
    return timed.some((t) => sameMinute(t.spec, spec)) ? undefined : text;
  };
  for (let minute = times[0]; minute < 24 * 60; minute += step) {
    const text = fits(minute);
    if (text) return { calendar: text, reason: `update ${text}: the first free slot on ${host}'s ${step}-minute grid from ${hhmm(times[0])}, in its containers' form` };
  }
  // The grid is full up to midnight: any free minute of the day, in the same form.
  for (let k = 0; k < 24 * 60; k++) {
    const text = fits((times[0] + k) % (24 * 60));
    if (text) return { calendar: text, reason: `update ${text}: the first free minute on ${host} after ${hhmm(times[0])} (its ${step}-minute grid is full)` };
  }
  return { reason: `update: none set, every minute of that day is taken on ${host}` };
}
