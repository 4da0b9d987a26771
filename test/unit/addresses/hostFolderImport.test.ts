// A machine's folder imported through a specialArg (`./${host}`) brings option
// modules whose `mkIf cfg.enable` reads a setting of that folder: they are
// called again once the machine's config holds it, so the tunnel address is
// read, not left as "not known". A `_: { … }` module is read. A machine with
// no address read and an encrypted module is named at that module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTree, ROOT, workspaceOf } from '../checks/helpers';

const files = loadTree(join(__dirname, '../../fixtures/addresses/host-folder-import'));
const rel = (uri: string): string => uri.slice(ROOT.length + 1);

test('an option module reached through the host folder reads that folder\'s settings; a `_:` module is read', () => {
  const h = workspaceOf(files).homelabs()[0];
  const fir = h.nixosMachines.get('fir')?.config;
  assert.deepEqual(fir?.addresses.map((a) => `${a.interface} ${a.address.value}`), ['enp2s0 192.168.88.2', 'ovl0 10.88.0.2']);
  assert.deepEqual(fir?.unreadAddresses, []);
});

test('a machine with no address read and an encrypted module is named there, once', () => {
  const h = workspaceOf(files).homelabs()[0];
  assert.deepEqual(h.nixosMachines.get('gum')?.config?.addresses, []);
  const stops = h.readingStops.filter((s) => s.kind === 'unread-address');
  assert.equal(stops.length, 1, JSON.stringify(stops.map((s) => s.reason)));
  assert.equal(rel(stops[0].origin.uri), 'secret/gum/network.nix');
  assert.equal(stops[0].reason, '`gum` has no address read, and this module is encrypted (sops): addresses set there are not read');
});
