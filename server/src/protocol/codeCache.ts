// V8's code cache for the server bundle, the way VS Code itself starts fast:
// the launcher (start.ts) compiles dist/serverMain.js with the bytecode a
// previous start saved, so a start skips most of parsing and compiling the
// 1 MB bundle (about 70 ms of a 280 ms start of a small homelab). Speed only:
// any problem (no cache, a stale or unreadable one, a read-only home) means
// compiling as usual, never a failed start.
//
// The cache holds bytecode, so it is trusted only from a folder of our own
// (created 0700, owned by this user) and only for the exact bundle: the file
// is named by a hash of the bundle's text (V8 itself only checks the length).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** The symbol under which the launcher leaves `save` for the server (which knows when start-up is done). */
export const SAVE_CODE_CACHE = Symbol.for('homelab-profiles.saveCodeCache');

/** Where the cache lives: beside the option index cache, or nowhere when `HOMELAB_CODE_CACHE=off`. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.HOMELAB_CODE_CACHE === 'off') return undefined;
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'homelab-profiles', 'code');
}

export interface Loaded {
  /** Whether the saved bytecode was used. */
  fromCache: boolean;
  /** Writes the bytecode compiled so far (once start-up ran most of the code); false when nothing was written. */
  save(): boolean;
}

/** Runs a CommonJS bundle as `require` would, with the code cache in `dir` when there is one. */
export function runWithCodeCache(bundle: string, dir: string | undefined): Loaded {
  const text = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const file = dir ? path.join(dir, `${path.basename(bundle, '.js')}-${createHash('sha256').update(text).digest('hex').slice(0, 24)}.v8cache`) : undefined;
  const cachedData = file ? readOwn(file) : undefined;
  const script = new vm.Script(wrapped, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown, filename: bundle, id: '.', loaded: false };
  const run = script.runInThisContext() as (e: unknown, r: NodeRequire, m: unknown, f: string, d: string) => void;
  run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  let saved = false;
  return {
    fromCache,
    save: () => {
      if (fromCache || saved || !dir || !file) return false;
      saved = true;
      return writeOwn(dir, file, script.createCachedData());
    },
  };
}

function readOwn(file: string): Buffer | undefined {
  try {
    const dirStat = statSync(path.dirname(file));
    const fileStat = statSync(file);
    const uid = process.getuid?.();
    // Another user's folder or file, or one others may write: not ours to run.
    if (uid !== undefined && (dirStat.uid !== uid || fileStat.uid !== uid || (dirStat.mode & 0o022) !== 0 || (fileStat.mode & 0o022) !== 0)) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeOwn(dir: string, file: string, data: Buffer): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Older bundles' caches go: one file per bundle name.
    const stem = path.basename(file).replace(/-[0-9a-f]+\.v8cache$/, '-');
    for (const old of readdirSync(dir)) if (old.startsWith(stem) && old !== path.basename(file)) unlinkSync(path.join(dir, old));
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
    return true;
  } catch {
    return false;
  }
}

/** What the launcher leaves for the server. */
export interface LaunchedWith {
  fromCache: boolean;
  dir: string | undefined;
  save(): boolean;
}

/**
 * Called by the server once start-up ran (most of the bundle is compiled
 * then): saves the cache if the launcher left a way to, and says what
 * happened, for the log (undefined when the server was not started by the launcher).
 */
export function saveCodeCache(log: (line: string) => void): void {
  const launched = (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] as LaunchedWith | undefined;
  if (!launched) return;
  if (launched.fromCache) return log('homelab: server code loaded from its V8 code cache');
  if (!launched.dir) return log('homelab: server code cache off (HOMELAB_CODE_CACHE=off)');
  setImmediate(() => log(launched.save() ? `homelab: server code cache saved in ${launched.dir} for the next start` : `homelab: server code cache not saved (${launched.dir} not writable)`));
}
