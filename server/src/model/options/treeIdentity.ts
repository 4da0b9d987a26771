// The identity of a module tree, which keys its cached option index: a tree
// in the Nix store never changes, so its real path is enough; any other tree
// is keyed by its `.nix` files' paths, sizes and modification times (cheap:
// one stat each), and its cache entry also records a hash of their contents,
// checked when the entry is loaded, so an edit that kept size and mtime is
// still seen.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { listNixFiles } from './scanTree';
import { INDEX_FORMAT } from './serialize';

/** A module tree to index. */
export interface OptionTree {
  /** A directory (or one `.nix` file). */
  root: string;
  /** These files only (absolute paths), instead of every `.nix` file below `root` (the workspace's own modules). */
  files?: string[];
  /** The `lib/types.nix` of the nixpkgs the tree is used with: the simple types are worded as it words them. */
  typesNix?: string;
}

export interface TreeIdentity {
  /** Names the tree whatever its contents (its real root, and its file list when given): one cache entry per tree. */
  treeKey: string;
  /** Names the tree's current contents (hex): a cache entry is valid for this key only. */
  key: string;
  /** The real path of the root. */
  root: string;
  /** Whether the tree is in the Nix store (immutable: no content check). */
  inStore: boolean;
  /** The files, absolute; listed lazily for a store tree (only a build needs them). */
  files(): string[];
}

export function defaultStoreDir(): string {
  return process.env.NIX_STORE_DIR || '/nix/store';
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** A file's path, size and modification time ("-1" when it cannot be read). */
function fileStamp(f: string): string {
  try {
    const st = statSync(f);
    return `${real(f)}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return `${f}\0-1`;
  }
}

export function identify(tree: OptionTree, storeDir = defaultStoreDir()): TreeIdentity {
  const root = real(tree.root);
  const inStore = tree.files === undefined && root.startsWith(storeDir.replace(/\/+$/, '') + '/');
  const explicit = tree.files ? [...tree.files].map((f) => path.resolve(f)).sort() : undefined;
  const treeKey = createHash('sha256').update(`${root}\0${explicit?.join('\0') ?? '*'}`).digest('hex');
  const h = createHash('sha256').update(`homelab-options ${INDEX_FORMAT}\0${root}\0`);
  // Another types.nix words the same tree's types otherwise: another entry.
  if (tree.typesNix) h.update(`types ${fileStamp(tree.typesNix)}\0`);
  if (inStore) {
    let listed: string[] | undefined;
    return { treeKey, key: h.update('store').digest('hex'), root, inStore, files: () => (listed ??= listNixFiles(root)) };
  }
  const files = explicit ?? listNixFiles(root);
  for (const f of files) {
    let size = -1;
    let mtime = -1;
    try {
      const st = statSync(f);
      size = st.size;
      mtime = st.mtimeMs;
    } catch {
      // A file that vanished is part of the identity too.
    }
    h.update(`${path.relative(root, f)}\0${size}\0${mtime}\0`);
  }
  return { treeKey, key: h.digest('hex'), root, inStore, files: () => files };
}

/** A hash of the files' names and contents (checked when a cached index is loaded). */
export function contentHash(root: string, files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`${path.relative(root, f)}\0`);
    try {
      h.update(readFileSync(f));
    } catch {
      h.update('\u0001missing');
    }
    h.update('\0');
  }
  return h.digest('hex');
}
