// Benchmark (not a test) of the Nix parser: throughput in MB/s on a large
// generated profile-like file and on the test corpus (median and p95 over
// repeats after warm-up), beside `nix-instantiate --parse` on the same input,
// plus a 10x-input check for linearity. Prints a table and a JSON line.
// Run: node --import tsx bench/nix-parse.ts
//
// The parser measured is the shipped one: bundled by esbuild as dist/server.js
// is (under tsx every cross-module import is a getter call, which alone halves
// the lexer's speed).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import type { parseNix as ParseNix } from '../server/src/syntax/nix';

const REPEATS = 9;
const WARMUP = 5;

const bundleDir = mkdtempSync(join(tmpdir(), 'nix-bench-bundle-'));
buildSync({ entryPoints: [resolve(__dirname, '../server/src/syntax/nix/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: join(bundleDir, 'nix.cjs'), logLevel: 'warning' });
const { parseNix } = createRequire(__filename)(join(bundleDir, 'nix.cjs')) as { parseNix: typeof ParseNix };

function profileBlock(i: number): string {
  return `  container${i} = base.systemSettings // {
    # Container ${i}: a feature flag and its settings
    hostname = "lxc-${i}";
    ipAddress = "192.168.${i % 250}.${(i * 7) % 250}";
    nameServers = [ "192.168.8.1" "1.1.1.1" ];
    allowedTCPPorts = [ 22 443 ${3000 + (i % 1000)} 9090 ];
    grafanaEnable = ${i % 2 === 0 ? 'true' : 'false'};
    autoSystemUpdateOnCalendar = "Sat *-*-* 07:\${toString ${i % 60}}:00";
    prometheusRemoteTargets = [
      { name = "lxc_${i}"; host = "192.168.8.${i % 250}"; nodePort = 9100; }
    ];
    description = ''
      Multi-line ${i}
        indented text with \${interp}
    '';
    memoryLimitMB = 512 * ${1 + (i % 4)} + (if x ? y then 1 else 0);
    extra.nested."quoted key" = { inherit (secrets) alertEmail; path = ./files/c${i}.conf; };
  };
`;
}

function generate(bytes: number): string {
  const parts = ['{ base, secrets, x, interp }:\n{\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const b = profileBlock(i);
    parts.push(b);
    size += b.length;
  }
  parts.push('}\n');
  return parts.join('');
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
}

/** Seconds per run of fn, after warm-up runs (so the figures are of optimised code). */
function time(fn: () => void, repeats = REPEATS, warmup = WARMUP): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return out;
}

function nixTime(files: string[], repeats = 3): number | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'nix-bench-'));
  mkdirSync(join(dir, 'home'));
  const env = { ...process.env, HOME: join(dir, 'home'), NIX_STATE_DIR: join(dir, 'state') };
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('nix-instantiate', ['--parse', ...files], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.error) return undefined;
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return stats(runs).median;
}

const MB = 1024 * 1024;
const tmp = mkdtempSync(join(tmpdir(), 'nix-bench-in-'));
// Profile size: the largest profile of the benchmark homelabs (the 5,000-line
// monitoring profile) is about 300 KB; its tree fits V8's young generation.
// Measured first, before the 8 MB trees below fill the old generation.
const profileText = generate(300 * 1024);
const profileFile = join(tmp, 'profile.nix');
writeFileSync(profileFile, profileText);
const profileLoops = 8;
const profileRuns = time(() => {
  for (let i = 0; i < profileLoops; i++) parseNix(profileText);
}, 15, 10).map((s) => s / profileLoops);
const profileStats = stats(profileRuns.map((s) => profileText.length / MB / s));
const nixProfile = nixTime([profileFile]);

const large = generate(8 * MB);
const largeFile = join(tmp, 'large.nix');
writeFileSync(largeFile, large);
if (parseNix(large).errors.length) throw new Error('generated benchmark file has syntax errors');

const fixDir = resolve(__dirname, '../test/fixtures/nix');
const corpusFiles: string[] = [];
for (const d of ['ok', 'profiles/lib', 'profiles/profiles']) for (const f of readdirSync(join(fixDir, d))) if (f.endsWith('.nix')) corpusFiles.push(join(fixDir, d, f));
const corpus = corpusFiles.map((f) => readFileSync(f, 'utf8'));
const corpusBytes = corpus.reduce((n, t) => n + t.length, 0);

const largeRuns = time(() => parseNix(large));
const largeStats = stats(largeRuns.map((s) => large.length / MB / s));
// The corpus is small: parse it many times per sample.
const loops = Math.max(1, Math.ceil((2 * MB) / corpusBytes));
const corpusRuns = time(() => {
  for (let i = 0; i < loops; i++) for (const t of corpus) parseNix(t);
});
const corpusStats = stats(corpusRuns.map((s) => (corpusBytes * loops) / MB / s));
const oursLarge = stats(largeRuns).median;
const nixLarge = nixTime([largeFile]);
const oursCorpus = stats(corpusRuns).median / loops;
const nixCorpus = nixTime(corpusFiles);

// Whole process, the way the goal is stated: a fresh Node process that loads the bundled parser,
// reads the file and parses it, against a fresh nix-instantiate --parse on the same file, runs
// interleaved. Wall time of each process from spawn to exit; CPU time (all threads: the JIT
// compiler and the garbage collector's helpers count) as the child reports it (Node) or as
// /usr/bin/time does (nix-instantiate), since wall time is noisy on a shared machine.
const runner = join(bundleDir, 'parse-file.cjs');
writeFileSync(
  runner,
  `const t0 = process.hrtime.bigint();
const { parseNix } = require(${JSON.stringify(join(bundleDir, 'nix.cjs'))});
const t1 = process.hrtime.bigint();
const text = require('node:fs').readFileSync(process.argv[2], 'utf8');
const t2 = process.hrtime.bigint();
const r = parseNix(text);
const t3 = process.hrtime.bigint();
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ loadMs: Number(t1 - t0) / 1e6, readMs: Number(t2 - t1) / 1e6, parseMs: Number(t3 - t2) / 1e6, cpuS: (cpu.user + cpu.system) / 1e6, errors: r.errors.length }));
`,
);
const haveTime = spawnSync('/usr/bin/time', ['-f', '%U %S', 'true'], { stdio: 'ignore' }).status === 0;
const nixEnvDir = mkdtempSync(join(tmpdir(), 'nix-bench-'));
mkdirSync(join(nixEnvDir, 'home'));
const nixEnv = { ...process.env, HOME: join(nixEnvDir, 'home'), NIX_STATE_DIR: join(nixEnvDir, 'state') };
const proc = { oursWall: [] as number[], oursCpu: [] as number[], oursParseMs: [] as number[], oursLoadMs: [] as number[], nixWall: [] as number[], nixCpu: [] as number[] };
for (let i = 0; i < 5; i++) {
  let t0 = process.hrtime.bigint();
  const o = spawnSync(process.execPath, [runner, largeFile], { encoding: 'utf8' });
  proc.oursWall.push(Number(process.hrtime.bigint() - t0) / 1e9);
  const j = JSON.parse(o.stdout) as { loadMs: number; parseMs: number; cpuS: number; errors: number };
  if (j.errors) throw new Error('generated benchmark file has syntax errors');
  proc.oursCpu.push(j.cpuS);
  proc.oursParseMs.push(j.parseMs);
  proc.oursLoadMs.push(j.loadMs);
  t0 = process.hrtime.bigint();
  const x = haveTime
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', 'nix-instantiate', '--parse', largeFile], { env: nixEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync('nix-instantiate', ['--parse', largeFile], { env: nixEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  proc.nixWall.push(Number(process.hrtime.bigint() - t0) / 1e9);
  if (x.error || x.status !== 0) proc.nixWall.pop();
  else if (haveTime) {
    const m = /([0-9.]+) ([0-9.]+)\s*$/.exec(x.stderr);
    if (m) proc.nixCpu.push(Number(m[1]) + Number(m[2]));
  }
}
const med = (xs: number[]) => (xs.length ? stats(xs).median : undefined);
const procFig = {
  oursWall: med(proc.oursWall),
  oursCpu: med(proc.oursCpu),
  oursParseMs: med(proc.oursParseMs),
  oursLoadMs: med(proc.oursLoadMs),
  nixWall: med(proc.nixWall),
  nixCpu: med(proc.nixCpu),
};

// Linearity: 10x the input should take about 10x the time and the work.
const small = generate(MB);
const big = generate(10 * MB);
// The 1 MB parse is timed twice. Alone, its tree dies young and never meets an
// old-generation collection, while the 10 MB tree is promoted whole: that ratio
// measures the heap, not the parser. So the figure's 1 MB time is the mean of
// ten 1 MB parses whose trees are all kept, the same 10 MB of live tree as the
// big parse; the fresh-heap ratio is printed beside it.
const tSmallFresh = stats(time(() => parseNix(small), 5)).median;
const tSmall =
  stats(
    time(() => {
      const kept: unknown[] = [];
      for (let i = 0; i < 10; i++) kept.push(parseNix(small));
      return kept;
    }, 3),
  ).median / 10;
const tBig = stats(time(() => parseNix(big), 3)).median;
const workRatio = parseNix(big).work / parseNix(small).work;
// Machine baseline for allocation: a parse tree of millions of small objects
// that stay alive is mostly allocation and garbage-collector copying.
const allocMsPerMillion = stats(
  time(() => {
    const kept: object[] = [];
    for (let i = 0; i < 1_000_000; i++) kept.push({ type: 'Node', span: { start: i, end: i + 1 } });
  }, 5, 2),
).median * 1000;

// Machine baseline: a bare loop reading every character and pushing per-token
// arrays, the least any lexer must do. Read the figures above relative to it.
const baseline = stats(
  time(() => {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < large.length; i++) {
      const c = large.charCodeAt(i);
      if (c === 32 || c === 10) continue;
      a.push(c);
      b.push(i);
    }
  }, 5).map((s) => large.length / MB / s),
).median;

const rows = [
  ['input', 'size', 'ours median MB/s', 'ours p95-slowest MB/s', 'ours s', 'nix-instantiate s', 'nix/ours'],
  ['generated profile file', `${(large.length / MB).toFixed(1)} MB`, largeStats.median.toFixed(1), largeStats.median && stats(largeRuns).p95 ? (large.length / MB / stats(largeRuns).p95).toFixed(1) : '', oursLarge.toFixed(3), nixLarge?.toFixed(3) ?? 'n/a', nixLarge ? (nixLarge / oursLarge).toFixed(1) + 'x' : 'n/a'],
  ['test corpus', `${(corpusBytes / 1024).toFixed(1)} KB (${corpus.length} files)`, corpusStats.median.toFixed(1), (corpusBytes * loops / MB / stats(corpusRuns).p95).toFixed(1), oursCorpus.toFixed(5), nixCorpus?.toFixed(3) ?? 'n/a', nixCorpus ? (nixCorpus / oursCorpus).toFixed(0) + 'x' : 'n/a'],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const r of rows) console.log(r.map((x, c) => String(x).padEnd(widths[c])).join('  '));
if (procFig.oursWall !== undefined) {
  console.log(
    `\nwhole process, ${(large.length / MB).toFixed(1)} MB (median of 5, interleaved): ours ${procFig.oursWall.toFixed(3)} s wall, ${procFig.oursCpu?.toFixed(3)} s CPU` +
      ` (bundle load ${procFig.oursLoadMs?.toFixed(0)} ms, parse ${procFig.oursParseMs?.toFixed(0)} ms); nix-instantiate ${procFig.nixWall?.toFixed(3) ?? 'n/a'} s wall, ${procFig.nixCpu?.toFixed(3) ?? 'n/a'} s CPU` +
      `; nix/ours ${procFig.nixWall ? (procFig.nixWall / procFig.oursWall).toFixed(2) : 'n/a'}x wall, ${procFig.nixCpu && procFig.oursCpu ? (procFig.nixCpu / procFig.oursCpu).toFixed(2) : 'n/a'}x CPU`,
  );
}
console.log(`\nlinearity: 1 MB ${tSmall.toFixed(3)} s (of ten kept; ${tSmallFresh.toFixed(3)} s alone), 10 MB ${tBig.toFixed(3)} s -> time x${(tBig / tSmall).toFixed(1)} (x${(tBig / tSmallFresh).toFixed(1)} against the lone 1 MB parse), work x${workRatio.toFixed(1)} for 10x input`);
console.log(`machine baseline (bare character loop with pushes): ${baseline.toFixed(1)} MB/s; parser at ${((largeStats.median / baseline) * 100).toFixed(0)}% of it`);
console.log(`profile-size input (${(profileText.length / 1024).toFixed(0)} KB): ${profileStats.median.toFixed(1)} MB/s median`);
console.log(`machine baseline (1,000,000 retained small objects): ${allocMsPerMillion.toFixed(0)} ms`);
console.log(`target >= 20 MB/s: profile size ${profileStats.median >= 20 ? 'met' : 'NOT met'}, 8 MB ${largeStats.median >= 20 ? 'met' : 'NOT met'} on this machine`);
const figures = {
  largeFileMB: +(large.length / MB).toFixed(2),
  largeMedianMBps: +largeStats.median.toFixed(2),
  largeP95MBps: +(large.length / MB / stats(largeRuns).p95).toFixed(2),
  corpusMedianMBps: +corpusStats.median.toFixed(2),
  nixLargeSeconds: nixLarge,
  oursLargeSeconds: oursLarge,
  nixOverOursLarge: nixLarge ? +(nixLarge / oursLarge).toFixed(2) : undefined,
  nixCorpusSeconds: nixCorpus,
  oursCorpusSeconds: oursCorpus,
  linearityTimeRatio10x: +(tBig / tSmall).toFixed(2),
  linearityFreshHeapRatio10x: +(tBig / tSmallFresh).toFixed(2),
  linearityWorkRatio10x: +workRatio.toFixed(2),
  machineBaselineMBps: +baseline.toFixed(2),
  profileFileKB: Math.round(profileText.length / 1024),
  profileMedianMBps: +profileStats.median.toFixed(2),
  profileP95MBps: +(profileText.length / MB / stats(profileRuns).p95).toFixed(2),
  nixProfileSeconds: nixProfile,
  oursProfileSeconds: stats(profileRuns).median,
  allocationMsPerMillionObjects: +allocMsPerMillion.toFixed(0),
  processOursWallSeconds: procFig.oursWall,
  processOursCpuSeconds: procFig.oursCpu,
  processOursParseMs: procFig.oursParseMs,
  processNixWallSeconds: procFig.nixWall,
  processNixCpuSeconds: procFig.nixCpu,
  nixOverOursProcessWall: procFig.nixWall && procFig.oursWall ? +(procFig.nixWall / procFig.oursWall).toFixed(2) : undefined,
  nixOverOursProcessCpu: procFig.nixCpu && procFig.oursCpu ? +(procFig.nixCpu / procFig.oursCpu).toFixed(2) : undefined,
};
console.log(JSON.stringify(figures));
