// Publishes diagnostics. A keystroke re-checks its own document at once (the
// document rules plus the cached cross-file findings for it); the cross-file
// rules of the whole homelab run after a short pause, off the keystroke's
// path, and only changed sets are re-sent. Files that lose all their problems
// get an empty set.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { checkAll, checkDocument } from '../checks';
import type { Diagnostic } from '../checks/types';
import { toLspDiagnostic } from './convert';
import type { ServerContext } from './context';

/** Rules that Nix IDE's language server (nil/nixd) reports too. */
const NIX_IDE_OVERLAP = new Set(['nix-syntax', 'nix-undefined-variable', 'nix-duplicate-attribute', 'nix-unused-binding']);

export class DiagnosticsPublisher {
  private readonly published = new Map<string, string>();
  private homelabTimer: NodeJS.Timeout | undefined;
  private readonly documentTimers = new Map<string, NodeJS.Timeout>();
  /** Resolves after every full check; tests and the checkWorkspace request wait on it. */
  private fullCheckWaiters: (() => void)[] = [];

  constructor(private readonly ctx: ServerContext, private readonly homelabDelayMs = 250) {}

  /** After a change to one document: its own diagnostics now, the homelab's soon. */
  documentChanged(uri: string): void {
    const pending = this.documentTimers.get(uri);
    if (pending) clearTimeout(pending);
    // setImmediate-like: let queued requests (completion...) be answered first.
    this.documentTimers.set(
      uri,
      setTimeout(() => {
        this.documentTimers.delete(uri);
        this.publish(uri, this.safe(() => checkDocument(this.ctx.workspace, uri), uri));
      }, 0),
    );
    this.scheduleFullCheck();
  }

  scheduleFullCheck(delayMs = this.homelabDelayMs): void {
    if (this.homelabTimer) clearTimeout(this.homelabTimer);
    this.homelabTimer = setTimeout(() => {
      this.homelabTimer = undefined;
      this.fullCheckNow();
    }, delayMs);
  }

  /** Checks every file of every homelab and publishes what changed. */
  fullCheckNow(): Map<string, Diagnostic[]> {
    const all = this.safe(() => checkAll(this.ctx.workspace), undefined);
    const byUri = all instanceof Map ? all : new Map<string, Diagnostic[]>();
    for (const uri of this.published.keys()) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const [uri, diagnostics] of byUri) this.publish(uri, diagnostics);
    const waiters = this.fullCheckWaiters;
    this.fullCheckWaiters = [];
    for (const w of waiters) w();
    return byUri;
  }

  private safe<T>(run: () => T, uri: string | undefined): T | Diagnostic[] {
    try {
      return run();
    } catch (error) {
      // A bug in a rule must not take the server down: report it once, in the log.
      this.ctx.connection.console.error(`homelab: checking ${uri ?? 'the workspace'} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return [];
    }
  }

  private publish(uri: string, diagnostics: Diagnostic[]): void {
    const shown = diagnostics.filter((d) => this.visible(d));
    const lsp: LspDiagnostic[] = shown.map((d) => toLspDiagnostic(d, this.ctx.lines));
    const key = JSON.stringify(lsp);
    if (this.published.get(uri) === key) return;
    if (lsp.length === 0 && !this.published.has(uri)) return;
    if (lsp.length === 0) this.published.delete(uri);
    else this.published.set(uri, key);
    const version = this.ctx.workspace.docs.version(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: lsp, ...(version !== undefined ? { version } : {}) });
  }

  private visible(d: Diagnostic): boolean {
    if (!NIX_IDE_OVERLAP.has(d.rule)) return true;
    const root = [...this.ctx.nixDiagnostics.keys()].find((r) => d.uri.startsWith(r + '/'));
    const mode = (root && this.ctx.nixDiagnostics.get(root)) ?? 'auto';
    return mode === 'on' || (mode === 'auto' && !this.ctx.nixIdeInstalled);
  }
}
