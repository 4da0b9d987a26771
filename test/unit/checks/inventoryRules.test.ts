// Inventory rules, data-driven: the clean fixture has no diagnostics; each case
// seeds one mistake and expects its rule at its line (and nothing else of that rule).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, edit, summary } from './helpers';

const BASE = readFileSync(join(__dirname, '../../fixtures/checks/inventory.yaml'), 'utf8');
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

test('the clean inventory has no diagnostics', () => {
  assert.equal(summary(check({ 'homelab.yaml': BASE })), '');
});

interface Case {
  rule: string;
  from: string;
  to: string;
  /** Text on the expected line (after the edit). */
  at: string;
  message?: RegExp;
  count?: number;
}

const cases: Case[] = [
  { rule: 'yaml-syntax', from: '    dns: [10.1.0.1]', to: '    dns: [10.1.0.1', at: '  dmz:' },
  { rule: 'yaml-syntax', from: '  dmz:\n', to: '  lan:\n', at: '  lan:\n    cidr: 10.2', message: /Duplicate key `lan`/ },
  { rule: 'inventory-schema', from: '    vmid: 200', to: '    vmid: 20', at: 'vmid: 20', message: /`vmid` must be a whole number between 100 and 999999999/ },
  { rule: 'inventory-schema', from: '    vmid: 201', to: '    vmid: 201\n    colour: red', at: 'colour', message: /unknown key `colour`/ },
  { rule: 'inventory-schema', from: '    kind: router', to: '    kind: rooter', at: 'kind: rooter', message: /must be one of .*did you mean `router`/ },
  { rule: 'inventory-schema', from: '    ip: 10.1.0.11\n', to: '', at: '  db:', message: /`db` is missing `ip`/ },
  { rule: 'ip-format', from: 'ip: 10.1.0.10', to: 'ip: 10.1.0.300', at: '10.1.0.300', message: /`300` is not a number from 0 to 255/ },
  { rule: 'ip-format', from: 'cidr: 10.2.0.0/24', to: 'cidr: 10.2.0.0/40', at: '10.2.0.0/40' },
  { rule: 'ip-format', from: 'cidr: 10.2.0.0/24', to: 'cidr: 10.2.0.7/24', at: '10.2.0.7/24', message: /host bits/ },
  { rule: 'ip-outside-network', from: 'ip: 10.1.0.10', to: 'ip: 10.9.0.10', at: '10.9.0.10', message: /outside every declared network/ },
  { rule: 'ip-outside-network', from: 'ip: 10.1.0.10', to: 'ip: 10.1.0.255', at: '10.1.0.255', message: /broadcast address of network lan/ },
  { rule: 'ip-outside-network', from: 'ip: 10.1.0.10', to: 'ip: 10.1.0.0', at: 'ip: 10.1.0.0', message: /network address/ },
  { rule: 'ip-duplicate', from: 'ip: 10.1.0.11', to: 'ip: 10.1.0.10', at: 'ip: 10.1.0.10', count: 2, message: /also used by container/ },
  { rule: 'gateway-outside-network', from: 'gateway: 10.1.0.1', to: 'gateway: 10.2.0.1', at: 'gateway: 10.2.0.1' },
  { rule: 'network-overlap', from: 'cidr: 10.2.0.0/24', to: 'cidr: 10.1.0.128/25', at: '10.1.0.128/25', message: /overlaps network lan/ },
  { rule: 'unknown-reference', from: 'host: hv\n    vmid: 201', to: 'host: hvv\n    vmid: 201', at: 'host: hvv', message: /did you mean `hv`/ },
  { rule: 'unknown-reference', from: '[postgres]', to: '[postgress]', at: 'postgress', message: /no service named `postgress`.*`postgres`/ },
  { rule: 'unknown-reference', from: '    ip: 10.1.0.11', to: '    ip: 10.1.0.11\n    profile: profiles/db-config.nix', at: 'profile: profiles/db', message: /does not exist/ },
  { rule: 'vmid-duplicate', from: 'vmid: 201', to: 'vmid: 200', at: 'vmid: 200\n    ip: 10.1.0.11' },
  { rule: 'calendar-format', from: 'Sun *-*-* 03:10:00', to: 'Sun *-*-* 03:61:00', at: '03:61', message: /minute 61/ },
  { rule: 'update-not-staggered', from: 'Sun *-*-* 03:10:00', to: 'Sun *-*-* 03:00:30', at: '03:00:30', message: /same minute as web/ },
  { rule: 'port-conflict', from: '[caddy, jellyfin]', to: '[caddy, jellyfin, emby]', at: 'emby', message: /both use port 8096/ },
  { rule: 'deploy-unsafe-value', from: 'user: admin', to: 'user: "-oProxyCommand=sh"', at: 'user: "-o', message: /starts with `-`/ },
  { rule: 'deploy-unsafe-value', from: '{dir} {profile}', to: '{dir} {profile}; rm -rf ~', at: 'command:', message: /shell syntax/ },
  { rule: 'deploy-unsafe-value', from: '[-o, ConnectTimeout=10]', to: '[-o, ProxyCommand=nc %h %p]', at: 'sshOptions', message: /ProxyCommand/ },
  { rule: 'deploy-unsafe-value', from: '  db:\n', to: '  "db;reboot":\n', at: 'db;reboot', message: /shell character `;`/ },
];

for (const c of cases)
  test(`${c.rule} fires: ${c.from.trim().split('\n')[0]} -> ${c.to.trim().split('\n')[0]}`, () => {
    const text = edit(BASE, c.from, c.to);
    const found = check({ 'homelab.yaml': text }).filter((f) => f.rule === c.rule);
    assert.equal(found.length, c.count ?? 1, summary(found));
    assert.equal(found[0].line, lineOf(text, c.at), summary(found));
    if (c.message) assert.match(found[0].message, c.message);
  });

test('ip-duplicate reports both places, each pointing at the other', () => {
  const text = edit(BASE, 'ip: 10.1.0.11', 'ip: 10.1.0.10');
  const found = check({ 'homelab.yaml': text }).filter((f) => f.rule === 'ip-duplicate');
  assert.equal(found.length, 2);
  const [a, b] = found.map((f) => f.d);
  assert.deepEqual(a.related?.map((r) => r.span), [b.span]);
  assert.deepEqual(b.related?.map((r) => r.span), [a.span]);
});

test('a rule can be turned off or changed per workspace', () => {
  const text = edit(BASE, 'ip: 10.1.0.10', 'ip: 10.9.0.10');
  assert.equal(check({ 'homelab.yaml': text }, { rules: { 'ip-outside-network': 'off' } }).length, 0);
  const found = check({ 'homelab.yaml': text }, { rules: { 'ip-outside-network': 'hint' } });
  assert.deepEqual(found.map((f) => [f.rule, f.severity]), [['ip-outside-network', 'hint']]);
});

test('a line comment suppresses one rule on its line or the next', () => {
  const same = edit(BASE, 'ip: 10.1.0.10', 'ip: 10.9.0.10 # homelab-ignore: ip-outside-network');
  assert.equal(check({ 'homelab.yaml': same }).length, 0);
  const above = edit(BASE, '    ip: 10.1.0.10', '    # homelab-ignore: ip-outside-network\n    ip: 10.9.0.10');
  assert.equal(check({ 'homelab.yaml': above }).length, 0);
  const other = edit(BASE, 'ip: 10.1.0.10', 'ip: 10.9.0.10 # homelab-ignore: ip-duplicate');
  assert.equal(check({ 'homelab.yaml': other }).length, 1);
});

test('a missing folder is no homelab; an empty inventory is', () => {
  assert.equal(check({ 'README.md': 'hi' }).length, 0);
  assert.equal(check({ 'homelab.yaml': '' }).length, 0);
});
