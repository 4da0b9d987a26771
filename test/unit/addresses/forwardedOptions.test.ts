// A machine's `lib` that is a package set's own (a specialArg not known
// statically) is still read by the functions the evaluator models: a module
// that copies option paths from other machines (`setAttrByPath`,
// `getAttrFromPath`) sets no address and hides none, networkd networks made
// per VLAN (`flip concatMapAttrs`) and an address cut from a CIDR text
// (`splitString`, `last`, `toInt`) give their addresses, and an address list
// item that is not known is named where it is written, once per place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTree, ROOT, workspaceOf } from '../checks/helpers';

const files = loadTree(join(__dirname, '../../fixtures/addresses/forwarded-options'));
const rel = (uri: string): string => uri.slice(ROOT.length + 1);

test('a module forwarding option paths from other machines names no unread address', () => {
  const h = workspaceOf(files).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()].sort(), ['larch', 'maple']);
  const stops = h.readingStops.filter((s) => s.kind === 'unread-address');
  assert.deepEqual(stops.filter((s) => rel(s.origin.uri) === 'modules/forward.nix'), []);
});

test('networks made one per VLAN with flip concatMapAttrs, and an address cut from a CIDR text, are read', () => {
  const h = workspaceOf(files).homelabs()[0];
  const larch = h.nixosMachines.get('larch')?.config;
  assert.deepEqual(larch?.addresses.map((a) => `${a.interface} ${a.address.value}/${a.prefixLength}`), ['eno2 10.64.90.7/25', 'vl-cameras 10.64.40.7/24', 'vl-office 10.64.20.7/24']);
  // The cut address points at the text it was cut from.
  const cut = larch?.addresses[0].address.origin;
  assert.equal(cut && files['hosts/larch.nix'].slice(cut.span.start, cut.span.end), '"10.64.90.7/25"');
  assert.equal(larch?.unreadAddresses.length, 0);
});

test('an address list item not known is named at its place, the known item read', () => {
  const h = workspaceOf(files).homelabs()[0];
  assert.deepEqual(h.nixosMachines.get('maple')?.config?.addresses.map((a) => a.address.value), ['192.168.77.9']);
  const stops = h.readingStops.filter((s) => s.kind === 'unread-address');
  assert.equal(stops.length, 1, JSON.stringify(stops.map((s) => s.reason)));
  assert.equal(rel(stops[0].origin.uri), 'hosts/maple.nix');
  assert.equal(files['hosts/maple.nix'].slice(stops[0].origin.span.start, stops[0].origin.span.end), 'uplink.cidr');
  assert.match(stops[0].reason, /^`systemd\.network\.networks\."10-uplink"\.address` of `maple` is not known statically \(.*\): addresses written there are not read$/);
});
