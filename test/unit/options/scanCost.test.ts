// The scan's cost on a whole tree: one evaluator keeps every file it evaluated,
// so scanFiles goes on with a new one once the files it holds pass a budget of
// source characters. The files' scans do not depend on where the evaluator was
// renewed: a new evaluator every file gives the same results, helpers
// (submodule files, imported files) and module-list entries included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { assemble, EVALUATOR_BUDGET, FileTextHost, listNixFiles, scanFiles } from '../../../server/src/model/options/scanTree';
import { fixtureRoot } from './helpers';

const TREES = ['modules', 'tree-idioms', 'hm-idioms', 'format-idioms', 'rename-idioms'];

test('a new evaluator every file scans a tree as one shared evaluator does', () => {
  assert.ok(EVALUATOR_BUDGET >= 100_000);
  for (const tree of TREES) {
    const uris = listNixFiles(path.join(fixtureRoot, tree)).map((f) => pathToFileURL(f).href);
    const host = new FileTextHost();
    const shared = scanFiles(uris, undefined, host, Infinity);
    const renewed = scanFiles(uris, undefined, host, 1);
    assert.ok(shared.length > 0, tree);
    assert.deepEqual(renewed, shared, tree);
    assert.deepEqual(assemble(renewed, uris.length, 0), assemble(shared, uris.length, 0), tree);
  }
});

test('files that share a module argument file (utils) are scanned alike across evaluators', () => {
  const uris = listNixFiles(path.join(fixtureRoot, 'tree-idioms')).map((f) => pathToFileURL(f).href);
  const jobs = uris.filter((u) => /\butils\b/.test(new FileTextHost().readText(u) ?? '') && u.includes('/modules/'));
  assert.ok(jobs.length > 0);
  // The same module twice: the second time from the first evaluator's cache, or from a new evaluator.
  const usesUtils = [...jobs, ...jobs];
  const once = scanFiles(usesUtils, undefined, new FileTextHost(), Infinity);
  const each = scanFiles(usesUtils, undefined, new FileTextHost(), 1);
  assert.deepEqual(each, once);
  assert.equal(once.length, usesUtils.length);
  assert.ok(once.every((s) => s.options.some((o) => o.path.join('.') === 'scheduler.jobs.<name>.command')));
});
