// Instruction counts of the bench's model work, this worktree against another
// commit's: wall time on a shared 2-core VM drifts 10–40% from one minute to
// the next, the number of instructions a deterministic workload executes
// barely moves (well under 1% between runs), so a few percent between two
// commits is real. Needs valgrind (callgrind); `perf stat` has no counters on
// this VM.
//
//   git worktree add /tmp/base <commit> --detach && ln -s $PWD/node_modules /tmp/base/
//   node --import tsx bench/instructions.ts --base=/tmp/base [--runs=2] [--jobs=2]
//        [--only=noop,edit,options,hm] [--edits=4] [--node-flags=--single-threaded]
//
// Each worktree's server sources are bundled with bench/instructionWorkloads.ts
// (esbuild, minified, as the server ships) and every workload runs as its own
// `valgrind --tool=callgrind node bundle.js …` process; the figure is callgrind's
// "Collected" total (instructions executed in user space, V8's JIT code and
// its compiler and GC included). The workloads (same inputs for both, written
// by this worktree's generators into bench/.generated/instructions):
//   - noop: loading the bundle (subtracted nowhere, printed for scale);
//   - edit: the edit-large figure's model work at 1,000 machines: "setup" (first
//     whole check, profile opened), "+ quick ×K" (K keystrokes, each the
//     document check sent at once; setup subtracted) and "+ full ×K" (the
//     same with the whole check after each keystroke; the quick run subtracted);
//   - options: the option index build of the generated 20,000-option tree,
//     scanned on this thread, cache written;
//   - hm: the same for Home Manager's modules/ (HOMELAB_BENCH_HM, else
//     /work/trees/home-manager when present).
// Under valgrind node runs ~40× slower: a whole default run is ~15 min per
// worktree and run on this machine. Asserts nothing; prints a table.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { generatedRoot, generateHomelab, repoRoot } from './generate';
import { generateOptionTree } from './options';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(arg('runs') ?? 2);
const jobs = Number(arg('jobs') ?? 2);
const edits = Number(arg('edits') ?? 4);
const only = arg('only')?.split(',');
const nodeFlags = arg('node-flags')?.split(' ').filter(Boolean) ?? [];
const wants = (w: string): boolean => !only || only.includes(w);

const out = path.join(generatedRoot, 'instructions');
const EDIT_KEY = 'prometheusRetention';

interface Build {
  label: string;
  bundle: string;
}

function bundle(worktree: string, label: string): Build {
  const file = path.join(out, `${label}.js`);
  buildSync({
    stdin: { contents: readFileSync(path.join(repoRoot, 'bench', 'instructionWorkloads.ts'), 'utf8'), resolveDir: path.join(worktree, 'bench'), loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    outfile: file,
    logLevel: 'error',
  });
  return { label, bundle: file };
}

/** One workload under callgrind: its "Collected" instruction count. */
function count(b: Build, workload: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...nodeFlags, b.bundle, ...workload], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => {
      const m = /Collected : (\d+)/.exec(stderr);
      if (code !== 0 || !m) reject(new Error(`${b.label} ${workload.join(' ')}: exit ${code}\n${stdout}\n${stderr.slice(-2000)}`));
      else resolve(Number(m[1]));
    });
  });
}

interface Job {
  build: Build;
  name: string;
  workload: string[];
}

async function runAll(list: Job[]): Promise<Map<string, number[]>> {
  const results = new Map<string, number[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < list.length) {
      const j = list[next++];
      const ir = await count(j.build, j.workload);
      const key = `${j.build.label} ${j.name}`;
      results.set(key, [...(results.get(key) ?? []), ir]);
      console.log(`  ${key}: ${(ir / 1e6).toFixed(1)} M`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return results;
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const base = arg('base');
  const builds = [bundle(repoRoot, 'head'), ...(base ? [bundle(path.resolve(base), 'base')] : [])];
  const fleet = generateHomelab(1000, path.join(out, 'fleet-1000'));
  const tree = wants('options') ? generateOptionTree(path.join(out, 'options-20k')).dir : '';
  const hm = process.env.HOMELAB_BENCH_HM ?? (existsSync('/work/trees/home-manager') ? '/work/trees/home-manager' : undefined);
  const workloads: { name: string; workload: (b: Build) => string[] }[] = [];
  if (wants('noop')) workloads.push({ name: 'noop', workload: () => ['noop'] });
  if (wants('edit')) {
    const edit = (k: number, mode: string) => (): string[] => ['edit', fleet.dir, fleet.monitoringProfile, EDIT_KEY, String(k), mode];
    workloads.push({ name: 'edit setup', workload: edit(0, 'quick') }, { name: `edit quick ×${edits}`, workload: edit(edits, 'quick') }, { name: `edit full ×${edits}`, workload: edit(edits, 'full') });
  }
  if (wants('options')) workloads.push({ name: 'options-20k', workload: (b) => ['options', tree, path.join(out, `cache-${b.label}`)] });
  if (wants('hm') && hm) workloads.push({ name: 'options-hm', workload: (b) => ['options', path.join(hm, 'modules'), path.join(out, `cache-hm-${b.label}`)] });
  const list: Job[] = [];
  for (let r = 0; r < runs; r++) for (const w of workloads) for (const b of builds) list.push({ build: b, name: w.name, workload: w.workload(b) });
  console.log(`${list.length} valgrind runs (${builds.map((b) => b.label).join(', ')}; ${runs} each; node ${nodeFlags.join(' ') || 'without flags'})`);
  const results = await runAll(list);

  const mean = (xs: number[] | undefined): number => (xs?.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const rows: [string, ...number[][]][] = workloads.map((w) => [w.name, ...builds.map((b) => results.get(`${b.label} ${w.name}`) ?? [])]);
  // The derived rows: a phase alone, as the difference of two workloads' means.
  const derived = (name: string, of: string, minus: string): void => {
    const get = (n: string): number[][] => rows.find((r) => r[0] === n)?.slice(1) as number[][];
    if (!get(of) || !get(minus)) return;
    rows.push([name, ...builds.map((_, i) => [(mean(get(of)[i]) - mean(get(minus)[i])) / edits])]);
  };
  derived('  per keystroke, quick check', `edit quick ×${edits}`, 'edit setup');
  derived('  per keystroke, whole check', `edit full ×${edits}`, `edit quick ×${edits}`);
  const mi = (x: number): string => (x / 1e6).toFixed(1);
  console.log(`\n| workload | ${builds.map((b) => `${b.label} (M instructions)`).join(' | ')}${builds.length > 1 ? ' | head / base |' : ''}`);
  console.log(`|---|${builds.map(() => '---|').join('')}${builds.length > 1 ? '---|' : ''}`);
  for (const [name, ...per] of rows) {
    const cells = per.map((xs) => xs.map(mi).join(' / '));
    const ratio = builds.length > 1 ? ` | ${(mean(per[0]) / mean(per[1])).toFixed(3)}` : '';
    console.log(`| ${name} | ${cells.join(' | ')}${ratio} |`);
  }
}

void main();
