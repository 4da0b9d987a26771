// Shared setup of the feature LSP tests: a copy of examples/homelab in a temp
// folder, a real stdio server on it, documents opened with a `|` cursor
// marker, and edits applied to text so whole results can be compared.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, repoRoot } from '../lspClient';

export interface Pos {
  line: number;
  character: number;
}
export interface LspRange {
  start: Pos;
  end: Pos;
}
export interface LspEdit {
  range: LspRange;
  newText: string;
}

export class Session {
  readonly root: string;
  readonly client: LspClient;
  private versions = new Map<string, number>();

  private constructor(root: string) {
    this.root = root;
    this.client = new LspClient();
  }

  /** `homelab` is what the client answers for the `homelab` configuration section. */
  /** `files` (relative path → text) are written into the copy before the server starts. */
  static async start(homelab?: unknown, remove: string[] = [], completionItem: Record<string, unknown> = {}, files: Record<string, string> = {}, completion: Record<string, unknown> = {}): Promise<Session> {
    const root = mkdtempSync(path.join(tmpdir(), 'homelab-features-'));
    cpSync(path.join(repoRoot, 'examples', 'homelab'), root, { recursive: true });
    for (const f of remove) rmSync(path.join(root, f), { force: true });
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    const s = new Session(root);
    if (homelab !== undefined)
      s.client.requestHandlers.set('workspace/configuration', (params) => ((params as { items?: unknown[] }).items ?? []).map(() => homelab));
    await s.client.initialize(root, {}, completionItem, completion);
    // The configuration is read after `initialized`; the first diagnostics, or the topology announced after the
    // start-up check (a workspace with nothing to report publishes no diagnostics), mean it is in place.
    await s.client
      .waitForNotification((m) => m.method === 'textDocument/publishDiagnostics' || m.method === 'homelab/topologyChanged')
      .catch(() => undefined);
    return s;
  }

  uri(rel: string): string {
    return fileUri(path.join(this.root, rel));
  }

  file(rel: string): string {
    return readFileSync(path.join(this.root, rel), 'utf8');
  }

  /** Opens (or replaces) a document; `marked` may hold one cursor marker (`|`, or `mark` for Nix that writes pipes). Returns the cursor position. */
  open(rel: string, marked: string, mark: string | null = '|'): Pos {
    const offset = mark === null ? -1 : marked.indexOf(mark);
    const text = offset >= 0 ? marked.slice(0, offset) + marked.slice(offset + (mark ?? '').length) : marked;
    const uri = this.uri(rel);
    const v = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, v);
    if (v === 1) this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: rel.endsWith('.nix') ? 'nix' : 'yaml', version: v, text } });
    else this.client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return positionAt(text, offset >= 0 ? offset : 0);
  }

  /** Opens a file of the homelab with a marker inserted where `find` occurs (after `find` when `after`). */
  openAt(rel: string, find: string, opts: { after?: boolean; delta?: number } = {}): { pos: Pos; text: string } {
    const text = this.file(rel);
    const i = text.indexOf(find);
    if (i < 0) throw new Error(`${find} not in ${rel}`);
    const off = i + (opts.after ? find.length : 0) + (opts.delta ?? 0);
    this.open(rel, text, null);
    return { pos: positionAt(text, off), text };
  }

  /** The position of the `nth` occurrence of `find` in an open or on-disk file, plus `delta` characters. */
  pos(rel: string, find: string, delta = 0, text = this.file(rel)): Pos {
    const i = text.indexOf(find);
    if (i < 0) throw new Error(`${find} not in ${rel}`);
    return positionAt(text, i + delta);
  }

  async stop(): Promise<void> {
    try {
      await this.client.shutdown();
    } finally {
      this.client.kill();
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}

export function positionAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text: string, p: Pos): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
  return o + p.character;
}

/** Applies LSP edits to a text (from the end, so offsets stay valid). */
export function applyEdits(text: string, edits: LspEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}

/** Turns a snippet into the text it inserts with its defaults (`${1:x}` → x, `${1|a,b|}` → a, `$1` → ''). */
export function expandSnippet(s: string): string {
  return s
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}/g, '')
    .replace(/\$\d+/g, '');
}

export function marker(text: string): { text: string; offset: number } {
  const offset = text.indexOf('|');
  return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}
