// One language server process under fuzz: a private copy of the example
// homelab, the documents it has open, and `feed(input)` which sends one input
// through the full LSP pipeline (didOpen/didChange or a file event, then every
// claimed request at random positions, then the whole-workspace check) and
// reports what went wrong: exit, error responses, hangs, logged internal errors.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exampleRoot } from './corpus';
import type { FuzzInput } from './mutators';
import type { Rng } from './rng';
import { fileUri, LspClient, type Message } from '../lsp/lspClient';

export interface Problem {
  what: 'crash' | 'error-response' | 'timeout' | 'internal-error' | 'stderr';
  method?: string;
  params?: unknown;
  detail: string;
}

export interface Timing {
  method: string;
  ms: number;
}

export interface Outcome {
  problems: Problem[];
  timings: Timing[];
  /** The server is gone (crash or hang): the caller starts a new session. */
  dead: boolean;
}

interface Pos {
  line: number;
  character: number;
}

/** A copy of the example homelab in a temp folder, deleted by `dispose`. */
export function makeWorkspaceCopy(prefix = 'homelab-fuzz-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(exampleRoot, dir, { recursive: true });
  return dir;
}

export function vmRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export class FuzzServer {
  client!: LspClient;
  capabilities: Record<string, unknown> = {};
  private exited = false;
  private closing = false;
  private readonly open = new Map<string, { version: number; text: string }>();
  private readonly diskOriginal = new Map<string, Buffer>();
  private stderrSeen = 0;
  private lastDiagnostics = new Map<string, unknown[]>();

  constructor(
    readonly workspace: string,
    readonly requestTimeoutMs = 10_000,
    readonly fullCheckEvery = 4,
  ) {}

  async start(): Promise<void> {
    this.client = new LspClient(['--stdio']);
    this.exited = false;
    this.closing = false;
    this.open.clear();
    this.stderrSeen = 0;
    void this.client.exited.then(() => {
      this.exited = true;
    });
    const init = await this.client.initialize(this.workspace);
    this.capabilities = init.capabilities;
    // Ready when the first whole-workspace check has been answered.
    await this.client.requestRaw('homelab/checkWorkspace', {});
  }

  get pid(): number | undefined {
    return this.client.process.pid;
  }

  async stop(): Promise<void> {
    this.closing = true;
    if (!this.exited) {
      const done = Promise.race([this.client.shutdown().catch(() => null), new Promise((r) => setTimeout(r, 5_000))]);
      await done;
    }
    this.client.kill();
    this.restoreDisk();
  }

  private uri(rel: string): string {
    return fileUri(path.join(this.workspace, rel));
  }

  /** Puts back every file an on-disk input replaced (and tells the server). */
  private restoreDisk(): void {
    const changes: { uri: string; type: number }[] = [];
    for (const [rel, bytes] of this.diskOriginal) {
      writeFileSync(path.join(this.workspace, rel), bytes);
      changes.push({ uri: this.uri(rel), type: 2 });
    }
    this.diskOriginal.clear();
    if (changes.length > 0 && !this.exited && !this.closing) this.client.notify('workspace/didChangeWatchedFiles', { changes });
  }

  async feed(input: FuzzInput, rng: Rng, index: number): Promise<Outcome> {
    const outcome: Outcome = { problems: [], timings: [], dead: false };
    if (this.exited) {
      outcome.dead = true;
      outcome.problems.push({ what: 'crash', detail: 'server was already gone' });
      return outcome;
    }
    this.restoreDisk();
    const uri = this.uri(input.rel);
    let text: string;
    if (input.bytes) {
      const doc = this.open.get(input.rel);
      if (doc) {
        this.client.notify('textDocument/didClose', { textDocument: { uri } });
        this.open.delete(input.rel);
      }
      const full = path.join(this.workspace, input.rel);
      if (!this.diskOriginal.has(input.rel)) {
        let original: Buffer | undefined;
        try {
          original = readFileSync(full);
        } catch {
          original = undefined;
        }
        if (original) this.diskOriginal.set(input.rel, original);
      }
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, input.bytes);
      this.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      text = input.bytes.toString('utf8');
    } else {
      text = input.text ?? '';
      this.sendText(input, uri, text, rng);
    }

    const requests = this.pickRequests(uri, input.language, text, rng, index);
    for (const [method, params] of requests) {
      const r = await this.timed(method, params);
      if (r === 'exit') {
        outcome.dead = true;
        outcome.problems.push({ what: 'crash', method, params, detail: `server exited while answering ${method}; stderr:\n${this.client.stderr.join('').slice(-4000)}` });
        break;
      }
      if (r === 'timeout') {
        outcome.dead = true;
        outcome.problems.push({ what: 'timeout', method, params, detail: `no answer to ${method} within ${this.requestTimeoutMs} ms` });
        break;
      }
      outcome.timings.push({ method, ms: r.ms });
      if (r.message.error && !isRefusal(method, r.message.error)) outcome.problems.push({ what: 'error-response', method, params, detail: JSON.stringify(r.message.error) });
      if (method === 'textDocument/completion' && this.capabilities.completionProvider && r.message.result) await this.resolveFirst(r.message.result, outcome);
    }
    if (!outcome.dead && this.exited) {
      outcome.dead = true;
      outcome.problems.push({ what: 'crash', detail: `server exited; stderr:\n${this.client.stderr.join('').slice(-4000)}` });
    }
    this.scanNotifications(outcome);
    // Sometimes close the document again, so the disk version comes back.
    if (!outcome.dead && !input.bytes && rng.chance(0.05)) {
      this.client.notify('textDocument/didClose', { textDocument: { uri } });
      this.open.delete(input.rel);
    }
    return outcome;
  }

  private sendText(input: FuzzInput, uri: string, text: string, rng: Rng): void {
    const doc = this.open.get(input.rel);
    if (!doc) {
      this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: input.language, version: 1, text } });
      this.open.set(input.rel, { version: 1, text });
      return;
    }
    doc.version++;
    let contentChanges: unknown[];
    if (input.heavy || doc.text.length > 200_000 || rng.chance(0.3)) {
      contentChanges = [{ text }];
    } else {
      // One incremental edit: the smallest range that turns the old text into the new one.
      const old = doc.text;
      let pre = 0;
      const max = Math.min(old.length, text.length);
      while (pre < max && old.charCodeAt(pre) === text.charCodeAt(pre)) pre++;
      let suf = 0;
      while (suf < max - pre && old.charCodeAt(old.length - 1 - suf) === text.charCodeAt(text.length - 1 - suf)) suf++;
      // Never split a CRLF: LSP positions cannot point between \r and \n.
      while (pre > 0 && (old[pre - 1] === '\r' || text[pre - 1] === '\r')) pre--;
      while (suf > 0 && (old[old.length - suf] === '\n' || text[text.length - suf] === '\n')) suf--;
      const before = TextDocument.create(uri, input.language, doc.version - 1, old);
      contentChanges = [{ range: { start: before.positionAt(pre), end: before.positionAt(old.length - suf) }, text: text.slice(pre, text.length - suf) }];
    }
    this.client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges });
    doc.text = text;
  }

  private async resolveFirst(result: unknown, outcome: Outcome): Promise<void> {
    const provider = this.capabilities.completionProvider as { resolveProvider?: boolean };
    if (!provider.resolveProvider) return;
    const items = Array.isArray(result) ? result : (result as { items?: unknown[] }).items;
    if (!items || items.length === 0) return;
    const r = await this.timed('completionItem/resolve', items[0]);
    if (r === 'exit' || r === 'timeout') return; // seen by the next request
    outcome.timings.push({ method: 'completionItem/resolve', ms: r.ms });
    if (r.message.error) outcome.problems.push({ what: 'error-response', method: 'completionItem/resolve', params: items[0], detail: JSON.stringify(r.message.error) });
  }

  private async timed(method: string, params: unknown): Promise<{ ms: number; message: Message } | 'exit' | 'timeout'> {
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.requestTimeoutMs);
    });
    const answer = this.client.requestRaw(method, params).then(
      (message) => ({ ms: performance.now() - start, message }),
      () => 'exit' as const,
    );
    const r = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    return r;
  }

  /** The requests for one input: each claimed position request at random places, plus the rest now and then. */
  private pickRequests(uri: string, language: string, text: string, rng: Rng, index: number): [string, unknown][] {
    const caps = this.capabilities;
    const lines = text.split(/\r\n|\r|\n/);
    const pos = (): Pos => {
      if (rng.chance(0.03)) return { line: lines.length + rng.int(3), character: rng.int(5) };
      const line = rng.int(lines.length);
      const len = lines[line].length;
      return { line, character: rng.chance(0.03) ? len + 1 + rng.int(10) : rng.int(len + 1) };
    };
    const td = { uri };
    const out: [string, unknown][] = [];
    const positional = rng.chance(0.3) ? 2 : 1;
    for (let k = 0; k < positional; k++) {
      if (caps.completionProvider) {
        const triggers = (caps.completionProvider as { triggerCharacters?: string[] }).triggerCharacters ?? [];
        const context = triggers.length > 0 && rng.chance(0.3) ? { triggerKind: 2, triggerCharacter: rng.pick(triggers) } : { triggerKind: 1 };
        out.push(['textDocument/completion', { textDocument: td, position: pos(), context }]);
      }
      if (caps.hoverProvider) out.push(['textDocument/hover', { textDocument: td, position: pos() }]);
      if (caps.definitionProvider) out.push(['textDocument/definition', { textDocument: td, position: pos() }]);
    }
    const extra: [string, unknown][] = [];
    if (caps.referencesProvider) extra.push(['textDocument/references', { textDocument: td, position: pos(), context: { includeDeclaration: rng.chance(0.5) } }]);
    if (caps.documentHighlightProvider) extra.push(['textDocument/documentHighlight', { textDocument: td, position: pos() }]);
    if (caps.documentSymbolProvider) extra.push(['textDocument/documentSymbol', { textDocument: td }]);
    if (caps.workspaceSymbolProvider) extra.push(['workspace/symbol', { query: rng.pick(['', 'a', 'host', 'LXC', '\0', '*']) }]);
    if (caps.renameProvider) {
      const p = pos();
      const prepare = (caps.renameProvider as { prepareProvider?: boolean }).prepareProvider;
      if (prepare) extra.push(['textDocument/prepareRename', { textDocument: td, position: p }]);
      extra.push(['textDocument/rename', { textDocument: td, position: p, newName: rng.pick(['renamed', 'x', 'a-b', '', ' ', '"q"', 'ö']) }]);
    }
    if (caps.codeActionProvider) {
      const a = pos();
      const b = pos();
      const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
      const diagnostics = (this.lastDiagnostics.get(uri) ?? []).slice(0, 5);
      extra.push(['textDocument/codeAction', { textDocument: td, range: rng.chance(0.5) ? { start, end } : { start, end: start }, context: { diagnostics } }]);
    }
    if (caps.semanticTokensProvider) extra.push(['textDocument/semanticTokens/full', { textDocument: td }]);
    if (caps.inlayHintProvider) extra.push(['textDocument/inlayHint', { textDocument: td, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } }]);
    if (caps.foldingRangeProvider) extra.push(['textDocument/foldingRange', { textDocument: td }]);
    if (caps.selectionRangeProvider) extra.push(['textDocument/selectionRange', { textDocument: td, positions: [pos(), pos()] }]);
    if (caps.documentLinkProvider) extra.push(['textDocument/documentLink', { textDocument: td }]);
    if (caps.codeLensProvider) extra.push(['textDocument/codeLens', { textDocument: td }]);
    if (caps.signatureHelpProvider) extra.push(['textDocument/signatureHelp', { textDocument: td, position: pos() }]);
    if (caps.documentFormattingProvider) extra.push(['textDocument/formatting', { textDocument: td, options: { tabSize: 2, insertSpaces: true } }]);
    if (caps.typeDefinitionProvider) extra.push(['textDocument/typeDefinition', { textDocument: td, position: pos() }]);
    if (caps.declarationProvider) extra.push(['textDocument/declaration', { textDocument: td, position: pos() }]);
    if (caps.implementationProvider) extra.push(['textDocument/implementation', { textDocument: td, position: pos() }]);
    if (extra.length > 0) out.push(rng.pick(extra));
    if (rng.chance(0.1)) out.push(['homelab/topology', {}]);
    // The whole-workspace check is the "wait for diagnostics": it runs every rule on the current text.
    if (index % this.fullCheckEvery === 0 || out.length === 0) out.push(['homelab/checkWorkspace', {}]);
    void language;
    return out;
  }

  private scanNotifications(outcome: Outcome): void {
    for (const n of this.client.notifications) {
      if (n.method === 'window/logMessage') {
        const p = n.params as { type: number; message: string };
        if (p.type === 1) outcome.problems.push({ what: 'internal-error', detail: p.message.slice(0, 4000) });
      } else if (n.method === 'textDocument/publishDiagnostics') {
        const p = n.params as { uri: string; diagnostics: { message: string; source?: string }[] };
        this.lastDiagnostics.set(p.uri, p.diagnostics);
        for (const d of p.diagnostics) {
          if (/internal error/i.test(d.message)) outcome.problems.push({ what: 'internal-error', detail: `diagnostic on ${p.uri}: ${d.message.slice(0, 2000)}` });
        }
      }
    }
    this.client.notifications.splice(0);
    const stderr = this.client.stderr;
    if (stderr.length > this.stderrSeen) {
      const s = stderr.slice(this.stderrSeen).join('');
      this.stderrSeen = stderr.length;
      if (s.trim() !== '') outcome.problems.push({ what: 'stderr', detail: s.slice(0, 4000) });
    }
  }
}

/**
 * A rename the server declines with a message for the user (LSP's way to say
 * "cannot rename this symbol": VS Code shows it) is an answer, not a failure.
 */
export function isRefusal(method: string, error: { code: number }): boolean {
  return (method === 'textDocument/prepareRename' || method === 'textDocument/rename') && (error.code === -32600 || error.code === -32803);
}

export function removeWorkspace(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
