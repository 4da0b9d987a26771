// The whole check after the bench's keystroke, in process: a generated fleet
// (bench/generate.ts) is checked once, then the small profile's
// `defaultGateway` key is typed wrong and right again, back and forth, and
// after each edit the keystroke's own check and the whole check run as the
// server runs them. Prints, per edit, the CPU time of the whole check, the
// young- and old-generation collections during it, and what it re-ran
// (the engine's counts): the work behind the edit-latency tail of
// bench/fleet.ts, without a server, a client or the other helpers' timing
// noise in the counts.
//
// With --steps the whole check runs in the server's steps (checkAllSteps) and
// each edit prints its step count and its longest steps with what each
// recomputed: what a keystroke that lands in the check waits behind.
//
// Run: node --import tsx bench/afterEdit.ts [--n=1000] [--edits=20] [--counts] [--steps] [--cpu-prof-after=<edits>] [--alloc-prof-after=<edits>]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { generateHomelab, generatedRoot } from './generate';
import { nodeFsHost } from '../server/src/model/host';
import { Workspace } from '../server/src/model/workspace';
import { checkAll, checkAllSteps, checkDocumentQuick } from '../server/src/checks/run';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const n = Number(arg('n') ?? 1000);
const edits = Number(arg('edits') ?? 20);
const profileAfter = arg('cpu-prof-after');
const allocAfter = arg('alloc-prof-after');

const fleet = generateHomelab(n, path.join(generatedRoot, `after-edit-${n}`));
const ws = new Workspace(nodeFsHost());
ws.addFolder(pathToFileURL(fleet.dir).href);
const uri = pathToFileURL(fleet.smallProfile).href;
const text = readFileSync(fleet.smallProfile, 'utf8');
const KEY = 'defaultGateway';
const at = text.indexOf(`${KEY} =`);
if (at < 0) throw new Error(`no ${KEY} in ${fleet.smallProfile}`);
const typo = `${text.slice(0, at + KEY.length - 1)}Q${text.slice(at + KEY.length)}`;

let scavenges = 0;
let scavengeMs = 0;
let majors = 0;
let majorMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      scavenges++;
      scavengeMs += e.duration;
    } else {
      majors++;
      majorMs += e.duration;
    }
  }
}).observe({ entryTypes: ['gc'] });

const t0 = performance.now();
ws.setDocument(uri, typo, 1);
checkAll(ws);
console.log(`${n} machines: first whole check ${(performance.now() - t0).toFixed(0)} ms`);

const session = new Session();
session.connect();
const post = (method: string, params?: object): Promise<unknown> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));

const cpu: number[] = [];
/** Each step's start and end (µs, the profiler's clock) with its CPU time, while a profile is taken. */
const bounds: { from: number; to: number; ms: number }[] = [];
let profiling = false;

/** The whole check in the server's steps; the step count and the longest steps, each with what it recomputed. */
function stepwise(): string {
  const steps = checkAllSteps(ws);
  const timed: { ms: number; ran: string }[] = [];
  let before = ws.engine.recomputations();
  for (;;) {
    // CPU time, not wall-clock: other processes on a shared machine do not lengthen a step.
    const t = process.cpuUsage();
    const from = Number(process.hrtime.bigint() / 1000n);
    const step = steps.next();
    const used = process.cpuUsage(t);
    const ms = (used.user + used.system) / 1000;
    if (profiling) bounds.push({ from, to: Number(process.hrtime.bigint() / 1000n), ms });
    const now = ws.engine.recomputations();
    const ran = Object.keys(now)
      .filter((k) => now[k] !== (before[k] ?? 0))
      .map((k) => `${k}×${now[k] - (before[k] ?? 0)}`)
      .join(' ');
    before = now;
    timed.push({ ms, ran });
    if (step.done) break;
  }
  const top = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 8);
  const over = timed.filter((t) => t.ms > 1).length;
  return `  ${timed.length} steps, ${over} over 1 ms CPU, longest: ${top.map((s) => `${s.ms.toFixed(1)} ms [${s.ran || '-'}]`).join('; ')}`;
}
async function main(): Promise<void> {
  for (let i = 0; i < edits; i++) {
    if (profileAfter !== undefined && i === Number(profileAfter)) {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 100 });
      await post('Profiler.start');
      profiling = true;
    }
    if (allocAfter !== undefined && i === Number(allocAfter)) {
      // Every object sampled, collected or not: what an edit's check allocates, where the young generation's collections come from.
      await post('HeapProfiler.enable');
      await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    const version = i + 2;
    const next = i % 2 === 0 ? text : typo;
    ws.setDocument(uri, next, version);
    checkDocumentQuick(ws, uri, [{ start: at + KEY.length - 1, oldEnd: at + KEY.length, newEnd: at + KEY.length }]);
    ws.engine.resetCounts();
    scavenges = scavengeMs = majors = majorMs = 0;
    // Let the observer's entries of the edit itself through before counting the check's.
    await new Promise((r) => setImmediate(r));
    scavenges = scavengeMs = majors = majorMs = 0;
    const c0 = process.cpuUsage();
    const longest = args.includes('--steps') ? stepwise() : void checkAll(ws);
    const c = process.cpuUsage(c0);
    await new Promise((r) => setImmediate(r));
    const ms = (c.user + c.system) / 1000;
    cpu.push(ms);
    const counts = ws.engine.recomputations();
    const ran = Object.keys(counts).filter((k) => k.startsWith('rule ')).length;
    console.log(
      `edit ${i}: check ${ms.toFixed(1)} ms CPU, ${scavenges} scavenges ${scavengeMs.toFixed(1)} ms, ${majors} major ${majorMs.toFixed(1)} ms, ${ran} rules` +
        (args.includes('--counts') ? ` ${JSON.stringify(counts)}` : ''),
    );
    if (longest) console.log(longest);
  }
  if (allocAfter !== undefined) {
    const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: { head: AllocNode } };
    console.log(allocationsOf(profile.head, edits - Number(allocAfter)));
  }
  if (profileAfter !== undefined) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    const out = path.join(generatedRoot, `after-edit-${n}.cpuprofile`);
    writeFileSync(out, JSON.stringify(profile));
    console.log(`profile: ${out}`);
    if (bounds.length) console.log(longStepsOf(profile as CpuProfile));
  }
  const sorted = [...cpu].slice(2).sort((a, b) => a - b);
  console.log(
    `check CPU after the first two edits: min ${sorted[0].toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
  );
}
void main();

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The longest steps taken while profiling, each with the functions its samples were in (the innermost of our own code, and the innermost). */
function longStepsOf(profile: CpuProfile): string {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
  };
  const ours = (id: number): string => {
    const frames: string[] = [];
    for (let at: number | undefined = id; at !== undefined && frames.length < 4; at = parent.get(at)) {
      if (!byId.get(at)!.callFrame.url.includes('/bench/afterEdit.ts')) frames.push(name(at));
    }
    return frames.join(' < ') || name(id);
  };
  const top = [...bounds].sort((a, b) => b.ms - a.ms).slice(0, Number(arg('show-steps') ?? 6));
  const lines: string[] = [];
  let t = profile.startTime;
  const stamps = profile.timeDeltas.map((d) => (t += d));
  for (const b of top) {
    const counts = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      if (stamps[i] < b.from || stamps[i] > b.to) return;
      const key = ours(id);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    const sorted = [...counts].sort((x, y) => y[1] - x[1]).slice(0, 5);
    lines.push(`step ${b.ms.toFixed(1)} ms CPU:\n${sorted.map(([k, c]) => `    ${c} ${k}`).join('\n')}`);
  }
  return lines.join('\n');
}

interface AllocNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocNode[];
}

/** The functions that allocated most per edit (self, and with what they called), from a sampling heap profile. */
function allocationsOf(head: AllocNode, editCount: number): string {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const name = (n: AllocNode): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  // A builtin (Map.set, an iterator's next) is named with its caller: where the allocation is.
  const walk = (n: AllocNode, path: Set<string>, caller = ''): number => {
    const k = n.callFrame.url ? name(n) : `${name(n)} < ${caller}`;
    let total = n.selfSize;
    self.set(k, (self.get(k) ?? 0) + n.selfSize);
    const inner = new Set(path).add(k);
    for (const c of n.children) total += walk(c, inner, k);
    if (!path.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + total);
    return total;
  };
  const all = walk(head, new Set());
  const mb = (b: number): string => (b / editCount / 2 ** 20).toFixed(2).padStart(7);
  const top = (m: Map<string, number>): string => [...m].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, b]) => `  ${mb(b)} MB  ${k}`).join('\n');
  return `allocated per edit ${mb(all)} MB (sampled); by function, self:\n${top(self)}\nwith callees:\n${top(inclusive)}`;
}
