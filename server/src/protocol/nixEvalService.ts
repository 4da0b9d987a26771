// Keeps each folder's evaluated source current, off the typing path: after
// start-up, a change on disk (a save, a new flake.lock: never a keystroke),
// a settings change or trust being granted, it waits a moment, then runs
// server/src/nixEval/ in the background for folders with a flake.nix, when the
// workspace is trusted, `homelab.nix.evaluate` is `auto` and `nix` is on the
// PATH. A tree whose flake.lock and .nix contents hash as before is not
// evaluated again. One run per folder at a time; a change during a run asks
// for one more. Only counts are logged: Nix's own messages are not (they can
// quote the configuration), the information diagnostic says what is needed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { uriToPath } from '../model/uri';
import { evaluateMachineNames, findNix } from '../nixEval/evaluate';
import type { Bounds } from '../nixEval/runner';
import { treeKey } from '../nixEval/treeKey';
import type { ServerContext } from './context';

export type NixEvaluateMode = 'auto' | 'off';

export class NixEvalService {
  private trusted = false;
  private readonly done = new Map<string, string>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: ServerContext,
    private readonly changed: () => void,
    private readonly delayMs = 1500,
    private readonly bounds?: Bounds,
  ) {}

  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    if (trusted) this.schedule();
    else this.clearAll();
  }

  /** The settings were read again: folders now `off` lose what Nix said; the others are looked at again. */
  settingsChanged(): void {
    let any = false;
    for (const root of this.ctx.workspace.folderRoots()) {
      if (this.mode(root) !== 'off') continue;
      this.done.delete(root);
      any = this.ctx.workspace.setNixEval(root, undefined) || any;
    }
    if (any) this.changed();
    this.schedule();
  }

  private mode(root: string): NixEvaluateMode {
    return this.ctx.nixEvaluate.get(root) ?? 'auto';
  }

  /** Something changed on disk or in the settings: evaluate again soon (unchanged trees are skipped). */
  schedule(): void {
    if (!this.trusted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const root of this.ctx.workspace.folderRoots()) void this.run(root);
    }, this.delayMs);
  }

  private clearAll(): void {
    let any = false;
    for (const root of this.ctx.workspace.folderRoots()) any = this.ctx.workspace.setNixEval(root, undefined) || any;
    this.done.clear();
    if (any) this.changed();
  }

  private async run(root: string): Promise<void> {
    if (this.running.has(root)) {
      this.again.add(root);
      return;
    }
    if (!this.trusted || this.mode(root) === 'off' || !root.startsWith('file:')) return;
    const dir = uriToPath(root);
    if (!fs.existsSync(path.join(dir, 'flake.nix')) || !findNix()) return;
    this.running.add(root);
    try {
      const files = (this.ctx.workspace.lastBuiltHomelabFor(root)?.nixFiles ?? []).map(uriToPath);
      const tree = await treeKey(dir, files);
      if (this.done.get(root) === tree.key) return;
      const started = Date.now();
      const outcome = await evaluateMachineNames({ flakeDir: dir, outputs: tree.outputs, ...(this.bounds ? { bounds: this.bounds } : {}) });
      // Trust withdrawn or the setting turned off meanwhile: the result is dropped.
      if (!this.trusted || this.mode(root) === 'off') return;
      this.done.set(root, tree.key);
      const count = outcome.kind === 'names' ? Object.values(outcome.outputs).reduce((n, l) => n + (l?.length ?? 0), 0) : 0;
      this.ctx.connection.console.info(
        `homelab: nix eval of ${dir}: ${outcome.kind === 'names' ? `${count} machine names` : 'not evaluated (see the information on flake.nix)'} in ${Date.now() - started} ms`,
      );
      if (this.ctx.workspace.setNixEval(root, outcome)) this.changed();
    } finally {
      this.running.delete(root);
      if (this.again.delete(root)) void this.run(root);
    }
  }
}
