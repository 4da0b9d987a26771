// deepEqual, the early cut-off's structural equality: plain objects compared
// by their own enumerable keys whatever their order, nested through arrays and maps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deepEqual } from '../../../server/src/model/query/equal';
import { internMachines, sameMachine } from '../../../server/src/model/query/homelabParts';
import type { Machine } from '../../../server/src/model/homelab';

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

test('a rebuilt machine is the same as the last when every field is the same object and its address says the same from the same place', () => {
  const origin = { uri: 'file:///p.nix', start: 1, end: 4 } as unknown as NonNullable<Machine['ip']>['origin'];
  const profile = {} as Machine['profile'];
  const m = (extra: Partial<Machine> = {}): Machine =>
    ({ name: 'a', configUri: 'file:///p.nix', configExists: true, profile, ip: { value: '10.0.0.1', origin }, ...extra }) as Machine;
  assert.ok(sameMachine(m(), m()));
  assert.ok(!sameMachine(m(), m({ ip: { value: '10.0.0.2', origin } as Machine['ip'] })), 'another address');
  assert.ok(!sameMachine(m(), m({ ip: undefined })), 'no address');
  assert.ok(sameMachine(m({ ip: undefined }), { ...m(), ip: undefined }));
  assert.ok(!sameMachine(m(), m({ profile: {} as Machine['profile'] })), 'another profile object');
  assert.ok(!sameMachine(m(), m({ hostName: 'h' })), 'a field more');
  assert.ok(!sameMachine(m({ hostName: 'h' }), m()), 'a field less');
  assert.ok(!sameMachine(m({ hostName: undefined }), m()), 'a field set to undefined is a field');
  // The machines of a build: an equal one takes the last build's object, in steps.
  const last = new Map(Array.from({ length: 2000 }, (_, i) => [`m${i}`, m({ name: `m${i}` })]));
  const built = new Map(Array.from({ length: 2000 }, (_, i) => [`m${i}`, m({ name: `m${i}`, ...(i === 7 ? { hostName: 'moved' } : {}) })]));
  let pauses = 0;
  for (const _ of internMachines(built, last)) pauses++;
  assert.ok(pauses >= 2, 'the comparison of 2,000 machines pauses');
  assert.notEqual(built.get('m7'), last.get('m7'), 'a changed machine keeps its new object');
  assert.equal(built.get('m7')?.hostName, 'moved');
  assert.equal([...built].filter(([k, v]) => v === last.get(k)).length, 1999);
});
