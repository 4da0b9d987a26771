// A morph (or colmena) node gets its attribute name as host name when none is
// set, as the tool does: a shared module that looks the node up by
// `config.networking.hostName` gives each node its own tunnel address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTree, workspaceOf } from '../checks/helpers';

const files = loadTree(join(__dirname, '../../fixtures/addresses/node-host-name'));

test("a node's tunnel address looked up by its default host name is read", () => {
  const h = workspaceOf(files).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()].sort(), ['east', 'west']);
  for (const [name, ip] of [['east', 'fd5e:77::10'], ['west', 'fd5e:77::11']]) {
    const addresses = h.nixosMachines.get(name)?.config?.addresses ?? [];
    assert.deepEqual(addresses.map((a) => `${a.interface} ${a.address.value}/${a.prefixLength}`), [`wgr ${ip}/64`], name);
  }
  assert.deepEqual(h.readingStops.filter((s) => s.kind === 'unread-address'), []);
});
