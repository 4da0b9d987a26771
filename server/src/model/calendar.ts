// A parser and normaliser for systemd OnCalendar expressions in their common
// forms (`Sat *-*-* 07:00:00`, `weekly`, `Mon..Fri 02:30`, `*:0/15`, lists and
// ranges), used by calendar-format and by update-not-staggered to tell whether
// two calendars can fire in the same minute. Not supported (reported as
// invalid): `~` last-day syntax and fractional repetitions.

export interface CalendarSpec {
  /** The form `systemd-analyze calendar` prints as "Normalized form". */
  normalized: string;
  weekdays: Set<number>; // 0 = Monday ... 6 = Sunday
  years?: Set<number>; // undefined = every year
  months: Set<number>;
  days: Set<number>;
  hours: Set<number>;
  minutes: Set<number>;
  seconds: Set<number>;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_LABEL = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const FULL_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const SHORTHANDS: Record<string, string> = {
  minutely: '*-*-* *:*:00',
  hourly: '*-*-* *:00:00',
  daily: '*-*-* 00:00:00',
  monthly: '*-*-01 00:00:00',
  weekly: 'Mon *-*-* 00:00:00',
  yearly: '*-01-01 00:00:00',
  annually: '*-01-01 00:00:00',
  quarterly: '*-01,04,07,10-01 00:00:00',
  semiannually: '*-01,07-01 00:00:00',
};

class CalendarError extends Error {}

interface Component {
  text: string;
  values: Set<number>;
  wildcard: boolean;
}

function range(lo: number, hi: number): Set<number> {
  const s = new Set<number>();
  for (let i = lo; i <= hi; i++) s.add(i);
  return s;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** One component (`*`, `5`, `1,3`, `1..5`, `0/15`, `*\/2`) between lo and hi. */
function component(text: string, lo: number, hi: number, label: string, width: number): Component {
  if (text === '') throw new CalendarError(`the ${label} is missing`);
  if (text === '*') return { text: '*', values: range(lo, hi), wildcard: true };
  const values = new Set<number>();
  const parts: string[] = [];
  for (const item of text.split(',')) {
    const m = /^(\*|\d+)(?:\.\.(\d+))?(?:\/(\d+))?$/.exec(item);
    if (!m) throw new CalendarError(`\`${item}\` is not a valid ${label}`);
    const start = m[1] === '*' ? lo : Number(m[1]);
    const end = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? hi : start;
    const step = m[3] !== undefined ? Number(m[3]) : 1;
    for (const n of [start, end]) if (n < lo || n > hi) throw new CalendarError(`${label} ${n} is out of range ${lo}–${hi}`);
    if (end < start) throw new CalendarError(`the ${label} range \`${item}\` ends before it starts`);
    if (step < 1) throw new CalendarError(`the repetition in \`${item}\` must be at least 1`);
    for (let i = start; i <= end; i += step) values.add(i);
    let t = m[1] === '*' ? '*' : pad(start, width);
    if (m[2] !== undefined) t += `..${pad(end, width)}`;
    if (m[3] !== undefined) t += `/${step}`;
    parts.push(t);
  }
  return { text: parts.join(','), values, wildcard: false };
}

function weekdays(text: string): { text: string; values: Set<number> } {
  const values = new Set<number>();
  const parts: string[] = [];
  const day = (s: string): number => {
    const l = s.toLowerCase();
    let i = DAY_NAMES.indexOf(l);
    if (i < 0) i = FULL_DAYS.indexOf(l);
    if (i < 0) throw new CalendarError(`\`${s}\` is not a weekday (Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
    return i;
  };
  for (const item of text.split(',')) {
    if (item === '') throw new CalendarError('an empty weekday in the list');
    const r = item.split('..');
    if (r.length === 1) {
      const d = day(item);
      values.add(d);
      parts.push(DAY_LABEL[d]);
    } else if (r.length === 2) {
      const a = day(r[0]);
      const b = day(r[1]);
      for (let i = a; ; i = (i + 1) % 7) {
        values.add(i);
        if (i === b) break;
      }
      parts.push(`${DAY_LABEL[a]}..${DAY_LABEL[b]}`);
    } else throw new CalendarError(`\`${item}\` is not a weekday range`);
  }
  return { text: parts.join(','), values };
}

function isTimezone(tok: string): boolean {
  return /^(UTC|GMT|[A-Z][A-Za-z_]+\/[A-Za-z_/+-]+)$/.test(tok);
}

/** Parsed specs by text: every whole check reads the same few thousand calendars again. Never mutated. */
const memo = new Map<string, CalendarSpec | { error: string }>();

export function parseCalendar(input: string): CalendarSpec | { error: string } {
  let result = memo.get(input);
  if (result) return result;
  try {
    result = parse(input);
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    result = { error: `\`${input}\` is not a valid systemd OnCalendar expression: ${e.message}` };
  }
  if (memo.size > 20_000) memo.clear();
  memo.set(input, result);
  return result;
}

function parse(input: string): CalendarSpec {
  let text = input.trim().replace(/\s+/g, ' ');
  if (text === '') throw new CalendarError('it is empty');
  const short = SHORTHANDS[text.toLowerCase()];
  if (short) text = short;
  const tokens = text.split(' ');
  let tz: string | undefined;
  if (tokens.length > 1 && isTimezone(tokens[tokens.length - 1])) tz = tokens.pop();
  let wd: { text: string; values: Set<number> } | undefined;
  if (tokens.length && /^[A-Za-z]/.test(tokens[0])) wd = weekdays(tokens.shift() as string);
  let dateTok: string | undefined;
  let timeTok: string | undefined;
  for (const t of tokens) {
    if (t.includes(':') && timeTok === undefined) timeTok = t;
    else if (t.includes('-') && dateTok === undefined && timeTok === undefined) dateTok = t;
    else throw new CalendarError(`\`${t}\` is not a date (\`*-*-*\`) or a time (\`07:00\`)`);
  }
  if (!wd && !dateTok && !timeTok) throw new CalendarError('no weekday, date or time found');

  let year: Component | undefined;
  let month = component('*', 1, 12, 'month', 2);
  let dayc = component('*', 1, 31, 'day', 2);
  if (dateTok !== undefined) {
    const p = dateTok.split('-');
    if (p.length === 3) {
      year = component(p[0], 1970, 2199, 'year', 4);
      month = component(p[1], 1, 12, 'month', 2);
      dayc = component(p[2], 1, 31, 'day', 2);
    } else if (p.length === 2) {
      month = component(p[0], 1, 12, 'month', 2);
      dayc = component(p[1], 1, 31, 'day', 2);
    } else throw new CalendarError(`\`${dateTok}\` is not a date: write year-month-day, e.g. \`*-*-*\``);
  }
  let hour = component('00', 0, 23, 'hour', 2);
  let minute = component('00', 0, 59, 'minute', 2);
  let second = component('00', 0, 59, 'second', 2);
  if (timeTok !== undefined) {
    const p = timeTok.split(':');
    if (p.length < 2 || p.length > 3) throw new CalendarError(`\`${timeTok}\` is not a time: write hour:minute or hour:minute:second`);
    hour = component(p[0], 0, 23, 'hour', 2);
    minute = component(p[1], 0, 59, 'minute', 2);
    second = component(p.length === 3 ? p[2].replace(/\.\d+$/, '') : '00', 0, 59, 'second', 2);
  }
  const date = `${year ? year.text : '*'}-${month.text}-${dayc.text}`;
  const time = `${hour.text}:${minute.text}:${second.text}`;
  const normalized = [wd?.text, date, time, tz].filter((x) => x !== undefined).join(' ');
  return {
    normalized,
    weekdays: wd?.values ?? range(0, 6),
    years: year && !year.wildcard ? year.values : undefined,
    months: month.values,
    days: dayc.values,
    hours: hour.values,
    minutes: minute.values,
    seconds: second.values,
  };
}

function intersects(a: Set<number>, b: Set<number>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Whether two calendars can fire within the same minute (seconds ignored). */
export function sameMinute(a: CalendarSpec, b: CalendarSpec): boolean {
  if (a.years && b.years && !intersects(a.years, b.years)) return false;
  return (
    intersects(a.weekdays, b.weekdays) &&
    intersects(a.months, b.months) &&
    intersects(a.days, b.days) &&
    intersects(a.hours, b.hours) &&
    intersects(a.minutes, b.minutes)
  );
}

/** Seconds per unit of a systemd time span (systemd.time(7)). */
const SPAN_UNITS: Record<string, number> = {
  us: 1e-6, usec: 1e-6, ms: 1e-3, msec: 1e-3,
  s: 1, sec: 1, second: 1, seconds: 1,
  m: 60, min: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
};

/** A systemd time span (`1h`, `45min`, `1h 30m`, `90` for seconds) in seconds; undefined when it is not one. */
export function timeSpanSeconds(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const parts = t.match(/\d+(?:\.\d+)?\s*[a-z]+/g);
  if (!parts || parts.join('').replace(/\s+/g, '') !== t.replace(/\s+/g, '')) return undefined;
  let total = 0;
  for (const p of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(p);
    const unit = m ? SPAN_UNITS[m[2]] : undefined;
    if (!m || unit === undefined) return undefined;
    total += Number(m[1]) * unit;
  }
  return total;
}
