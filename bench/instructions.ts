// Instruction counts of the bench's model work, this worktree against another
// commit's: wall time on a shared 2-core VM drifts 10–40% from one minute to
// the next, the number of instructions a deterministic workload executes
// barely moves (well under 1% between runs), so a few percent between two
// commits is real. Needs valgrind (callgrind); `perf stat` has no counters on
// this VM.
//
//   git worktree add /tmp/base <commit> --detach && ln -s $PWD/node_modules /tmp/base/
//   node --import tsx bench/instructions.ts --base=/tmp/base[,/tmp/base2…] [--runs=2] [--jobs=2]
//        [--only=edit,cold,flake-parts,options,lib,hm] [--machines=1000] [--edits=12]
//        [--work-only] [--node-flags='--single-threaded --predictable-gc-schedule'] [--out=<dir; default bench/.generated/instructions>]
//
// Each worktree's server sources are bundled with bench/instructionWorkloads.ts
// (esbuild, minified, as the server ships) and every workload runs as its own
// `valgrind --tool=callgrind node bundle.js …` process. Only the measured
// sections are counted (--collect-atstart=no and --toggle-collect on the V8
// functions that call the section's callback, see instructionWorkloads.ts):
// loading the bundle and a workload's setup are not. Node runs with
// --single-threaded --predictable-gc-schedule by default: V8's background
// compiler and concurrent GC then run on the main thread inside the section
// and are counted, and when the GC runs does not depend on wall time (V8
// grows the heap by the allocation rate it measures in time otherwise), so a
// count repeats to ~0.1%. Without them two runs of one commit differed by
// 3% (a first whole check) to 18% (a keystroke, which one GC more or less
// swings).
// The workloads (same inputs for both, written by this worktree's generators
// into --out; --machines sets the fleets' size):
//   - edit: the edit-large figure's model work: a fleet's first whole check and
//     the monitoring profile (padded toward edit-large's 5,000 lines as far as
//     the fleet's URLs allow: 5,000 at 1,000 machines, 1,436 at 200, 386 at 50)
//     opened (not counted), then --edits one-character
//     edits: per keystroke, its document check (what the diagnostics wait for)
//     and the whole check the server runs a moment later;
//   - cold: a profiles fleet's first whole check (discovery's progress end);
//   - flake-parts: the first whole check of the generated flake-parts fleet
//     (machines declared in imported modules);
//   - options: the option index build of the generated 20,000-option tree
//     (scan on this thread, assemble, index, cache text; listing not counted);
//   - lib: the same for nixpkgs' lib/ (HOMELAB_BENCH_NIXPKGS_LIB, else
//     /work/trees/nixpkgs.lib when present);
//   - hm: the same for Home Manager's modules/ (HOMELAB_BENCH_HM, else
//     /work/trees/home-manager when present).
// Under valgrind node runs ~30-50× slower: at --machines=200 one workload
// takes 1-5 minutes per worktree (hm 5-10). Asserts nothing; prints a table.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { generatedRoot, generateHomelab, LARGE_PROFILE_LINES, repoRoot } from './generate';
import { generateOptionTree } from './options';
import { generateFlakeParts } from './generateFlakeParts';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(arg('runs') ?? 2);
const jobs = Number(arg('jobs') ?? 2);
const edits = Number(arg('edits') ?? 12);
const machines = Number(arg('machines') ?? 1000);
const workOnly = args.includes('--work-only');
const only = arg('only')?.split(',');
const nodeFlags = (arg('node-flags') ?? '--single-threaded --predictable-gc-schedule').split(' ').filter(Boolean);
const wants = (w: string): boolean => !only || only.includes(w);

const out = path.resolve(arg('out') ?? path.join(generatedRoot, 'instructions'));
const EDIT_KEY = 'prometheusRetention';

interface Build {
  label: string;
  bundle: string;
}

function bundle(worktree: string, label: string): Build {
  const file = path.join(out, `${label.replace(/\s+/g, '-')}.js`);
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

/** The C++ functions that call back each measured section (bench/instructionWorkloads.ts). */
const SECTIONS = {
  A: 'v8::internal::JsonParseInternalizer::Internalize(',
  B: 'v8::internal::JsonStringifier::ApplyReplacerFunction(',
};

/**
 * With --work-only, V8's optimizing compiles and its GC are left out of the
 * sections (entering one toggles collection off): in a short run the tiering
 * up falls where the call counts cross a threshold, so a few keystrokes can
 * carry a compile the whole check made due. Outside the sections these
 * toggle collection on, so the sections no longer add up to the total.
 */
const NOT_WORK = ['v8::internal::Compiler::CompileOptimized', 'v8::internal::Compiler::Compile(', 'v8::internal::Heap::CollectGarbage('];

interface Counts {
  A: number;
  B: number;
}

let runId = 0;

/** One workload under callgrind, collecting only inside its sections: each section's instructions (inclusive). */
function count(b: Build, workload: string[]): Promise<Counts> {
  const file = path.join(out, `callgrind.${process.pid}.${runId++}.out`);
  const toggles = [...Object.values(SECTIONS), ...(workOnly ? NOT_WORK : [])].map((f) => `--toggle-collect=${f}*`);
  return new Promise((resolve, reject) => {
    const p = spawn('valgrind', ['--tool=callgrind', `--callgrind-out-file=${file}`, '--collect-atstart=no', ...toggles, process.execPath, ...nodeFlags, b.bundle, ...workload], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => {
      const total = /Collected : (\d+)/.exec(stderr);
      if (code !== 0 || !total) return reject(new Error(`${b.label} ${workload.join(' ')}: exit ${code}\n${stdout}\n${stderr.slice(-2000)}`));
      try {
        const annotated = execFileSync('callgrind_annotate', ['--inclusive=yes', '--threshold=100', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
        const inclusive = (fn: string): number => {
          const line = annotated.split('\n').find((l) => l.includes(fn));
          return line ? Number(line.trim().split(/\s+/)[0].replace(/,/g, '')) : 0;
        };
        const counts = { A: inclusive(SECTIONS.A), B: inclusive(SECTIONS.B) };
        // The sections are all that was collected: anything else means the toggles did not hold.
        const off = Math.abs(counts.A + counts.B - Number(total[1]));
        if (!workOnly && off > Number(total[1]) * 0.001) return reject(new Error(`${b.label} ${workload.join(' ')}: sections ${counts.A} + ${counts.B} but ${total[1]} collected`));
        resolve(counts);
      } catch (e) {
        reject(e);
      } finally {
        rmSync(file, { force: true });
      }
    });
  });
}

interface Job {
  build: Build;
  workload: Workload;
}

/** A workload and the figures its sections give (a section without a name is not reported). */
interface Workload {
  args: string[];
  /** Figure names of sections A and B, and what each is divided by (per keystroke). */
  sections: Partial<Record<keyof Counts, string>>;
  per?: number;
}

async function runAll(list: Job[]): Promise<Map<string, number[]>> {
  const results = new Map<string, number[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < list.length) {
      const j = list[next++];
      const counts = await count(j.build, j.workload.args);
      for (const [section, name] of Object.entries(j.workload.sections) as [keyof Counts, string][]) {
        const key = `${j.build.label} ${name}`;
        const ir = counts[section] / (j.workload.per ?? 1);
        results.set(key, [...(results.get(key) ?? []), ir]);
        console.log(`  ${key}: ${(ir / 1e6).toFixed(1)} M`);
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return results;
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  // Each worktree labelled by its HEAD commit (several bases: `--base=/a,/b`).
  const commitOf = (dir: string): string => execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const bases = arg('base')?.split(',').filter(Boolean).map((b) => path.resolve(b)) ?? [];
  const builds = [bundle(repoRoot, `head ${commitOf(repoRoot)}`), ...bases.map((b) => bundle(b, commitOf(b)))];
  const tree = (env: string, fallback: string): string | undefined => process.env[env] ?? (existsSync(fallback) ? fallback : undefined);
  const hm = tree('HOMELAB_BENCH_HM', '/work/trees/home-manager');
  const lib = tree('HOMELAB_BENCH_NIXPKGS_LIB', '/work/trees/nixpkgs.lib');
  const n = machines.toLocaleString('en');
  const workloads: Workload[] = [];
  if (wants('edit')) {
    const fleet = generateHomelab(machines, path.join(out, `fleet-${machines}`), { monitoringLines: LARGE_PROFILE_LINES });
    workloads.push({
      args: ['edit', fleet.dir, fleet.monitoringProfile, EDIT_KEY, String(edits)],
      sections: { A: `edit-large ${n}: keystroke (document check)`, B: `edit-large ${n}: whole check after it` },
      per: edits,
    });
  }
  if (wants('flake-parts')) {
    const parts = generateFlakeParts(machines, path.join(out, `flake-parts-${machines}`));
    workloads.push({ args: ['check', parts.dir], sections: { A: `flake-parts ${n}: first whole check` } });
  }
  if (wants('cold')) {
    const fleet = generateHomelab(machines, path.join(out, `cold-${machines}`));
    workloads.push({ args: ['check', fleet.dir], sections: { A: `profiles ${n}: first whole check` } });
  }
  if (wants('options')) workloads.push({ args: ['options', generateOptionTree(path.join(out, 'options-20k')).dir], sections: { A: 'options-20k: index build' } });
  if (wants('lib') && lib) workloads.push({ args: ['options', path.join(lib, 'lib')], sections: { A: 'nixpkgs lib/: index build' } });
  if (wants('hm') && hm) workloads.push({ args: ['options', path.join(hm, 'modules')], sections: { A: 'Home Manager modules/: index build' } });
  const list: Job[] = [];
  for (let r = 0; r < runs; r++) for (const w of workloads) for (const b of builds) list.push({ build: b, workload: w });
  console.log(`${list.length} valgrind runs (${builds.map((b) => b.label).join(', ')}; ${runs} each; node ${nodeFlags.join(' ') || 'without flags'}${workOnly ? '; optimizing compiles and GC left out' : ''})`);
  const results = await runAll(list);

  const mean = (xs: number[] | undefined): number => (xs?.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const mi = (x: number): string => (x / 1e6).toFixed(1);
  const others = builds.slice(1);
  console.log(`\n| workload (M instructions${wants('edit') ? `; edits per keystroke, mean of ${edits}` : ''}) | ${builds.map((b) => b.label).join(' | ')} |${others.map((b) => ` head / ${b.label} |`).join('')}`);
  console.log(`|---|${builds.map(() => '---|').join('')}${others.map(() => '---|').join('')}`);
  for (const name of workloads.flatMap((w) => Object.values(w.sections))) {
    const per = builds.map((b) => results.get(`${b.label} ${name}`) ?? []);
    const ratios = per.slice(1).map((xs) => ` ${(mean(per[0]) / mean(xs)).toFixed(3)} |`).join('');
    console.log(`| ${name} | ${per.map((xs) => xs.map(mi).join(' / ')).join(' | ')} |${ratios}`);
  }
}

void main();
