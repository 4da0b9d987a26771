// The cursor context in the inventory (yamlContextAt): a key's value, block
// and flow list items, and a new key under a section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yamlContextAt } from '../../../server/src/features/yamlDoc';

test('yamlContextAt: value of a key, block and flow list items, new key under a section', () => {
  const t = 'containers:\n  c1:\n    host: p\n    services:\n      - a\n      - \n    tags: [x, ]\n  \n';
  const host = yamlContextAt(t, t.indexOf('host: p') + 7);
  assert.deepEqual({ path: host?.path, kind: host?.kind, key: host?.key, prefix: host?.prefix }, { path: ['containers', 'c1'], kind: 'value', key: 'host', prefix: 'p' });
  const item = yamlContextAt(t, t.indexOf('      - \n') + 8);
  assert.deepEqual({ path: item?.path, kind: item?.kind, key: item?.key }, { path: ['containers', 'c1'], kind: 'item', key: 'services' });
  const flow = yamlContextAt(t, t.indexOf('[x, ') + 4);
  assert.deepEqual({ kind: flow?.kind, key: flow?.key }, { kind: 'item', key: 'tags' });
  const fresh = yamlContextAt(t, t.indexOf('\n  \n') + 3);
  assert.deepEqual({ path: fresh?.path, kind: fresh?.kind }, { path: ['containers'], kind: 'key' });
});
