// Where the server's memory goes on the generated fleet: the session of
// bench/fleet.ts (a profile opened with a typo at start-up, then edits each
// followed by a completion) with the server's resident set sampled from /proc
// every 20 ms, its timeline printed (RSS at first diagnostics, at the peak, at
// the start-up's end, after the edits), and on request heap snapshots taken
// by signal after the start-up and after the edits (--snapshot=settle,end), to
// be grouped by bench/heapSummary.ts. --bundle= measures another build (an
// A/B run), --node= passes flags to the server's node (GC flags), --maps
// prints its memory mappings once settled, --gc-log its full collections
// (bench/gcLog.cjs: when V8 collected, what was live after, the RSS), --sites
// the functions whose allocations fill the old generation at the start-up's
// end, garbage and live apart (bench/oldSpaceSites.cjs).
//   node --import tsx bench/memory.ts [--n=10000] [--edits=50] [--snapshot=settle,end] [--snapshot-at=<ms>] [--bundle=<server.js>] [--node=--flag,...] [--timeline] [--peak-window] [--scavenges] [--maps] [--gc-log] [--sites [--sites-at=<ms>]]
import * as path from 'node:path';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileUri, Message, PublishParams, StdioLsp } from './lsp';
import { ourServer, position, useServerBundle } from './measure';
import { generateHomelab, repoRoot } from './generate';
import { cpuMs, peakRssMb, sleep, stat } from './stats';
import { TYPED_KEY } from './fleet';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const n = Number(arg('n') ?? 10000);
const editCount = Number(arg('edits') ?? 50);
const snapshots = new Set((arg('snapshot') ?? '').split(',').filter(Boolean));
const extraNode = (arg('node') ?? '').split(',').filter(Boolean);
const snapshotDir = path.join(repoRoot, 'bench', '.generated', 'snapshots');

const isPublish = (m: Message): boolean => m.method === 'textDocument/publishDiagnostics';
const pub = (m: Message): PublishParams => m.params as PublishParams;
const isProgressEnd = (m: Message): boolean =>
  m.method === '$/progress' && (m.params as { value?: { kind?: string } } | undefined)?.value?.kind === 'end';

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** Asks the server for a heap snapshot (--heapsnapshot-signal): written on its main thread, so done once a ping is answered. */
async function snapshot(c: StdioLsp, label: string): Promise<void> {
  const before = new Set(readdirSync(snapshotDir));
  process.kill(c.pid, 'SIGUSR2');
  await sleep(500);
  await c.ping(600_000);
  const fresh = readdirSync(snapshotDir).filter((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
  for (const f of fresh) console.log(`snapshot ${label}: ${path.join(snapshotDir, f)} (${(statSync(path.join(snapshotDir, f)).size / 2 ** 20).toFixed(0)} MB)`);
}

async function main(): Promise<void> {
  const bundle = arg('bundle');
  if (bundle) useServerBundle(path.resolve(bundle));
  const h = generateHomelab(n, path.join(repoRoot, 'bench', '.generated', `homelab-${n}`));
  const sitesOut = args.includes('--sites') ? path.join(repoRoot, 'bench', '.generated', `sites-${process.pid}.txt`) : undefined;
  const scavenges = args.includes('--scavenges');
  const gcLog = args.includes('--gc-log') || scavenges ? path.join(repoRoot, 'bench', '.generated', `gc-${process.pid}.log`) : undefined;
  const nodeArgs = [
    ...extraNode,
    ...(snapshots.size || arg('snapshot-at') ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : []),
    ...(gcLog ? [`--require=${path.join(repoRoot, 'bench', 'gcLog.cjs')}`] : []),
    ...(sitesOut ? ['--expose-gc', `--require=${path.join(repoRoot, 'bench', 'oldSpaceSites.cjs')}`] : []),
  ];
  if (snapshots.size || arg('snapshot-at')) {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(snapshotDir, { recursive: true });
  }
  const c = ourServer({ env: { ...process.env, ...(gcLog ? { HOMELAB_GC_LOG: gcLog } : {}), ...(scavenges ? { HOMELAB_GC_LOG_MINOR: '1' } : {}), ...(sitesOut ? { HOMELAB_SITES_OUT: sitesOut } : {}) }, nodeArgs });
  const samples: { t: number; mb: number }[] = [];
  let editsFrom = Infinity;
  const t0 = performance.now();
  const timer = setInterval(() => samples.push({ t: performance.now() - t0, mb: rssMb(c.pid) }), 20);
  const mark = (label: string): void => console.log(`${label.padEnd(22)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms  RSS ${rssMb(c.pid).toFixed(0)} MB, peak so far ${peakRssMb(c.pid)} MB, CPU ${cpuMs(c.pid)} ms`);
  try {
    const uri = fileUri(h.smallProfile);
    const text = readFileSync(h.smallProfile, 'utf8');
    const at = text.indexOf(`${TYPED_KEY} =`);
    const end = c.next(isProgressEnd, 600_000);
    const first = c.next((m) => isPublish(m) && pub(m).uri === uri && pub(m).diagnostics.length > 0, 600_000);
    await c.initialize(h.dir);
    const typo = text.slice(0, at + TYPED_KEY.length - 1) + 'Q' + text.slice(at + TYPED_KEY.length);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text: typo } });
    await first;
    mark('first diagnostics');
    const sitesAt = Number(arg('sites-at') ?? NaN);
    if (sitesOut && Number.isFinite(sitesAt)) {
      await sleep(Math.max(0, sitesAt - (performance.now() - t0)));
      process.kill(c.pid, 'SIGUSR2');
      await c.ping(600_000);
      mark(`sites counted from`);
    }
    const midAt = Number(arg('snapshot-at') ?? NaN);
    if (Number.isFinite(midAt)) {
      await sleep(Math.max(0, midAt - (performance.now() - t0)));
      await snapshot(c, `at ${midAt} ms`);
    }
    await end;
    mark('start-up end');
    if (sitesOut) {
      process.kill(c.pid, 'SIGUSR2');
      await sleep(500);
      await c.ping(600_000);
      console.log(readFileSync(sitesOut, 'utf8').trimEnd().split('\n').slice(-(Number(process.env.TOP ?? 40) + 1)).join('\n'));
      const { rmSync } = await import('node:fs');
      rmSync(sitesOut);
    }
    await sleep(600);
    await c.ping();
    mark('settled');
    editsFrom = performance.now() - t0;
    if (args.includes('--maps')) {
      const { execSync } = await import('node:child_process');
      console.log(execSync(`ls /proc/${c.pid}/task | wc -l; cat /proc/${c.pid}/smaps_rollup | head -12; awk '/^[0-9a-f]+-/{name=$6} /^Rss/{rss[name]+=$2} END{for(n in rss) if (rss[n]>4000) print rss[n]" kB", n}' /proc/${c.pid}/smaps | sort -rn | head`).toString());
    }
    if (snapshots.has('settle')) await snapshot(c, 'settle');
    const pos = position(text, at + TYPED_KEY.length - 1);
    const cursor = { line: pos.line, character: pos.character + 1 };
    const editMs: number[] = [];
    const completionMs: number[] = [];
    for (let i = 0; i < editCount; i++) {
      const v = i + 2;
      const char = i % 2 === 0 ? TYPED_KEY[TYPED_KEY.length - 1] : 'Q';
      const published = c.next((m) => isPublish(m) && pub(m).uri === uri && pub(m).version === v, 30_000);
      const t = performance.now();
      c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: pos, end: cursor }, text: char }] });
      const [p, a] = await Promise.all([published, c.requestStamped('textDocument/completion', { textDocument: { uri }, position: cursor }, 30_000)]);
      if (i >= 10) {
        editMs.push(p.at - t);
        completionMs.push(a.at - t);
      }
      await sleep(i % 5 === 4 ? 300 : 5);
    }
    await sleep(1500);
    await c.ping();
    mark(`after ${editCount} edits`);
    console.log(`edit p95 ${stat(editMs).p95} ms (median ${stat(editMs).median}), completion p95 ${stat(completionMs).p95} ms (median ${stat(completionMs).median}), first ${editCount > 10 ? 10 : 0} unmeasured`);
    if (snapshots.has('end')) await snapshot(c, 'end');
  } finally {
    clearInterval(timer);
    await c.stop();
  }
  // The timeline, one line per 250 ms: the highest RSS sampled in it.
  let peak = { t: 0, mb: 0 };
  for (const s of samples) if (s.mb > peak.mb) peak = s;
  console.log(`peak RSS sampled ${peak.mb.toFixed(0)} MB at ${peak.t.toFixed(0)} ms`);
  const buckets = new Map<number, number>();
  for (const s of samples) if (Number.isFinite(s.mb)) buckets.set(Math.floor(s.t / 250), Math.max(buckets.get(Math.floor(s.t / 250)) ?? 0, s.mb));
  if (gcLog) {
    const { existsSync, rmSync } = await import('node:fs');
    if (existsSync(gcLog) && scavenges) {
      // The scavenges while typing: how often one lands and how long it holds the main thread.
      const pauses = [...readFileSync(gcLog, 'utf8').matchAll(/^\s*([\d.]+) ms minor ([\d.]+) ms$/gm)].filter((m) => Number(m[1]) >= editsFrom).map((m) => Number(m[2]));
      const s = stat(pauses);
      console.log(`scavenges while typing: ${pauses.length}, pause median ${s.median} ms, p95 ${s.p95} ms, max ${Math.max(0, ...pauses).toFixed(1)} ms, total ${pauses.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
    }
    if (existsSync(gcLog) && args.includes('--gc-log')) {
      console.log(`full collections of the server (${path.relative(repoRoot, gcLog)}):\n${readFileSync(gcLog, 'utf8').trimEnd()}`);
    }
    if (existsSync(gcLog)) rmSync(gcLog);
  }
  if (args.includes('--peak-window')) {
    // Every sample within 400 ms of the peak, with what the server sent meanwhile: a spike's cause.
    const near = (t: number): boolean => Math.abs(t - peak.t) <= 400;
    const sent = c.notifications.filter((n) => near(n.at - t0));
    for (const s of samples.filter((x) => near(x.t))) {
      const msgs = sent.filter((n) => n.at - t0 <= s.t && n.at - t0 > s.t - 20).map((n) => n.message.method);
      console.log(`  ${s.t.toFixed(0).padStart(6)} ms ${s.mb.toFixed(0).padStart(5)} MB ${msgs.length ? `${msgs.length} messages: ${[...new Set(msgs)].join(', ')}` : ''}`);
    }
  }
  if (args.includes('--timeline')) for (const [b, mb] of buckets) console.log(`  ${(b * 250).toString().padStart(6)} ms ${mb.toFixed(0).padStart(5)} MB ${'#'.repeat(Math.round(mb / 20))}`);
}

void main();
