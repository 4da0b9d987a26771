// Renames and removals declared inside submodules (test/fixtures/options/rename-idioms,
// measured on nixpkgs' network-interfaces: `networking.interfaces.<name>.ip4`
// → `….ipv4.addresses` lives in the interface submodule's `imports`): indexed
// below the submodule's path with its `<name>` / `*` segments, from a function
// submodule, a list item's submodule and a module file used as a submodule; a
// top-level rename written with a `<name>` segment; matched against concrete
// names by `renameOf` and the nixos-renamed-option rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { OptionIndex } from '../../../server/src/model/options';
import type { OptionIndexData } from '../../../server/src/model/options/types';
import { checkAll } from '../../../server/src/checks/run';
import { memoryHost } from '../memoryHost';
import { Workspace } from '../../../server/src/model/workspace';
import { LineIndex } from '../../../server/src/syntax/lineIndex';
import { fixtureRoot, treeIndex } from './helpers';

const modulesRoot = path.join(fixtureRoot, 'rename-idioms', 'modules');

const data = (): OptionIndexData => treeIndex(modulesRoot);

test('renames in submodules are indexed below the submodule, with its <name> and * segments', () => {
  const renames = data()
    .renames.map((r) => `${r.kind} ${r.from.join('.')} -> ${r.to?.join('.') ?? `removed: ${r.removed}`}`)
    .sort();
  assert.deepEqual(renames, [
    'mkChangedOptionModule links.<name>.privacy -> links.<name>.temporaryAddresses',
    'mkMergedOptionModule links.<name>.singleAddress -> links.<name>.v4.addresses',
    'mkMergedOptionModule links.<name>.singlePrefix -> links.<name>.v4.addresses',
    'mkRemovedOptionModule links.<name>.netmask -> removed: Give a prefix length in links.<name>.v4.addresses instead.',
    'mkRemovedOptionModule services.relay.peers.<name>.legacyMode -> removed: Peers speak only the current protocol.',
    'mkRenamedOptionModule links.<name>.addr4 -> links.<name>.v4.addresses',
    'mkRenamedOptionModule links.<name>.maxTransfer -> links.<name>.mtu',
    'mkRenamedOptionModule links.<name>.v4.addresses.*.length -> links.<name>.v4.addresses.*.prefix',
    'mkRenamedOptionModule services.relay.peers.<name>.host -> services.relay.peers.<name>.endpoint',
    'mkRenamedOptionModule services.relay.port -> services.relay.listenPort',
  ]);
  // The submodule file's own renames are not top-level ones.
  assert.equal(
    data().renames.find((r) => r.from.join('.') === 'host'),
    undefined,
  );
  // Its options are still there.
  assert.deepEqual(
    data()
      .options.map((o) => o.path.join('.'))
      .filter((p) => p.startsWith('links.<name>.v4') || p.startsWith('services.relay.peers.<name>.')),
    [
      'links.<name>.v4.addresses', 'links.<name>.v4.addresses.*.address', 'links.<name>.v4.addresses.*.prefix', 'services.relay.peers.<name>.endpoint', 'services.relay.peers.<name>.weight',
      // The old names inside the submodules are (hidden) options of them too.
      'links.<name>.v4.addresses.*.length', 'services.relay.peers.<name>.host', 'services.relay.peers.<name>.legacyMode',
    ],
  );
});

test('renameOf: a concrete name matches <name>, the new path keeps it; * matches only a list item', () => {
  const index = new OptionIndex(data());
  const now = (p: string) => index.renameOf(p.split('.'))?.now?.join('.');
  assert.equal(now('links.eth0.addr4'), 'links.eth0.v4.addresses');
  assert.equal(now('links.wan.maxTransfer'), 'links.wan.mtu');
  assert.equal(now('links.eth0.privacy'), 'links.eth0.temporaryAddresses');
  assert.equal(now('services.relay.peers.north.host'), 'services.relay.peers.north.endpoint');
  assert.equal(now('links.eth0.v4.addresses.*.length'), 'links.eth0.v4.addresses.*.prefix');
  assert.equal(index.renameOf(['links', '*', 'addr4']), undefined);
  assert.deepEqual(index.renameOf(['links', 'eth0', 'addr4', 'extra'])?.rest, ['extra']);
  const removed = index.renameOf(['links', 'eth1', 'netmask']);
  assert.equal(removed?.now, undefined);
  assert.equal(removed?.rename.removed, 'Give a prefix length in links.<name>.v4.addresses instead.');
  assert.equal(index.renameOf(['links', 'eth0', 'mtu']), undefined);
  assert.equal(index.renameOf(['links', 'eth0']), undefined);
  assert.equal(index.renameOf(['services', 'relay', 'peers', 'north', 'endpoint']), undefined);
  // An exact segment still matches only itself.
  assert.equal(now('services.relay.port'), 'services.relay.listenPort');
  assert.equal(index.renameOf(['services', 'other', 'port']), undefined);
});

test('renamesUnder: the names renamed or removed directly below a prefix, a concrete name for <name>', () => {
  const index = new OptionIndex(data());
  const under = (p: string) => index.renamesUnder(p ? p.split('.') : []).map((m) => `${m.rename.from[m.rename.from.length - 1]} -> ${m.now?.join('.') ?? 'removed'}`).sort();
  assert.deepEqual(under('links.eth0'), [
    'addr4 -> links.eth0.v4.addresses',
    'maxTransfer -> links.eth0.mtu',
    'netmask -> removed',
    'privacy -> links.eth0.temporaryAddresses',
    'singleAddress -> links.eth0.v4.addresses',
    'singlePrefix -> links.eth0.v4.addresses',
  ]);
  assert.deepEqual(under('services.relay'), ['port -> services.relay.listenPort']);
  assert.deepEqual(under('services.relay.peers.north'), ['host -> services.relay.peers.north.endpoint', 'legacyMode -> removed']);
  assert.deepEqual(under('links.eth0.v4.addresses.*'), ['length -> links.eth0.v4.addresses.*.prefix']);
  assert.deepEqual(under('links.*'), []);
  assert.deepEqual(under('services'), []);
  assert.deepEqual(under(''), []);
});

test('nixos-renamed-option on definitions below a submodule (the key span from the binding\'s first key), a quick fix where the path is one key', () => {
  const ROOT = 'file:///mem';
  const flake = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.gw = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ]; };
  };
}
`;
  const host = `{ ... }:
{
  links.eth0.addr4 = [ { address = "10.0.0.1"; prefix = 24; } ];
  links.eth0.netmask = "255.255.255.0";
  links.wan = {
    maxTransfer = 1400;
    mtu = 1400;
  };
  services.relay.peers.north.host = "relay.example";
  services.relay.peers.north.legacyMode = true;
  services.relay.peers.north.weight = 2;
}
`;
  const ws = new Workspace(memoryHost({ 'flake.nix': flake, 'host.nix': host }, ROOT));
  ws.addFolder(ROOT);
  ws.setOptionIndex(new OptionIndex(data()));
  const out: string[] = [];
  const fixes: string[] = [];
  for (const [, list] of checkAll(ws))
    for (const d of list) {
      if (!d.rule.startsWith('nixos-')) continue;
      out.push(`${new LineIndex(host).positionAt(d.span.start).line + 1} ${d.rule} ${d.message}`);
      const replacement = (d.data as { replacement?: string } | undefined)?.replacement;
      if (replacement) fixes.push(`${host.slice(d.span.start, d.span.end)} -> ${replacement}`);
    }
  assert.deepEqual(out.sort(), [
    '10 nixos-renamed-option `services.relay.peers.<name>.legacyMode` was removed: Peers speak only the current protocol.',
    '3 nixos-renamed-option `links.<name>.addr4` was renamed to `links.<name>.v4.addresses`: set `links.eth0.v4.addresses`',
    '4 nixos-renamed-option `links.<name>.netmask` was removed: Give a prefix length in links.<name>.v4.addresses instead.',
    '5 nixos-renamed-option `links.<name>.maxTransfer` was renamed to `links.<name>.mtu`: set `links.wan.mtu`',
    '9 nixos-renamed-option `services.relay.peers.<name>.host` was renamed to `services.relay.peers.<name>.endpoint`: set `services.relay.peers.north.endpoint`',
  ]);
  // The quick fix where the whole path is one key; not for `maxTransfer` inside `links.wan = { … }`.
  assert.deepEqual(fixes.sort(), ['links.eth0.addr4 -> links.eth0.v4.addresses', 'services.relay.peers.north.host -> services.relay.peers.north.endpoint']);
});
