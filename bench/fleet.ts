// The fleet figures of issue 25, measured as its probe did, over real LSP
// stdio on a generated homelab of 1,000 or 10,000 machines: the first
// diagnostics of a small profile opened with a typo right at start-up,
// one-character edits typed at a typist's pace (back to back, with a pause
// now and then long enough for the whole check to start, so that a keystroke
// can land in it) each followed at once by a completion, the server's peak
// RSS, and the fleet's own homelab.yaml opened 3 s after start with all rules
// on, against yaml-language-server opening the same text 3 s after its start.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { StdioLsp, fileUri, Message, PublishParams } from './lsp';
import { ourServer, Options, position } from './measure';
import { cpuMs, peakRssMb, sleep } from './stats';

const isPublish = (m: Message): boolean => m.method === 'textDocument/publishDiagnostics';
const pub = (m: Message): PublishParams => m.params as PublishParams;
const isProgressEnd = (m: Message): boolean =>
  m.method === '$/progress' && (m.params as { value?: { kind?: string } } | undefined)?.value?.kind === 'end';

/** The key whose last letter the typist changes (a `Q` makes it an unknown setting). */
export const TYPED_KEY = 'defaultGateway';
/**
 * Pauses after each edit (cycled): mostly a fast typist, and twice in ten a
 * pause past the whole check's 250 ms debounce, so the next keystroke comes
 * while that check runs (the case the p95 was about).
 */
export const TYPING_PAUSES_MS = [5, 5, 5, 5, 270, 5, 5, 5, 5, 330];

export interface FleetSession {
  /** initialize sent → the first non-empty publishDiagnostics of the profile opened with a typo. */
  firstDiagnosticsMs: number;
  /** Whether that first set held the typo's unknown-setting finding. */
  firstHadTypo: boolean;
  /** initialize sent → work-done progress end. */
  settledMs: number;
  /** didChange sent → publishDiagnostics of that version, per edit. */
  edits: number[];
  /** completion sent (right after the didChange) → its answer, per edit. */
  completions: number[];
  completionItems: number;
  /** Peak RSS (VmHWM) of the server at the end of the session. */
  rssMb: number;
  cpuMs: number;
  note?: string;
}

/** The file's text with the typo: `defaultGateway` → `defaultGatewaQ`. */
function withTypo(text: string, at: number): string {
  return text.slice(0, at + TYPED_KEY.length - 1) + 'Q' + text.slice(at + TYPED_KEY.length);
}

/**
 * One server process: start, open the small profile with a typo as soon as
 * initialize is answered, wait for its diagnostics and the start-up's end,
 * then type `runs` edits (after `warmup` more), each followed by a completion
 * at the cursor.
 */
export async function fleetSession(dir: string, profile: string, warmup: number, runs: number, opts: Options): Promise<FleetSession> {
  const c = ourServer(opts);
  try {
    const uri = fileUri(profile);
    const text = readFileSync(profile, 'utf8');
    const at = text.indexOf(`${TYPED_KEY} =`);
    if (at < 0) throw new Error(`\`${TYPED_KEY} =\` not found in ${profile}`);
    const end = c.next(isProgressEnd, 600_000);
    end.catch(() => undefined);
    const first = c.next((m) => isPublish(m) && pub(m).uri === uri && pub(m).diagnostics.length > 0, 600_000);
    first.catch(() => undefined);
    const t0 = performance.now();
    await c.initialize(dir);
    let version = 1;
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version, text: withTypo(text, at) } });
    const f = await first;
    const firstDiagnosticsMs = f.at - t0;
    const firstHadTypo = pub(f.message).diagnostics.some((d) => d.code === 'unknown-setting');
    const settledMs = (await end).at - t0;
    await sleep(600);
    await c.ping();
    const pos = position(text, at + TYPED_KEY.length - 1);
    const cursor = { line: pos.line, character: pos.character + 1 };
    const edits: number[] = [];
    const completions: number[] = [];
    let completionItems = 0;
    let note: string | undefined;
    for (let i = 0; i < warmup + runs; i++) {
      version++;
      const v = version;
      // Opened with the typo: even edits repair it, odd ones bring it back.
      const char = i % 2 === 0 ? TYPED_KEY[TYPED_KEY.length - 1] : 'Q';
      const published = c.next((m) => isPublish(m) && pub(m).uri === uri && pub(m).version === v, 30_000);
      const t = performance.now();
      c.notify('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: pos, end: cursor }, text: char }],
      });
      const tc = performance.now();
      const answer = c.requestStamped('textDocument/completion', { textDocument: { uri }, position: cursor }, 30_000);
      try {
        const [p, a] = await Promise.all([published, answer]);
        if (a.message.error) throw new Error(`completion: ${a.message.error.message}`);
        const r = a.message.result as { items?: unknown[] } | unknown[] | null;
        completionItems = Array.isArray(r) ? r.length : (r?.items?.length ?? 0);
        if (i >= warmup) {
          edits.push(p.at - t);
          completions.push(a.at - tc);
        }
      } catch (e) {
        note = e instanceof Error ? e.message : String(e);
        break;
      }
      await sleep(TYPING_PAUSES_MS[i % TYPING_PAUSES_MS.length]);
    }
    return { firstDiagnosticsMs, firstHadTypo, settledMs, edits, completions, completionItems, rssMb: peakRssMb(c.pid), cpuMs: cpuMs(c.pid), note };
  } finally {
    await c.stop();
  }
}

/** The inventory with one schema error (a vmid that is not a number) in its middle machine's entry. */
export function inventoryWithError(text: string): { text: string; line: number } {
  const lines = text.split('\n');
  const vmids = lines.map((l, i) => (/^ {4}vmid: \d+$/.test(l) ? i : -1)).filter((i) => i >= 0);
  const line = vmids[Math.floor(vmids.length / 2)] ?? -1;
  if (line >= 0) lines[line] = lines[line].replace(/(\d+)$/, '"$1x"');
  return { text: lines.join('\n'), line };
}

export interface InventoryOpen {
  /** didOpen sent → the first non-empty publishDiagnostics of that version. */
  ms: number;
  diagnostics: number;
  messages: string[];
}

/**
 * A server started on `dir` (or any LSP server: `server` is made by the
 * caller), the inventory opened `afterMs` after initialize was sent, with
 * one schema error: didOpen → its non-empty diagnostics.
 */
export async function openInventoryDuringStart(c: StdioLsp, dir: string, file: string, afterMs: number, afterInitialize?: (c: StdioLsp) => void): Promise<InventoryOpen> {
  const uri = fileUri(file);
  const { text } = inventoryWithError(readFileSync(file, 'utf8'));
  const t0 = performance.now();
  await c.initialize(dir);
  afterInitialize?.(c);
  await sleep(Math.max(0, afterMs - (performance.now() - t0)));
  const wait = c.next((m) => isPublish(m) && pub(m).uri === uri && pub(m).diagnostics.length > 0, 120_000);
  const t = performance.now();
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const s = await wait;
  return { ms: s.at - t, diagnostics: pub(s.message).diagnostics.length, messages: pub(s.message).diagnostics.slice(0, 2).map((d) => d.message) };
}
