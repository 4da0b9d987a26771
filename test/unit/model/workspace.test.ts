// The workspace model: homelabs with and without an inventory, multi-root,
// open documents over disk, and incremental re-evaluation (a one-file change
// re-evaluates only the profiles that read that file).
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import assert from 'node:assert/strict';
import { memoryHost } from '../memoryHost';
import type { NixLayer } from '../../../server/src/model/nixAdapter';
import { realNixLayer } from '../../../server/src/model/nixBinding';
import { Workspace } from '../../../server/src/model/workspace';
import { settingValue } from '../../../server/src/model/profiles';
import { EntryTable } from '../../../server/src/syntax/entryTable';

const R = 'file:///lab';

const base = '{ systemSettings = { sshEnable = true; }; userSettings = { }; }';
const profile = (name: string, ip: string): string =>
  `let base = import ./base-config.nix; in { systemSettings = base.systemSettings // { hostname = "${name}"; ipAddress = "${ip}"; }; userSettings = base.userSettings; }`;

function counting(): { layer: NixLayer; evaluated: string[] } {
  const evaluated: string[] = [];
  return {
    evaluated,
    layer: {
      analyze: realNixLayer.analyze,
      evaluate(uri, host) {
        evaluated.push(uri.slice(uri.lastIndexOf('/') + 1));
        return realNixLayer.evaluate(uri, host);
      },
    },
  };
}

function lab(): Record<string, string> {
  return {
    'profiles/base-config.nix': base,
    'profiles/a-config.nix': profile('a', '10.0.0.1'),
    'profiles/b-config.nix': profile('b', '10.0.0.2'),
    'lib/other.nix': '{ }',
  };
}

test('without an inventory, profiles that set a hostname or an address are the containers', () => {
  const ws = new Workspace(memoryHost(lab(), R));
  ws.addFolder(R);
  const h = ws.homelabs()[0];
  assert.equal(h.inventory, undefined);
  assert.deepEqual([...h.machines.keys()].sort(), ['a', 'b']);
  assert.equal(h.machines.get('a')?.ip?.value, '10.0.0.1');
  assert.equal(h.profiles.size, 3);
});

test('with an inventory but no profiles', () => {
  const ws = new Workspace(memoryHost({ 'homelab.yml': 'containers:\n  c1:\n    ip: 10.0.0.5\n' }, R));
  ws.addFolder(R);
  const h = ws.homelabs()[0];
  assert.ok(h.inventoryUri?.endsWith('/homelab.yml'));
  assert.deepEqual([...h.machines.keys()], ['c1']);
  assert.equal(h.machines.get('c1')?.configExists, false);
});

test('multi-root: one homelab per folder with an inventory or profiles; others are none', () => {
  const host = memoryHost({ 'one/homelab.yaml': 'version: 1\n', 'two/profiles/x-config.nix': profile('x', '10.0.0.9'), 'three/readme.md': '' }, R);
  const ws = new Workspace(host);
  for (const f of ['one', 'two', 'three']) ws.addFolder(`${R}/${f}`);
  assert.deepEqual(ws.homelabs().map((h) => h.root.slice(R.length + 1)), ['one', 'two']);
  assert.equal(ws.homelabFor(`${R}/two/profiles/x-config.nix`)?.root, `${R}/two`);
  assert.equal(ws.homelabFor(`${R}/three/readme.md`), undefined);
});

test('the inventory setting points at another file', () => {
  const ws = new Workspace(memoryHost({ 'infra/lab.yaml': 'containers:\n  c1:\n    ip: 10.0.0.5\n' }, R));
  ws.addFolder(R, { inventory: 'infra/lab.yaml' });
  assert.deepEqual([...(ws.homelabs()[0]?.machines.keys() ?? [])], ['c1']);
});

test('open documents override the disk, and closing returns to it', () => {
  const ws = new Workspace(memoryHost(lab(), R));
  ws.addFolder(R);
  const uri = `${R}/profiles/a-config.nix`;
  ws.setDocument(uri, profile('a', '10.0.0.7'), 1);
  assert.equal(ws.homelabs()[0].machines.get('a')?.ip?.value, '10.0.0.7');
  ws.closeDocument(uri);
  assert.equal(ws.homelabs()[0].machines.get('a')?.ip?.value, '10.0.0.1');
});

test('a one-file change re-evaluates only what read that file', () => {
  const { layer, evaluated } = counting();
  const ws = new Workspace(memoryHost(lab(), R), layer);
  ws.addFolder(R);
  ws.homelabs();
  assert.deepEqual([...evaluated].sort(), ['a-config.nix', 'b-config.nix', 'base-config.nix']);

  evaluated.length = 0;
  ws.setDocument(`${R}/profiles/a-config.nix`, profile('a', '10.0.0.3'), 1);
  ws.homelabs();
  assert.deepEqual(evaluated, ['a-config.nix'], 'only the changed profile');

  evaluated.length = 0;
  ws.setDocument(`${R}/lib/other.nix`, '{ x = 1; }', 1);
  ws.homelabs();
  assert.deepEqual(evaluated, [], 'a file nobody imports');

  evaluated.length = 0;
  ws.setDocument(`${R}/profiles/base-config.nix`, '{ systemSettings = { sshEnable = false; }; userSettings = { }; }', 1);
  const h = ws.homelabs()[0];
  assert.deepEqual([...evaluated].sort(), ['a-config.nix', 'b-config.nix', 'base-config.nix'], 'everything importing the base');
  const v = settingValue(h.machines.get('b')?.profile, 'sshEnable');
  assert.equal(v?.kind === 'boolean' && v.value, false);

  evaluated.length = 0;
  ws.setDocument(`${R}/profiles/base-config.nix`, '{ systemSettings = { sshEnable = false; }; userSettings = { }; }', 2);
  ws.homelabs();
  assert.deepEqual(evaluated, [], 'same text, new version: nothing to do');
});

test('file events for closed files invalidate them; created files join the homelab', () => {
  const host = memoryHost(lab(), R);
  const ws = new Workspace(host);
  ws.addFolder(R);
  assert.equal(ws.homelabs()[0].machines.size, 2);
  host.files.set(`${R}/profiles/c-config.nix`, profile('c', '10.0.0.3'));
  ws.fileChanged(`${R}/profiles/c-config.nix`, 'created');
  assert.equal(ws.homelabs()[0].machines.size, 3);
  host.files.set(`${R}/profiles/a-config.nix`, profile('a', '10.0.0.4'));
  ws.fileChanged(`${R}/profiles/a-config.nix`, 'changed');
  assert.equal(ws.homelabs()[0].machines.get('a')?.ip?.value, '10.0.0.4');
  host.files.delete(`${R}/profiles/c-config.nix`);
  ws.fileChanged(`${R}/profiles/c-config.nix`, 'deleted');
  assert.equal(ws.homelabs()[0].machines.size, 2);
});

test('containers without a profile file are found missing from the folder listing, not by a file-system call each', () => {
  const names = Array.from({ length: 2_000 }, (_, i) => `c${i}`);
  const inventory = `containers:\n${names.map((n, i) => `  ${n}:\n    ip: 10.0.${i >> 8}.${(i & 255) + 1}\n`).join('')}`;
  const host = memoryHost({ ...lab(), 'homelab.yaml': inventory }, R);
  let stats = 0;
  const counted = { ...host, exists: (u: string) => (stats++, host.exists(u)), stat: (u: string) => (stats++, host.stat(u)) };
  const ws = new Workspace(counted);
  ws.addFolder(R);
  const h = ws.homelabs()[0];
  assert.equal(h.machines.size, 2_000);
  assert.equal([...h.machines.values()].filter((c) => c.configExists).length, 0);
  assert.ok(stats < 50, `${stats} file-system calls`);
  // A profile created later (its file event forgets the listing) is found; a closed-and-open one too.
  host.files.set(`${R}/profiles/c7-config.nix`, profile('c7', '10.0.0.8'));
  ws.fileChanged(`${R}/profiles/c7-config.nix`, 'created');
  ws.setDocument(`${R}/profiles/c9-config.nix`, profile('c9', '10.0.0.10'), 1);
  const after = ws.homelabs()[0];
  assert.deepEqual([...after.machines.values()].filter((c) => c.configExists).map((c) => c.name), ['c7', 'c9']);
});

test('typing in a profile does not keep the models of earlier keystrokes alive', async () => {
  // A full collection on demand: the test runner gives no --expose-gc.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const ws = new Workspace(memoryHost(lab(), R));
  ws.addFolder(R);
  const uri = `${R}/profiles/a-config.nix`;
  const first = new WeakRef(ws.homelabs()[0]);
  for (let i = 0; i < 20; i++) {
    ws.setDocument(uri, profile('a', `10.0.0.${i + 10}`), i + 1);
    assert.ok(ws.homelabAround(uri), 'the model around the keystroke (the last build with this profile replaced)');
    ws.homelabs();
  }
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.equal(first.deref(), undefined, 'the first model is still reachable');
});

test('the catalog merges defaults (with comments and options), module reads and the shipped schema', () => {
  const files = {
    ...lab(),
    'lib/defaults.nix': '{ pkgs, ... }: {\n  systemSettings = {\n    # Log level.\n    # Options: "a", "b"\n    level = "a";\n    hostname = "nixos";\n  };\n  userSettings = { };\n}',
    'modules/m.nix': '{ systemSettings, ... }: { x = systemSettings.extraEnable or true; y = systemSettings.level; }',
  };
  const ws = new Workspace(memoryHost(files, R));
  ws.addFolder(R);
  const cat = ws.homelabs()[0].catalog;
  const level = cat.systemSettings.get('level');
  assert.deepEqual([level?.types, level?.default, level?.enum, level?.reads.length], [['string'], 'a', ['a', 'b'], 1]);
  assert.match(level?.description ?? '', /^Log level\./);
  const extra = cat.systemSettings.get('extraEnable');
  assert.deepEqual([extra?.types, extra?.default, extra?.sources], [['boolean'], true, ['read']]);
  const hostname = cat.systemSettings.get('hostname');
  assert.deepEqual(hostname?.sources.sort(), ['defaults', 'shipped']);
  assert.equal(hostname?.default, 'nixos');
  assert.ok(cat.systemSettings.get('autoUpdateEnable')?.deprecated?.replacement, 'shipped deprecations');
});

test('a user catalog file wins over the derived entries', () => {
  const files = {
    ...lab(),
    'lib/defaults.nix': '{ systemSettings = { level = "a"; }; userSettings = { }; }',
    'my-catalog.json': JSON.stringify({ catalog: { systemSettings: { level: { type: 'string', enum: ['x', 'y'], description: 'mine' } } } }),
  };
  const ws = new Workspace(memoryHost(files, R));
  ws.addFolder(R, { schemas: ['my-catalog.json'] });
  const level = ws.homelabs()[0].catalog.systemSettings.get('level');
  assert.deepEqual([level?.enum, level?.description], [['x', 'y'], 'mine']);
});

test('a model build evaluates its profiles in one session: the same values as alone, and a change to the shared base reaches every profile', () => {
  const files = { ...lab(), 'profiles/c-config.nix': profile('c', '10.0.0.3') };
  const shared = new Workspace(memoryHost(files, R));
  shared.addFolder(R);
  // The same layer without sessions: every profile evaluated on its own.
  const alone = new Workspace(memoryHost(files, R), { analyze: realNixLayer.analyze, evaluate: realNixLayer.evaluate });
  alone.addFolder(R);
  const plain = (ws: Workspace): unknown =>
    [...ws.homelabs()[0].profiles.values()].map((p) => [p.name, JSON.stringify(p.value, (k, v: unknown) => (v instanceof Map || v instanceof EntryTable ? [...(v as ReadonlyMap<unknown, unknown>)] : v && typeof v === 'object' && 'kind' in v && !Object.hasOwn(v, 'kind') ? { ...v, kind: v.kind } : v)), [...p.deps].sort()]);
  assert.deepEqual(plain(shared), plain(alone));
  // Each profile depends on the base it imports, though the session read the base only once.
  for (const name of ['a', 'b', 'c']) assert.ok(shared.homelabs()[0].profiles.get(`${R}/profiles/${name}-config.nix`)?.deps.includes(`${R}/profiles/base-config.nix`), name);
  shared.setDocument(`${R}/profiles/base-config.nix`, base.replace('sshEnable = true;', 'sshEnable = false;'), 1);
  for (const p of shared.homelabs()[0].profiles.values()) assert.equal((settingValue(p, 'sshEnable') as { value?: unknown } | undefined)?.value, false, p.name);
});
