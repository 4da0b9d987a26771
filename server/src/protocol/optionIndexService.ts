// Keeps the workspace's option indexes current: finds the module trees (the
// locked or NIX_PATH nixpkgs and Home Manager, the workspace's own modules,
// `homelab.options.sources`, and the nixpkgs of machines pinned to another
// input), has the store build or load each one in a worker thread (cached on
// disk per tree), and hands them to the model as scopes (model/options/
// scopes.ts), which pick a file's indexes. A pinned tree is found when the
// scopes first meet a machine using it: the scopes ask, the service loads it
// and hands over new scopes. Never blocks a request: until an index is there,
// features use the built-in documentation of the standard options.
import { Worker } from 'node:worker_threads';
import { anyLoaded, findOptionSources, loadOptionSources, optionCacheDir, OptionIndexStore, OptionScopes, pinKey, type PinRef } from '../model/options';
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
    this.store = new OptionIndexStore({
      cacheDir: optionCacheDir(),
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
    const log = { info: (m: string) => this.info(m), warn: (m: string) => this.ctx.connection.console.warn(m) };
    const loaded = await loadOptionSources(this.store, sources, log, () => mine !== this.generation);
    if (!loaded) return;
    const any = anyLoaded(loaded);
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
