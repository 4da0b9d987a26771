// Machines on different nixpkgs, and Home Manager modules
// (test/fixtures/options/pinned): discovery records each machine's nixpkgs
// (a flake input, colmena's meta.nixpkgs / nodeNixpkgs, a NIX_PATH entry) and
// the Home Manager modules of its users and of `homeConfigurations`; the
// sources find each pinned tree in a store of the test's own; and the option
// rules judge each file against its own trees: a machine's file against its
// nixpkgs, a file shared by machines on two trees only for what both reject,
// a Home Manager module against Home Manager and the workspace's
// Home-Manager-only options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { checkAll } from '../../../server/src/checks/run';
import { fileKinds, findOptionSources, listNixFiles, OptionIndex, OptionIndexStore, OptionScopes, DEFAULT_TREE, pinKey, type LoadedOptions, type PinRef } from '../../../server/src/model/options';
import { nodeFsHost } from '../../../server/src/model/host';
import { memoryHost } from '../memoryHost';
import { Workspace } from '../../../server/src/model/workspace';
import { LineIndex } from '../../../server/src/syntax/lineIndex';
import { buildIndexInline, fakeStore, labRoot, LOCKED_TREES } from './helpers';
import { storePathFromNarHash } from '../../../server/src/model/options/storePath';

const LAB = pathToFileURL(labRoot).href;
const rel = (u: string): string => u.slice(LAB.length + 1);

function lab(): Workspace {
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(LAB);
  return ws;
}

test('discovery: each machine\'s nixpkgs input, its users\' Home Manager modules, homeConfigurations', () => {
  const h = lab().homelabFor(`${LAB}/hosts/a.nix`);
  assert.ok(h);
  const pins = [...h.nixosMachines.values()].map((m) => [m.name, m.nixpkgs?.via, m.nixpkgs?.name]);
  assert.deepEqual(pins.sort(), [['a', 'input', 'nixpkgs'], ['b', 'input', 'nixpkgs-stable'], ['c', 'input', 'nixpkgs-old']]);
  const b = h.nixosMachines.get('b');
  // `import ../home/alice.nix` is a Home Manager module; carol's inline module leaves hosts/b.nix a NixOS module.
  assert.deepEqual(b?.homeFiles.map(rel), ['home/alice.nix']);
  assert.deepEqual(h.nixosMachines.get('a')?.homeFiles, []);
  assert.deepEqual(h.homeConfigurations.map((c) => [c.name, c.moduleFiles.map(rel)]), [['bob', ['home/bob.nix', 'home/modules/theme.nix']]]);
});

test('discovery: colmena meta.nixpkgs and nodeNixpkgs, <…> search paths, helpers, inputs@, and nothing when not known', () => {
  const hive = `{
  meta.nixpkgs = import <nixpkgs> { };
  meta.nodeNixpkgs.old = import <nixos-23.05> { };
  web = { ... }: { networking.hostName = "web"; };
  old = { ... }: { networking.hostName = "old"; };
}
`;
  const flake = `{
  outputs = { self, nixpkgs, nixpkgs-stable, nixos-generators, ... }@inputs:
    let mkHost = np: name: np.lib.nixosSystem { modules = [ { networking.hostName = name; } ]; };
    in {
      nixosConfigurations.viaInputs = inputs.nixpkgs-stable.lib.nixosSystem { modules = [ ]; };
      nixosConfigurations.viaHelper = mkHost nixpkgs-stable "viaHelper";
      nixosConfigurations.iso = nixos-generators.nixosGenerate { modules = [ ]; };
      nixosConfigurations.fetched = (import (builtins.fetchTarball "https://example.org/n.tar.gz") { }).lib.nixosSystem { modules = [ ]; };
      colmena = {
        meta.nixpkgs = import nixpkgs { system = "x86_64-linux"; };
        meta.nodeNixpkgs.db = import nixpkgs-stable { system = "x86_64-linux"; };
        app = { ... }: { };
        db = { ... }: { };
      };
    };
}
`;
  const pinsOf = (files: Record<string, string>): string[][] => {
    const ws = new Workspace(memoryHost(files, 'file:///mem'));
    ws.addFolder('file:///mem');
    const h = ws.homelabFor('file:///mem/x.nix');
    return [...(h?.nixosMachines.values() ?? [])].map((m) => [m.name, m.nixpkgs ? `${m.nixpkgs.via}:${m.nixpkgs.name}` : '-']).sort();
  };
  assert.deepEqual(pinsOf({ 'hive.nix': hive }), [['old', 'nix-path:nixos-23.05'], ['web', 'nix-path:nixpkgs']]);
  assert.deepEqual(pinsOf({ 'flake.nix': flake }), [
    ['app', 'input:nixpkgs'],
    ['db', 'input:nixpkgs-stable'],
    ['fetched', '-'],
    ['iso', '-'],
    ['viaHelper', 'input:nixpkgs-stable'],
    ['viaInputs', 'input:nixpkgs-stable'],
  ]);
});

test('discovery: Home Manager modules given as a path, an import, sharedModules, followed through imports; inline ones leave their file', () => {
  const files: Record<string, string> = {
    'flake.nix': `{
  outputs = { self, nixpkgs, home-manager, ... }: {
    nixosConfigurations.m = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ]; };
    homeConfigurations.u = home-manager.lib.homeManagerConfiguration { modules = [ { home.stateVersion = "24.05"; } ./u.nix ]; };
  };
}
`,
    'host.nix': `{ lib, ... }: {
  home-manager.users.p = ./p.nix;
  home-manager.users.q = import ./q.nix;
  home-manager.users.r = { imports = [ ./r.nix ]; home.username = "r"; };
  home-manager.sharedModules = [ ./shared.nix ];
}
`,
    'p.nix': '{ imports = [ ./p-extra.nix ]; }',
    'p-extra.nix': '{ }',
    'q.nix': '{ config, ... }: { }',
    'r.nix': '{ }',
    'shared.nix': '{ }',
    'u.nix': '{ ... }: { }',
  };
  const ws = new Workspace(memoryHost(files, 'file:///mem'));
  ws.addFolder('file:///mem');
  const h = ws.homelabFor('file:///mem/host.nix');
  const short = (us: string[] | undefined) => (us ?? []).map((u) => u.slice('file:///mem/'.length)).sort();
  assert.deepEqual(short(h?.nixosMachines.get('m')?.homeFiles), ['p-extra.nix', 'p.nix', 'q.nix', 'r.nix', 'shared.nix']);
  assert.deepEqual(short(h?.nixosMachines.get('m')?.moduleFiles), ['host.nix']);
  assert.deepEqual(short(h?.homeConfigurations[0]?.moduleFiles), ['u.nix']);
});

test('sources: a pinned input\'s tree from its narHash, the default input shared, a tree not in the store missing', () => {
  const storeDir = fakeStore();
  try {
    const ref = (name: string, via: 'input' | 'nix-path' = 'input') => ({ key: `${via}:${name}`, folder: labRoot, via, name });
    const r = findOptionSources({ folders: [labRoot], storeDir, pins: [ref('nixpkgs'), ref('nixpkgs-stable'), ref('nixpkgs-old'), ref('nope'), ref('nixos-23.05', 'nix-path')] });
    assert.equal(r.found.find((s) => s.kind === 'nixos')?.tree.root, path.join(storePathFromNarHash(LOCKED_TREES.nixpkgs.narHash, storeDir) as string, 'nixos', 'modules'));
    assert.equal(r.found.find((s) => s.kind === 'home-manager')?.tree.root, path.join(storePathFromNarHash(LOCKED_TREES['home-manager'].narHash, storeDir) as string, 'modules'));
    const [unstable, stable, old, nope, np] = r.pinned;
    assert.ok('sameAsDefault' in unstable);
    assert.ok('source' in stable);
    assert.equal(stable.source.tree.root, path.join(storePathFromNarHash(LOCKED_TREES['nixpkgs-stable'].narHash, storeDir) as string, 'nixos', 'modules'));
    assert.match(stable.source.via, /flake\.lock input 'nixpkgs-stable' \(NixOS\/nixpkgs@222222222222\)/);
    assert.ok('missing' in old);
    assert.match(old.missing.reason, /NixOS\/nixpkgs@333333333333 is not in the Nix store/);
    assert.ok('missing' in nope);
    assert.match(nope.missing.reason, /flake\.lock has no input 'nope'/);
    assert.ok('missing' in np);
    assert.match(np.missing.reason, /NIX_PATH is not set/);
    // Nothing locked: `nixpkgs` is the default tree (NIX_PATH's), another input is missing.
    const unlocked = findOptionSources({ folders: [path.join(labRoot, 'hosts')], storeDir, pins: [{ ...ref('nixpkgs'), folder: path.join(labRoot, 'hosts') }, { ...ref('nixpkgs-stable'), folder: path.join(labRoot, 'hosts') }] });
    assert.ok('sameAsDefault' in unlocked.pinned[0]);
    assert.ok('missing' in unlocked.pinned[1]);
    assert.match(unlocked.pinned[1].missing.reason, /has no flake\.lock/);
    const withPath = findOptionSources({ folders: [labRoot], storeDir, nixPath: `nixos-23.05=${path.join(labRoot, '..', 'nixpkgs-stable')}`, pins: [ref('nixos-23.05', 'nix-path')] });
    assert.ok('source' in withPath.pinned[0]);
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
});

/** What the option index service does, in this thread: the sources, their indexes, the pins asked for so far. */
async function scopes(store: OptionIndexStore, storeDir: string, pins: Map<string, PinRef>): Promise<OptionScopes> {
  const r = findOptionSources({ folders: [labRoot], storeDir, pins: [...pins].map(([key, p]) => ({ key, folder: labRoot, via: p.pin.via, name: p.pin.name })) });
  const loaded: LoadedOptions = { nixos: new Map([[DEFAULT_TREE, undefined]]), workspace: [], extra: [] };
  for (const s of r.found) {
    const index = (await store.get(s.tree)).index;
    if (s.kind === 'nixos') loaded.nixos.set(DEFAULT_TREE, index);
    else if (s.kind === 'home-manager') loaded.homeManager = index;
    else if (s.kind === 'workspace') loaded.workspace.push(index);
    else loaded.extra.push(index);
  }
  for (const p of r.pinned) {
    let index: OptionIndex | undefined;
    if ('source' in p) index = (await store.get(p.source.tree)).index;
    else if ('sameAsDefault' in p) index = loaded.nixos.get(DEFAULT_TREE);
    loaded.nixos.set(p.key, index);
  }
  return new OptionScopes(loaded, (ref) => pins.set(pinKey(ref), ref));
}

/** The lab with its scopes loaded, pins included (asked for by a first check, as in the server). */
async function loadedLab(): Promise<{ ws: Workspace; storeDir: string }> {
  const storeDir = fakeStore();
  const store = new OptionIndexStore({ storeDir });
  const pins = new Map<string, PinRef>();
  const ws = lab();
  ws.setOptionIndex(await scopes(store, storeDir, pins));
  checkAll(ws);
  assert.deepEqual([...pins.keys()].sort(), [`input:nixpkgs-old@${LAB}`, `input:nixpkgs-stable@${LAB}`, `input:nixpkgs@${LAB}`]);
  ws.setOptionIndex(await scopes(store, storeDir, pins));
  return { ws, storeDir };
}

test('rules: each machine\'s file against its nixpkgs, a shared file only for what both reject, Home Manager modules against Home Manager', async () => {
  const { ws, storeDir } = await loadedLab();
  try {
    const out: string[] = [];
    for (const [uri, list] of checkAll(ws))
      for (const d of list) if (d.rule.startsWith('nixos-')) out.push(`${rel(uri)}:${new LineIndex(ws.text(uri) ?? '').positionAt(d.span.start).line + 1} ${d.rule} ${d.message}`);
    assert.deepEqual(out.sort(), [
      // Shared by a and b: unknown in both trees (newOption, listenPort and "trace" are each fine on one machine).
      'common.nix:8 nixos-unknown-option unknown option `services.foo.nope`',
      // Home Manager modules: NixOS's `programs.git.config` and `services.foo` are not Home Manager's. (bob's
      // `homelab.role` is not judged: `homelab` is a top-level name only the workspace's own modules declare, and
      // those extend namespaces without covering them; test/unit/options/ownModules.test.ts.)
      'home/alice.nix:8 nixos-unknown-option unknown option `programs.git.config`',
      'home/bob.nix:9 nixos-unknown-option unknown option `services.foo`',
      // a (unstable): listenPort renamed; Home Manager's `programs.git.settings` is not NixOS's.
      'hosts/a.nix:10 nixos-renamed-option `services.foo.listenPort` was renamed to `services.foo.port`: set `services.foo.port`',
      'hosts/a.nix:11 nixos-unknown-option unknown option `programs.git.settings`',
      // b (stable): no newOption, no "trace"; carol's inline Home Manager module is judged against Home Manager.
      'hosts/b.nix:16 nixos-unknown-option unknown option `programs.git.config`',
      'hosts/b.nix:7 nixos-unknown-option unknown option `services.foo.newOption`',
      'hosts/b.nix:9 nixos-option-type `services.foo.logLevel` must be one of "info", "debug", not "trace"',
      // c: its nixpkgs is not in the store, so nothing is judged against a tree it does not use, nor
      // old-and-new.nix (shared by a and c) against a's alone.
    ]);
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
});

test('scopes: the views a file gets (completion, hover): its trees, Home Manager where Home Manager reaches', async () => {
  const { ws, storeDir } = await loadedLab();
  try {
    const s = ws.optionIndex;
    assert.ok(s);
    const h = ws.homelabFor(`${LAB}/hosts/a.nix`);
    const view = (file: string, kind: 'nixos' | 'home-manager' = 'nixos') => s.view(h, `${LAB}/${file}`, kind);
    const names = (file: string, prefix: string[], kind: 'nixos' | 'home-manager' = 'nixos') => view(file, kind)?.childrenOf(prefix).map((c) => c.name) ?? [];
    // The newer tree renamed listenPort to port: its old name is a (hidden) option there too.
    assert.deepEqual(names('hosts/a.nix', ['services', 'foo']), ['enable', 'listenPort', 'logLevel', 'newOption', 'port']);
    assert.deepEqual(names('hosts/b.nix', ['services', 'foo']), ['enable', 'listenPort', 'logLevel']);
    assert.deepEqual(names('common.nix', ['services', 'foo']), ['enable', 'listenPort', 'logLevel', 'newOption', 'port']);
    // No machine imports flake.lock's neighbour README: the default tree (the `nixpkgs` input).
    assert.deepEqual(names('nowhere.nix', ['services', 'foo']), ['enable', 'listenPort', 'logLevel', 'newOption', 'port']);
    assert.deepEqual(names('hosts/a.nix', ['programs', 'git']), ['config', 'enable']);
    assert.deepEqual(names('hosts/a.nix', ['homelab']), ['role']);
    assert.deepEqual(fileKinds(h, `${LAB}/home/alice.nix`), ['home-manager']);
    assert.deepEqual(fileKinds(h, `${LAB}/hosts/b.nix`), ['nixos']);
    assert.deepEqual(names('home/alice.nix', ['programs', 'git'], 'home-manager'), ['enable', 'settings', 'userName']);
    assert.deepEqual(names('home/alice.nix', ['homelab'], 'home-manager'), ['theme']);
    assert.deepEqual(names('home/alice.nix', [], 'home-manager'), ['home', 'homelab', 'programs', 'services']);
    // c's tree is not available: the workspace's own options only.
    assert.deepEqual(names('hosts/c.nix', []), ['homelab']);
  } finally {
    rmSync(storeDir, { recursive: true, force: true });
  }
});

test('a file shared with a machine whose nixpkgs is not available is not judged by the other tree alone', () => {
  const files: Record<string, string> = {
    'flake.nix': `{
  outputs = { self, nixpkgs, nixpkgs-old, ... }: {
    nixosConfigurations.x = nixpkgs.lib.nixosSystem { modules = [ ./x.nix ./shared.nix ]; };
    nixosConfigurations.y = nixpkgs-old.lib.nixosSystem { modules = [ ./shared.nix ]; };
  };
}
`,
    'x.nix': '{ ... }: {\n  services.foo.bogus = 1;\n}\n',
    'shared.nix': '{ ... }: {\n  services.foo.bogus = 1;\n}\n',
  };
  const ws = new Workspace(memoryHost(files, 'file:///mem'));
  ws.addFolder('file:///mem');
  const unstable = new OptionIndex(buildIndexInline(listNixFiles(path.join(labRoot, '..', 'nixpkgs-unstable', 'nixos', 'modules'))));
  const nixos = new Map([
    [DEFAULT_TREE, unstable],
    ['input:nixpkgs@file:///mem', unstable],
    ['input:nixpkgs-old@file:///mem', undefined],
  ]);
  ws.setOptionIndex(new OptionScopes({ nixos, workspace: [], extra: [] }));
  const found = [...checkAll(ws)].flatMap(([uri, list]) => list.filter((d) => d.rule.startsWith('nixos-')).map((d) => `${uri.slice('file:///mem/'.length)} ${d.message}`));
  assert.deepEqual(found, ['x.nix unknown option `services.foo.bogus`']);
});
