// The addresses a machine sets on an overlay network whose module comes from
// a flake input (`networking.<name>.ipv4`, no NixOS option, declared by no
// module read) are its tunnel ends; one not known statically is named; a
// NixOS option's address (the default gateway) and the repository's own
// declared option are not taken by this reading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTree, ROOT, workspaceOf } from '../checks/helpers';

const files = loadTree(join(__dirname, '../../fixtures/addresses/input-overlay'));
const rel = (uri: string): string => uri.slice(ROOT.length + 1);

test("an input module's overlay addresses are the machine's tunnel ends", () => {
  const h = workspaceOf(files).homelabs()[0];
  const quill = h.nixosMachines.get('quill')?.config?.addresses ?? [];
  assert.deepEqual(quill.map((a) => `${a.option} ${a.address.value} ${a.tunnel ?? false}`), ['networking.meshnet.ipv4 10.250.3.4 true', 'networking.meshnet.ipv6 fd50:3::4 true']);
});

test("an overlay address not known statically is named; the reed machine has none read", () => {
  const h = workspaceOf(files).homelabs()[0];
  assert.deepEqual(h.nixosMachines.get('reed')?.config?.addresses, []);
  const stops = h.readingStops.filter((s) => s.kind === 'unread-address');
  assert.equal(stops.length, 1, JSON.stringify(stops.map((s) => s.reason)));
  assert.equal(rel(stops[0].origin.uri), 'hosts/reed.nix');
  assert.match(stops[0].reason, /^`networking\.meshnet\.ipv4` of `reed` is not known statically/);
});
