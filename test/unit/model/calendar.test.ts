// The systemd OnCalendar parser: normal forms of the common expressions, errors, collisions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCalendar, sameMinute, type CalendarSpec } from '../../../server/src/model/calendar';

const normal: [string, string][] = [
  ['Sat *-*-* 07:00:00', 'Sat *-*-* 07:00:00'],
  ['weekly', 'Mon *-*-* 00:00:00'],
  ['daily', '*-*-* 00:00:00'],
  ['hourly', '*-*-* *:00:00'],
  ['monthly', '*-*-01 00:00:00'],
  ['Mon..Fri 02:30', 'Mon..Fri *-*-* 02:30:00'],
  ['*-*-* 04:00', '*-*-* 04:00:00'],
  ['Mon,Wed,Fri 1,13:05', 'Mon,Wed,Fri *-*-* 01,13:05:00'],
  ['*:0/15', '*-*-* *:00/15:00'],
  ['Saturday 7:5', 'Sat *-*-* 07:05:00'],
  ['2026-12-24 18:00', '2026-12-24 18:00:00'],
  ['12-24', '*-12-24 00:00:00'],
  ['Sun *-*-* 03:30:00 UTC', 'Sun *-*-* 03:30:00 UTC'],
  ['Sat', 'Sat *-*-* 00:00:00'],
];

for (const [input, expected] of normal)
  test(`normalises ${input}`, () => {
    const r = parseCalendar(input);
    assert.ok(!('error' in r), 'error' in r ? r.error : '');
    assert.equal((r as CalendarSpec).normalized, expected);
  });

const invalid: [string, RegExp][] = [
  ['Sat *-*-* 25:00:00', /hour 25 is out of range 0–23/],
  ['Sta 07:00', /`Sta` is not a weekday/],
  ['Sat *-*-* 07:60', /minute 60/],
  ['', /empty/],
  ['Sat *-13-* 07:00', /month 13/],
  ['every saturday', /not a weekday/],
  ['Sat 07:00 08:00', /not a date/],
  ['Sat *-*-* 7..5:00', /ends before it starts/],
];

for (const [input, re] of invalid)
  test(`rejects ${JSON.stringify(input)}`, () => {
    const r = parseCalendar(input);
    assert.ok('error' in r);
    assert.match((r as { error: string }).error, re);
  });

function cal(s: string): CalendarSpec {
  const r = parseCalendar(s);
  if ('error' in r) throw new Error(r.error);
  return r;
}

test('same minute: seconds are ignored, weekdays and minutes must meet', () => {
  assert.equal(sameMinute(cal('Sat *-*-* 07:00:00'), cal('Sat 07:00:30')), true);
  assert.equal(sameMinute(cal('Sat 07:00'), cal('Sat 07:05')), false);
  assert.equal(sameMinute(cal('Sat 07:00'), cal('Sun 07:00')), false);
  assert.equal(sameMinute(cal('*:0/15'), cal('Sat 07:30')), true);
  assert.equal(sameMinute(cal('weekly'), cal('daily')), true);
  assert.equal(sameMinute(cal('Mon..Fri 02:30'), cal('Sat,Sun 02:30')), false);
});
