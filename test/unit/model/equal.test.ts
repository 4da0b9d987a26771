// deepEqual, the early cut-off's structural equality: plain objects compared
// by their own enumerable keys whatever their order, nested through arrays and maps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepEqual } from '../../../server/src/model/query/equal';

test('deepEqual: same keys and values in any order are equal; a key more, less or renamed is not', () => {
  const place = (start: number) => ({ key: '10.0.0.1', origin: { uri: 'file:///a', span: { start, end: start + 8 } }, owner: { kind: 'container', name: 'web' } });
  assert.equal(deepEqual([place(1), place(2)], [place(1), place(2)]), true);
  assert.equal(deepEqual([place(1)], [place(2)]), false);
  assert.equal(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 }), true);
  assert.equal(deepEqual({ a: 1 }, { a: 1, b: 2 }), false);
  assert.equal(deepEqual({ a: 1, b: 2 }, { a: 1 }), false);
  assert.equal(deepEqual({ x: undefined }, { y: undefined }), false);
  assert.equal(deepEqual({ x: undefined }, {}), false);
  assert.equal(deepEqual(new Map([['k', { n: [1, 2] }]]), new Map([['k', { n: [1, 2] }]])), true);
  assert.equal(deepEqual(new Map([['k', { n: [1, 2] }]]), new Map([['k', { n: [1, 3] }]])), false);
  // Inherited keys are not the object's own: an object with another prototype is not equal.
  assert.equal(deepEqual(Object.create({ a: 1 }), {}), false);
  // Non-enumerable own properties are not compared (as Object.keys).
  const hidden = {};
  Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
  assert.equal(deepEqual(hidden, {}), true);
});
