// A rule's judgements kept between runs (checks/machineJudgements.ts): an
// unchanged item is not judged again, the map is added to in place against the
// same context, and judgements of items no longer met do not stay for ever
// (a replaced machine, and what it holds, is let go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgementsOf } from '../../../server/src/checks/machineJudgements';
import { workspaceOf } from './helpers';

const items = (n: number, tag: string): { id: string }[] => Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}` }));

/** One complete run over `list`: how many were judged afresh. */
function run(ws: ReturnType<typeof workspaceOf>, list: object[], context: unknown[] = []): number {
  let judged = 0;
  const j = judgementsOf<string, object>(ws, 'item test', context);
  for (const item of list)
    j.of(item, () => {
      judged++;
      return 'judged';
    });
  j.done();
  return judged;
}

/** Whether the judgement of `item` is still kept (a run not completed: it changes nothing). */
function stillKept(ws: ReturnType<typeof workspaceOf>, item: object, context: unknown[] = []): boolean {
  return judgementsOf<string, object>(ws, 'item test', context).kept(item) !== undefined;
}

test('unchanged items are judged once; a new item alone is judged after an edit', () => {
  const ws = workspaceOf({});
  const fleet = items(100, 'm');
  assert.equal(run(ws, fleet), 100);
  assert.equal(run(ws, fleet), 0);
  const edited = [...fleet.slice(1), { id: 'm0 edited' }];
  assert.equal(run(ws, edited), 1);
  assert.equal(run(ws, edited), 0);
});

test('another context judges every item again', () => {
  const ws = workspaceOf({});
  const fleet = items(10, 'm');
  const services = new Set(['a']);
  assert.equal(run(ws, fleet, [services]), 10);
  assert.equal(run(ws, fleet, [new Set(['a'])]), 0, 'a set with the same members is the same context');
  assert.equal(run(ws, fleet, [new Set(['a', 'b'])]), 10);
});

test('a replaced item is let go after a few runs, many replaced items at once', () => {
  const ws = workspaceOf({});
  const fleet = items(100, 'm');
  run(ws, fleet);
  const replaced = fleet[0];
  const edited = [...fleet.slice(1), { id: 'm0 edited' }];
  run(ws, edited);
  assert.ok(stillKept(ws, replaced), 'a few stale judgements are kept rather than copying the map after each edit');
  for (let i = 0; i < 40; i++) run(ws, edited);
  assert.ok(!stillKept(ws, replaced), 'made afresh from the items met within a bounded number of runs');
  assert.ok(stillKept(ws, edited[0]));

  const other = items(100, 'n');
  run(ws, other);
  assert.ok(!stillKept(ws, edited[5]), 'past the bound of stale judgements the map is made afresh at once');
  assert.equal(run(ws, other), 0);
});
