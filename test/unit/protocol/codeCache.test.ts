// The server bundle runs through V8's code cache (server/src/protocol/codeCache.ts):
// the second start uses the bytecode the first saved; a changed bundle, a cache
// others could write, a corrupt cache or HOMELAB_CODE_CACHE=off all fall back to
// compiling as usual, and the code runs the same either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { codeCacheDir, runWithCodeCache } from '../../../server/src/protocol/codeCache';

type Probe = { runs: number; dirname?: string; required?: string };
const probe = (): Probe => (globalThis as unknown as { codeCacheProbe: Probe }).codeCacheProbe;
const codeCacheModule = path.join(__dirname, '../../../server/src/protocol/codeCache.ts');

/**
 * A start in a process of its own (V8 keeps what it compiled in memory, so a
 * second compile of the same text in one process says nothing about the cache).
 */
function startApart(file: string, cache: string, save = false): { fromCache: boolean; ran: boolean } {
  const script = `const { runWithCodeCache } = require(${JSON.stringify(codeCacheModule)});
globalThis.codeCacheProbe = { runs: 0 };
const loaded = runWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)});
${save ? 'loaded.save();' : ''}
process.stdout.write(JSON.stringify({ fromCache: loaded.fromCache, ran: globalThis.codeCacheProbe.runs === 1 }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { fromCache: boolean; ran: boolean };
}

function bundle(dir: string, variant: string): string {
  const file = path.join(dir, 'serverMain.js');
  // A CommonJS bundle as esbuild writes it: require, __dirname and module.exports in use.
  writeFileSync(
    file,
    `#!/usr/bin/env node\n"use strict";\nconst p = globalThis.codeCacheProbe;\np.runs++;\np.dirname = __dirname;\np.required = require('node:path').basename(__filename);\nmodule.exports = { variant: ${JSON.stringify(variant)} };\n` +
      // Enough code for V8 to have something worth caching.
      Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${JSON.stringify(variant)}.length; }\np.sum = (p.sum ?? 0) + f${i}(1);`).join('\n'),
  );
  return file;
}

function fresh(): { dir: string; cache: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-codecache-'));
  (globalThis as unknown as { codeCacheProbe: Probe }).codeCacheProbe = { runs: 0 };
  return { dir, cache: path.join(dir, 'cache', 'code') };
}

test('the first start saves the bytecode, the second uses it, and the code runs both times', () => {
  const { dir, cache } = fresh();
  try {
    const file = bundle(dir, 'one');
    const first = runWithCodeCache(file, cache);
    assert.equal(first.fromCache, false);
    assert.equal(probe().runs, 1);
    assert.equal(probe().dirname, dir);
    assert.equal(probe().required, 'serverMain.js');
    assert.equal(first.save(), true);
    assert.equal(first.save(), false, 'saved once');
    const [saved] = readdirSync(cache);
    assert.match(saved, /^serverMain-[0-9a-f]{24}\.v8cache$/);
    if (process.platform !== 'win32') {
      assert.equal(statSync(cache).mode & 0o777, 0o700);
      assert.equal(statSync(path.join(cache, saved)).mode & 0o777, 0o600);
    }
    assert.deepEqual(startApart(file, cache), { fromCache: true, ran: true });
    const again = runWithCodeCache(file, cache);
    assert.equal(again.save(), false, 'nothing to save when the cache was used');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a changed bundle gets its own cache and the old one is removed', () => {
  const { dir, cache } = fresh();
  try {
    runWithCodeCache(bundle(dir, 'one'), cache).save();
    const [old] = readdirSync(cache);
    const changed = runWithCodeCache(bundle(dir, 'two'), cache);
    assert.equal(changed.fromCache, false);
    assert.equal(changed.save(), true);
    const now = readdirSync(cache);
    assert.equal(now.length, 1);
    assert.notEqual(now[0], old);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cache others may write, or a corrupt one, is not used; the code still runs', { skip: process.platform === 'win32' ? 'POSIX modes' : false }, () => {
  const { dir, cache } = fresh();
  try {
    const file = bundle(dir, 'one');
    runWithCodeCache(file, cache).save();
    const saved = path.join(cache, readdirSync(cache)[0]);
    assert.deepEqual(startApart(file, cache), { fromCache: true, ran: true });
    chmodSync(saved, 0o666);
    assert.deepEqual(startApart(file, cache), { fromCache: false, ran: true }, 'a cache others may write is ignored');
    chmodSync(saved, 0o600);
    writeFileSync(saved, Buffer.alloc(4096, 7), { mode: 0o600 });
    assert.deepEqual(startApart(file, cache, true), { fromCache: false, ran: true }, 'V8 rejects a corrupt cache');
    assert.deepEqual(startApart(file, cache), { fromCache: true, ran: true }, 'and it is written anew');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('HOMELAB_CODE_CACHE=off: no cache folder, nothing written', () => {
  assert.equal(codeCacheDir({ HOMELAB_CODE_CACHE: 'off' }), undefined);
  assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/x' }), path.join('/x', 'homelab-profiles', 'code'));
  const { dir } = fresh();
  try {
    const loaded = runWithCodeCache(bundle(dir, 'one'), undefined);
    assert.equal(loaded.fromCache, false);
    assert.equal(loaded.save(), false);
    assert.equal(existsSync(path.join(dir, 'cache')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
