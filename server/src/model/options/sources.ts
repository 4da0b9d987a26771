// Where option declarations come from, found without evaluating or fetching
// anything: the nixpkgs the workspace uses (the locked `nixpkgs` input of its
// flake.lock when that store path is on disk, else `<nixpkgs>` from NIX_PATH)
// and its `nixos/modules`; Home Manager's `modules` the same way; the
// workspace's own modules (files that declare `options`); and the extra trees
// of the `homelab.options.sources` setting. Each source not found says why.
// Machines pinned to another nixpkgs (another flake input, a NIX_PATH entry)
// get that tree's `nixos/modules`, found the same way; a pinned tree that is
// not on disk is missing (never the default instead: the two differ, which is
// why the machine pins it).
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { OptionTree } from './treeIdentity';
import { listNixFiles } from './scanTree';
import { storePathFromNarHash } from './storePath';

export type SourceKind = 'nixos' | 'home-manager' | 'workspace' | 'extra';

export interface OptionSource {
  kind: SourceKind;
  /** What to show: "nixpkgs (flake.lock)", "Home Manager (NIX_PATH)", a folder… */
  label: string;
  tree: OptionTree;
  /** How it was found. */
  via: string;
}

export interface MissingSource {
  kind: SourceKind;
  label: string;
  reason: string;
}

export interface SourcesResult {
  found: OptionSource[];
  missing: MissingSource[];
  /** One per pin asked for, in order. */
  pinned: PinnedSource[];
}

/** A machine's pinned nixpkgs to find: a flake input of `folder`'s flake.lock, or a NIX_PATH entry. */
export interface PinRequest {
  key: string;
  folder: string;
  via: 'input' | 'nix-path';
  name: string;
}

export type PinnedSource =
  | { key: string; source: OptionSource }
  /** The pin names the input the default tree comes from (or a tree with no NixOS modules): the default's index. */
  | { key: string; sameAsDefault: true; why: string }
  | { key: string; missing: MissingSource };

export interface NixPathEntry {
  /** `nixpkgs` in `nixpkgs=/path`; undefined for a bare directory. */
  prefix?: string;
  path: string;
}

/** NIX_PATH entries, split on ':' as Nix does (a `scheme://` URL stays whole). */
export function parseNixPath(nixPath: string | undefined): NixPathEntry[] {
  const out: NixPathEntry[] = [];
  if (!nixPath) return out;
  const parts: string[] = [];
  for (const piece of nixPath.split(':')) {
    const prev = parts.length ? parts[parts.length - 1] : undefined;
    // `https` + `//host/x`: the colon belonged to a URL.
    if (prev !== undefined && piece.startsWith('//') && /(^|=)[a-z][a-z0-9+.-]*$/i.test(prev)) parts[parts.length - 1] = `${prev}:${piece}`;
    else if (prev !== undefined && /(^|=)(channel|flake)$/.test(prev)) parts[parts.length - 1] = `${prev}:${piece}`;
    else parts.push(piece);
  }
  for (const p of parts) {
    if (!p) continue;
    const eq = p.indexOf('=');
    out.push(eq > 0 ? { prefix: p.slice(0, eq), path: p.slice(eq + 1) } : { path: p });
  }
  return out;
}

const isUrl = (p: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(p);

/** `<name>` resolved against NIX_PATH as Nix looks it up (first entry that exists); the reason when none does. */
export function lookupNixPath(entries: NixPathEntry[], name: string, exists: (p: string) => boolean = existsSync): { path: string } | { reason: string } {
  const skipped: string[] = [];
  for (const e of entries) {
    let candidate: string | undefined;
    if (e.prefix === undefined) candidate = path.join(e.path, name);
    else if (e.prefix === name) candidate = e.path;
    else if (name.startsWith(`${e.prefix}/`)) candidate = path.join(e.path, name.slice(e.prefix.length + 1));
    if (candidate === undefined) continue;
    if (isUrl(e.path)) {
      skipped.push(`${e.prefix ?? ''}${e.prefix ? '=' : ''}${e.path} is a URL (never fetched)`);
      continue;
    }
    if (exists(candidate)) return { path: candidate };
    if (e.prefix !== undefined) skipped.push(`${candidate} does not exist`);
  }
  if (skipped.length) return { reason: skipped.join('; ') };
  return { reason: entries.length ? `NIX_PATH has no '${name}' entry` : 'NIX_PATH is not set' };
}

export interface LockedInput {
  /** The input's name in the root's inputs. */
  input: string;
  type?: string;
  narHash?: string;
  /** For `type = "path"` inputs. */
  path?: string;
  /** owner/repo@rev, for messages. */
  describe: string;
}

interface LockNode {
  inputs?: Record<string, string | string[]>;
  locked?: Record<string, unknown>;
  original?: Record<string, unknown>;
}

/**
 * The locked node of a root input of flake.lock: the input called one of
 * `names`, else one whose locked repository is `repo`. Follows (`"inputs":
 * { "nixpkgs": ["other", "nixpkgs"] }`) are resolved.
 */
export function lockedInput(lockText: string, names: string[], repo: string): LockedInput | undefined {
  let lock: { nodes?: Record<string, LockNode>; root?: string };
  try {
    lock = JSON.parse(lockText);
  } catch {
    return undefined;
  }
  const nodes = lock.nodes ?? {};
  const root = nodes[lock.root ?? 'root'];
  if (!root?.inputs) return undefined;
  const resolve = (ref: string | string[], depth = 0): LockNode | undefined => {
    if (typeof ref === 'string') return nodes[ref];
    if (depth > 20) return undefined;
    let cur: LockNode | undefined = root;
    for (const step of ref) {
      const next: string | string[] | undefined = cur?.inputs?.[step];
      if (next === undefined) return undefined;
      cur = resolve(next, depth + 1);
    }
    return cur;
  };
  const candidates = Object.keys(root.inputs);
  const name =
    names.find((n) => candidates.includes(n)) ??
    candidates.find((c) => {
      const node = resolve(root.inputs?.[c] ?? c);
      return node?.locked?.repo === repo || node?.original?.repo === repo || node?.original?.id === repo;
    });
  if (name === undefined) return undefined;
  const node = resolve(root.inputs[name]);
  const l = node?.locked;
  if (!l) return { input: name, describe: name };
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const describe = [str(l.owner) && str(l.repo) ? `${l.owner}/${l.repo}` : (str(l.url) ?? str(l.path) ?? name), str(l.rev) ? `@${String(l.rev).slice(0, 12)}` : ''].join('');
  return { input: name, type: str(l.type), narHash: str(l.narHash), path: str(l.path), describe };
}

/** Where a locked input is on disk, or why it is not available (it is never fetched). */
export function lockedInputPath(input: LockedInput, storeDir: string, exists: (p: string) => boolean = existsSync): { path: string } | { reason: string } {
  if (input.type === 'path' && input.path) return exists(input.path) ? { path: input.path } : { reason: `${input.path} does not exist` };
  if (!input.narHash) return { reason: `flake.lock gives no narHash for '${input.input}'` };
  const p = storePathFromNarHash(input.narHash, storeDir);
  if (!p) return { reason: `flake.lock's narHash for '${input.input}' is not a SHA-256 hash` };
  if (!exists(p)) return { reason: `${input.describe} is not in the Nix store (${p}); it is never fetched: build or \`nix flake archive\` once` };
  return { path: p };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export interface FindSourcesOptions {
  /** The workspace folders (absolute paths). */
  folders: string[];
  /** NIX_PATH (the server's environment). */
  nixPath?: string;
  /** The `homelab.options.sources` setting: paths, relative to the first folder when not absolute. */
  extra?: string[];
  /** Pinned trees of machines. */
  pins?: PinRequest[];
  storeDir?: string;
  /** The `.nix` files of a folder (default: every one below it; the server passes its own listing, which honours .gitignore). */
  listFiles?: (folder: string) => string[];
  readText?: (file: string) => string | undefined;
  exists?: (p: string) => boolean;
}

/** A workspace file that declares options or renames (checked by text; the scan confirms). */
export function declaresOptions(text: string): boolean {
  return /\boptions\s*(\.|=)|OptionModule/.test(text);
}

/** A nixpkgs tree's modules are worded by its own lib/types.nix, when it has one. */
function withTypes(tree: OptionTree, kind: SourceKind, nixpkgs: string, exists: (p: string) => boolean): OptionTree {
  const typesNix = path.join(nixpkgs, 'lib', 'types.nix');
  return kind === 'nixos' && exists(typesNix) ? { ...tree, typesNix } : tree;
}

export function findOptionSources(o: FindSourcesOptions): SourcesResult {
  const exists = o.exists ?? existsSync;
  const storeDir = o.storeDir ?? (process.env.NIX_STORE_DIR || '/nix/store');
  const readText = o.readText ?? ((f: string) => { try { return readFileSync(f, 'utf8'); } catch { return undefined; } });
  const found: OptionSource[] = [];
  const missing: MissingSource[] = [];
  const nixPath = parseNixPath(o.nixPath);
  const upstream = (kind: 'nixos' | 'home-manager', label: string, lockNames: string[], repo: string, sub: string): void => {
    const reasons: string[] = [];
    for (const folder of o.folders) {
      const lock = readText(path.join(folder, 'flake.lock'));
      if (lock === undefined) continue;
      const input = lockedInput(lock, lockNames, repo);
      if (!input) continue;
      const where = lockedInputPath(input, storeDir, exists);
      if ('path' in where) {
        const dir = path.join(where.path, sub);
        if (exists(dir)) {
          found.push({ kind, label: `${label} (flake.lock)`, tree: withTypes({ root: dir }, kind, where.path, exists), via: `flake.lock input '${input.input}' (${input.describe}) in ${folder}` });
          return;
        }
        reasons.push(`${dir} does not exist`);
      } else reasons.push(`flake.lock: ${where.reason}`);
    }
    const np = lookupNixPath(nixPath, lockNames[0], exists);
    if ('path' in np) {
      const dir = path.join(np.path, sub);
      if (exists(dir)) {
        found.push({ kind, label: `${label} (NIX_PATH)`, tree: withTypes({ root: dir }, kind, np.path, exists), via: `<${lockNames[0]}> from NIX_PATH: ${np.path}${reasons.length ? ` (${reasons.join('; ')})` : ''}` });
        return;
      }
      reasons.push(`${dir} does not exist`);
    } else reasons.push(`NIX_PATH: ${np.reason}`);
    missing.push({ kind, label, reason: reasons.join('; ') });
  };
  upstream('nixos', 'nixpkgs', ['nixpkgs'], 'nixpkgs', path.join('nixos', 'modules'));
  upstream('home-manager', 'Home Manager', ['home-manager'], 'home-manager', 'modules');
  // Home Manager's types are worded by the nixpkgs it is used with: the one found beside it.
  const typesNix = found.find((f) => f.kind === 'nixos')?.tree.typesNix;
  const hm = found.find((f) => f.kind === 'home-manager');
  if (hm && typesNix) hm.tree = { ...hm.tree, typesNix };

  for (const folder of o.folders) {
    const files = (o.listFiles ?? listNixFiles)(folder).filter((f) => {
      const t = readText(f);
      return t !== undefined && declaresOptions(t);
    });
    if (files.length) found.push({ kind: 'workspace', label: `modules of ${path.basename(folder)}`, tree: { root: folder, files }, via: `${files.length} file(s) declaring options` });
    else missing.push({ kind: 'workspace', label: `modules of ${path.basename(folder)}`, reason: 'no file declares options' });
  }

  for (const p of o.extra ?? []) {
    const abs = path.isAbsolute(p) ? p : path.resolve(o.folders[0] ?? process.cwd(), p);
    if (exists(abs) && (isDir(abs) || abs.endsWith('.nix'))) found.push({ kind: 'extra', label: p, tree: { root: abs }, via: 'homelab.options.sources' });
    else missing.push({ kind: 'extra', label: p, reason: `${abs} is not a directory or a .nix file` });
  }
  const pinned = (o.pins ?? []).map((p) => pinnedSource(p, { readText, exists, storeDir, nixPath }));
  return { found, missing, pinned };
}

const NIXOS_MODULES = path.join('nixos', 'modules');

function pinnedSource(p: PinRequest, env: { readText: (f: string) => string | undefined; exists: (p: string) => boolean; storeDir: string; nixPath: NixPathEntry[] }): PinnedSource {
  const label = `nixpkgs '${p.name}'`;
  const missing = (reason: string): PinnedSource => ({ key: p.key, missing: { kind: 'nixos', label, reason } });
  if (p.via === 'nix-path') {
    const np = lookupNixPath(env.nixPath, p.name, env.exists);
    if (!('path' in np)) return missing(`NIX_PATH: ${np.reason}`);
    const dir = path.join(np.path, NIXOS_MODULES);
    if (!env.exists(dir)) return missing(`${dir} does not exist`);
    return { key: p.key, source: { kind: 'nixos', label: `nixpkgs <${p.name}> (NIX_PATH)`, tree: withTypes({ root: dir }, 'nixos', np.path, env.exists), via: `<${p.name}> from NIX_PATH: ${np.path}` } };
  }
  const lock = env.readText(path.join(p.folder, 'flake.lock'));
  // The input the default tree is found from (and `nixpkgs` when nothing is locked, as for the default):
  // the same index, whichever way the default was found.
  const defaultInput = lock === undefined ? undefined : lockedInput(lock, ['nixpkgs'], 'nixpkgs')?.input;
  if ((defaultInput ?? 'nixpkgs') === p.name) return { key: p.key, sameAsDefault: true, why: `'${p.name}' is the default nixpkgs input` };
  if (lock === undefined) return missing(`${p.folder} has no flake.lock`);
  const input = lockedInput(lock, [p.name], '');
  if (!input || input.input !== p.name) return missing(`flake.lock has no input '${p.name}'`);
  const where = lockedInputPath(input, env.storeDir, env.exists);
  if (!('path' in where)) return missing(`flake.lock: ${where.reason}`);
  const dir = path.join(where.path, NIXOS_MODULES);
  // An input with no NixOS modules is not a nixpkgs (its `lib.nixosSystem` came from elsewhere).
  if (!env.exists(dir)) return { key: p.key, sameAsDefault: true, why: `input '${p.name}' has no ${NIXOS_MODULES}` };
  return { key: p.key, source: { kind: 'nixos', label: `nixpkgs '${p.name}' (flake.lock)`, tree: withTypes({ root: dir }, 'nixos', where.path, env.exists), via: `flake.lock input '${p.name}' (${input.describe}) in ${p.folder}` } };
}
