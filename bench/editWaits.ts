// What a keystroke waits for: the typing session of bench/fleet.ts (a
// generated fleet, the small profile's `defaultGateway` typed wrong and
// right, each edit followed by a completion, the same pauses), with, per
// edit, where the server's time went between the didChange and its
// diagnostics. From /proc/<pid>/task/<tid>/schedstat: how long the main
// thread ran and how long it was runnable but waiting for a core, and how
// long the server's other threads (V8's background compilation and garbage
// collection, workers) ran meanwhile; from bench/gcLog.cjs, the collections
// in that window. Prints p50/p95, the slowest edits with that breakdown, and
// the threads' CPU over the session: the tool that found V8's background
// threads taking cores from the main thread (serverNodeFlags.ts). Linux only.
//
// Run: node --import tsx bench/editWaits.ts [--n=1000] [--edits=60] [--node=--flag,...] [--slowest=10]
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateHomelab, generatedRoot, repoRoot } from './generate';
import { TYPED_KEY, TYPING_PAUSES_MS } from './fleet';
import { fileUri, type Message, type PublishParams } from './lsp';
import { ourServer, position } from './measure';
import { sleep, stat } from './stats';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const n = Number(arg('n') ?? 1000);
const editCount = Number(arg('edits') ?? 60);
const slowest = Number(arg('slowest') ?? 10);
const extraNode = (arg('node') ?? '').split(',').filter(Boolean);
const WARMUP = 10;

const isPublish = (m: Message): boolean => m.method === 'textDocument/publishDiagnostics';
const pub = (m: Message): PublishParams => m.params as PublishParams;
const isProgressEnd = (m: Message): boolean =>
  m.method === '$/progress' && (m.params as { value?: { kind?: string } } | undefined)?.value?.kind === 'end';

/** A thread's time on a core and waiting for one, in ms (schedstat's first two fields, in ns). */
function schedstat(pid: number, tid: number): { run: number; wait: number } {
  const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
  return { run: run / 1e6, wait: wait / 1e6 };
}

/** The server's threads other than the main one, summed. */
function background(pid: number): { run: number; wait: number } {
  const sum = { run: 0, wait: 0 };
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    if (Number(task) === pid) continue;
    try {
      const s = schedstat(pid, Number(task));
      sum.run += s.run;
      sum.wait += s.wait;
    } catch {
      // a thread that ended while we looked
    }
  }
  return sum;
}

interface Edit {
  index: number;
  /** Epoch ms when the didChange was sent. */
  at: number;
  ms: number;
  mainRun: number;
  mainWait: number;
  backgroundRun: number;
}

interface Collection {
  /** Epoch ms. */
  at: number;
  kind: string;
  ms: number;
}

/** bench/gcLog.cjs's lines as collections on the epoch clock (a full one is logged when it ended). */
function collections(log: string): Collection[] {
  const origin = Number(/^origin ([\d.]+)$/m.exec(log)?.[1] ?? NaN);
  const out: Collection[] = [];
  for (const m of log.matchAll(/^\s*([\d.]+) ms (minor|full|incr) ([\d.]+) ms/gm)) {
    const ms = Number(m[3]);
    out.push({ at: origin + Number(m[1]) - (m[2] === 'minor' ? 0 : ms), kind: m[2], ms });
  }
  return out;
}

async function main(): Promise<void> {
  if (process.platform !== 'linux') throw new Error('bench/editWaits.ts reads /proc: Linux only');
  const fleet = generateHomelab(n, path.join(generatedRoot, `homelab-${n}`));
  const gcLog = path.join(mkdtempSync(path.join(tmpdir(), 'homelab-edit-waits-')), 'gc.log');
  const c = ourServer({
    env: { ...process.env, HOMELAB_GC_LOG: gcLog, HOMELAB_GC_LOG_MINOR: '1' },
    nodeArgs: [`--require=${path.join(repoRoot, 'bench', 'gcLog.cjs')}`, ...extraNode],
  });
  const edits: Edit[] = [];
  let threadsBefore = new Map<number, number>();
  let threadsAfter = new Map<number, number>();
  const threadRun = (): Map<number, number> =>
    new Map(readdirSync(`/proc/${c.pid}/task`).map((t) => [Number(t), (() => { try { return schedstat(c.pid, Number(t)).run; } catch { return 0; } })()]));
  try {
    const uri = fileUri(fleet.smallProfile);
    const text = readFileSync(fleet.smallProfile, 'utf8');
    const at = text.indexOf(`${TYPED_KEY} =`);
    if (at < 0) throw new Error(`\`${TYPED_KEY} =\` not found in ${fleet.smallProfile}`);
    const settled = c.next(isProgressEnd, 600_000);
    await c.initialize(fleet.dir);
    let version = 1;
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version, text } });
    await settled;
    await sleep(600);
    await c.ping();
    const pos = position(text, at + TYPED_KEY.length - 1);
    const cursor = { line: pos.line, character: pos.character + 1 };
    threadsBefore = threadRun();
    for (let i = 0; i < WARMUP + editCount; i++) {
      const v = ++version;
      const char = i % 2 === 0 ? 'Q' : TYPED_KEY[TYPED_KEY.length - 1];
      const published = c.next((m) => isPublish(m) && pub(m).uri === uri && pub(m).version === v, 30_000);
      const main0 = schedstat(c.pid, c.pid);
      const background0 = background(c.pid);
      const t = performance.now();
      c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: pos, end: cursor }, text: char }] });
      const answer = c.requestStamped('textDocument/completion', { textDocument: { uri }, position: cursor }, 30_000);
      const p = await published;
      const main1 = schedstat(c.pid, c.pid);
      const background1 = background(c.pid);
      await answer;
      if (i >= WARMUP)
        edits.push({
          index: i,
          at: performance.timeOrigin + t,
          ms: p.at - t,
          mainRun: main1.run - main0.run,
          mainWait: main1.wait - main0.wait,
          backgroundRun: background1.run - background0.run,
        });
      await sleep(TYPING_PAUSES_MS[i % TYPING_PAUSES_MS.length]);
    }
    threadsAfter = threadRun();
  } finally {
    await c.stop();
  }
  const gcs = collections(readFileSync(gcLog, 'utf8'));
  const s = stat(edits.map((e) => e.ms));
  const sum = (f: (e: Edit) => number): number => edits.reduce((a, e) => a + f(e), 0);
  console.log(`${n} machines, ${edits.length} edits: didChange → diagnostics p50 ${s.median} ms, p95 ${s.p95} ms, max ${s.max} ms`);
  console.log(`  over all edits: main thread ran ${sum((e) => e.mainRun).toFixed(0)} ms and waited for a core ${sum((e) => e.mainWait).toFixed(0)} ms; the other threads ran ${sum((e) => e.backgroundRun).toFixed(0)} ms`);
  console.log(`slowest ${slowest} (position in the pause cycle; ms):`);
  for (const e of [...edits].sort((a, b) => b.ms - a.ms).slice(0, slowest)) {
    const during = gcs.filter((g) => g.at + g.ms >= e.at && g.at <= e.at + e.ms);
    const gc = during.map((g) => `${g.kind} ${g.ms.toFixed(1)}`).join(', ') || 'none';
    console.log(`  edit ${e.index} (after a ${TYPING_PAUSES_MS[(e.index + TYPING_PAUSES_MS.length - 1) % TYPING_PAUSES_MS.length]} ms pause): ${e.ms.toFixed(1)}; main ran ${e.mainRun.toFixed(1)}, waited ${e.mainWait.toFixed(1)}; others ran ${e.backgroundRun.toFixed(1)}; collections: ${gc}`);
  }
  console.log('CPU of each thread while typing (ms):');
  for (const [tid, run] of threadsAfter) {
    const ms = run - (threadsBefore.get(tid) ?? 0);
    if (ms >= 1) console.log(`  ${tid === c.pid ? 'main' : `thread ${tid}`}: ${ms.toFixed(0)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
