// Profile and cross-file rules, data-driven over a small clean homelab
// (test/fixtures/checks/lab): it has no diagnostics; each case seeds one
// mistake in one file and expects its rule at its line (nothing else of that rule).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkDocument } from '../../../server/src/checks/run';
import { check, edit, summary, workspaceOf, ROOT, loadTree } from './helpers';

const DIR = join(__dirname, '../../fixtures/checks/lab');

const LAB = loadTree(DIR);
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

test('the clean lab has no diagnostics', () => {
  assert.equal(summary(check(LAB)), '');
});

interface Case {
  rule: string;
  file: string;
  from: string;
  to: string;
  /** Expected: a file and the text on the line (defaults: the edited file, `to`). */
  atFile?: string;
  at?: string;
  message?: RegExp;
}

const W = 'profiles/web-config.nix';
const M = 'profiles/mon-config.nix';
const B = 'profiles/base-config.nix';
const Y = 'homelab.yaml';

const cases: Case[] = [
  { rule: 'unknown-setting', file: W, from: '    caddyEnable = true;', to: '    caddyEnabel = true;', message: /did you mean `caddyEnable`/ },
  { rule: 'unknown-setting', file: B, from: '    shell = "zsh";', to: '    shel = "zsh";', message: /unknown setting `shel` in userSettings; did you mean `shell`/ },
  { rule: 'setting-type', file: W, from: '    caddyEnable = true;', to: '    caddyEnable = "yes";', at: 'caddyEnable = "yes"', message: /must be `true` or `false`.*not a string/ },
  { rule: 'setting-type', file: B, from: 'allowedTCPPorts = [ 22 9100 ];', to: 'allowedTCPPorts = 22;', at: 'allowedTCPPorts = 22', message: /must be a list/ },
  { rule: 'setting-enum', file: W, from: 'caddyLogLevel = "warn";', to: 'caddyLogLevel = "warning";', message: /use one of `debug`, `info`, `warn`/ },
  { rule: 'setting-enum', file: B, from: 'shell = "zsh";', to: 'shell = "fish";', message: /not an option of `shell`/ },
  { rule: 'deprecated-setting', file: W, from: '    caddyEnable = true;', to: '    caddyEnable = true;\n    autoUpdateEnable = true;', at: 'autoUpdateEnable', message: /use `autoSystemUpdateEnable`/ },
  { rule: 'unused-setting', file: W, from: '    caddyEnable = true;', to: '    caddyEnable = true;\n    legacyThingEnable = true;', at: 'legacyThingEnable', message: /not read by any module/ },
  { rule: 'ip-format', file: W, from: 'ipAddress = "10.1.0.10";', to: 'ipAddress = "10.1.0.1000";', at: 'ipAddress', message: /not a number from 0 to 255/ },
  { rule: 'ip-format', file: B, from: 'nameServers = [ "10.1.0.1" ];', to: 'nameServers = [ "10.1.0" ];', at: 'nameServers', message: /four numbers/ },
  { rule: 'ip-outside-network', file: W, from: 'ipAddress = "10.1.0.10";', to: 'ipAddress = "10.9.0.10";', at: 'ipAddress' },
  { rule: 'ip-duplicate', file: Y, from: 'ip: 10.1.0.11', to: 'ip: 10.1.0.12\n    profile: profiles/web-config.nix', atFile: Y, at: 'ip: 10.1.0.10' },
  { rule: 'inventory-profile-mismatch', file: W, from: 'ipAddress = "10.1.0.10";', to: 'ipAddress = "10.1.0.20";', at: 'ipAddress', message: /inventory says `10.1.0.10`/ },
  { rule: 'inventory-profile-mismatch', file: Y, from: 'hostname: web', to: 'hostname: www', atFile: W, at: 'hostname = "web"', message: /hostname disagrees/ },
  { rule: 'inventory-profile-mismatch', file: W, from: '"Sun *-*-* 03:00:00"', to: '"Sun 03:05"', at: 'autoSystemUpdateOnCalendar', message: /update calendar disagrees/ },
  { rule: 'calendar-format', file: W, from: '"Sun *-*-* 03:00:00"', to: '"Sunday at 3"', at: 'autoSystemUpdateOnCalendar' },
  { rule: 'port-not-open', file: W, from: 'allowedTCPPorts = [ 22 443 9100 ];', to: 'allowedTCPPorts = [ 22 9100 ];', atFile: Y, at: 'services: [caddy]', message: /caddy listens on port 443/ },
  { rule: 'monitoring-coverage', file: M, from: '      { name = "web"; host = "10.1.0.10"; }\n', to: '', atFile: W, at: 'ipAddress', message: /no profile's prometheusRemoteTargets scrapes 10.1.0.10/ },
  { rule: 'unknown-scrape-target', file: M, from: '"10.1.0.2" ]', to: '"10.1.0.2" "10.1.0.99" ]', at: 'prometheusBlackboxIcmpTargets', message: /`10.1.0.99`/ },
  // What runs is the truth: the profile moved to web's minute while the inventory still says 03:10.
  { rule: 'update-not-staggered', file: M, from: 'autoSystemUpdateOnCalendar = "Sun *-*-* 03:10:00";', to: 'autoSystemUpdateOnCalendar = "Sun *-*-* 03:00:00";', at: 'autoSystemUpdateOnCalendar', message: /same minute as web/ },
  { rule: 'unknown-reference', file: W, from: 'base = import ./base-config.nix;', to: 'base = import ./basic-config.nix;', at: 'import ./basic', message: /`.\/basic-config.nix` does not exist/ },
  { rule: 'nix-syntax', file: 'modules/app.nix', from: 'systemSettings.hostname;', to: 'systemSettings.hostname', at: 'systemSettings.hostname' },
  { rule: 'nix-undefined-variable', file: 'modules/app.nix', from: 'systemSettings.sshPort ]', to: 'sshPort ]', at: 'openssh.ports', message: /sshPort/ },
  { rule: 'nix-duplicate-attribute', file: 'modules/app.nix', from: '  prom = systemSettings.prometheusEnable;', to: '  prom = systemSettings.prometheusEnable;\n  prom = 1;', at: 'prom = 1' },
  { rule: 'nix-unused-binding', file: W, from: '  base = import ./base-config.nix;', to: '  base = import ./base-config.nix;\n  spare = 1;', at: 'spare' },
];

for (const c of cases)
  test(`${c.rule} fires: ${c.file} ${c.to.trim().split('\n').pop()}`, () => {
    const files = { ...LAB, [c.file]: edit(LAB[c.file], c.from, c.to) };
    const found = check(files);
    const mine = found.filter((f) => f.rule === c.rule);
    const file = c.atFile ?? c.file;
    const at = c.at ?? c.to.trim();
    assert.equal(mine.length >= 1, true, summary(found));
    const hit = mine.find((f) => f.file === file && f.line === lineOf(files[file], at));
    assert.ok(hit, `expected ${c.rule} at ${file}:${lineOf(files[file], at)}, got\n${summary(found)}`);
    if (c.message) assert.match(hit.message, c.message);
    assert.equal(mine.length, c.rule === 'ip-duplicate' ? 2 : 1, summary(mine));
  });

test('a setting inherited from the base is checked once, in the base file', () => {
  const files = { ...LAB, [B]: edit(LAB[B], 'shell = "zsh";', 'shell = "tcsh";') };
  const found = check(files).filter((f) => f.rule === 'setting-enum');
  assert.deepEqual(found.map((f) => f.file), [B]);
  // ... with each profile's merge as related information.
  const related = (found[0].d.related ?? []).map((r) => [r.uri.slice(ROOT.length + 1), r.message]).sort();
  assert.deepEqual(related, [
    [M, 'inherited by mon through this merge'],
    [W, 'inherited by web through this merge'],
  ]);
});

test('suppression comments work in Nix', () => {
  const files = { ...LAB, [W]: edit(LAB[W], '    caddyEnable = true;', '    # homelab-ignore: unknown-setting\n    caddyEnabel = true;') };
  assert.equal(summary(check(files)), '');
});

test('encrypted-file: reported for an open encrypted file only; imports from it are unknown, not errors', () => {
  const secret = '\0GITCRYPT\0\x8f\x12binarystuff';
  const files = {
    ...LAB,
    'secrets/s.nix': secret,
    [W]: edit(LAB[W], '  base = import ./base-config.nix;', '  base = import ./base-config.nix;\n  secrets = import ../secrets/s.nix;').replace('caddyLogLevel = "warn";', 'caddyLogLevel = secrets.level;'),
  };
  const ws = workspaceOf(files);
  assert.deepEqual(checkDocument(ws, `${ROOT}/secrets/s.nix`), []);
  assert.deepEqual(checkDocument(ws, `${ROOT}/${W}`), []);
  ws.setDocument(`${ROOT}/secrets/s.nix`, secret, 1);
  const d = checkDocument(ws, `${ROOT}/secrets/s.nix`);
  assert.deepEqual(d.map((x) => [x.rule, x.severity]), [['encrypted-file', 'info']]);
  assert.match(d[0].message, /git-crypt/);
});

test('file-too-large: one info diagnostic, nothing parsed', () => {
  const files = { ...LAB, [W]: edit(LAB[W], 'caddyEnable = true;', 'caddyEnabel = true;') };
  const ws = workspaceOf(files, { maxFileSize: 200 });
  const d = checkDocument(ws, `${ROOT}/${W}`);
  assert.deepEqual(d.map((x) => x.rule), ['file-too-large']);
  assert.deepEqual(checkDocument(workspaceOf(files), `${ROOT}/${W}`).map((x) => x.rule), ['unknown-setting']);
});
