// Watches workspace folders on disk for clients that neither watch files
// themselves nor let the server register `workspace/didChangeWatchedFiles`
// (Neovim 0.7, many small clients): a change made outside the editor (a
// `git pull`, another tool) reaches the model as it does from VS Code.
// Debounced, bounded (past a cap the folder is re-read whole), and blind to
// `.git`, `node_modules` and what is not a homelab file.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type WatchedChange = { path: string; kind: 'created' | 'changed' | 'deleted' };

const SKIP = new Set(['.git', 'node_modules', '.direnv', 'result', '.vscode-test']);
const RELEVANT = /(\.nix|\.ya?ml|\.json|\/\.gitignore|\/flake\.lock)$/;
const MAX_PENDING = 5_000;

export interface FolderWatcherOptions {
  debounceMs?: number;
  onChanges(changes: WatchedChange[]): void;
  /** More changed at once than the cap: re-read the folder whole. */
  onOverflow(): void;
  onError(message: string): void;
}

export class FolderWatcher {
  private watcher: fs.FSWatcher | undefined;
  private readonly pending = new Map<string, 'rename' | 'change'>();
  private overflow = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly root: string,
    private readonly options: FolderWatcherOptions,
  ) {}

  start(): boolean {
    try {
      this.watcher = fs.watch(this.root, { recursive: true, persistent: false }, (event, filename) => this.event(event, filename));
      this.watcher.on('error', (e) => {
        this.options.onError(`watching ${this.root} stopped: ${String(e)}`);
        this.stop();
      });
      return true;
    } catch (e) {
      this.options.onError(`cannot watch ${this.root}: ${String(e)}`);
      return false;
    }
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private event(event: string, filename: string | Buffer | null): void {
    if (!filename) return;
    const rel = filename.toString();
    if (rel.split(/[\\/]/).some((seg) => SKIP.has(seg))) return;
    const full = path.join(this.root, rel);
    if (!RELEVANT.test(full.split(path.sep).join('/'))) return;
    if (this.pending.size >= MAX_PENDING && !this.pending.has(full)) this.overflow = true;
    else this.pending.set(full, this.pending.get(full) === 'rename' ? 'rename' : (event as 'rename' | 'change'));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 150);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.overflow) {
      this.overflow = false;
      this.pending.clear();
      this.options.onOverflow();
      return;
    }
    const changes: WatchedChange[] = [];
    for (const [full, event] of this.pending) {
      let exists = false;
      try {
        exists = fs.statSync(full).isFile();
      } catch {
        exists = false;
      }
      changes.push({ path: full, kind: !exists ? 'deleted' : event === 'rename' ? 'created' : 'changed' });
    }
    this.pending.clear();
    if (changes.length) this.options.onChanges(changes);
  }
}
