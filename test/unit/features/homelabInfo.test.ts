// The model queries the features answer from (homelabInfo): the free
// addresses of a network, skipping its network and broadcast addresses and
// every address taken, in the inventory or in a profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freeAddresses, networkByName } from '../../../server/src/features/homelabInfo';
import * as one from './oneMachineLab';

test('freeAddresses skips the network, broadcast and every taken address; a full network offers none', () => {
  const ws = one.workspace();
  const h = ws.homelabFor(`${one.ROOT}/homelab.yaml`);
  assert.ok(h);
  const lan = networkByName(h, 'lan');
  assert.ok(lan);
  assert.deepEqual(freeAddresses(h, lan, 10, [], (u) => ws.text(u)), ['10.0.0.4', '10.0.0.5', '10.0.0.6']);
  assert.deepEqual(freeAddresses(h, lan, 10, ['10.0.0.4', '10.0.0.5', '10.0.0.6']), []);
});
