// The on-disk cache of option indexes, in a directory the caller gives (the
// extension's global storage): one file per tree (a rebuild replaces it, so
// edits do not pile up entries), a one-line JSON header (format, the identity
// key of the contents it was built from, root, content hash) then the index. Writes go
// through a temporary file and a rename, so a reader never sees half a file;
// a missing, foreign or damaged file is a cache miss, never an error.
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { INDEX_FORMAT } from './serialize';

export interface CacheHeader {
  format: number;
  key: string;
  root: string;
  /** Hash of the files' contents when built (absent for a store tree). */
  contentHash?: string;
  builtAt: string;
}

export function cacheFile(dir: string, treeKey: string): string {
  return path.join(dir, `options-${treeKey.slice(0, 40)}.json`);
}

/** The header and the index text of a tree's cache entry when it was built from contents `key`, or undefined. */
export function readCache(dir: string, treeKey: string, key: string): { header: CacheHeader; body: string } | undefined {
  let text: string;
  try {
    text = readFileSync(cacheFile(dir, treeKey), 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  try {
    const header = JSON.parse(text.slice(0, nl)) as CacheHeader;
    if (header.format !== INDEX_FORMAT || header.key !== key) return undefined;
    return { header, body: text.slice(nl + 1) };
  } catch {
    return undefined;
  }
}

/** Writes an entry; false when the directory is not writable (the index still works, uncached). */
export function writeCache(dir: string, treeKey: string, header: CacheHeader, body: string): boolean {
  const file = cacheFile(dir, treeKey);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, `${JSON.stringify(header)}\n${body}`);
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    return false;
  }
}
