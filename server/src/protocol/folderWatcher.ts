// Watches workspace folders on disk for clients that neither watch files
// themselves nor let the server register `workspace/didChangeWatchedFiles`
// (Neovim 0.7, many small clients), and for clients that ask the server to
// watch (`watchFiles: "server"`: eglot forwards no event for a file replaced
// by a rename). A change made outside the editor (a `git pull`, `sed -i`,
// another tool) reaches the model as it does from VS Code.
//
// On Linux, Node's recursive fs.watch walks every folder, `.git` and
// `node_modules` included, with no bound; so there each folder gets its own
// watcher, skipping `.git`, `node_modules`, build outputs and what git ignores,
// up to a cap (said in the log when reached). A folder watcher sees a file
// replaced by a rename (`mv`, safe writes) as an event for its name, which a
// watcher on the file itself would not. Elsewhere (macOS, Windows) the
// system's recursive watching is used. Events are debounced and bounded (past
// a cap the folder is re-read whole), and only the model's files count.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isWatchedFile } from './watchedFiles';

export type WatchedChange = { path: string; kind: 'created' | 'changed' | 'deleted' };

const SKIP = new Set(['.git', 'node_modules', '.direnv', 'result', '.vscode-test', 'dist', 'out']);
const MAX_PENDING = 5_000;
/** Folders watched one by one at most (each is an inotify watch); past it the rest go unwatched, and the log says so. */
export const MAX_WATCHED_FOLDERS = 2_000;
const MAX_DEPTH = 12;

export interface FolderWatcherOptions {
  debounceMs?: number;
  onChanges(changes: WatchedChange[]): void;
  /** More changed at once than the cap: re-read the folder whole. */
  onOverflow(): void;
  onError(message: string): void;
  /** Folders (absolute paths) to leave unwatched besides the fixed ones: what git ignores or `homelab.exclude` names. */
  skipFolder?(folder: string): boolean;
  /** Per-folder watchers even where recursive watching is native (tests), and their cap. */
  perFolder?: boolean;
  maxFolders?: number;
}

export class FolderWatcher {
  private recursive: fs.FSWatcher | undefined;
  /** Per-folder watchers by absolute folder path. */
  private readonly folders = new Map<string, fs.FSWatcher>();
  private capReported = false;
  private readonly pending = new Map<string, 'rename' | 'change'>();
  private overflow = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly root: string,
    private readonly options: FolderWatcherOptions,
  ) {}

  /** How many folders are watched one by one (0 with a native recursive watcher). */
  get watchedFolders(): number {
    return this.folders.size;
  }

  start(): boolean {
    const perFolder = this.options.perFolder ?? !(process.platform === 'darwin' || process.platform === 'win32');
    if (perFolder) {
      if (!this.watchFolder(this.root, 0)) return false;
      return true;
    }
    try {
      this.recursive = fs.watch(this.root, { recursive: true, persistent: false }, (event, filename) => filename && this.event(event, path.join(this.root, filename.toString())));
      this.recursive.on('error', (e) => {
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
    this.recursive?.close();
    this.recursive = undefined;
    for (const w of this.folders.values()) w.close();
    this.folders.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private skipped(folder: string): boolean {
    if (folder === this.root) return false;
    if (SKIP.has(path.basename(folder))) return true;
    try {
      return this.options.skipFolder?.(folder) === true;
    } catch {
      return false;
    }
  }

  /** Watches `folder` and the folders below it; false when the folder itself cannot be watched. */
  private watchFolder(folder: string, depth: number): boolean {
    if (this.folders.has(folder) || depth > MAX_DEPTH || this.skipped(folder)) return true;
    const max = this.options.maxFolders ?? MAX_WATCHED_FOLDERS;
    if (this.folders.size >= max) {
      if (!this.capReported) {
        this.capReported = true;
        this.options.onError(`watching only ${max} folders of ${this.root}: changes on disk under ${folder} and the folders after it are not seen (exclude folders with homelab.exclude or .gitignore)`);
      }
      return true;
    }
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(folder, { persistent: false }, (event, filename) => filename && this.folderEvent(folder, event, filename.toString()));
    } catch (e) {
      if (folder === this.root) this.options.onError(`cannot watch ${this.root}: ${String(e)}`);
      return false;
    }
    // A folder removed or unreadable: its watcher ends; the parent's event reports the files.
    watcher.on('error', () => this.unwatch(folder));
    this.folders.set(folder, watcher);
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      entries = [];
    }
    for (const d of entries) if (d.isDirectory()) this.watchFolder(path.join(folder, d.name), depth + 1);
    return true;
  }

  private unwatch(folder: string): void {
    for (const [f, w] of this.folders)
      if (f === folder || f.startsWith(folder + path.sep)) {
        w.close();
        this.folders.delete(f);
      }
  }

  private folderEvent(folder: string, event: string, name: string): void {
    const full = path.join(folder, name);
    if (event === 'rename') {
      let isDir = false;
      try {
        isDir = fs.statSync(full).isDirectory();
      } catch {
        isDir = false;
      }
      if (isDir && !this.folders.has(full)) {
        // A new folder (a checkout, `mkdir`, a folder moved in): watch it, and
        // count the files already in it, written before its watcher existed.
        const depth = path.relative(this.root, full).split(path.sep).length;
        this.watchFolder(full, depth);
        for (const file of filesUnder(full, this.folders)) this.event('rename', file);
        return;
      }
      if (!isDir && this.folders.has(full)) this.unwatch(full);
    }
    this.event(event, full);
  }

  private event(event: string, full: string): void {
    const rel = path.relative(this.root, full);
    if (rel.split(/[\\/]/).some((seg) => SKIP.has(seg))) return;
    if (!isWatchedFile(full)) return;
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

/** The files under `folder` in the folders now watched (a new folder's contents). */
function filesUnder(folder: string, watched: Map<string, fs.FSWatcher>): string[] {
  const out: string[] = [];
  for (const f of watched.keys()) {
    if (f !== folder && !f.startsWith(folder + path.sep)) continue;
    try {
      for (const d of fs.readdirSync(f, { withFileTypes: true })) if (d.isFile()) out.push(path.join(f, d.name));
    } catch {
      // gone again meanwhile
    }
  }
  return out;
}
