// Shared by the option-index tests: the fixture tree's location, its index
// built in this thread, where a declaration's span is expected, the worker
// started from the sources, copies of the tree to change, and the pinned-trees
// fixture's fake store.
import * as path from 'node:path';
import { cpSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OptionWorkerData } from '../../../server/src/model/options/worker';
import { assemble, listNixFiles, scanFiles } from '../../../server/src/model/options/scanTree';
import type { OptionIndexData } from '../../../server/src/model/options/types';
import type { TypeWording } from '../../../server/src/model/options/typeWording';
import { storePathFromNarHash } from '../../../server/src/model/options/storePath';

export const fixtureRoot = path.resolve(__dirname, '..', '..', 'fixtures', 'options');
export const modulesRoot = path.join(fixtureRoot, 'modules');

/** Builds the index of a tree in this thread (the server builds it in the worker). */
export function buildIndexInline(files: string[], wording?: TypeWording): OptionIndexData {
  const t0 = Date.now();
  return assemble(scanFiles(files.map((f) => pathToFileURL(f).href), undefined, undefined, undefined, wording), files.length, Date.now() - t0);
}

const indexes = new Map<string, OptionIndexData>();
/** The index of a fixture tree, built once per test file. */
export function treeIndex(root: string): OptionIndexData {
  let data = indexes.get(root);
  if (!data) indexes.set(root, (data = buildIndexInline(listNixFiles(root))));
  return data;
}

export function fixtureIndex(): OptionIndexData {
  return treeIndex(modulesRoot);
}

export function fixtureUri(rel: string): string {
  return pathToFileURL(path.join(modulesRoot, rel)).href;
}

/** The span of the `nth` occurrence of `needle` in a fixture module. */
export function spanOf(rel: string, needle: string, nth = 0): { start: number; end: number } {
  const text = readFileSync(path.join(modulesRoot, rel), 'utf8');
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found in ${rel}`);
  }
  return { start: at, end: at + needle.length };
}

/** The span of an option's name where `<name> =` first appears in a fixture module (after `after`, when given). */
export function nameSpan(rel: string, name: string, after?: string): { start: number; end: number } {
  const text = readFileSync(path.join(modulesRoot, rel), 'utf8');
  const from = after === undefined ? 0 : text.indexOf(after);
  const at = text.indexOf(`${name} =`, from);
  if (from < 0 || at < 0) throw new Error(`${name} = not found in ${rel}`);
  return { start: at, end: at + name.length };
}

/** The path of the worker entry, run through tsx in a worker thread (as the bundle would run it). */
export const workerMain = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'model', 'options', 'workerMain.ts');

/** Starts the option-index worker from the TypeScript sources (tsx's CommonJS hook, loaded in the worker). */
export function tsxWorker(data: OptionWorkerData): Worker {
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(workerMain)});`, { eval: true, workerData: data });
}

/** A fresh copy of the fixture modules in a temporary directory (for tests that change files). */
export function copyFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'options-'));
  cpSync(modulesRoot, path.join(dir, 'modules'), { recursive: true });
  return dir;
}

/** The pinned-trees fixture (test/fixtures/options/pinned): the lab flake and the trees its flake.lock locks. */
export const pinnedRoot = path.join(fixtureRoot, 'pinned');
export const labRoot = path.join(pinnedRoot, 'lab');

/** The trees of the lab's flake.lock, by input, with the narHash it locks them by. */
export const LOCKED_TREES: Record<string, { dir: string; narHash: string }> = {
  nixpkgs: { dir: 'nixpkgs-unstable', narHash: 'sha256-pnK9bMERT1tgygUdqWRpcxbCSpyZgfY5Rss4S/ti0YY=' },
  'nixpkgs-stable': { dir: 'nixpkgs-stable', narHash: 'sha256-ca+Xp6bMJS1AjsdHu3htj17FaeH+qe0fJBk/7Pm07UA=' },
  'home-manager': { dir: 'home-manager', narHash: 'sha256-2H6bBp4ifJzTzgGnQxJjBix6Wvgb42bc7z7iEkD++z0=' },
  // `nixpkgs-old` is locked too but never put in the store.
};

/**
 * A store directory of the test's own holding the locked trees where Nix
 * would put them (the path computed from each narHash and this directory),
 * so the lab's flake.lock finds them as it would in /nix/store.
 */
export function fakeStore(): string {
  const storeDir = realpathSync(mkdtempSync(path.join(tmpdir(), 'homelab-store-')));
  for (const t of Object.values(LOCKED_TREES)) {
    const at = storePathFromNarHash(t.narHash, storeDir);
    if (!at) throw new Error(`bad narHash ${t.narHash}`);
    cpSync(path.join(pinnedRoot, t.dir), at, { recursive: true });
  }
  return storeDir;
}
