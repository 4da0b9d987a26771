// A machine's own record in an option its repository declares (a set naming
// the machine, with an address field) gives the machine that address, whether
// a module turns it into networking or only publishes it; an address there
// that is not known statically is named; a record naming no machine of ours
// (a resolver) is never taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTree, ROOT, workspaceOf } from '../checks/helpers';

const files = loadTree(join(__dirname, '../../fixtures/addresses/own-host-option'));
const rel = (uri: string): string => uri.slice(ROOT.length + 1);

test("the record's address flowing into networking is read once, at the record's text", () => {
  const h = workspaceOf(files).homelabs()[0];
  const aspen = h.nixosMachines.get('aspen')?.config?.addresses ?? [];
  assert.deepEqual(aspen.map((a) => `${a.interface} ${a.address.value} ${rel(a.address.origin.uri)}`), ['enp3s0 10.31.0.4 hosts/aspen.nix']);
});

test('a record only published (no networking made of it) still gives the address, never the resolver\'s', () => {
  const h = workspaceOf(files).homelabs()[0];
  const birch = h.nixosMachines.get('birch')?.config?.addresses ?? [];
  assert.deepEqual(birch.map((a) => `${a.option} ${a.address.value}`), ['site.self.address 10.31.0.5']);
});

test("a record's address not known statically is named, with the machine", () => {
  const h = workspaceOf(files).homelabs()[0];
  assert.deepEqual(h.nixosMachines.get('cedar')?.config?.addresses, []);
  const stops = h.readingStops.filter((s) => s.kind === 'unread-address');
  assert.equal(stops.length, 1, JSON.stringify(stops.map((s) => s.reason)));
  assert.equal(rel(stops[0].origin.uri), 'hosts/cedar.nix');
  assert.match(stops[0].reason, /^`site\.self\.address` of `cedar` is not known statically/);
});
