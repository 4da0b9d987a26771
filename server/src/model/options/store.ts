// OptionIndexStore: the model's way to get the option index of a module tree
// without ever blocking on a slow evaluation. In memory first; then the disk
// cache (keyed by the tree's identity, its content hash checked); else a build
// in worker threads (or in this thread when no worker is given: tests, CLI),
// reported through a progress callback, then saved for the next start.
// Requests for a tree being built share that build.
import type { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { statSync } from 'node:fs';
import { OptionIndex } from './optionIndex';
import type { OptionIndexData } from './types';
import { assemble, scanFiles, wordingOf, type FileScan } from './scanTree';
import type { TypeWording } from './typeWording';
import { fromJson, INDEX_FORMAT, toJson } from './serialize';
import { readCache, writeCache } from './cache';
import { contentHash, identify, type OptionTree, type TreeIdentity } from './treeIdentity';
import { OPTION_WORKER_KIND, type OptionWorkerData, type OptionWorkerMessage } from './worker';

export interface OptionIndexStoreOptions {
  /** Where indexes are cached between starts; no disk cache when undefined. */
  cacheDir?: string;
  /**
   * Starts a worker thread with the given `workerData` (for the server bundle:
   * `(data) => new Worker(__filename, { workerData: data })`). Builds run in
   * this thread when undefined.
   */
  startWorker?: (data: OptionWorkerData) => Worker;
  /** How many workers share a build (default 1). */
  workers?: number;
  /** Check a cached entry's content hash on load (default true; store trees are never re-hashed). */
  verifyContent?: boolean;
  /** The Nix store directory (default $NIX_STORE_DIR or /nix/store). */
  storeDir?: string;
}

export interface BuildProgress {
  done: number;
  total: number;
}

export interface IndexResult {
  index: OptionIndex;
  data: OptionIndexData;
  /** Where it came from this time. */
  from: 'memory' | 'cache' | 'build';
  /** Time to get it, in milliseconds. */
  ms: number;
  /** Set when the build could not be saved to the cache directory. */
  cacheError?: string;
}

/** Splits files over `n` workers, balancing their sizes (largest first to the least loaded). */
function split(files: string[], n: number): string[][] {
  const parts: { files: string[]; bytes: number }[] = Array.from({ length: n }, () => ({ files: [], bytes: 0 }));
  const sized = files.map((f) => {
    try {
      return { f, size: statSync(f).size };
    } catch {
      return { f, size: 0 };
    }
  });
  sized.sort((a, b) => b.size - a.size);
  for (const s of sized) {
    const least = parts.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    least.files.push(s.f);
    least.bytes += s.size;
  }
  return parts.filter((p) => p.files.length > 0).map((p) => p.files.sort());
}

export class OptionIndexStore {
  /** Builds run so far (tests count them). */
  builds = 0;
  private readonly memory = new Map<string, IndexResult>();
  /** The contents key each tree is held in memory under (a tree's older index is let go). */
  private readonly current = new Map<string, string>();
  private readonly pending = new Map<string, Promise<IndexResult>>();

  constructor(private readonly opts: OptionIndexStoreOptions = {}) {}

  /** The index of a tree: from memory, the disk cache, or a build. */
  get(tree: OptionTree, onProgress?: (p: BuildProgress) => void): Promise<IndexResult> {
    const t0 = performance.now();
    const id = identify(tree, this.opts.storeDir);
    const mem = this.memory.get(id.key);
    if (mem) return Promise.resolve({ ...mem, from: 'memory', ms: performance.now() - t0 });
    let p = this.pending.get(id.key);
    if (!p) {
      p = this.load(id, t0, onProgress, tree.typesNix).finally(() => this.pending.delete(id.key));
      this.pending.set(id.key, p);
    }
    return p;
  }

  /** The index of a tree if it is already in memory (no I/O beyond the tree's identity). */
  peek(tree: OptionTree): OptionIndex | undefined {
    return this.memory.get(identify(tree, this.opts.storeDir).key)?.index;
  }

  /** Forgets every index held in memory (the disk cache stays). */
  clear(): void {
    this.memory.clear();
    this.current.clear();
  }

  private async load(id: TreeIdentity, t0: number, onProgress?: (p: BuildProgress) => void, typesNix?: string): Promise<IndexResult> {
    const dir = this.opts.cacheDir;
    const files = id.inStore ? undefined : id.files();
    let hashed: string | undefined;
    const hash = files ? (): string => (hashed ??= contentHash(id.root, files)) : undefined;
    if (dir) {
      const entry = readCache(dir, id.treeKey, id.key);
      if (entry && (!hash || this.opts.verifyContent === false || entry.header.contentHash === hash())) {
        const data = fromJson(entry.body);
        if (data) return this.remember(id, { index: new OptionIndex(data), data, from: 'cache', ms: performance.now() - t0 });
      }
    }
    // Hashed before the build: the entry describes the files as they were read.
    if (dir) hash?.();
    const data = await this.build(id.files(), onProgress, typesNix ? wordingOf(typesNix) : undefined);
    const result: IndexResult = { index: new OptionIndex(data), data, from: 'build', ms: 0 };
    if (dir) {
      const ok = writeCache(dir, id.treeKey, { format: INDEX_FORMAT, key: id.key, root: id.root, ...(hash ? { contentHash: hash() } : {}), builtAt: new Date().toISOString() }, toJson(data));
      if (!ok) result.cacheError = `could not write the option index cache in ${dir}`;
    }
    result.ms = performance.now() - t0;
    return this.remember(id, result);
  }

  private remember(id: TreeIdentity, r: IndexResult): IndexResult {
    const old = this.current.get(id.treeKey);
    if (old !== undefined && old !== id.key) this.memory.delete(old);
    this.current.set(id.treeKey, id.key);
    this.memory.set(id.key, r);
    return r;
  }

  private async build(files: string[], onProgress?: (p: BuildProgress) => void, wording?: TypeWording): Promise<OptionIndexData> {
    this.builds++;
    const t0 = Date.now();
    const start = this.opts.startWorker;
    if (!start) {
      const uris = files.map((f) => pathToFileURL(f).href);
      return assemble(scanFiles(uris, (done, total) => onProgress?.({ done, total }), undefined, undefined, wording), files.length, Date.now() - t0);
    }
    const parts = split(files, Math.max(1, Math.min(this.opts.workers ?? 1, files.length)));
    const done = parts.map(() => 0);
    const report = (): void => onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: files.length });
    const results = await Promise.all(
      parts.map((part, i) =>
        runWorker(start, { kind: OPTION_WORKER_KIND, uris: part.map((f) => pathToFileURL(f).href), ...(wording ? { wording } : {}) }, (n) => {
          done[i] = n;
          report();
        }),
      ),
    );
    return assemble(results.flat(), files.length, Date.now() - t0);
  }
}

/** Runs one worker to its answer; a worker that fails or exits early rejects. */
function runWorker(start: (data: OptionWorkerData) => Worker, data: OptionWorkerData, progress: (done: number) => void): Promise<FileScan[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const w = start(data);
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      f();
      void w.terminate();
    };
    w.on('message', (m: OptionWorkerMessage) => {
      if (m.type === 'progress') progress(m.done);
      else if (m.type === 'done') finish(() => resolve(m.scans));
      else finish(() => reject(new Error(`option index worker: ${m.message}`)));
    });
    w.on('error', (e) => finish(() => reject(e)));
    w.on('exit', (code) => finish(() => reject(new Error(`option index worker exited with code ${code} before answering`))));
  });
}
