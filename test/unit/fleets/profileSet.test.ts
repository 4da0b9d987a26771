// Our first user's shapes, in our own words (test/fixtures/profile-set-homelab):
// machines from a helper given a set of profiles (a darwin one among them),
// base profiles marked as such, the repository's deploy list with groups,
// ordered addresses and a private overlay, an archived folder, a setting its
// module compares with null and one it reads through `?`. Machines, deploys
// and findings are compared whole with expected.json; each quiet finding has
// a control that brings it back when the shape that silences it is removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../server/src/cli/main';
import { effectiveMachine } from '../../../server/src/model/effectiveMachine';
import { nodeFsHost } from '../../../server/src/model/host';
import { pathToUri } from '../../../server/src/model/uri';
import { Workspace } from '../../../server/src/model/workspace';
import { mapPlaceholders, readDeployList } from '../../../server/src/model/deployList';
import { profileSetsIn } from '../../../server/src/model/machines/fromProfileSet';
import { inventoryFromProfiles } from '../../../server/src/model/inventoryFromProfiles';

const FIXTURE = join(__dirname, '../../fixtures/profile-set-homelab');
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8')) as {
  machines: Record<string, unknown>[];
  deploys: Record<string, Record<string, unknown>>;
  findings: string[];
};

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  // stderr (the line about a missing option tree) is not part of the report.
  const code = await main(args, (s) => out.push(s), () => undefined);
  return { code, out: out.join('\n') };
}

interface Item { file: string; range: { start: { line: number } }; severity: string; rule: string; message: string }

async function findings(dir: string): Promise<string[]> {
  const items = JSON.parse((await cli(dir, '--format', 'json')).out) as Item[];
  return items.map((i) => `${i.file}:${i.range.start.line + 1} ${i.severity} ${i.rule}`).sort();
}

/** A copy of the fixture with some files changed, removed after `use`. */
async function variant(change: Record<string, (text: string) => string>, use: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'profile-set-'));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    for (const [file, f] of Object.entries(change)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      let before = '';
      try { before = readFileSync(join(dir, file), 'utf8'); } catch { before = ''; }
      writeFileSync(join(dir, file), f(before));
    }
    await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const KEYS = ['name', 'addresses', 'deploy', 'deployTargets', 'group', 'os', 'base', 'usedBy', 'baseOf'];

test('machines: the profile set names them (one macOS), base profiles are marked base, deploys come from the deploy list', async () => {
  const r = await cli('machines', FIXTURE, '--format', 'json');
  assert.equal(r.code, 0);
  const rows = (JSON.parse(r.out) as { machines: Record<string, unknown>[] }).machines
    .map((row) => Object.fromEntries(KEYS.filter((k) => row[k] !== undefined).map((k) => [k, row[k]])))
    .sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
  assert.deepEqual(rows, [...expected.machines].sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1)));
  const text = await cli('machines', FIXTURE);
  assert.match(text.out, /^homelab-check: 6 machines \(1 macOS, 4 base profiles\)$/m);
  assert.match(text.out, /^STUDIO_MAC {2}macOS \(nix-darwin\)/m);
  assert.match(text.out, /^SHED-base {2}base profile \(no machine imports it\)/m);
});

test('a profile\'s other own addresses: Wi-Fi, a wake listener, a VLAN list and a bond set, each where its file writes it; a gateway is not one', async () => {
  const r = await cli('machines', FIXTURE, '--format', 'json');
  const rows = (JSON.parse(r.out) as { machines: { name: string; addressPlaces: unknown[]; gateways?: unknown[] }[] }).machines;
  const places = (name: string) => rows.find((m) => m.name === name)?.addressPlaces;
  assert.deepEqual(places('ATLAS'), [
    { address: '127.0.0.21', option: 'ipAddress', file: 'profiles/ATLAS-config.nix', line: 5 },
    { address: '127.0.0.23', option: 'systemSettings.wifiIpAddress', file: 'profiles/ATLAS-config.nix', line: 6 },
    // A script brings it up: only the setting's name says it is the desk's.
    { address: '127.0.0.24', prefixLength: 8, option: 'systemSettings.wakeStaticIp', file: 'profiles/ATLAS-config.nix', line: 7 },
    // Read through the module that builds a networkd network from it: listed once, under that option.
    { address: '127.0.0.25', prefixLength: 8, option: 'systemd.network.networks."50-backup".address', file: 'profiles/ATLAS-config.nix', line: 8 },
  ]);
  assert.deepEqual(rows.find((m) => m.name === 'ATLAS')?.gateways, [{ address: '127.0.0.1', file: 'profiles/ATLAS-config.nix', line: 9 }]);
  // The guest starts from the desk's settings but writes none of these itself.
  assert.deepEqual(places('ATLAS_GUEST'), [{ address: '127.0.0.22', option: 'ipAddress', file: 'profiles/ATLAS_GUEST-config.nix', line: 8 }]);
  assert.deepEqual(places('BOX_DB'), [
    { address: '127.0.0.41', option: 'ipAddress', file: 'profiles/BOX_DB-config.nix', line: 7 },
    { address: '127.0.0.43', prefixLength: 8, option: 'systemSettings.bondStaticIp.address', file: 'profiles/BOX_DB-config.nix', line: 9 },
  ]);
  // The address index sees them as the machine's own (hover, duplicates).
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToUri(FIXTURE));
  const own = ws.homelabs()[0].addresses.places.filter((p) => p.role === 'declares' && p.owner?.name === 'ATLAS').map((p) => p.text).sort();
  assert.deepEqual(own, ['127.0.0.21', '127.0.0.23', '127.0.0.24', '127.0.0.25']);
});

test('deploy settings from the list: user, command with {DIR}/{PROFILE} mapped, the dotfiles checkout, SSH time-out', () => {
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToUri(FIXTURE));
  const h = ws.homelabs()[0];
  const got: Record<string, Record<string, unknown>> = {};
  for (const c of h.machines.values()) {
    const d = effectiveMachine(h, c).deploy;
    if (d.methodFrom !== 'deploy-list') continue;
    got[c.name] = { user: d.user, dotfilesDir: d.dotfilesDir, command: d.command, connectTimeout: d.connectTimeout };
  }
  assert.deepEqual(got, expected.deploys);
  const roam = effectiveMachine(h, h.machines.get('ROAM_ONE')!).deploy;
  assert.deepEqual(roam.targets.map((t) => t.value), ['127.0.0.3', '127.0.0.1', 'roam-one.tail']);
  assert.equal(roam.targetFrom, 'deploy-list');
});

test('findings compared whole: only the dead file\'s missing import (a warning) and its undefined variable (an error)', async () => {
  assert.deepEqual(await findings(FIXTURE), [...expected.findings].sort());
});

test('controls: each silenced finding comes back without the shape that silences it', async () => {
  // Without the null test, null is no list.
  await variant({ 'modules/panels.nix': (t) => t.replace('(systemSettings.panelLayouts or null) != null', 'systemSettings.panelLayouts != [ ]') }, async (dir) => {
    assert.ok((await findings(dir)).includes('profiles/ATLAS-config.nix:10 error setting-type'));
  });
  // Without the `?` read, nothing declares notesToken.
  await variant({ 'modules/mac/shell.nix': (t) => t.replace('userSettings ? notesToken && userSettings.notesToken != ""', 'true') }, async (dir) => {
    assert.ok((await findings(dir)).includes('profiles/STUDIO_MAC-config.nix:9 warning unknown-setting'));
  });
  // `homelab.exclude: []` checks the archive: its broken import is a warning (nothing uses the file), not an error.
  await variant({ '.vscode/settings.json': () => '{ "homelab.exclude": [] }' }, async (dir) => {
    const all = await findings(dir);
    assert.ok(all.includes('profiles/archived/OLD_SHED-config.nix:3 warning unknown-reference'), all.join('\n'));
  });
  // A broken import in a file a machine uses stays an error.
  await variant({ 'modules/common.nix': (t) => t.replace('{ systemSettings', 'let x = import ./nowhere.nix; in { systemSettings') }, async (dir) => {
    assert.ok((await findings(dir)).includes('modules/common.nix:1 error unknown-reference'));
  });
});

test('the inventory wins for what it declares; the list fills the rest', async () => {
  const inventory = 'version: 1\ncontainers:\n  BOX_DB:\n    ip: 127.0.0.99\ndeploy:\n  user: admin\n  dotfilesDir: /srv/dots\n';
  await variant({ 'homelab.yaml': () => inventory }, async (dir) => {
    const ws = new Workspace(nodeFsHost());
    ws.addFolder(pathToUri(dir));
    const h = ws.homelabs()[0];
    const box = effectiveMachine(h, h.machines.get('BOX_DB')!);
    assert.equal(box.deploy.target?.value, '127.0.0.99');
    assert.equal(box.deploy.targetFrom, 'inventory');
    assert.equal(box.deploy.user, 'admin');
    assert.equal(box.deploy.dotfilesDir, '/srv/dots');
    assert.equal(box.deploy.command, './install.sh {dir} {profile} --switch');
    // The set's other machines are still machines beside the inventory's.
    assert.ok(h.machines.has('ROAM_ONE') && h.machines.has('STUDIO_MAC'));
  });
});

test('Create Inventory moves no deploy: with the inventory it writes, every machine deploys by the same method to the same targets, in the same order', async () => {
  await variant({}, async (dir) => {
    const deploys = (): string[] => {
      const ws = new Workspace(nodeFsHost());
      ws.addFolder(pathToUri(dir));
      const h = ws.homelabs()[0];
      return [...h.machines.values()].map((c) => {
        const d = effectiveMachine(h, c).deploy;
        return `${c.name} ${d.method} ${d.user ?? ''}@${d.targets.map((t) => t.value).join(',')}`;
      }).sort();
    };
    const before = deploys();
    const ws = new Workspace(nodeFsHost());
    ws.addFolder(pathToUri(dir));
    const created = inventoryFromProfiles(ws, pathToUri(dir));
    // ROAM_ONE's profile says 127.0.0.31 while the list deploys to 127.0.0.3 first: the written ip restates the profile.
    assert.match(created.text, /ROAM_ONE:[^\n]*\n\s+ip: 127\.0\.0\.31/);
    writeFileSync(join(dir, 'homelab.yaml'), created.text);
    assert.deepEqual(deploys(), before);
    assert.ok(before.some((d) => d.startsWith('ROAM_ONE ssh-script alex@127.0.0.3,127.0.0.1,roam-one.tail')), before.join('\n'));
    // The written inventory is valid: no finding in it.
    assert.deepEqual((await findings(dir)).filter((f) => f.startsWith('homelab.yaml')), []);
  });
});

test('deploy list format: groups, comments, ordered addresses, a locked overlay named and not read, bad lines kept as problems', () => {
  const main = '# comment\n\n@Group A|*\nweb|ops|10.0.0.1, web.lan|the web|./go {DIR} {PROFILE} {OTHER}|7\nbroken-line\n@Group B\ndb|root|10.0.0.2|db||x\n';
  const list = readDeployList([
    { uri: 'file:///r/deploy-servers.conf', text: main },
    { uri: 'file:///r/deploy-servers-private.conf', text: '\0GITCRYPT\0\x01\x02' },
  ]);
  assert.deepEqual(list.files.map((f) => f.locked), [false, true]);
  assert.deepEqual(list.groups.map((g) => [g.name, g.icon]), [['Group A', '*'], ['Group B', undefined]]);
  const web = list.entries.get('web')!;
  assert.deepEqual(web.addresses.map((a) => a.value), ['10.0.0.1', 'web.lan']);
  assert.equal(main.slice(web.addresses[1].origin.span.start, web.addresses[1].origin.span.end), 'web.lan');
  assert.equal(web.command, './go {dir} {profile} {OTHER}');
  assert.equal(web.connectTimeout?.value, 7);
  assert.equal(web.group, 'Group A');
  assert.equal(list.entries.get('db')?.group, 'Group B');
  assert.equal(list.entries.get('db')?.command, undefined);
  assert.deepEqual(list.problems.map((p) => p.message), [
    'expected PROFILE|USER|ADDRESSES|DESCRIPTION|COMMAND|SSH_TIMEOUT, found 1 field',
    'SSH_TIMEOUT `x` is not a whole number of seconds',
  ]);
  assert.equal(mapPlaceholders('{DIR}/{PROFILE}'), '{dir}/{profile}');
});

test('a profile set is read only when every entry is a path; comments inside are skipped', () => {
  const ok = profileSetsIn('file:///r/flake.nix', 'f { profiles = {\n  # old = ./o.nix;\n  a = ./p/a.nix; "b-c" = ./p/b.nix; }; }');
  assert.deepEqual(ok.map((s) => s.entries.map((e) => [e.name, e.uri])), [[['a', 'file:///r/p/a.nix'], ['b-c', 'file:///r/p/b.nix']]]);
  assert.deepEqual(profileSetsIn('file:///r/flake.nix', 'f { profiles = { a = ./a.nix; b = import ./b.nix; }; }'), []);
});

test('an edit to the deploy list on disk reaches the next model build', async () => {
  await variant({}, async (dir) => {
    const ws = new Workspace(nodeFsHost());
    ws.addFolder(pathToUri(dir));
    let h = ws.homelabs()[0];
    assert.equal(effectiveMachine(h, h.machines.get('BOX_DB')!).deploy.user, 'ops');
    const list = join(dir, 'deploy-servers.conf');
    writeFileSync(list, readFileSync(list, 'utf8').replace('BOX_DB|ops|', 'BOX_DB|dba|'));
    ws.fileChanged(pathToUri(list));
    h = ws.homelabs()[0];
    assert.equal(effectiveMachine(h, h.machines.get('BOX_DB')!).deploy.user, 'dba');
  });
});
