// Keeps the workspace's option index current: finds the module trees (the
// locked or NIX_PATH nixpkgs and Home Manager, the workspace's own modules,
// `homelab.options.sources`), has the store build or load each one in a
// worker thread (cached on disk), and hands the combined index to the model.
// Never blocks a request: until an index is there, features use the built-in
// documentation of the standard options.
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findOptionSources, OptionIndex, OptionIndexStore } from '../model/options';
import { uriToPath } from '../model/uri';
import type { ServerContext } from './context';

export class OptionIndexService {
  private readonly store: OptionIndexStore;
  private generation = 0;

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

  /** Finds the sources again and loads (or builds) their indexes; a newer refresh supersedes this one. */
  async refresh(extra: string[]): Promise<void> {
    const mine = ++this.generation;
    const folders = this.ctx.workspace.folderRoots().filter((r) => r.startsWith('file:')).map(uriToPath);
    let sources;
    try {
      sources = findOptionSources({ folders, nixPath: process.env.NIX_PATH, extra });
    } catch (e) {
      this.ctx.connection.console.warn(`homelab: option sources not found: ${String(e)}`);
      return;
    }
    for (const m of sources.missing) this.ctx.connection.console.info(`homelab: options of ${m.label} not available: ${m.reason}`);
    const indexes: OptionIndex[] = [];
    for (const source of sources.found) {
      try {
        const r = await this.store.get(source.tree);
        indexes.push(r.index);
        this.ctx.connection.console.info(`homelab: options of ${source.label} (${source.via}) from ${r.from} in ${Math.round(r.ms)} ms`);
      } catch (e) {
        this.ctx.connection.console.warn(`homelab: options of ${source.label} could not be read: ${String(e)}`);
      }
      if (mine !== this.generation) return;
    }
    const before = this.ctx.workspace.optionIndex;
    const now = indexes.length ? OptionIndex.combine(indexes) : undefined;
    if (!before && !now) return;
    this.ctx.workspace.setOptionIndex(now);
    this.changed();
  }
}
