// Step queries and Engine.update (model/query/engine.ts): a query defined in
// steps is computed with a pause at each of its yields when brought up to date
// by `update` (the whole check's way), at once when read as any other query;
// a pause that sees a newer revision drops the computation, one that finds the
// query computed meanwhile (a request read it) stops; and the value, its
// dependencies and its early cut-off are those of the plain computation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineQuery, defineStepQuery, drain, type Input } from '../../../server/src/model/query/engine';
import { setup, type Owner } from './queryFixture';

const KEYS = ['a', 'b', 'c'];

function defs(text: Input<string>) {
  const parse = defineQuery<string, Owner>('parse', (r, k) => r.input(text, k).trim().toUpperCase());
  // One step per file read: the dependencies recorded across pauses are all kept.
  const build = defineStepQuery<string, Owner>('build', function* (r) {
    const out: string[] = [];
    for (const k of KEYS) {
      out.push(r.query(parse, k));
      yield;
    }
    return out.join('');
  });
  const rule = defineQuery<number, Owner>('rule', (r) => r.query(build, '').length);
  return { parse, build, rule };
}

test('update computes a step query with a pause at each of its steps; read plainly, it is computed at once, to the same value', () => {
  const { engine, text } = setup();
  const { build } = defs(text);
  let pauses = 0;
  for (const _ of engine.update(build, '')) pauses++;
  assert.equal(pauses, 3, 'one pause per yield of the computation');
  assert.equal(engine.isCurrent(build, ''), true);
  engine.resetCounts();
  assert.equal(engine.query(build, ''), 'XYZ');
  assert.deepEqual(engine.recomputations(), {}, 'the read after update computes nothing');
  const other = setup();
  assert.equal(other.engine.query(defs(other.text).build, ''), 'XYZ', 'the plain read gives the same value');
});

test('dependencies read in every step are recorded: a change read in the last step recomputes it, one that cuts off early does not', () => {
  const { engine, owner, text } = setup();
  const { build, rule } = defs(text);
  for (const _ of engine.update(rule, '')) void _;
  assert.equal(engine.query(rule, ''), 3);
  owner.texts.set('c', 'zz');
  text.invalidate('c');
  engine.resetCounts();
  for (const _ of engine.update(rule, '')) void _;
  assert.deepEqual(engine.recomputations(), { build: 1, parse: 1, rule: 1 });
  assert.equal(engine.query(build, ''), 'XYZZ');
  owner.texts.set('a', ' x ');
  text.invalidate('a');
  engine.resetCounts();
  for (const _ of engine.update(rule, '')) void _;
  assert.deepEqual(engine.recomputations(), { parse: 1 }, 'the parse is equal: the build is not recomputed');
});

test('a step query prepared as a dependency is computed in steps too', () => {
  const { engine, owner, text } = setup();
  const { rule } = defs(text);
  engine.query(rule, '');
  owner.texts.set('b', 'q');
  text.invalidate('b');
  let pauses = 0;
  for (const _ of engine.prepare(rule, '')) pauses++;
  // The parse recomputed (a pause), the build's three steps (three pauses), then the pause after the build.
  assert.equal(pauses, 5);
  assert.equal(engine.isCurrent(rule, ''), false, 'the query itself is left to its read');
  assert.equal(engine.query(rule, ''), 3);
});

test('a newer revision during a pause drops the computation; the next update computes afresh from the new inputs', () => {
  const { engine, owner, text } = setup();
  const { build } = defs(text);
  engine.query(build, '');
  owner.texts.set('a', 'p');
  text.invalidate('a');
  const steps = engine.update(build, '');
  steps.next(); // the parse of a, recomputed
  steps.next(); // the build's first step
  owner.texts.set('c', 'r');
  text.invalidate('c');
  assert.equal(steps.next().done, true, 'dropped at the pause');
  assert.equal(engine.peek(build, ''), 'XYZ', 'the old value stands');
  assert.equal(engine.isCurrent(build, ''), false);
  for (const _ of engine.update(build, '')) void _;
  assert.equal(engine.query(build, ''), 'PYR');
});

test('read plainly during a pause, the query is computed at once and the paused computation stops', () => {
  const { engine, owner, text } = setup();
  const { build } = defs(text);
  engine.query(build, '');
  owner.texts.set('b', 'w');
  text.invalidate('b');
  engine.resetCounts();
  const steps = engine.update(build, '');
  steps.next();
  steps.next();
  assert.equal(engine.query(build, ''), 'XWZ', 'a request reads it meanwhile');
  assert.equal(steps.next().done, true);
  assert.equal(engine.query(build, ''), 'XWZ');
  assert.deepEqual(engine.recomputations(), { build: 2, parse: 1 }, 'the paused computation and the read one each counted once');
});

test('a step query that throws is left as it was; the read meets the error', () => {
  const { engine, owner, text } = setup();
  const fragile = defineStepQuery<string, Owner>('fragile', function* (r) {
    const t = r.input(text, 'a');
    yield;
    if (t === 'boom') throw new Error('bad input');
    return t;
  });
  const top = defineQuery<string, Owner>('top', (r) => r.query(fragile, ''));
  engine.query(top, '');
  owner.texts.set('a', 'boom');
  text.invalidate('a');
  assert.doesNotThrow(() => [...engine.prepare(top, '')]);
  assert.throws(() => engine.query(top, ''), /bad input/);
});

test('a step query compared in steps: a recomputed value equal to the old one keeps the old one, with pauses in the comparison', () => {
  const { engine, owner, text } = setup();
  let comparisons = 0;
  const index = defineStepQuery<string[], Owner>(
    'index',
    function* (r) {
      yield;
      return r.input(text, 'a').trim().split('');
    },
    {
      *inSteps(a, b) {
        comparisons++;
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) {
          yield;
          if (a[i] !== b[i]) return false;
        }
        return true;
      },
    },
  );
  const reader = defineQuery<number, Owner>('reader', (r) => r.query(index, '').length);
  owner.texts.set('a', 'xyz');
  let pauses = 0;
  for (const _ of engine.update(index, '')) pauses++;
  const first = engine.query(index, '');
  assert.equal(engine.query(reader, ''), 3);
  owner.texts.set('a', ' xyz ');
  text.invalidate('a');
  engine.resetCounts();
  pauses = 0;
  for (const _ of engine.update(index, '')) pauses++;
  assert.equal(comparisons, 1);
  assert.equal(pauses, 1 + 3, 'a pause in the computation, one per item compared');
  assert.equal(engine.query(index, ''), first, 'equal: the old value stands');
  assert.equal(engine.query(reader, ''), 3);
  assert.deepEqual(engine.recomputations(), { index: 1 }, 'its reader is not recomputed');
  owner.texts.set('a', 'xyw');
  text.invalidate('a');
  assert.deepEqual(drain(engine.update(index, '')), undefined);
  const last = engine.query(index, '');
  assert.deepEqual(last, ['x', 'y', 'w']);
  // Read plainly, the same comparison runs through at once.
  owner.texts.set('a', 'xyw ');
  text.invalidate('a');
  assert.equal(engine.query(index, ''), last);
});
