// The option index's bench (`--only=options`): a deterministic module tree of
// about 20,000 options in the shapes nixpkgs uses (services with enable /
// package / port / settings submodules / attrsOf-submodule instances, long
// `config` sections that are parsed but never evaluated, renames in imports,
// helper files imported as submodules), then
//   - the build: a fresh OptionIndexStore, one worker thread (and two, for the
//     note; the worker entry bundled with esbuild as the server would ship
//     it), cache written;
//   - the cache load on a second start: a new process loads it (tree listed and
//     stat'ed, contents hashed, index parsed and built), and the heap that the
//     loaded index adds (measured in that process after a forced GC).
// The same three figures for Home Manager's whole `modules/` tree when given
// (HOMELAB_BENCH_HM=<home-manager checkout>; otherwise the rows say "not run").
// Run alone as `node --import tsx bench/options.ts [--quick]`, or from run.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
import { generatedRoot, prng, repoRoot, write } from './generate';
import { round, stat } from './stats';
import type { Figure } from './report';
import { OptionIndexStore } from '../server/src/model/options/store';
import type { OptionWorkerData } from '../server/src/model/options/worker';

export const OPTION_TARGET = 20_000;

const WORDS = 'the of a service listens port address user group directory state data when enabled default value list set of names host client server request limit timeout seconds bytes file path log level cache key token secret certificate proxy upstream backend worker thread queue retry interval metric exporter'.split(' ');

function sentence(r: () => number, words: number): string {
  const w = Array.from({ length: words }, () => WORDS[Math.floor(r() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return `${w.join(' ')}.`;
}

function description(r: () => number): string {
  const n = 1 + Math.floor(r() * 4);
  const text = Array.from({ length: n }, () => sentence(r, 6 + Math.floor(r() * 10))).join(' ');
  return n > 2 ? `''\n        ${text.replace(/(.{60,80}) /g, '$1\n        ')}\n      ''` : JSON.stringify(text);
}

const SIMPLE = ['types.str', 'types.bool', 'types.int', 'types.port', 'types.path', '(types.listOf types.str)', '(types.nullOr types.str)', '(types.attrsOf types.str)', 'types.lines', '(types.enum [ "a" "b" "c" ])', 'types.ints.positive'];
const DEFAULTS: Record<string, (r: () => number) => string> = {
  'types.str': (r) => JSON.stringify(WORDS[Math.floor(r() * WORDS.length)]),
  'types.bool': (r) => (r() < 0.5 ? 'true' : 'false'),
  'types.int': (r) => String(Math.floor(r() * 1000)),
  'types.port': (r) => String(1024 + Math.floor(r() * 60000)),
  'types.path': () => '"/var/lib/x"',
  '(types.listOf types.str)': () => '[ ]',
  '(types.nullOr types.str)': () => 'null',
  '(types.attrsOf types.str)': () => '{ }',
  'types.lines': () => '""',
  '(types.enum [ "a" "b" "c" ])': () => '"a"',
  'types.ints.positive': (r) => String(1 + Math.floor(r() * 100)),
};

function option(r: () => number, name: string, indent: string, lib: string): { text: string; count: number } {
  const t = SIMPLE[Math.floor(r() * SIMPLE.length)].replace(/types\./g, `${lib}types.`);
  const key = SIMPLE.find((s) => s.replace(/types\./g, `${lib}types.`) === t) as string;
  const lines = [`${indent}${name} = ${lib}mkOption {`, `${indent}  type = ${t};`, `${indent}  default = ${DEFAULTS[key](r)};`];
  if (r() < 0.3) lines.push(`${indent}  example = ${DEFAULTS[key](r)};`);
  lines.push(`${indent}  description = ${description(r).replace(/\n {6}/g, `\n${indent}`)};`, `${indent}};`);
  return { text: lines.join('\n'), count: 1 };
}

/** One service module: about 25 options (settings submodule, attrsOf-submodule instances) and a long config section. */
function serviceModule(r: () => number, name: string, withRename: boolean, helper: string | undefined): { text: string; count: number } {
  const style = Math.floor(r() * 3);
  const lib = style === 1 ? '' : 'lib.';
  const head = style === 1 ? 'with lib;\n\n' : '';
  let count = 0;
  const opts: string[] = [];
  opts.push(`    enable = ${lib}mkEnableOption "the ${name} service";`, `    package = ${lib}mkPackageOption pkgs "${name}" { };`);
  count += 2;
  for (const o of ['port', 'openFirewall', 'user', 'group', 'dataDir', 'logLevel', 'extraArgs', 'environment']) {
    const x = option(r, o, '    ', lib);
    opts.push(x.text);
    count += x.count;
  }
  const settings: string[] = [];
  const nSettings = 4 + Math.floor(r() * 5);
  for (let i = 0; i < nSettings; i++) settings.push(option(r, `setting${i}`, '            ', lib).text);
  count += nSettings + 1;
  opts.push(`    settings = ${lib}mkOption {\n      type = ${lib}types.submodule {\n        freeformType = ${lib}types.attrsOf ${lib}types.str;\n        options = {\n${settings.join('\n')}\n        };\n      };\n      default = { };\n      description = ${description(r)};\n    };`);
  const inst: string[] = [];
  const nInst = 3 + Math.floor(r() * 5);
  for (let i = 0; i < nInst; i++) inst.push(option(r, `field${i}`, '          ', lib).text);
  count += helper ? 1 : nInst + 1; // a helper's fields are counted where it is written
  const instType = helper ? `${lib}types.attrsOf (${lib}types.submodule (import ./${helper} { inherit lib; }))` : `${lib}types.attrsOf (${lib}types.submodule ({ name, ... }: {\n        options = {\n${inst.join('\n')}\n        };\n      }))`;
  opts.push(`    instances = ${lib}mkOption {\n      type = ${instType};\n      default = { };\n      description = ${description(r)};\n    };`);
  const imports = withRename ? `  imports = [\n    (${lib}mkRenamedOptionModule [ "services" "${name}" "listenPort" ] [ "services" "${name}" "port" ])\n    (${lib}mkRemovedOptionModule [ "services" "${name}" "legacy" ] "Removed.")\n  ];\n\n` : '';
  const configLines: string[] = [];
  const nConfig = 20 + Math.floor(r() * 60);
  for (let i = 0; i < nConfig; i++) configLines.push(`        "${WORDS[i % WORDS.length]}${i}" = "\${cfg.dataDir}/${WORDS[(i * 7) % WORDS.length]}";`);
  const text = `# Generated service module ${name}.
{ config, lib, pkgs, ... }:

${head}let
  cfg = config.services.${name};
in
{
${imports}  options.services.${name} = {
${opts.join('\n\n')}
  };

  config = ${lib}mkIf cfg.enable {
    users.users.\${cfg.user} = { isSystemUser = true; group = cfg.group; home = cfg.dataDir; };
    networking.firewall.allowedTCPPorts = ${lib}mkIf cfg.openFirewall [ cfg.port ];
    systemd.services.${name} = {
      description = "${name}";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ];
      serviceConfig = {
        ExecStart = "\${cfg.package}/bin/${name} --port \${toString cfg.port} \${${lib}concatStringsSep " " cfg.extraArgs}";
        User = cfg.user;
        StateDirectory = "${name}";
      };
      environment = cfg.environment // {
${configLines.join('\n')}
      };
    };
  };
}
`;
  return { text, count };
}

export interface OptionTreeInfo {
  dir: string;
  files: number;
  options: number;
  bytes: number;
}

/** Writes the tree into `dir` (replacing it): service modules until `target` options, with helpers and config-only files. */
export function generateOptionTree(dir: string, target = OPTION_TARGET, seed = 7): OptionTreeInfo {
  rmSync(dir, { recursive: true, force: true });
  const r = prng(seed);
  let options = 0;
  let files = 0;
  let bytes = 0;
  const put = (rel: string, text: string): void => {
    write(path.join(dir, rel), text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  for (let i = 0; options < target; i++) {
    const name = `svc${String(i).padStart(4, '0')}`;
    const group = `group${String(i % 40).padStart(2, '0')}`;
    let helper: string | undefined;
    if (i % 10 === 3) {
      helper = `${name}-instance.nix`;
      const fields = Array.from({ length: 5 }, (_, k) => option(r, `field${k}`, '      ', 'lib.').text);
      put(path.join('services', group, helper), `# Generated helper: the options of one ${name} instance.\n{ lib }:\n\n{ name, ... }:\n{\n  options = {\n${fields.join('\n')}\n  };\n}\n`);
      options += 5;
    }
    const m = serviceModule(r, name, i % 20 === 0, helper);
    put(path.join('services', group, `${name}.nix`), m.text);
    options += m.count;
    if (i % 25 === 0) put(path.join('profiles', `${name}-profile.nix`), `# Generated configuration (no options).\n{ ... }:\n{\n  services.${name}.enable = true;\n  services.${name}.port = ${2000 + i};\n}\n`);
  }
  return { dir, files, options, bytes };
}

/** The worker entry bundled as the server would ship it (dist would hold the same code). */
function bundleWorker(out: string): string {
  buildSync({ entryPoints: [path.join(repoRoot, 'server/src/model/options/workerMain.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, outfile: out, logLevel: 'error' });
  return out;
}

/**
 * The second-start process, bundled on its own: one load from the cache,
 * timed, and the heap the loaded index keeps (after a forced GC). Prints JSON.
 */
const CHILD = `
import { OptionIndexStore } from '../server/src/model/options/store';
const [root, cacheDir, storeDir] = process.argv.slice(2);
const gc = globalThis.gc;
gc?.();
const before = process.memoryUsage().heapUsed;
const t0 = performance.now();
new OptionIndexStore({ cacheDir, ...(storeDir ? { storeDir } : {}) }).get({ root }).then((r) => {
  const ms = performance.now() - t0;
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  process.stdout.write(JSON.stringify({ ms, heapMb, from: r.from, options: r.index.size }) + '\\n');
});
`;

function bundleChild(out: string): string {
  buildSync({ stdin: { contents: CHILD, resolveDir: path.join(repoRoot, 'bench'), loader: 'ts' }, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, outfile: out, logLevel: 'error' });
  return out;
}

interface ChildResult {
  ms: number;
  heapMb: number;
  from: string;
  options: number;
}

function secondStart(bundle: string, root: string, cacheDir: string, storeDir?: string): ChildResult {
  const args = ['--expose-gc', bundle, root, cacheDir, ...(storeDir ? [storeDir] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim().split('\n').pop() as string);
}

export async function measureOptions(quick: boolean, log: (s: string) => void): Promise<Figure[]> {
  const base = path.join(generatedRoot, 'options-20k');
  const tree = generateOptionTree(path.join(base, 'tree'));
  log(`  options-20k: ${tree.files} files, ${tree.options} options generated, ${round(tree.bytes / 2 ** 20)} MB`);
  const workerJs = bundleWorker(path.join(base, 'bundle', 'optionsWorker.js'));
  const selfJs = bundleChild(path.join(base, 'bundle', 'optionsLoad.js'));
  const startWorker = (data: OptionWorkerData): Worker => new Worker(workerJs, { workerData: data });
  const cacheDir = path.join(base, 'cache');
  let indexed = 0;
  let cacheKb = 0;
  const runs = quick ? 1 : 3;
  const build = async (workers: number): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      rmSync(cacheDir, { recursive: true, force: true });
      const t0 = performance.now();
      const r = await new OptionIndexStore({ cacheDir, startWorker, workers }).get({ root: tree.dir });
      times.push(performance.now() - t0);
      indexed = r.index.size;
      cacheKb = readdirSync(cacheDir).reduce((s, f) => s + statSync(path.join(cacheDir, f)).size, 0) / 1024;
    }
    return times;
  };
  const one = stat(await build(1));
  const b = stat(await build(2));
  log(`option index build: ${one.median} ms (p95 ${one.p95}) with 1 worker, ${b.median} ms (p95 ${b.p95}) with 2; ${indexed} options indexed; cache ${round(cacheKb / 1024)} MB`);

  const loads: ChildResult[] = [];
  const storeLoads: ChildResult[] = [];
  const loadRuns = quick ? 3 : 7;
  secondStart(selfJs, tree.dir, cacheDir); // warm-up (file system cache)
  for (let i = 0; i < loadRuns; i++) loads.push(secondStart(selfJs, tree.dir, cacheDir));
  // The same tree seen as a Nix store path (nixpkgs from a channel or flake.lock): keyed by its path, not hashed.
  const storeCache = path.join(base, 'cache-store');
  rmSync(storeCache, { recursive: true, force: true });
  mkdirSync(storeCache, { recursive: true });
  await new OptionIndexStore({ cacheDir: storeCache, startWorker, storeDir: base }).get({ root: tree.dir });
  for (let i = 0; i < loadRuns; i++) storeLoads.push(secondStart(selfJs, tree.dir, storeCache, base));
  const notFromCache = [...loads, ...storeLoads].filter((l) => l.from !== 'cache').length;
  const load = stat(loads.map((l) => l.ms));
  const storeLoad = stat(storeLoads.map((l) => l.ms));
  const heap = stat(loads.map((l) => l.heapMb));
  log(`option index cache load: ${load.median} ms (p95 ${load.p95}); as a store path ${storeLoad.median} ms; heap +${heap.median} MB${notFromCache ? `; ${notFromCache} load(s) did not come from the cache` : ''}`);
  const what = `${indexed.toLocaleString('en')} options, ${tree.files} files`;
  return [
    {
      id: 'options-build',
      label: `Option index build, ${what}`,
      unit: 'ms',
      ours: one,
      target: '≤ 30 s',
      met: one.runs > 0 && one.p95 <= 30_000,
      note: `a fresh store, no cache: one worker thread (the store's default; the worker entry bundled with esbuild) scans, this thread assembles and writes the cache, on this 2-core machine; split over 2 workers ${b.median} / ${b.p95} ms (each worker warms up its own JIT and its garbage collector competes for the second core); ${tree.options} options generated, ${indexed} indexed; cache file ${round(cacheKb / 1024)} MB`,
    },
    {
      id: 'options-cache-load',
      label: `Option index cache load (second start), ${what}`,
      unit: 'ms',
      ours: load,
      target: '≤ 200 ms',
      met: load.runs > 0 && load.p95 <= 200 && notFromCache === 0,
      note: `a new process: the tree listed and stat'ed, every file's content hashed, the index parsed and its lookup tree built; the same tree as a Nix store path (no listing, no hashing): ${storeLoad.median} / ${storeLoad.p95} ms`,
    },
    {
      id: 'options-memory',
      label: `Option index heap once loaded, ${what}`,
      unit: 'MB',
      ours: heap,
      target: '≤ 60 MB',
      met: heap.runs > 0 && heap.p95 <= 60,
      note: 'heapUsed after a forced GC, minus before the load, in the loading process (the index and its lookup tree kept alive)',
    },
  ];
}

/**
 * Build, cache load and heap of the index of Home Manager's whole `modules/`
 * tree (a real tree: its idioms, not the generated shapes), against the issue's
 * goals (build ≤ 3 s, cache load ≤ 150 ms, heap ≤ 60 MB).
 */
export async function measureHomeManagerIndex(hm: string | undefined, quick: boolean, log: (s: string) => void): Promise<Figure[]> {
  const label = 'Home Manager modules/';
  const notRun = (why: string): Figure[] =>
    ['build', 'cache-load', 'memory'].map((k) => ({ id: `options-hm-${k}`, label: `Option index ${k.replace('-', ' ')}, ${label}`, unit: k === 'memory' ? 'MB' : 'ms', note: `not run: ${why}` }));
  if (!hm) return notRun('no tree given (HOMELAB_BENCH_HM=<home-manager checkout>)');
  const root = path.join(hm, 'modules');
  try {
    statSync(root);
  } catch {
    return notRun(`${root} does not exist`);
  }
  const base = path.join(generatedRoot, 'options-hm');
  const workerJs = bundleWorker(path.join(base, 'bundle', 'optionsWorker.js'));
  const selfJs = bundleChild(path.join(base, 'bundle', 'optionsLoad.js'));
  const startWorker = (data: OptionWorkerData): Worker => new Worker(workerJs, { workerData: data });
  const cacheDir = path.join(base, 'cache');
  const runs = quick ? 1 : 3;
  const times: number[] = [];
  let indexed = 0;
  for (let i = 0; i < runs; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    const t0 = performance.now();
    const r = await new OptionIndexStore({ cacheDir, startWorker }).get({ root });
    times.push(performance.now() - t0);
    indexed = r.index.size;
  }
  const build = stat(times);
  secondStart(selfJs, root, cacheDir); // warm-up (file system cache)
  const loads: ChildResult[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) loads.push(secondStart(selfJs, root, cacheDir));
  const notFromCache = loads.filter((l) => l.from !== 'cache').length;
  const load = stat(loads.map((l) => l.ms));
  const heap = stat(loads.map((l) => l.heapMb));
  log(`Home Manager option index: build ${build.median} ms, cache load ${load.median} ms (p95 ${load.p95}), heap +${heap.median} MB, ${indexed} options`);
  const what = `${label} (${indexed.toLocaleString('en')} options)`;
  return [
    { id: 'options-hm-build', label: `Option index build, ${what}`, unit: 'ms', ours: build, target: '≤ 3 s', met: build.runs > 0 && build.p95 <= 3000, note: 'a fresh store, no cache, one worker thread, on this 2-core machine shared with other work' },
    { id: 'options-hm-cache-load', label: `Option index cache load (second start), ${what}`, unit: 'ms', ours: load, target: '≤ 150 ms', met: load.runs > 0 && load.p95 <= 150 && notFromCache === 0, note: `a new process: the tree listed and stat'ed, contents hashed, the index parsed and built${notFromCache ? `; ${notFromCache} load(s) did not come from the cache` : ''}` },
    { id: 'options-hm-memory', label: `Option index heap once loaded, ${what}`, unit: 'MB', ours: heap, target: '≤ 60 MB', met: heap.runs > 0 && heap.p95 <= 60, note: 'heapUsed after a forced GC, minus before the load, in the loading process' },
  ];
}

if (require.main === module) {
  void measureOptions(process.argv.includes('--quick'), (s) => console.log(s)).then((f) => console.log(JSON.stringify(f, null, 2)));
}
