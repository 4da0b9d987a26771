// The measurements of our language server, each over real LSP stdio from this
// process and each set in a server process of its own: cold start and peak
// RSS, edit-to-diagnostics latency, completion/hover/definition latency, the
// didOpen-to-diagnostics time of a large inventory (schema rules only), and
// the discovery cold start of a NixOS flake fleet (initialize → topology).
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { RULE_IDS } from '../server/src/checks/types';
import { StdioLsp, fileUri, Message, PublishParams } from './lsp';
import { cpuMs, peakRssMb, sleep } from './stats';
import { repoRoot } from './generate';
import { SERVER_NODE_FLAGS } from '../server/src/protocol/serverNodeFlags';

/** The server bundle measured; run.ts points it at a snapshot so a rebuild mid-run cannot change it. */
export let serverBundle = path.join(repoRoot, 'dist', 'server.js');
export function useServerBundle(file: string): void {
  serverBundle = file;
}
/** The server re-checks the whole homelab this long after a change (diagnosticsPublisher.ts). */
const HOMELAB_DELAY_MS = 250;

export interface Options {
  env: NodeJS.ProcessEnv;
  /** Node flags of our server processes (--cpu-prof when profiling; not allowed in NODE_OPTIONS). */
  nodeArgs: string[];
}

export function ourServer(opts: Options): StdioLsp {
  // Started as the editors start it: with the server's V8 flags (serverNodeFlags.ts), then any a bench adds.
  return new StdioLsp(process.execPath, [...SERVER_NODE_FLAGS, ...opts.nodeArgs, serverBundle, '--stdio'], opts.env);
}

const isPublish = (m: Message): boolean => m.method === 'textDocument/publishDiagnostics';
const pub = (m: Message): PublishParams => m.params as PublishParams;
const isProgressEnd = (m: Message): boolean =>
  m.method === '$/progress' && (m.params as { value?: { kind?: string } } | undefined)?.value?.kind === 'end';

export interface ColdStart {
  /** initialize sent → work-done progress `end` (sent after the first whole-workspace check was published). */
  ms: number;
  /** initialize sent → initialize answered. */
  initializeMs: number;
  rssMb: number;
  /** CPU time of the server process until then (less sensitive to a busy machine than wall time). */
  cpuMs: number;
  /** publishDiagnostics received before the end (a clean workspace publishes none). */
  published: number;
}

/** Starts a server on `dir` and waits for its first complete set of diagnostics. */
export async function startAndSettle(c: StdioLsp, dir: string, timeoutMs = 240_000): Promise<ColdStart> {
  const end = c.next(isProgressEnd, timeoutMs);
  end.catch(() => undefined); // awaited below, unless initialize fails first
  const t0 = performance.now();
  const init = c.initialize(dir);
  await init;
  const initializeMs = performance.now() - t0;
  const done = await end;
  const published = c.notifications.filter((s) => isPublish(s.message) && s.at <= done.at).length;
  return { ms: done.at - t0, initializeMs, rssMb: peakRssMb(c.pid), cpuMs: cpuMs(c.pid), published };
}

export async function coldStart(dir: string, opts: Options): Promise<ColdStart> {
  const c = ourServer(opts);
  try {
    return await startAndSettle(c, dir);
  } finally {
    await c.stop();
  }
}

/** Line/character (UTF-16; the generated files are ASCII) of an offset. */
export function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** Waits until the debounced whole-homelab check has run and the server is idle. */
/**
 * Waits until the server is idle: past the debounce of the whole check, then
 * until its CPU time stops growing (the whole check runs in slices and answers
 * a ping between them, so a ping alone no longer proves it finished).
 */
async function quiesce(c: StdioLsp): Promise<void> {
  await sleep(HOMELAB_DELAY_MS + 50);
  let last = cpuMs(c.pid);
  for (let quiet = 0, i = 0; quiet < 2 && i < 400; i++) {
    await sleep(40);
    const now = cpuMs(c.pid);
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  await c.ping();
}

export interface EditResult {
  samples: number[];
  /** The typo edits (a diagnostic appears) and the repairs (it goes away), apart. */
  typo: number[];
  repair: number[];
  note?: string;
}

/**
 * One-character edits of `key` in an open document, alternating a typo
 * (the key's last letter becomes `Q`, an unknown setting) and its repair, so
 * every edit changes the file's diagnostics and is published. Each sample:
 * didChange sent → publishDiagnostics for that version received, with the
 * server idle before the edit.
 */
export async function editLatency(c: StdioLsp, file: string, key: string, warmup: number, runs: number): Promise<EditResult> {
  const uri = fileUri(file);
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(`${key} =`);
  if (at < 0) return { samples: [], typo: [], repair: [], note: `\`${key} =\` not found in ${path.basename(file)}` };
  const pos = position(text, at + key.length - 1);
  let version = 1;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version, text } });
  await quiesce(c);
  const samples: number[] = [];
  const typo: number[] = [];
  const repair: number[] = [];
  let misses = 0;
  for (let i = 0; i < warmup + runs; i++) {
    version++;
    const v = version;
    const char = i % 2 === 0 ? 'Q' : key[key.length - 1];
    const wait = c.next((m) => isPublish(m) && pub(m).uri === uri && pub(m).version === v, 10_000);
    const t = performance.now();
    c.notify('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: char }],
    });
    try {
      const s = await wait;
      if (i >= warmup) {
        samples.push(s.at - t);
        (i % 2 === 0 ? typo : repair).push(s.at - t);
      }
    } catch {
      misses++;
      if (misses >= 2) return { samples, typo, repair, note: 'no publishDiagnostics for the edited version (diagnostics did not change?)' };
    }
    await quiesce(c);
  }
  c.notify('textDocument/didClose', { textDocument: { uri } });
  return { samples, typo, repair };
}

export interface RequestResult {
  samples: number[];
  /** Size of the last answer (completion items, hover characters, locations). */
  answer: number;
  note?: string;
}

function answerSize(method: string, result: unknown): number {
  if (result === null || result === undefined) return 0;
  if (method === 'textDocument/completion') return Array.isArray(result) ? result.length : ((result as { items?: unknown[] }).items?.length ?? 0);
  if (method === 'textDocument/hover') return JSON.stringify((result as { contents?: unknown }).contents ?? '').length;
  return Array.isArray(result) ? result.length : 1;
}

/**
 * Request latency at a cursor. With `typing`, each request follows a
 * one-character didChange before the cursor (typed, then deleted), as an
 * editor sends them while the user types; the sample is the request alone.
 */
export async function requestLatency(
  c: StdioLsp,
  uri: string,
  text: string,
  cursor: number,
  method: string,
  opts: { warmup: number; runs: number; typing?: string; version: { v: number } },
): Promise<RequestResult> {
  const samples: number[] = [];
  let answer = 0;
  const base = position(text, cursor);
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    let pos = base;
    if (opts.typing) {
      const typed = i % 2 === 0;
      opts.version.v++;
      c.notify('textDocument/didChange', {
        textDocument: { uri, version: opts.version.v },
        contentChanges: [
          typed
            ? { range: { start: base, end: base }, text: opts.typing }
            : { range: { start: base, end: { line: base.line, character: base.character + 1 } }, text: '' },
        ],
      });
      if (typed) pos = { line: base.line, character: base.character + 1 };
    }
    const t = performance.now();
    const s = await c.requestStamped(method, { textDocument: { uri }, position: pos }, 30_000);
    if (s.message.error) return { samples, answer, note: `${method}: ${s.message.error.message}` };
    if (i >= opts.warmup) samples.push(s.at - t);
    answer = answerSize(method, s.message.result);
    await sleep(20);
  }
  if (opts.typing) await quiesce(c);
  return { samples, answer };
}

/** The workspace/configuration answer that leaves only the inventory's schema rules on. */
export function schemaOnlySettings(): { rules: Record<string, string> } {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS) if (id !== 'inventory-schema' && id !== 'yaml-syntax') rules[id] = 'off';
  return { rules };
}

/** Text variants of the inventory: a first line that changes, and 1 or 2 extra lines so ranges move. */
export function inventoryVariant(text: string, i: number): string {
  return `# validation pass ${i}\n${i % 2 ? '\n' : ''}${text}`;
}

export interface ValidationResult {
  samples: number[];
  diagnostics: number;
  note?: string;
}

/** didOpen of the inventory → its publishDiagnostics, our server with the schema rules only. */
export async function validateOurs(dir: string, file: string, warmup: number, runs: number, opts: Options): Promise<ValidationResult> {
  const c = ourServer(opts);
  const settings = schemaOnlySettings();
  c.handlers.set('workspace/configuration', (p) => ((p as { items?: unknown[] }).items ?? []).map(() => settings));
  try {
    await startAndSettle(c, dir);
    const uri = fileUri(file);
    const text = readFileSync(file, 'utf8');
    const samples: number[] = [];
    let diagnostics = 0;
    for (let i = 0; i < warmup + runs; i++) {
      const v = i + 1;
      const wait = c.next((m) => isPublish(m) && pub(m).uri === uri && pub(m).version === v, 60_000);
      const t = performance.now();
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: v, text: inventoryVariant(text, i) } });
      const s = await wait;
      if (i >= warmup) samples.push(s.at - t);
      diagnostics = pub(s.message).diagnostics.length;
      c.notify('textDocument/didClose', { textDocument: { uri } });
      await quiesce(c);
    }
    return { samples, diagnostics };
  } finally {
    await c.stop();
  }
}

const isTopologyChanged = (m: Message): boolean => m.method === 'homelab/topologyChanged';

export interface DiscoveryStart {
  /** initialize sent → the first `homelab/topology` answer that lists every machine (names first: marked reading). */
  topologyMs: number;
  /** initialize sent → the first answer that lists every machine read (none marked reading), and the CPU time then. */
  readMs: number;
  readCpuMs: number;
  /** Whether the first complete answer was names first (its machines marked reading). */
  namesFirst: boolean;
  /** initialize sent → work-done progress `end` (after the first whole-workspace check). */
  endMs: number;
  initializeMs: number;
  /** CPU time of the server process when every machine was listed, and at the end. */
  topologyCpuMs: number;
  cpuMs: number;
  rssMb: number;
  /** `homelab/topology` requests sent until one listed every machine read. */
  requests: number;
  /** Size of the answer listing every machine read (JSON characters). */
  answerChars: number;
  published: number;
}

/**
 * Starts a server on a fleet whose machines are `machines` and asks for the
 * topology as the extension does: as soon as `initialize` is answered, and
 * again after each `homelab/topologyChanged`, until an answer lists every
 * machine read (a names-first answer lists them all first, marked reading).
 * Then waits for the work-done progress `end`.
 */
export async function discoveryStart(c: StdioLsp, dir: string, machines: string[], timeoutMs = 120_000): Promise<DiscoveryStart> {
  const end = c.next(isProgressEnd, timeoutMs);
  end.catch(() => undefined); // awaited below, unless initialize fails first
  const t0 = performance.now();
  await c.initialize(dir);
  const initializeMs = performance.now() - t0;
  const want = new Set(machines);
  let requests = 0;
  let topologyAt: number | undefined;
  let topologyCpuMs = NaN;
  let answerChars = 0;
  let listed = 0;
  let readAt: number | undefined;
  let readCpuMs = NaN;
  let namesFirst = false;
  while (readAt === undefined) {
    const left = timeoutMs - (performance.now() - t0);
    if (left <= 0) throw new Error(`homelab/topology listed ${listed} of ${want.size} machines after ${timeoutMs} ms`);
    const mark = c.notifications.length;
    const s = await c.requestStamped('homelab/topology', {}, left);
    requests++;
    if (s.message.error) throw new Error(`homelab/topology: ${s.message.error.message}`);
    const result = s.message.result as { homelabs?: { machines?: { name: string; reading?: true }[] }[] } | null;
    const wanted = (result?.homelabs ?? []).flatMap((h) => h.machines ?? []).filter((m) => want.has(m.name));
    listed = wanted.length;
    if (listed === want.size && topologyAt === undefined) {
      topologyAt = s.at;
      topologyCpuMs = cpuMs(c.pid);
      namesFirst = wanted.some((m) => m.reading);
    }
    if (listed === want.size && !wanted.some((m) => m.reading)) {
      readAt = s.at;
      readCpuMs = cpuMs(c.pid);
      answerChars = JSON.stringify(result).length;
      break;
    }
    // Not yet complete: the next answer after the server says the model changed.
    if (!c.notifications.slice(mark).some((n) => isTopologyChanged(n.message))) await c.next(isTopologyChanged, Math.max(1, timeoutMs - (performance.now() - t0)));
  }
  const done = await end;
  const published = c.notifications.filter((s) => isPublish(s.message) && s.at <= done.at).length;
  return {
    topologyMs: (topologyAt ?? readAt) - t0,
    readMs: readAt - t0,
    readCpuMs,
    namesFirst,
    endMs: done.at - t0,
    initializeMs,
    topologyCpuMs,
    cpuMs: cpuMs(c.pid),
    rssMb: peakRssMb(c.pid),
    requests,
    answerChars,
    published,
  };
}

export async function discoveryColdStart(dir: string, machines: string[], opts: Options): Promise<DiscoveryStart> {
  const c = ourServer(opts);
  try {
    return await discoveryStart(c, dir, machines);
  } finally {
    await c.stop();
  }
}

export interface CliRun {
  ms: number;
  /** The machine count the CLI reported (`homelab-check: N machines`). */
  machines: number;
}

/** Wall time of `node <cli> machines <dir>` (process start included), and the count it printed. */
export function cliMachines(cli: string, dir: string): CliRun {
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, 'machines', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`homelab-check machines exited ${r.status}: ${(r.stderr || r.stdout).split('\n')[0]}`);
  const m = /homelab-check: (\d+) machines/.exec(`${r.stdout}\n${r.stderr}`);
  return { ms, machines: m ? Number(m[1]) : NaN };
}
