// Building the option index off the main thread: the store started with a
// worker factory (here the worker entry run from the sources through tsx, as
// the bundle runs it) gives the same index as a build in this thread, with
// progress, split over two workers too; a worker that dies is an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { OptionIndexStore } from '../../../server/src/model/options/store';
import { fixtureIndex, modulesRoot, tsxWorker } from './helpers';

test('a worker builds the same index as the main thread, with progress', async () => {
  const store = new OptionIndexStore({ startWorker: tsxWorker });
  const seen: { done: number; total: number }[] = [];
  const r = await store.get({ root: modulesRoot }, (p) => seen.push(p));
  assert.equal(r.from, 'build');
  assert.deepEqual(r.data.options, fixtureIndex().options);
  assert.deepEqual(r.data.renames, fixtureIndex().renames);
  assert.ok(seen.length > 0);
  assert.deepEqual(seen[seen.length - 1], { done: 19, total: 19 });
});

test('two workers share a build and give the same index (helpers found across them)', async () => {
  const store = new OptionIndexStore({ startWorker: tsxWorker, workers: 2 });
  const started: number[] = [];
  const counting = new OptionIndexStore({
    startWorker: (d) => {
      started.push(d.uris.length);
      return tsxWorker(d);
    },
    workers: 2,
  });
  const [a, b] = await Promise.all([store.get({ root: modulesRoot }), counting.get({ root: modulesRoot })]);
  assert.deepEqual(a.data.options, fixtureIndex().options);
  assert.deepEqual(b.data.options, fixtureIndex().options);
  assert.equal(started.length, 2);
  assert.equal(started[0] + started[1], 19);
});

test('a worker that exits without answering rejects the build', async () => {
  const store = new OptionIndexStore({ startWorker: () => new Worker('process.exit(3)', { eval: true }) });
  await assert.rejects(store.get({ root: modulesRoot }), /exited with code 3/);
});
