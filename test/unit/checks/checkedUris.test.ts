// The files a whole check judges, in order (checks/checkedUris.ts): the same
// order as sorting every file anew, with the Nix files sorted once per list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drain } from '../../../server/src/model/query/engine';
import { checkedUrisInOrder } from '../../../server/src/checks/checkedUris';
import type { Homelab } from '../../../server/src/model/homelab';
import type { Workspace } from '../../../server/src/model/workspace';

function fakeWorkspace(): Workspace {
  const owned = new Map<symbol, unknown>();
  return { own: <T>(key: symbol, make: () => T): T => (owned.has(key) ? (owned.get(key) as T) : (owned.set(key, make()), owned.get(key) as T)) } as unknown as Workspace;
}

test('the checked files are every Nix file, the inventory and the files with findings, sorted as one sort of them all', () => {
  const ws = fakeWorkspace();
  const nixFiles = ['file:///r/z.nix', 'file:///r/a.nix', 'file:///r/m/b.nix', 'file:///r/Q.nix'];
  const h = { root: 'file:///r', nixFiles, inventoryUri: 'file:///r/homelab.yaml' } as unknown as Homelab;
  const findings = new Map<string, unknown>([
    ['file:///r/a.nix', []],
    ['file:///r/deploy-servers.conf', []],
    ['file:///r/zz.json', []],
    ['file:///r/homelab.yaml', []],
  ]);
  const everything = [...new Set([...nixFiles, 'file:///r/homelab.yaml', ...findings.keys()])].sort();
  assert.deepEqual(drain(checkedUrisInOrder(ws, h, findings)), everything);
  // Again with the same file list: the same order, whatever files hold findings now.
  assert.deepEqual(drain(checkedUrisInOrder(ws, h, new Map())), [...nixFiles, 'file:///r/homelab.yaml'].sort());
  assert.deepEqual(drain(checkedUrisInOrder(ws, h, findings)), everything);
  // A new file list is sorted anew.
  const grown = { ...h, nixFiles: [...nixFiles, 'file:///r/b.nix'] } as unknown as Homelab;
  assert.deepEqual(drain(checkedUrisInOrder(ws, grown, findings)), [...everything, 'file:///r/b.nix'].sort());
});
