// The fuzz driver: builds a reproducible plan of inputs from a seed (cheap
// mutations, the truncation sweep, the heavy inputs, the unmodified corpus as
// a baseline), runs it on `jobs` servers in parallel (a fresh server per batch,
// restarted after a crash or hang), saves every failing input for replay and
// returns the counts and timing figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus, type CorpusFile } from './corpus';
import { heavyInput, heavySpecs } from './heavy';
import { cheapInput, truncationInput, type FuzzInput } from './mutators';
import { Rng } from './rng';
import { FuzzServer, makeWorkspaceCopy, removeWorkspace, vmRssMb, type Problem, type Timing } from './session';

export interface FuzzOptions {
  seed: number;
  inputs: number;
  jobs: number;
  /** Inputs per server process before it is replaced by a fresh one. */
  batchSize: number;
  requestTimeoutMs: number;
  /** Run the heavy inputs (10 MB lines, 10,000-deep nesting, 100,000 attributes...). */
  heavy: boolean;
  /** Truncate the smallest Nix file and the inventory at every `truncateStride`-th position. */
  truncateStride: number;
  fullCheckEvery: number;
  failureDir: string;
  log: (line: string) => void;
  /** Only these plan indices (replay). */
  only?: number[];
}

export type PlanItem = { type: 'original'; file: number } | { type: 'cheap' } | { type: 'truncate'; file: number; at: number } | { type: 'heavy'; spec: number };

export interface Slowest {
  ms: number;
  method: string;
  kind: string;
  size: number;
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  crashes: number;
  errorResponses: number;
  timeouts: number;
  internalErrors: number;
  stderrOutputs: number;
  requests: number;
  serversStarted: number;
  slowest: Slowest[];
  /** Per method: count, mean and 99th percentile in ms. */
  perMethod: { method: string; count: number; meanMs: number; p99Ms: number }[];
  maxRssMb: number;
  /** Worst request time over the well-formed baseline of the same size (see normalise). */
  normalised: { worst: number; method: string; kind: string; size: number; ms: number; over10x: number; baselineFloorMs: number };
  failures: string[];
  elapsedMs: number;
  kinds: Map<string, number>;
}

/** The deterministic plan: which input comes at each index. */
export function makePlan(options: Pick<FuzzOptions, 'inputs' | 'heavy' | 'truncateStride'>, corpus: CorpusFile[]): PlanItem[] {
  const special: PlanItem[] = [];
  const nix = corpus.filter((f) => f.language === 'nix').sort((a, b) => a.text.length - b.text.length)[0];
  const yaml = corpus.find((f) => f.language === 'yaml');
  for (const f of [nix, yaml]) {
    if (!f) continue;
    const file = corpus.indexOf(f);
    for (let at = 0; at <= f.text.length; at += options.truncateStride) special.push({ type: 'truncate', file, at });
  }
  if (options.heavy) heavySpecs.forEach((_, spec) => special.push({ type: 'heavy', spec }));
  const plan: PlanItem[] = corpus.map((_, file) => ({ type: 'original', file }));
  const rest = Math.max(0, options.inputs - plan.length);
  const stride = special.length > 0 ? Math.max(1, Math.floor(rest / special.length)) : Infinity;
  let s = 0;
  for (let i = 0; i < rest; i++) {
    if (i % stride === Math.floor(stride / 2) && s < special.length) plan.push(special[s++]);
    else plan.push({ type: 'cheap' });
  }
  return plan;
}

export function inputFor(item: PlanItem, rng: Rng, corpus: CorpusFile[]): FuzzInput {
  switch (item.type) {
    case 'original': {
      const f = corpus[item.file];
      return { kind: `${f.language}:original`, rel: f.rel, language: f.language, text: f.text };
    }
    case 'truncate':
      return truncationInput(corpus[item.file], item.at);
    case 'heavy':
      return heavyInput(heavySpecs[item.spec]);
    case 'cheap':
      return cheapInput(rng, corpus);
  }
}

interface Record_ {
  kind: string;
  size: number;
  wellFormed: boolean;
  timings: Timing[];
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const corpus = loadCorpus();
  const plan = makePlan(options, corpus);
  const started = performance.now();
  const report: FuzzReport = {
    seed: options.seed,
    inputs: 0,
    crashes: 0,
    errorResponses: 0,
    timeouts: 0,
    internalErrors: 0,
    stderrOutputs: 0,
    requests: 0,
    serversStarted: 0,
    slowest: [],
    perMethod: [],
    maxRssMb: 0,
    normalised: { worst: 0, method: '', kind: '', size: 0, ms: 0, over10x: 0, baselineFloorMs: 0 },
    failures: [],
    elapsedMs: 0,
    kinds: new Map(),
  };
  const records: Record_[] = [];
  const root = new Rng(options.seed);
  const indices = options.only ?? plan.map((_, i) => i);
  let nextLog = 1_000;

  const worker = async (w: number): Promise<void> => {
    const mine = indices.filter((_, k) => k % options.jobs === w);
    const workspace = makeWorkspaceCopy();
    let server: FuzzServer | undefined;
    let inBatch = 0;
    try {
      for (const index of mine) {
        if (!server || inBatch >= options.batchSize) {
          if (server) {
            report.maxRssMb = Math.max(report.maxRssMb, vmRssMb(server.pid) ?? 0);
            await server.stop();
          }
          server = new FuzzServer(workspace, options.requestTimeoutMs, options.fullCheckEvery);
          await server.start();
          report.serversStarted++;
          inBatch = 0;
        }
        const rng = root.fork(index);
        const input = inputFor(plan[index], rng, corpus);
        const outcome = await server.feed(input, rng, index);
        inBatch++;
        report.inputs++;
        report.requests += outcome.timings.length;
        const family = input.kind.replace(/\+.*/, '');
        report.kinds.set(family, (report.kinds.get(family) ?? 0) + 1);
        const size = input.text?.length ?? input.bytes?.length ?? 0;
        records.push({ kind: input.kind, size, wellFormed: plan[index].type === 'original' || (input.heavy === true && input.kind.includes(':heavy:wf-')), timings: outcome.timings });
        if (input.heavy) report.maxRssMb = Math.max(report.maxRssMb, vmRssMb(server.pid) ?? 0);
        for (const p of outcome.problems) count(report, p);
        if (outcome.problems.length > 0) report.failures.push(saveFailure(options, index, input, outcome.problems));
        if (outcome.dead) {
          server.client.kill();
          server = undefined;
        }
        if (report.inputs >= nextLog) {
          nextLog += 1_000;
          options.log(`  … ${report.inputs} inputs, ${report.crashes} crashes, ${report.errorResponses} error responses, ${report.timeouts} timeouts, ${((performance.now() - started) / 1000).toFixed(0)} s`);
        }
      }
    } finally {
      if (server) {
        report.maxRssMb = Math.max(report.maxRssMb, vmRssMb(server.pid) ?? 0);
        await server.stop();
      }
      removeWorkspace(workspace);
    }
  };
  await Promise.all(Array.from({ length: options.jobs }, (_, w) => worker(w)));
  report.elapsedMs = performance.now() - started;
  summariseTimings(report, records);
  return report;
}

function count(report: FuzzReport, p: Problem): void {
  if (p.what === 'crash') report.crashes++;
  else if (p.what === 'error-response') report.errorResponses++;
  else if (p.what === 'timeout') report.timeouts++;
  else if (p.what === 'internal-error') report.internalErrors++;
  else report.stderrOutputs++;
}

function saveFailure(options: FuzzOptions, index: number, input: FuzzInput, problems: Problem[]): string {
  mkdirSync(options.failureDir, { recursive: true });
  const file = path.join(options.failureDir, `seed-${options.seed}-input-${index}.json`);
  const content = input.text ?? input.bytes?.toString('base64') ?? '';
  const saved = {
    replay: `node --import tsx test/fuzz/run.ts --seed ${options.seed} --inputs ${options.inputs} --truncate-stride ${options.truncateStride}${options.heavy ? '' : ' --no-heavy'} --only ${index}`,
    seed: options.seed,
    index,
    kind: input.kind,
    rel: input.rel,
    language: input.language,
    encoding: input.text !== undefined ? 'text' : 'base64-bytes-on-disk',
    problems: problems.map((p) => ({ ...p, params: p.params })),
    content: content.length <= 2_000_000 ? content : `(${content.length} characters: regenerate with the replay command)`,
  };
  writeFileSync(file, JSON.stringify(saved, null, 1));
  return file;
}

/**
 * Slowest requests, and each request's time over the time of well-formed input
 * of about the same size: baseline(size) = max(floor, a + b·size) fitted on the
 * well-formed inputs (the unmodified corpus and the generated large valid files).
 */
function summariseTimings(report: FuzzReport, records: Record_[]): void {
  const all: Slowest[] = [];
  for (const r of records) for (const t of r.timings) all.push({ ms: t.ms, method: t.method, kind: r.kind, size: r.size });
  all.sort((a, b) => b.ms - a.ms);
  report.slowest = all.slice(0, 5);
  const groups = new Map<string, number[]>();
  for (const s of all) {
    const list = groups.get(s.method) ?? [];
    list.push(s.ms);
    groups.set(s.method, list);
  }
  report.perMethod = [...groups].map(([method, ms]) => ({
    method,
    count: ms.length,
    meanMs: ms.reduce((a, b) => a + b, 0) / ms.length,
    p99Ms: ms[Math.floor(ms.length * 0.01)], // `all` is sorted slowest first
  }));
  const byMethod = new Map<string, { small: number; perChar: number }>();
  for (const r of records) {
    if (!r.wellFormed) continue;
    for (const t of r.timings) {
      const b = byMethod.get(t.method) ?? { small: 0, perChar: 0 };
      if (r.size < 20_000) b.small = Math.max(b.small, t.ms);
      else b.perChar = Math.max(b.perChar, t.ms / r.size);
      byMethod.set(t.method, b);
    }
  }
  const floor = 5;
  report.normalised.baselineFloorMs = floor;
  for (const s of all) {
    const b = byMethod.get(s.method) ?? { small: floor, perChar: 0 };
    const baseline = Math.max(floor, b.small) + b.perChar * s.size;
    const ratio = s.ms / baseline;
    if (ratio > 10) report.normalised.over10x++;
    if (ratio > report.normalised.worst) report.normalised = { ...report.normalised, worst: ratio, method: s.method, kind: s.kind, size: s.size, ms: s.ms };
  }
}

export function formatReport(r: FuzzReport): string {
  const lines = [
    `fuzz seed ${r.seed}: ${r.inputs} inputs tried, ${r.requests} requests answered, ${r.serversStarted} server processes, ${(r.elapsedMs / 1000).toFixed(1)} s`,
    `  crashes (server exit):        ${r.crashes}`,
    `  error responses:              ${r.errorResponses}`,
    `  timed-out requests (hangs):   ${r.timeouts}`,
    `  internal errors logged:       ${r.internalErrors}`,
    `  stderr outputs:               ${r.stderrOutputs}`,
    `  max server VmRSS:             ${r.maxRssMb.toFixed(0)} MB`,
    `  per request: ${r.perMethod.map((m) => `${m.method} ×${m.count} mean ${m.meanMs.toFixed(1)} ms p99 ${m.p99Ms.toFixed(1)} ms`).join('; ')}`,
    `  slowest requests:`,
    ...r.slowest.map((s) => `    ${s.ms.toFixed(1)} ms  ${s.method}  on ${s.kind} (${s.size} chars)`),
    `  size-normalised: worst ${r.normalised.worst.toFixed(1)}× the well-formed baseline (${r.normalised.ms.toFixed(1)} ms, ${r.normalised.method} on ${r.normalised.kind}, ${r.normalised.size} chars); ${r.normalised.over10x} requests over 10×`,
    `  input kinds: ${[...r.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`,
  ];
  if (r.failures.length > 0) lines.push(`  failing inputs saved (${r.failures.length}): ${r.failures.slice(0, 5).join(', ')}${r.failures.length > 5 ? ', …' : ''}`);
  return lines.join('\n');
}
