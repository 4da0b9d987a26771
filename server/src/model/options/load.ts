// Loads the option indexes of the sources found (sources.ts) through the
// store, into what the scopes are made from. Shared by the language server's
// service (which loads again when the settings or a lock change) and the
// command line (which loads once, before checking), so both judge options
// against the same trees and say the same things about the ones missing.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Homelab } from '../homelab';
import { uriToPath } from '../uri';
import type { OptionIndex } from './optionIndex';
import { DEFAULT_TREE, machinePins, pinKey, type LoadedOptions } from './scopes';
import type { PinRequest, SourcesResult } from './sources';
import type { OptionIndexStore } from './store';

/** The one line said when no nixpkgs or Home Manager tree is found (the editor's log, the command line's stderr). */
export const NO_TREE =
  "homelab: no option tree found (no nixpkgs or Home Manager in the store for flake.lock, in NIX_PATH, or in homelab.options.sources): unknown options are not reported and only the workspace's own options are type-checked. For the full index, set homelab.options.sources to a nixpkgs or Home Manager checkout, or NIX_PATH (nixpkgs=…, home-manager=…).";

/** Where indexes are cached between runs (the editor's server and the command line share it). */
export function optionCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'homelab-profiles', 'options');
}

/** Where loading speaks: the server's log, the command line's stderr. */
export interface LoadLog {
  info(message: string): void;
  warn(message: string): void;
}

/** Whether an upstream tree (nixpkgs, Home Manager) or one of the user's own was found: else only the workspace's modules judge. */
export function hasOptionTree(sources: SourcesResult): boolean {
  return sources.found.some((f) => f.kind !== 'workspace');
}

/** The pinned trees a homelab's machines ask for, as `findOptionSources` takes them. */
export function pinRequests(h: Homelab): PinRequest[] {
  return machinePins(h).map((ref) => ({ key: pinKey(ref), folder: uriToPath(ref.folder), via: ref.pin.via, name: ref.pin.name }));
}

/**
 * Loads (or builds) every source's index. Says what is missing, and the one
 * NO_TREE line when nothing but the workspace's modules was found. Returns
 * undefined when `stale()` turns true between loads (a newer load supersedes).
 */
export async function loadOptionSources(store: OptionIndexStore, sources: SourcesResult, log: LoadLog, stale: () => boolean = () => false): Promise<LoadedOptions | undefined> {
  for (const m of sources.missing) log.info(`homelab: options of ${m.label} not available: ${m.reason}`);
  // Neither upstream tree nor a tree of the user's: said rather than judging modules silently against the workspace's own declarations only.
  if (!hasOptionTree(sources)) log.info(NO_TREE);
  const loaded: LoadedOptions = { nixos: new Map(), workspace: [], extra: [] };
  const load = async (label: string, via: string, tree: Parameters<OptionIndexStore['get']>[0]): Promise<OptionIndex | undefined> => {
    try {
      const r = await store.get(tree);
      if (r.from !== 'memory') log.info(`homelab: options of ${label} (${via}) from ${r.from} in ${Math.round(r.ms)} ms`);
      if (r.cacheError) log.warn(`homelab: ${r.cacheError}`);
      return r.index;
    } catch (e) {
      log.warn(`homelab: options of ${label} could not be read: ${String(e)}`);
      return undefined;
    }
  };
  for (const source of sources.found) {
    const index = await load(source.label, source.via, source.tree);
    if (stale()) return undefined;
    if (!index) continue;
    if (source.kind === 'nixos') loaded.nixos.set(DEFAULT_TREE, index);
    else if (source.kind === 'home-manager') loaded.homeManager = index;
    else if (source.kind === 'workspace') loaded.workspace.push(index);
    else loaded.extra.push(index);
  }
  // Known from here on, index or not: the scopes do not ask for it again.
  if (!loaded.nixos.has(DEFAULT_TREE)) loaded.nixos.set(DEFAULT_TREE, undefined);
  for (const p of sources.pinned) {
    if ('source' in p) {
      loaded.nixos.set(p.key, await load(p.source.label, p.source.via, p.source.tree));
      if (stale()) return undefined;
    } else if ('sameAsDefault' in p) loaded.nixos.set(p.key, loaded.nixos.get(DEFAULT_TREE));
    else {
      log.info(`homelab: options of ${p.missing.label} not available: ${p.missing.reason}`);
      loaded.nixos.set(p.key, undefined);
    }
  }
  return loaded;
}

/** Whether any index was loaded at all. */
export function anyLoaded(loaded: LoadedOptions): boolean {
  return [...loaded.nixos.values()].some((i) => i !== undefined) || loaded.homeManager !== undefined || loaded.workspace.length > 0 || loaded.extra.length > 0;
}
