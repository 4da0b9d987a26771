// update-not-staggered on a host of many machines: the rule compares each
// machine only with those that share an hour and a minute with it (an index,
// not every pair), so its findings are checked here against every pair
// compared the plain way (calendar.ts `sameMinute`), with calendars that fire
// once a day, several times a day, and every few minutes (too many minutes to
// index: compared with all).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCalendar, sameMinute, type CalendarSpec } from '../../../server/src/model/calendar';
import { check } from './helpers';

const CALENDARS = ['*-*-* 04:15:00', 'Sun *-*-* 04:15:30', '*-*-* 04,16:15:00', 'Mon..Fri *-*-* 16:15:00', '*:0/5', 'hourly', '*-*-* 05:00:00', 'Sat *-*-* 05:00:00', '*-*-* 06:07:00', '*-*-01 00:00:00'];

function inventory(n: number): { text: string; calendars: string[] } {
  const calendars: string[] = [];
  const lines = ['version: 1', 'networks:', '  lan:', '    cidr: 10.1.0.0/16', 'hosts:', '  hv:', '    kind: proxmox', '    ip: 10.1.0.2', 'containers:'];
  for (let i = 0; i < n; i++) {
    const cal = CALENDARS[(i * 7) % CALENDARS.length];
    calendars.push(cal);
    lines.push(`  m${i}:`, '    host: hv', `    vmid: ${200 + i}`, `    ip: 10.1.${1 + Math.floor(i / 200)}.${10 + (i % 200)}`, `    update: "${cal}"`);
  }
  return { text: `${lines.join('\n')}\n`, calendars };
}

test('on a host of 60 machines, each clash is the one a comparison of every earlier pair finds', () => {
  const { text, calendars } = inventory(60);
  const specs = calendars.map((c) => parseCalendar(c) as CalendarSpec);
  assert.ok(specs.every((s) => 'normalized' in s));
  const expected: string[] = [];
  for (let i = 0; i < specs.length; i++) {
    const earlier = specs
      .slice(0, i)
      .map((s, j) => (sameMinute(s, specs[i]) ? `m${j}` : undefined))
      .filter((x) => x !== undefined);
    if (earlier.length) expected.push(`m${i} auto-updates in the same minute as ${earlier.join(', ')} on host hv`);
  }
  assert.ok(expected.length > 10, 'the calendars clash often');
  const found = check({ 'homelab.yaml': text })
    .filter((f) => f.rule === 'update-not-staggered')
    .map((f) => f.message.replace(/ \(`.*$/, ''))
    .sort();
  assert.deepEqual(found, expected.sort());
});
