// The option set of a whole module tree as Nix evaluates it (eval.nix, run by
// Debian's `nix-instantiate` with nixpkgs' own lib, a stand-in `pkgs` and
// stand-in nixpkgs files), gathered per option set so that a set that fails
// to evaluate is named and the others still count. Plain data out: each
// option's path (placeholders `<…>` as our index writes them), its type's
// description and its declaring files.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { listNixFiles } from '../../server/src/model/options/scanTree';

export type TreeKind = 'home-manager' | 'stylix';

export interface TruthRequest {
  kind: TreeKind;
  /** The repository's root (home-manager, stylix). */
  tree: string;
  /** nixpkgs' lib: a directory holding `lib/`. */
  lib: string;
  /** Where to write the stand-in nixpkgs and the evaluator's argument files. */
  work: string;
  /** List the sub-options of both branches of `either` / `oneOf` (Home Manager's manual does; stock nixpkgs does not). */
  eitherBranches: boolean;
  /** Segments below which sub-options are not followed (recursive submodules). */
  maxDepth?: number;
  /** For stylix: the platform classes evaluated, each on its own (the options are their union). */
  classes?: string[];
}

export interface TruthOption {
  path: string[];
  type: string;
  files: string[];
}

export interface FailedSet {
  set: string;
  error: string;
}

export interface Truth {
  options: TruthOption[];
  /** Option sets (`programs.git`) whose evaluation failed: their options are missing from `options`. */
  failed: FailedSet[];
  /** Options left out: declared only outside the tree (stand-ins), or `_module` of a submodule. */
  outside: number;
  sets: number;
  evaluations: number;
  ms: number;
}

const HERE = __dirname;

/** Packages a tree names: `pkgs.<a>` / `pkgs.<a>.<b>` and `mkPackageOption pkgs "<a>"`, the stand-in's derivations. */
export function packageNames(files: string[]): string[][] {
  const reserved = new Set(['lib', 'path', 'stdenv', 'stdenvNoCC', 'formats', 'writers', 'system', 'hostPlatform', 'buildPlatform', 'callPackage', 'pkgsi686Linux']);
  const out = new Map<string, string[]>();
  const add = (p: string[]): void => {
    if (p.length === 0 || reserved.has(p[0])) return;
    out.set(p.join('.'), p);
  };
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/\bpkgs\.([A-Za-z_][\w'-]*)(?:\.([A-Za-z_][\w'-]*))?/g)) add(m[2] ? [m[1], m[2]] : [m[1]]);
    for (const m of text.matchAll(/mkPackageOption\s+pkgs\s+"([^"]+)"/g)) add([m[1]]);
    for (const m of text.matchAll(/mkPackageOption\s+pkgs\s+\[([^\]]*)\]/g)) add([...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]));
  }
  // `pkgs.a` and `pkgs.a.b` both: `a` is a derivation with `b` in it (recursiveUpdate in pkgs.nix); the longer path suffices.
  return [...out.values()].sort((a, b) => a.length - b.length);
}

/** The stand-in nixpkgs: our nixos/ and modules/ stand-ins beside a link to the real lib. */
function standInNixpkgs(work: string, lib: string): string {
  const dir = path.join(work, 'nixpkgs');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(HERE, 'nixpkgs'), dir, { recursive: true });
  symlinkSync(path.join(lib, 'lib'), path.join(dir, 'lib'));
  return dir;
}

function run(args: string[]): Promise<{ ok: true; out: string } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    execFile('nix-instantiate', args, { maxBuffer: 1 << 30, encoding: 'utf8', env: { ...process.env, NIX_PATH: '' } }, (err, stdout, stderr) => {
      if (err) {
        const lines = stderr.split('\n').filter((l) => l.trim() && !l.startsWith('warning:'));
        const at = lines.find((l) => /^\s+at /.test(l));
        resolve({ ok: false, error: `${lines[0] ?? err.message}${at ? ` (${at.trim()})` : ''}` });
      } else resolve({ ok: true, out: stdout });
    });
  });
}

/** `<name>`, `<host>`…: one placeholder, as the index writes it; `<function body>` stays apart. */
function normalizeSegment(s: string): string {
  return /^<.*>$/.test(s) && s !== '<function body>' ? '<name>' : s;
}

export async function evaluateTruth(req: TruthRequest): Promise<Truth> {
  const t0 = Date.now();
  mkdirSync(req.work, { recursive: true });
  const nixpkgs = standInNixpkgs(req.work, req.lib);
  const files = listNixFiles(req.tree);
  const base = {
    lib: req.lib,
    nixpkgs,
    tree: req.tree,
    kind: req.kind,
    pkgsNames: packageNames(files),
    eitherBranches: req.eitherBranches,
    maxDepth: req.maxDepth ?? 12,
    stylixClass: 'hm',
    stylixInputs: [] as string[],
    hostModules: [] as string[],
    only: null as string[][] | null,
    mode: 'sets',
  };
  let n = 0;
  const evaluate = async (cfg: typeof base): Promise<{ ok: true; out: string } | { ok: false; error: string }> => {
    const file = path.join(req.work, `cfg-${n++}.json`);
    writeFileSync(file, JSON.stringify(cfg));
    return run(['--eval', '--strict', '--json', path.join(HERE, 'eval.nix'), '--argstr', 'cfgFile', file]);
  };
  const raw: TruthOption[] = [];
  const failed: FailedSet[] = [];
  let setCount = 0;
  for (const cls of req.kind === 'stylix' ? req.classes ?? ['hm', 'nixos', 'darwin', 'droid'] : ['']) {
    const cfg = { ...base, stylixClass: cls };
    const label = cls ? `${cls}: ` : '';
    const setsResult = await evaluate(cfg);
    if (!setsResult.ok) {
      failed.push({ set: `${label}(the whole tree)`, error: setsResult.error });
      continue;
    }
    const sets = JSON.parse(setsResult.out) as string[][];
    setCount += sets.length;
    // Halving: a failing group is split until each failing set stands alone.
    const walk = async (only: string[][]): Promise<void> => {
      const r = await evaluate({ ...cfg, mode: 'walk', only });
      if (r.ok) {
        raw.push(...(JSON.parse(r.out) as TruthOption[]));
        return;
      }
      if (only.length === 1) {
        failed.push({ set: `${label}${only[0].join('.')}`, error: r.error });
        return;
      }
      const mid = Math.floor(only.length / 2);
      await walk(only.slice(0, mid));
      await walk(only.slice(mid));
    };
    await walk(sets);
  }
  const root = req.tree.endsWith('/') ? req.tree : `${req.tree}/`;
  const seen = new Map<string, TruthOption>();
  let outside = 0;
  for (const o of raw) {
    if (o.path.includes('_module')) continue;
    // Declarations may read `<file>, via option …`: the file is the part before.
    const inTree = o.files.some((f) => f.startsWith(root));
    if (!inTree) {
      outside++;
      continue;
    }
    const p = o.path.map(normalizeSegment);
    const k = p.join('\u0000');
    if (!seen.has(k)) seen.set(k, { path: p, type: o.type, files: o.files });
  }
  return { options: [...seen.values()], failed, outside, sets: setCount, evaluations: n, ms: Date.now() - t0 };
}
