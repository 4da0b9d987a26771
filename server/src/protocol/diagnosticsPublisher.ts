// Publishes diagnostics. A keystroke re-checks its own document at once (the
// document rules plus the cached cross-file findings for it, moved past the
// client's edit ranges since the last whole check); the cross-file
// rules of the whole homelab run after a short pause, off the keystroke's
// path, in slices that let the next keystroke through (and are dropped when
// one comes), and only changed sets are re-sent. Files that lose all their
// problems get an empty set. A document being opened is the exception: its
// current set is sent again, since many clients (eglot, for one) show in a
// buffer only what is published after the buffer was opened.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { checkAll, checkAllSteps, checkDocumentQuick, type EditRegion } from '../checks';
import type { Diagnostic } from '../checks/types';
import { toLspDiagnostic } from './convert';
import type { ServerContext } from './context';
import { composeEdits } from './openDocuments';
import { InputFlow } from './inputFlow';
import { afterQueuedMessages } from './queuedMessages';

/** Rules that Nix IDE's language server (nil/nixd) reports too. */
const NIX_IDE_OVERLAP = new Set(['nix-syntax', 'nix-undefined-variable', 'nix-duplicate-attribute', 'nix-unused-binding']);
/**
 * How long the whole check runs before it lets waiting messages through: a
 * request or keystroke that comes during a check waits at most about this
 * long, plus the one step under way. A keystroke typed after a pause lands in
 * the check that pause started: at 1,000 machines it waited 1.0 ms on
 * average (2.7 at most) with 2 ms slices, 0.5 (1.3) with 1 ms; a pause costs
 * a turn of the event loop.
 */
const SLICE_MS = 1;
/** Edits kept apart between whole checks (each finding is moved past each). */
const MAX_EDITS_KEPT = 64;

/**
 * A changed document up to this size (about 2,000 lines) is checked in the
 * change's own handler; a larger one after the messages queued with it (its
 * own check takes milliseconds, and a burst of keystrokes is then checked once).
 */
const CHECK_AT_ONCE_MAX_CHARS = 64 * 1024;

export class DiagnosticsPublisher {
  private readonly published = new Map<string, string>();
  /** The findings behind each document's published diagnostics (quick fixes are built from these). */
  private readonly shownFindings = new Map<string, Diagnostic[]>();
  /** The text each open document had at the last whole check (whose cross-file findings are moved past the edits since). */
  private readonly baseline = new Map<string, string>();
  /**
   * The client's edits since the baseline, in order (a run of keystrokes stays
   * a list: one region around them all would drop the findings between);
   * `diff` when a change came without ranges (then, and only then, the texts are diffed).
   */
  private readonly sinceBaseline = new Map<string, EditRegion[] | 'diff'>();
  /** Full-text diffs made to find an edit (a client that sends ranges causes none): read by the tests. */
  fullTextDiffs = 0;
  /** Steps the whole checks have run: read by the tests (what ran between a message's arrival and its handling). */
  stepsRun = 0;
  private homelabTimer: NodeJS.Timeout | undefined;
  private readonly documentTimers = new Map<string, () => void>();
  /** Documents just opened: their next set is sent even if unchanged. */
  private readonly resend = new Set<string>();
  /** Identifies the newest whole check; an older one in slices stops at its next pause. */
  private checkToken = 0;

  /**
   * Called once, when a whole check has found every folder's homelab built:
   * the tree's topology need not wait for the rules (start-up of a large
   * fleet answered names first, topologyNotifier.ts).
   */
  whenBuilt: (() => void) | undefined;

  constructor(
    private readonly ctx: ServerContext,
    private readonly homelabDelayMs = 250,
    private readonly input = new InputFlow(),
  ) {}

  /**
 * After a change to one document: its own diagnostics now (its file rules and
 * the last cross-file findings moved past the edit, without rebuilding the
 * homelab), the whole homelab's a moment later.
 */
  documentChanged(uri: string, edits?: readonly EditRegion[]): void {
    const before = this.sinceBaseline.get(uri);
    if (!edits || before === 'diff') this.sinceBaseline.set(uri, 'diff');
    else {
      const all = [...(before ?? []), ...edits];
      // A long run without a whole check between (a paste, a macro): its regions as one, the list stays short.
      this.sinceBaseline.set(uri, all.length > MAX_EDITS_KEPT ? [all.reduce(composeEdits)] : all);
    }
    // A document of ordinary size is checked at once: its check takes a fraction of a millisecond, and its few
    // diagnostics go out before the completion sent with the keystroke (a large answer to encode and send).
    const text = this.ctx.workspace.text(uri) ?? '';
    this.checkSoon(uri, text.length <= CHECK_AT_ONCE_MAX_CHARS);
  }

  private checkSoon(uri: string, now = false): void {
    this.documentTimers.get(uri)?.();
    const check = (): void => {
      this.documentTimers.delete(uri);
      const text = this.ctx.workspace.text(uri) ?? '';
      this.publish(uri, this.safe(() => checkDocumentQuick(this.ctx.workspace, uri, this.editsSinceBaseline(uri, text)), uri));
    };
    // A large document: after the messages already queued (a burst of keystrokes is checked once, a completion first).
    if (now) check();
    else this.documentTimers.set(uri, afterQueuedMessages(check));
    this.scheduleFullCheck();
  }

  /** Where the document changed since the last whole check, from the client's ranges (a diff only for a whole-text change). */
  private editsSinceBaseline(uri: string, text: string): EditRegion[] | undefined {
    const since = this.sinceBaseline.get(uri);
    if (since !== 'diff') return since ?? (this.baseline.has(uri) ? [] : undefined);
    const before = this.baseline.get(uri);
    if (before === undefined) return undefined;
    this.fullTextDiffs++;
    const edit = editRegion(before, text);
    return edit ? [edit] : undefined;
  }

  /** A document was opened: check it as after a change, and send its set even if the client had it already. */
  documentOpened(uri: string): void {
    this.resend.add(uri);
    // The last whole check read this file from disk: its findings stand for the text as opened.
    if (!this.baseline.has(uri)) this.baseline.set(uri, this.ctx.workspace.text(uri) ?? '');
    this.checkSoon(uri);
  }

  /** A document was closed: what was kept to move its findings goes. */
  documentClosed(uri: string): void {
    this.baseline.delete(uri);
    this.sinceBaseline.delete(uri);
  }

  scheduleFullCheck(delayMs = this.homelabDelayMs): void {
    if (this.homelabTimer) clearTimeout(this.homelabTimer);
    this.homelabTimer = setTimeout(() => {
      this.homelabTimer = undefined;
      // Requests that came meanwhile are answered before the first step (which builds the homelabs).
      afterQueuedMessages(() => {
        if (!this.homelabTimer) void this.fullCheckInSlices(); // else a newer change scheduled its own
      });
    }, delayMs);
  }

  /** Checks every file of every homelab at once and publishes what changed (start-up, "Check Workspace"). */
  fullCheckNow(): Map<string, Diagnostic[]> {
    this.checkToken++;
    const all = this.safe(() => checkAll(this.ctx.workspace), undefined);
    return this.publishAll(all instanceof Map ? all : new Map<string, Diagnostic[]>());
  }

  /**
   * The same check, pausing between its steps so that a keystroke's own
   * diagnostics and requests are answered meanwhile. A change to the
   * workspace makes the rest worthless (and schedules a new check): stop.
   */
  private async fullCheckInSlices(): Promise<'done' | 'superseded' | 'changed'> {
    const token = ++this.checkToken;
    const generation = this.ctx.workspace.generation;
    const steps = checkAllSteps(this.ctx.workspace);
    let result: Map<string, Diagnostic[]>;
    let sliceStart = performance.now();
    let received = this.input.mark;
    /** One turn of the event loop for what waits; then whether this check is still worth going on with. */
    const pause = async (): Promise<'superseded' | 'changed' | undefined> => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
      if (token !== this.checkToken) return 'superseded';
      if (this.ctx.workspace.generation !== generation) return 'changed';
      return undefined;
    };
    for (;;) {
      // A message still arriving or not yet dispatched, or a document waiting for its own check, goes first (a
      // step may be long: a 160,000-line inventory's parse); then the check goes on, or stops if that changed the workspace.
      while (this.input.mark !== received || this.input.waiting() || this.documentTimers.size > 0) {
        received = this.input.mark;
        const stop = await pause();
        if (stop) return stop;
      }
      this.stepsRun++;
      const step = this.safe(() => steps.next(), undefined);
      if (Array.isArray(step)) return 'done'; // a bug in a step, already logged: keep what is shown until the next check
      if (step.done) {
        result = step.value;
        break;
      }
      if (this.whenBuilt && this.ctx.workspace.everyHomelabBuilt()) {
        const built = this.whenBuilt;
        this.whenBuilt = undefined;
        this.safe(built, undefined);
      }
      // Steps are small (one query recomputed): several make a slice, then whatever came meanwhile goes first.
      if (performance.now() - sliceStart < SLICE_MS) continue;
      const stop = await pause();
      if (stop) return stop;
    }
    this.publishAll(result);
    return 'done';
  }

  /**
   * The start-up check: in slices, so a document opened meanwhile gets its own
   * diagnostics at once and requests are answered. A pass dropped for a newer
   * one (a document opened, a change) is continued by that one's work, kept in
   * the model's queries: started again, it redoes nothing. Dropped by changes
   * five times (typing all through start-up), it is done at once.
   */
  async startupCheck(): Promise<void> {
    for (let changed = 0; changed < 5; ) {
      const end = await this.fullCheckInSlices();
      if (end === 'done') return;
      if (end === 'changed') changed++;
    }
    this.fullCheckNow();
  }

  private publishAll(byUri: Map<string, Diagnostic[]>): Map<string, Diagnostic[]> {
    for (const uri of this.published.keys()) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const [uri, diagnostics] of byUri) this.publish(uri, diagnostics);
    this.baseline.clear();
    this.sinceBaseline.clear();
    for (const uri of this.ctx.workspace.docs.openUris()) this.baseline.set(uri, this.ctx.workspace.text(uri) ?? '');
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
    const nixShown = this.nixShown(uri);
    const visible = nixShown ? diagnostics : diagnostics.filter((d) => !NIX_IDE_OVERLAP.has(d.rule));
    const shown = mostSevere(visible, MAX_DIAGNOSTICS_PER_FILE - 1);
    const lsp: LspDiagnostic[] = shown.map((d) => toLspDiagnostic(d, this.ctx.lines));
    if (shown.length < visible.length) lsp.push(leftOut(visible.length - shown.length, shown.length));
    const key = JSON.stringify(lsp);
    if (shown.length) this.shownFindings.set(uri, shown);
    else this.shownFindings.delete(uri);
    const resend = this.resend.delete(uri);
    if (this.published.get(uri) === key && !resend) return;
    if (lsp.length === 0 && !this.published.has(uri)) return;
    if (lsp.length === 0) this.published.delete(uri);
    else this.published.set(uri, key);
    const version = this.ctx.workspace.docs.version(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: lsp, ...(version !== undefined ? { version } : {}) });
  }

  /** The findings last published for `uri`. */
  findings(uri: string): readonly Diagnostic[] {
    return this.shownFindings.get(uri) ?? [];
  }

  /** Whether the Nix-language diagnostics of this file are ours to show (or Nix IDE's). */
  private nixShown(uri: string): boolean {
    const root = [...this.ctx.nixDiagnostics.keys()].find((r) => uri.startsWith(r + '/'));
    const mode = (root && this.ctx.nixDiagnostics.get(root)) ?? 'auto';
    return mode === 'on' || (mode === 'auto' && !this.ctx.nixIdeInstalled);
  }
}

/**
 * VS Code keeps at most 1,000 problems a file (more are dropped in its
 * extension host): sending more only costs serialising and IPC, which for a
 * file with 100,000 problems took longer than the check itself.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1_000;

const SEVERITY_RANK: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** At most `max` of the diagnostics, errors before warnings before the rest, in their order. */
export function mostSevere(diagnostics: Diagnostic[], max: number): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  // The highest severity rank that still fits whole, then what fits of the next, in one pass each.
  const perRank = [0, 0, 0, 0];
  for (const d of diagnostics) perRank[SEVERITY_RANK[d.severity]]++;
  let room = max;
  let cut = 0;
  while (cut < 4 && perRank[cut] <= room) room -= perRank[cut++];
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const rank = SEVERITY_RANK[d.severity];
    if (rank < cut || (rank === cut && room-- > 0)) kept.push(d);
  }
  return kept;
}

/** The one line that says how many problems were left out (at the top of the file). */
function leftOut(count: number, shown: number): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'too-many-problems',
    source: 'homelab',
    message: `${count} more problems in this file are not shown (the ${shown} most severe are); fix these to see the rest, or run homelab-check for the whole list`,
  };
}

/** The one changed region between two texts (common prefix and suffix), or undefined if unknown. */
export function editRegion(before: string | undefined, after: string): EditRegion | undefined {
  if (before === undefined) return undefined;
  if (before === after) return { start: after.length, oldEnd: after.length, newEnd: after.length };
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}
