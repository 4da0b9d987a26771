// OverlayMap (model/overlayMap.ts): a map with some values replaced reads as
// the copy it stands for (every way a reader walks a map), without copying
// the base, and refuses writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OverlayMap } from '../../../server/src/model/overlayMap';

const base = new Map([
  ['a', 1],
  ['b', 2],
  ['c', 3],
]);

test('an overlay reads as the copy with the replaced values, in the base order, every way it is walked', () => {
  const m = new OverlayMap(base, new Map([['b', 20]]));
  const copy = new Map(base).set('b', 20);
  assert.equal(m.size, 3);
  assert.equal(m.get('b'), 20);
  assert.equal(m.get('a'), 1);
  assert.equal(m.get('z'), undefined);
  assert.equal(m.has('b'), true);
  assert.equal(m.has('z'), false);
  assert.deepEqual([...m], [...copy]);
  assert.deepEqual([...m.entries()], [...copy.entries()]);
  assert.deepEqual([...m.keys()], ['a', 'b', 'c']);
  assert.deepEqual([...m.values()], [1, 20, 3]);
  const seen: [string, number][] = [];
  m.forEach((v, k, map) => {
    assert.equal(map, m);
    seen.push([k, v]);
  });
  assert.deepEqual(seen, [...copy]);
  assert.deepEqual(new Map(m), copy, 'copied as a map');
  assert.ok(m instanceof Map);
  assert.deepEqual([...new OverlayMap(base, new Map()).values()], [1, 2, 3], 'nothing replaced');
});

test('an overlay is read-only and leaves its base alone', () => {
  const m = new OverlayMap(base, new Map([['a', 10]]));
  assert.throws(() => m.set('d', 4), /read-only/);
  assert.throws(() => m.delete('a'), /read-only/);
  assert.throws(() => m.clear(), /read-only/);
  assert.deepEqual([...base.values()], [1, 2, 3]);
});
