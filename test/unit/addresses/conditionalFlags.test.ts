// An address list set under a condition the reader cannot know is named with
// what the condition waits for, not only that there is one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTree, ROOT, workspaceOf } from '../checks/helpers';

const files = loadTree(join(__dirname, '../../fixtures/addresses/conditional-flags'));

test('a conditional k3s flag list is named with the reason its condition is not known', () => {
  const h = workspaceOf(files).homelabs()[0];
  const stops = h.readingStops.filter((s) => s.kind === 'unread-address');
  assert.equal(stops.length, 1, JSON.stringify(stops.map((s) => s.reason)));
  assert.equal(stops[0].origin.uri, `${ROOT}/edge.nix`);
  assert.match(stops[0].reason, /^`services\.k3s\.extraFlags` of `kestrel` is not known statically \(services\.k3s\.extraFlags is set under a condition that is not known statically: .*'nixos'.*\)/);
});
