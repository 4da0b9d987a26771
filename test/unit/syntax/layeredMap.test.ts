import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LayeredMap, layerOver } from '../../../server/src/syntax/layeredMap';
import { seededRandom } from '../seededRandom';
import { assertSameAsMap } from './sameAsMap';

function same(layered: Map<string, number>, plain: Map<string, number>, where: string): void {
  assertSameAsMap(layered, plain, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'zz'], where);
}

test('a layered map reads as the copy `base // top` would, in the copy\'s order', () => {
  const base = new Map([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
  const m = new LayeredMap(base, [
    ['b', 20],
    ['d', 4],
  ]);
  assert.deepEqual([...m], [
    ['a', 1],
    ['b', 20],
    ['c', 3],
    ['d', 4],
  ]);
  assert.equal(m.size, 4);
  assert.equal(m.base, base);
  assert.deepEqual([...m.own], [
    ['b', 20],
    ['d', 4],
  ]);
  // The base is shared, never written.
  assert.deepEqual([...base], [
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
});

test('2,000 random sequences of set, delete and clear over layers agree with a plain map', () => {
  const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  for (let run = 0; run < 2000; run++) {
    const r = seededRandom(run + 1);
    const pick = (): string => keys[Math.floor(r() * keys.length)];
    // A chain of layers (as `a // b // c` builds it), each over the last, then operations on the top one.
    let layered: Map<string, number> = new Map();
    let plain = new Map<string, number>();
    for (let i = 0, n = Math.floor(r() * 4); i < n; i++) layered.set(pick(), i);
    plain = new Map(layered);
    for (let layer = 0, layers = 1 + Math.floor(r() * 10); layer < layers; layer++) {
      layered = layerOver(layered);
      plain = new Map(plain);
      for (let i = 0, n = Math.floor(r() * 4); i < n; i++) {
        const k = pick();
        layered.set(k, 100 * layer + i);
        plain.set(k, 100 * layer + i);
      }
      same(layered, plain, `run ${run}, layer ${layer}`);
    }
    for (let step = 0; step < 12; step++) {
      const k = pick();
      const op = r();
      if (op < 0.6) {
        layered.set(k, step);
        plain.set(k, step);
      } else if (op < 0.95) assert.equal(layered.delete(k), plain.delete(k), `run ${run}: delete ${k}`);
      else {
        layered.clear();
        plain.clear();
      }
      same(layered, plain, `run ${run}, step ${step}`);
    }
  }
});

test('a long chain of layers is copied past eight layers: a read never goes down more than eight maps', () => {
  let m: Map<string, number> = new Map([['x', 0]]);
  let deepest = 0;
  for (let i = 1; i <= 1000; i++) {
    m = layerOver(m);
    m.set(`k${i}`, i);
    deepest = Math.max(deepest, m instanceof LayeredMap ? m.layers : 0);
  }
  assert.equal(deepest, 8);
  assert.equal(m.size, 1001);
  assert.equal(m.get('x'), 0);
  assert.equal(m.get('k1000'), 1000);
});
