// The text of every file the model reads: open documents (from the editor)
// override the disk. Each URI carries a stamp that changes whenever its text may
// have changed, so derived results (parses, evaluations) are cached per stamp
// and a one-file change invalidates only what read that file.
import type { WorkspaceHost } from './host';

interface OpenDoc {
  text: string;
  version: number;
}

export class DocumentStore {
  private readonly open = new Map<string, OpenDoc>();
  private readonly disk = new Map<string, string | undefined>();
  private readonly stats = new Map<string, { size: number } | undefined>();
  private readonly stamps = new Map<string, number>();
  private counter = 0;

  constructor(readonly host: WorkspaceHost) {}

  text(uri: string): string | undefined {
    const o = this.open.get(uri);
    if (o) return o.text;
    if (!this.disk.has(uri)) this.disk.set(uri, this.host.readFile(uri));
    return this.disk.get(uri);
  }

  exists(uri: string): boolean {
    return this.open.has(uri) || this.statOf(uri) !== undefined;
  }

  /** Disk facts are cached until a file event says the file changed: checks ask often. */
  private statOf(uri: string): { size: number } | undefined {
    if (!this.stats.has(uri)) this.stats.set(uri, this.host.stat(uri));
    return this.stats.get(uri);
  }

  /** Size in bytes (open documents: of their current text). */
  size(uri: string): number | undefined {
    const o = this.open.get(uri);
    if (o) return Buffer.byteLength(o.text);
    return this.statOf(uri)?.size;
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  version(uri: string): number | undefined {
    return this.open.get(uri)?.version;
  }

  /** A number that changes whenever the text of `uri` may have changed. */
  stamp(uri: string): number {
    let s = this.stamps.get(uri);
    if (s === undefined) {
      s = ++this.counter;
      this.stamps.set(uri, s);
    }
    return s;
  }

  setDocument(uri: string, text: string, version: number): boolean {
    const o = this.open.get(uri);
    if (o && o.text === text) {
      o.version = version;
      return false;
    }
    this.open.set(uri, { text, version });
    this.bump(uri);
    return true;
  }

  closeDocument(uri: string): void {
    if (!this.open.delete(uri)) return;
    this.disk.delete(uri);
    this.stats.delete(uri);
    this.bump(uri);
  }

  /** A file changed, appeared or disappeared on disk. */
  fileChanged(uri: string): void {
    this.disk.delete(uri);
    this.stats.delete(uri);
    if (!this.open.has(uri)) this.bump(uri);
  }

  private bump(uri: string): void {
    this.stamps.set(uri, ++this.counter);
  }
}
