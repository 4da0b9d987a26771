// Engine.prepare (model/query/engine.ts): the dependencies a query read last
// time are brought up to date one by one, deepest first, with a pause after
// each one recomputed, so the read that follows costs only the query's own
// computation, and nothing is computed that the plain read would not compute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineQuery } from '../../../server/src/model/query/engine';
import { setup, type Owner } from './queryFixture';

test('prepare recomputes the changed leaf and its parents in steps; the read after it computes only the top', () => {
  const { engine, owner, text } = setup();
  const parse = defineQuery<string, Owner>('parse', (r, k) => r.input(text, k).toUpperCase());
  const build = defineQuery<string, Owner>('build', (r) => ['a', 'b', 'c'].map((k) => r.query(parse, k)).join(''));
  const rule = defineQuery<number, Owner>('rule', (r) => r.query(build, '').length + (r.query(build, '').includes('Q') ? 100 : 0));
  assert.equal(engine.query(rule, ''), 3);
  owner.texts.set('b', 'q');
  text.invalidate('b');
  engine.resetCounts();
  let pauses = 0;
  for (const _ of engine.prepare(rule, '')) pauses++;
  assert.deepEqual(engine.recomputations(), { build: 1, parse: 1 }, 'the changed parse and the build, nothing else');
  assert.equal(pauses, 2, 'a pause after each recomputation');
  assert.equal(engine.isCurrent(rule, ''), false, 'the query itself is left to its read');
  engine.resetCounts();
  assert.equal(engine.query(rule, ''), 103);
  assert.deepEqual(engine.recomputations(), { rule: 1 });
});

test('prepare of a current query, of one never computed, or after a change that cuts off early does nothing more than the read would', () => {
  const { engine, owner, text } = setup();
  const parse = defineQuery<string, Owner>('parse', (r, k) => r.input(text, k).trim());
  const build = defineQuery<string, Owner>('build', (r) => ['a', 'b'].map((k) => r.query(parse, k)).join(','));
  assert.deepEqual([...engine.prepare(build, '')], [], 'never computed: nothing to prepare');
  engine.query(build, '');
  assert.deepEqual([...engine.prepare(build, '')], [], 'current: nothing to prepare');
  owner.texts.set('a', ' x ');
  text.invalidate('a');
  engine.resetCounts();
  for (const _ of engine.prepare(build, '')) void _;
  assert.deepEqual(engine.recomputations(), { parse: 1 });
  engine.resetCounts();
  assert.equal(engine.query(build, ''), 'x,y');
  assert.deepEqual(engine.recomputations(), {}, 'the parse was equal: the build is not recomputed');
});

test('a dependency whose computation throws is left for the read to meet', () => {
  const { engine, owner, text } = setup();
  const parse = defineQuery<string, Owner>('parse', (r, k) => {
    const t = r.input(text, k);
    if (t === 'boom') throw new Error('bad input');
    return t;
  });
  const build = defineQuery<string, Owner>('build', (r) => r.query(parse, 'a'));
  engine.query(build, '');
  owner.texts.set('a', 'boom');
  text.invalidate('a');
  assert.doesNotThrow(() => [...engine.prepare(build, '')]);
  assert.throws(() => engine.query(build, ''), /bad input/);
});

test('a dependency that throws, met on many paths, is tried once by the walk', () => {
  const { engine, owner, text } = setup();
  const parse = defineQuery<string, Owner>('parse', (r, k) => {
    const t = r.input(text, k);
    if (t === 'boom') throw new Error('bad input');
    return t;
  });
  // Ten evaluations read the same base parse (a fleet's profiles and their base).
  const evaluate = defineQuery<string, Owner>('evaluate', (r, k) => {
    try {
      return r.query(parse, 'a') + k;
    } catch {
      return k;
    }
  });
  const build = defineQuery<string, Owner>('build', (r) => Array.from({ length: 10 }, (_, i) => r.query(evaluate, String(i))).join(''));
  engine.query(build, '');
  owner.texts.set('a', 'boom');
  text.invalidate('a');
  engine.resetCounts();
  for (const _ of engine.prepare(build, '')) void _;
  // A throwing query keeps no value, so each evaluation's re-validation meets it again (10);
  // the walk itself tries it once, not once more on each of the ten paths to it (20).
  assert.equal(engine.recomputations().parse, 11);
});

test('a walk stops when the revision moves under it (the pass that ran it is dropped)', () => {
  const { engine, owner, text } = setup();
  const parse = defineQuery<string, Owner>('parse', (r, k) => r.input(text, k).toUpperCase());
  const build = defineQuery<string, Owner>('build', (r) => ['a', 'b', 'c'].map((k) => r.query(parse, k)).join(''));
  engine.query(build, '');
  for (const k of ['a', 'b', 'c']) {
    owner.texts.set(k, k + k);
    text.invalidate(k);
  }
  engine.resetCounts();
  const walk = engine.prepare(build, '');
  walk.next(); // `a` parsed, a pause
  text.invalidate('c'); // a keystroke: a new revision
  for (const _ of walk) void _;
  assert.deepEqual(engine.recomputations(), { parse: 1 }, 'nothing more after the revision moved');
});

test('a walk over tens of thousands of current dependencies pauses now and then, though nothing is recomputed', () => {
  const { engine, owner, text } = setup();
  const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}`);
  // A build that reads every file's text itself (inputs: nothing below them to walk into).
  const build = defineQuery<number, Owner>('build', (r) => keys.reduce((n, k) => n + r.input(text, k).length, 0));
  const rule = defineQuery<number, Owner>('rule', (r) => r.query(build, ''));
  assert.equal(engine.query(rule, ''), 0);
  owner.texts.set('unread', 'x');
  text.invalidate('unread');
  engine.resetCounts();
  let pauses = 0;
  for (const _ of engine.prepare(rule, '')) pauses++;
  assert.deepEqual(engine.recomputations(), {}, 'nothing read changed');
  assert.ok(pauses >= 10, `the walk past 50,000 dependencies and their re-validation pause (${pauses} pauses)`);
  assert.equal(engine.query(rule, ''), 0);
});

test('a slot read by a nested query and again by its reader stays a dependency of both', () => {
  const { engine, owner, text } = setup();
  const size = defineQuery<number, Owner>('size', (r, k) => r.input(text, k).length);
  // Reads `a` through `size` (which cuts off while the length stays), then `a` itself, then `size` again.
  const both = defineQuery<string, Owner>('both', (r) => `${r.query(size, 'a')}${r.input(text, 'a')}${r.query(size, 'a')}${r.input(text, 'a')}`);
  assert.equal(engine.query(both, ''), '1x1x');
  owner.texts.set('a', 'y');
  text.invalidate('a');
  engine.resetCounts();
  assert.equal(engine.query(both, ''), '1y1y', 'the text read directly is a dependency though the nested query read it first');
  assert.deepEqual(engine.recomputations(), { both: 1, size: 1 });
});

test('the re-validation of a slot that read 50,000 others pauses too, and recomputes it once when the last one changed', () => {
  const { engine, owner, text } = setup();
  const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}`);
  const build = defineQuery<number, Owner>('build', (r) => keys.reduce((n, k) => n + r.input(text, k).length, 0));
  const rule = defineQuery<number, Owner>('rule', (r) => r.query(build, '') * 2);
  assert.equal(engine.query(rule, ''), 0);
  owner.texts.set('k49999', 'abc');
  text.invalidate('k49999');
  engine.resetCounts();
  let pauses = 0;
  for (const _ of engine.prepare(rule, '')) pauses++;
  assert.deepEqual(engine.recomputations(), { build: 1 });
  // About as many pauses walking past the 50,000 as re-validating them (the walk alone pauses about half as often).
  assert.ok(pauses >= 20, `${pauses} pauses`);
  engine.resetCounts();
  assert.equal(engine.query(rule, ''), 6);
  assert.deepEqual(engine.recomputations(), { rule: 1 });
});
