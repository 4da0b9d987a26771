// Keeps the workspace's option indexes current: finds the module trees (the
// locked or NIX_PATH nixpkgs and Home Manager, the workspace's own modules,
// `homelab.options.sources`, and the nixpkgs of machines pinned to another
// input), has the store build or load each one in a worker thread (cached on
// disk per tree), and hands them to the model as scopes (model/options/
// scopes.ts), which pick a file's indexes. A pinned tree is found when the
// scopes first meet a machine using it: the scopes ask, the service loads it
// and hands over new scopes. Never blocks a request: until an index is there,
// features use the built-in documentation of the standard options.
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_TREE, findOptionSources, OptionIndexStore, OptionScopes, pinKey, type LoadedOptions, type OptionIndex, type PinRef } from '../model/options';

/** The one line said when no nixpkgs or Home Manager tree is found. */
export const NO_TREE =
  'homelab: no option tree found (no nixpkgs or Home Manager in the store for flake.lock, in NIX_PATH, or in homelab.options.sources): options are checked against the workspace\'s own modules only. For the full index, set homelab.options.sources to a nixpkgs or Home Manager checkout, or NIX_PATH (nixpkgs=…, home-manager=…).';
import { uriToPath } from '../model/uri';
import type { ServerContext } from './context';

/** How long pin requests are gathered before one refresh loads them (a whole check meets every machine). */
const PIN_DELAY_MS = 200;

export class OptionIndexService {
  private readonly store: OptionIndexStore;
  private generation = 0;
  private extra: string[] = [];
  /** Pinned trees asked for by the scopes, by key. */
  private readonly pins = new Map<string, PinRef>();
  private pinTimer: NodeJS.Timeout | undefined;
  /** Messages already logged (a refresh for a new pin does not repeat them). */
  private readonly logged = new Set<string>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly changed: () => void,
  ) {
    const cacheRoot = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
    this.store = new OptionIndexStore({
      cacheDir: path.join(cacheRoot, 'homelab-profiles', 'options'),
      // The server bundle is also the worker (protocol/main.ts).
      startWorker: (workerData) => new Worker(__filename, { workerData }),
    });
  }

  private info(message: string): void {
    if (this.logged.has(message)) return;
    this.logged.add(message);
    this.ctx.connection.console.info(message);
  }

  /** Finds the sources again and loads (or builds) their indexes; a newer refresh supersedes this one. */
  async refresh(extra: string[]): Promise<void> {
    const mine = ++this.generation;
    this.extra = extra;
    const folders = this.ctx.workspace.folderRoots().filter((r) => r.startsWith('file:')).map(uriToPath);
    const pins = [...this.pins].map(([key, ref]) => ({ key, folder: uriToPath(ref.folder), via: ref.pin.via, name: ref.pin.name }));
    let sources;
    try {
      sources = findOptionSources({ folders, nixPath: process.env.NIX_PATH, extra, pins });
    } catch (e) {
      this.ctx.connection.console.warn(`homelab: option sources not found: ${String(e)}`);
      return;
    }
    for (const m of sources.missing) this.info(`homelab: options of ${m.label} not available: ${m.reason}`);
    // Neither upstream tree nor a tree of the user's: say so once, with what would give the full index,
    // rather than judging modules silently against the workspace's own declarations only.
    if (!sources.found.some((f) => f.kind !== 'workspace')) this.info(NO_TREE);
    const loaded: LoadedOptions = { nixos: new Map(), workspace: [], extra: [] };
    const load = async (label: string, via: string, tree: Parameters<OptionIndexStore['get']>[0]): Promise<OptionIndex | undefined> => {
      try {
        const r = await this.store.get(tree);
        if (r.from !== 'memory') this.ctx.connection.console.info(`homelab: options of ${label} (${via}) from ${r.from} in ${Math.round(r.ms)} ms`);
        return r.index;
      } catch (e) {
        this.ctx.connection.console.warn(`homelab: options of ${label} could not be read: ${String(e)}`);
        return undefined;
      }
    };
    for (const source of sources.found) {
      const index = await load(source.label, source.via, source.tree);
      if (mine !== this.generation) return;
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
        if (mine !== this.generation) return;
      } else if ('sameAsDefault' in p) loaded.nixos.set(p.key, loaded.nixos.get(DEFAULT_TREE));
      else {
        this.info(`homelab: options of ${p.missing.label} not available: ${p.missing.reason}`);
        loaded.nixos.set(p.key, undefined);
      }
    }
    const any = [...loaded.nixos.values()].some((i) => i !== undefined) || loaded.homeManager !== undefined || loaded.workspace.length > 0 || loaded.extra.length > 0;
    if (!this.ctx.workspace.optionIndex && !any) return;
    this.ctx.workspace.setOptionIndex(any ? new OptionScopes(loaded, (ref) => this.requestPin(ref)) : undefined);
    this.changed();
  }

  /** A machine pinned to a tree not loaded yet: gathered for a moment, then loaded with the rest. */
  private requestPin(ref: PinRef): void {
    const key = pinKey(ref);
    if (this.pins.has(key)) return;
    this.pins.set(key, ref);
    if (this.pinTimer) clearTimeout(this.pinTimer);
    this.pinTimer = setTimeout(() => {
      this.pinTimer = undefined;
      void this.refresh(this.extra);
    }, PIN_DELAY_MS);
  }
}
