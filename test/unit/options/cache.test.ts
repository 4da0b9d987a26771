// The option index store and its disk cache: a build is saved and a new
// store loads it without building (builds counted); a changed file, even one
// whose size and mtime were kept, invalidates it; a store tree is keyed by
// its path alone; damaged or unwritable caches fall back to a build; requests
// for one tree share its build; the serialised form round-trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { OptionIndexStore } from '../../../server/src/model/options/store';
import { fromJson, toJson } from '../../../server/src/model/options/serialize';
import { cacheFile } from '../../../server/src/model/options/cache';
import { identify } from '../../../server/src/model/options/treeIdentity';
import { copyFixture, fixtureIndex } from './helpers';

const NEW_OPTION = `
# Added by the cache test.
{ lib, ... }: { options.services.added.enable = lib.mkEnableOption "the added service"; }
`;

test('the serialised index round-trips; anything else is not an index', () => {
  const data = fixtureIndex();
  assert.deepEqual(fromJson(toJson(data)), data);
  assert.equal(fromJson('not json'), undefined);
  assert.equal(fromJson(JSON.stringify({ format: -1, files: [], options: [], renames: [] })), undefined);
  assert.equal(fromJson(JSON.stringify({ format: 1, files: [], options: [[['a'], 'string', null, null, null, 7, 0, 1, 0]], renames: [] })), undefined);
});

test('a build is cached; a new store loads it without building; a changed file rebuilds', async () => {
  const dir = copyFixture();
  const cacheDir = path.join(dir, 'cache');
  const tree = { root: path.join(dir, 'modules') };
  try {
    const first = new OptionIndexStore({ cacheDir });
    const progress: number[] = [];
    const built = await first.get(tree, (p) => progress.push(p.done));
    assert.equal(built.from, 'build');
    assert.equal(first.builds, 1);
    assert.equal(progress[progress.length - 1], 19);
    assert.ok(existsSync(cacheFile(cacheDir, identify(tree).treeKey)));
    assert.equal((await first.get(tree)).from, 'memory');
    assert.equal(first.builds, 1);

    const second = new OptionIndexStore({ cacheDir });
    const loaded = await second.get(tree);
    assert.equal(loaded.from, 'cache');
    assert.equal(second.builds, 0);
    assert.deepEqual(loaded.data, built.data);
    assert.equal(loaded.index.lookup(['services', 'webserver', 'port'])?.type, 'port');

    // A new file: the tree's identity changes.
    writeFileSync(path.join(tree.root, 'misc', 'added.nix'), NEW_OPTION);
    const third = new OptionIndexStore({ cacheDir });
    const rebuilt = await third.get(tree);
    assert.equal(rebuilt.from, 'build');
    assert.equal(third.builds, 1);
    assert.equal(rebuilt.index.lookup(['services', 'added', 'enable'])?.description, 'Whether to enable the added service.');

    // An edit that keeps the size and the modification time: caught by the content hash.
    const file = path.join(tree.root, 'services', 'web', 'webserver.nix');
    utimesSync(file, 1_700_000_000, 1_700_000_000); // whole seconds, restorable exactly
    assert.equal((await new OptionIndexStore({ cacheDir }).get(tree)).from, 'build');
    const st = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('default = 80;', 'default = 81;'));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    assert.deepEqual([statSync(file).size, statSync(file).mtimeMs], [st.size, st.mtimeMs]);
    const unchecked = await new OptionIndexStore({ cacheDir, verifyContent: false }).get(tree);
    assert.equal(unchecked.from, 'cache');
    assert.equal(unchecked.index.lookup(['services', 'webserver', 'port'])?.default, '80');
    const checked = new OptionIndexStore({ cacheDir });
    const fresh = await checked.get(tree);
    assert.equal(fresh.from, 'build');
    assert.equal(fresh.index.lookup(['services', 'webserver', 'port'])?.default, '81');
    assert.equal((await new OptionIndexStore({ cacheDir }).get(tree)).from, 'cache');
    // One entry per tree: each rebuild replaced the previous one.
    assert.deepEqual(readdirSync(cacheDir), [path.basename(cacheFile(cacheDir, identify(tree).treeKey))]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a tree in the Nix store is keyed by its path: no listing, no hashing, never stale', async () => {
  const dir = copyFixture();
  const storeDir = dir;
  const cacheDir = path.join(dir, '..', `${path.basename(dir)}-cache`);
  const tree = { root: path.join(dir, 'modules') };
  try {
    const id = identify(tree, storeDir);
    assert.equal(id.inStore, true);
    const built = await new OptionIndexStore({ cacheDir, storeDir }).get(tree);
    assert.equal(built.from, 'build');
    appendFileSync(path.join(tree.root, 'misc', 'config-only.nix'), '\n');
    const store = new OptionIndexStore({ cacheDir, storeDir });
    assert.equal((await store.get(tree)).from, 'cache');
    assert.equal(store.builds, 0);
    assert.equal(identify(tree, storeDir).key, id.key);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

test('a damaged cache entry is rebuilt; an unwritable cache directory still gives the index', async () => {
  const dir = copyFixture();
  const tree = { root: path.join(dir, 'modules') };
  const cacheDir = path.join(dir, 'cache');
  try {
    await new OptionIndexStore({ cacheDir }).get(tree);
    const [entry] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, entry), '{"format":1');
    const store = new OptionIndexStore({ cacheDir });
    assert.equal((await store.get(tree)).from, 'build');
    assert.equal(store.builds, 1);

    const blocked = path.join(dir, 'not-a-dir');
    writeFileSync(blocked, 'x');
    const r = await new OptionIndexStore({ cacheDir: blocked }).get(tree);
    assert.equal(r.from, 'build');
    assert.match(r.cacheError ?? '', /could not write/);
    assert.ok(r.index.size > 400);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('requests for one tree share one build; explicit file lists are trees of their own', async () => {
  const dir = copyFixture();
  const root = path.join(dir, 'modules');
  try {
    const store = new OptionIndexStore({});
    const [a, b] = await Promise.all([store.get({ root }), store.get({ root })]);
    assert.equal(store.builds, 1);
    assert.equal(a.index, b.index);
    const some = await store.get({ root, files: [path.join(root, 'system', 'boot.nix')] });
    assert.equal(store.builds, 2);
    assert.deepEqual(some.index.childrenOf([]).map((c) => c.name), ['boot', 'system']);
    assert.equal(store.peek({ root })?.size, a.index.size);
    mkdirSync(path.join(dir, 'empty'));
    assert.equal((await store.get({ root: path.join(dir, 'empty') })).index.size, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
