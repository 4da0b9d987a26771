// Idioms of real module trees, read from test/fixtures/options/tree-idioms (a
// small NixOS-shaped tree: nixos/lib next to nixos/modules): option types that
// come from the `utils` module argument (systemd.services & co.), submodules
// assembled from lists of modules with `imports` and `{ name, ... }:`
// functions, `mkOptionType`, options generated with genAttrs / mapAttrsToList
// / foldl' over files named by `./. + "/…"`, options updated with `//`,
// `passwdEntry`, and a module that module-list.nix lists staying a module
// when a submodule imports it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assemble, FileTextHost, knownModuleArgs, scanFiles } from '../../../server/src/model/options/scanTree';
import type { OptionIndexData } from '../../../server/src/model/options/types';
import { fixtureRoot, treeIndex } from './helpers';

const treeRoot = path.join(fixtureRoot, 'tree-idioms', 'nixos');
const modulesRoot = path.join(treeRoot, 'modules');

const index = (): OptionIndexData => treeIndex(modulesRoot);

/** `path : type` of every option under a prefix, in declaration order. */
function typesUnder(prefix: string): string[] {
  return index()
    .options.map((o) => `${o.path.join('.')} : ${o.type}`)
    .filter((l) => l.startsWith(prefix));
}

function option(dotted: string) {
  return index().options.find((o) => o.path.join('.') === dotted);
}

test('option types from the utils module argument (nixos/lib next to nixos/modules)', () => {
  assert.deepEqual(typesUnder('scheduler.'), [
    'scheduler.jobs : attribute set of (submodule)',
    'scheduler.jobs.<name>.retries : unsigned integer',
    'scheduler.jobs.<name>.active : boolean',
    'scheduler.jobs.<name>.startsWith : list of string',
    'scheduler.jobs.<name>.summary : (optionally newline-terminated) single-line string',
    'scheduler.jobs.<name>.command : strings concatenated with "\\n"',
    'scheduler.jobs.<name>.settings : attribute set of (job setting)',
    'scheduler.oneShots : list of (submodule)',
    'scheduler.oneShots.*.active : boolean',
    'scheduler.oneShots.*.startsWith : list of string',
    'scheduler.oneShots.*.summary : (optionally newline-terminated) single-line string',
  ]);
  // Declared where the sub-option is written, in the lib file.
  assert.equal(option('scheduler.jobs.<name>.command')?.declaredAt.uri, pathToFileURL(path.join(treeRoot, 'lib', 'unit-parts.nix')).href);
});

test('utils is known only for a file below nixos/modules whose tree has nixos/lib/utils.nix', () => {
  const host = new FileTextHost();
  const inTree = pathToFileURL(path.join(modulesRoot, 'services', 'jobs.nix')).href;
  assert.deepEqual(knownModuleArgs(host, inTree), { utils: pathToFileURL(path.join(treeRoot, 'lib', 'utils.nix')).href });
  assert.equal(knownModuleArgs(host, pathToFileURL(path.join(fixtureRoot, 'modules', 'system', 'boot.nix')).href), undefined);
  // The same module outside such a tree: its types stay unknown, never guessed.
  const text = readFileSync(path.join(modulesRoot, 'services', 'jobs.nix'), 'utf8');
  const alone = assemble(scanFiles(['file:///m/jobs.nix'], undefined, { readText: (u) => (u === 'file:///m/jobs.nix' ? text : undefined) }), 1, 0);
  assert.deepEqual(alone.options.map((o) => `${o.path.join('.')} : ${o.type}`), ['scheduler.jobs : unknown', 'scheduler.oneShots : unknown']);
});

test("options generated per file with genAttrs, mapAttrsToList and foldl'", () => {
  assert.deepEqual(typesUnder('monitoring.'), [
    'monitoring.probes : submodule',
    'monitoring.probes.disk : submodule',
    'monitoring.probes.disk.enable : boolean',
    'monitoring.probes.disk.port : port',
    'monitoring.probes.disk.mounts : list of path',
    'monitoring.probes.ping : submodule',
    'monitoring.probes.ping.enable : boolean',
    'monitoring.probes.ping.port : port',
    'monitoring.probes.checks : list of unspecified value',
  ]);
  assert.equal(option('monitoring.probes.disk.port')?.default, '7001');
  assert.equal(option('monitoring.probes.ping.enable')?.description, 'Whether to enable the ping probe.');
});

test('a module that module-list.nix lists stays a top-level module when a submodule imports it', () => {
  assert.deepEqual(typesUnder('checks '), ['checks : list of unspecified value']);
});

test('options updated with //, passwdEntry, and the known side of an unknown set', () => {
  assert.deepEqual(typesUnder('services.remoteShell.'), [
    'services.remoteShell.enable : boolean',
    'services.remoteShell.settings : submodule',
    'services.remoteShell.settings.AllowAgent : null or boolean',
    'services.remoteShell.settings.Greeting : boolean',
    'services.remoteShell.settings.Motto : string',
    'services.remoteShell.settings.Flavour : null or package',
    'services.remoteShell.loginName : string, not containing newlines or colons',
    'services.remoteShell.extra.known : boolean',
  ]);
  assert.equal(option('services.remoteShell.settings')?.freeform, true);
  const agent = option('services.remoteShell.settings.AllowAgent');
  assert.equal(agent?.default, 'true');
  assert.equal(agent?.description, 'Whether to enable agent forwarding.');
  assert.equal(option('services.remoteShell.settings.Greeting')?.description, 'Whether to greet on login.');
  const motto = option('services.remoteShell.settings.Motto');
  assert.deepEqual([motto?.default, motto?.example], ['"hello"', '"hey"']);
  assert.equal(option('services.remoteShell.settings.Flavour')?.default, 'null');
});
