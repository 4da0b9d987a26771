// The option-truth bench: for each tree given (Home Manager, and a second
// whole tree), Nix's own option set beside our static index, as figures for
// bench/run.ts (recall, precision, exact type text; "not run" without a tree;
// no figure counts when an option set failed to evaluate). Alone:
//   node --import tsx bench/optionTruth/index.ts --hm=<home-manager> --tree2=<stylix> [--lib=<nixpkgs.lib>] [--stock]
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { generatedRoot } from '../generate';
import type { Figure } from '../report';
import { evaluateTruth, type TreeKind } from './truth';
import { buildOurIndex, compare, printComparison, type Comparison } from './compare';

export interface TruthTrees {
  hm?: string;
  tree2?: string;
  /** A directory holding nixpkgs' `lib/`. */
  lib?: string;
  /** Also evaluate with stock nixpkgs (no sub-options under `either`), printed beside. */
  stock?: boolean;
}

/** What kind of tree a second tree is (its evaluator entry differs). */
function kindOf(tree: string): TreeKind | undefined {
  if (existsSync(path.join(tree, 'modules', 'modules.nix')) && existsSync(path.join(tree, 'modules', 'lib', 'stdlib-extended.nix'))) return 'home-manager';
  if (existsSync(path.join(tree, 'stylix', 'hm'))) return 'stylix';
  return undefined;
}

const GOALS = { recall: 99, precision: 99.5, type: 98 };

async function one(label: string, idBase: string, tree: string | undefined, lib: string | undefined, stock: boolean, log: (s: string) => void): Promise<Figure[]> {
  const notRun = (why: string): Figure[] => [{ id: `${idBase}-recall`, label: `Options as Nix sees them, ${label}: recall / precision / exact type`, unit: '%', target: `≥ ${GOALS.recall} / ≥ ${GOALS.precision} / ≥ ${GOALS.type}`, note: `not run: ${why}` }];
  if (!tree) return notRun(`no tree given (HOMELAB_BENCH_${idBase === 'truth-hm' ? 'HM' : 'TREE2'}=<tree>)`);
  if (!lib) return notRun('no nixpkgs lib given (HOMELAB_BENCH_NIXPKGS_LIB=<dir holding lib/>)');
  const kind = kindOf(tree);
  if (!kind) return notRun(`${tree} is neither a Home Manager nor a stylix tree`);
  const work = path.join(generatedRoot, 'option-truth', idBase);
  const truth = await evaluateTruth({ kind, tree, lib, work, eitherBranches: true });
  const root = kind === 'home-manager' ? path.join(tree, 'modules') : tree;
  const ours = buildOurIndex(root, lib);
  const c = compare(truth, ours.data, tree, ours.ms);
  printComparison(`${label} (${tree})`, truth, c, log);
  let stockNote = '';
  if (stock) {
    const s = await evaluateTruth({ kind, tree, lib, work: `${work}-stock`, eitherBranches: false });
    const cs = compare(s, ours.data, tree, ours.ms);
    stockNote = `; with stock nixpkgs (no sub-options under either/oneOf): ${cs.truth} options, recall ${cs.recall}%, precision ${cs.precision}%${s.failed.length ? ` (${s.failed.length} set(s) failed)` : ''}`;
    log(`  stock nixpkgs: ${cs.truth} options, recall ${cs.recall}%, precision ${cs.precision}%, exact type ${cs.typeExactShare}%`);
  }
  return figures(label, idBase, c, truth.failed.length, stockNote);
}

function figures(label: string, idBase: string, c: Comparison, failed: number, stockNote: string): Figure[] {
  const counts = failed === 0;
  const fail = counts ? '' : `; ${failed} option set(s) failed to evaluate: the figures do not count`;
  return [
    {
      id: `${idBase}-recall`,
      label: `Options as Nix sees them, ${label}: recall`,
      unit: '%',
      ours: c.recall,
      target: `≥ ${GOALS.recall} %`,
      met: counts ? c.recall >= GOALS.recall : undefined,
      note: `${c.common} of Nix's ${c.truth} options (every either/oneOf branch walked) are in our index${fail}${stockNote}`,
    },
    {
      id: `${idBase}-precision`,
      label: `Options as Nix sees them, ${label}: precision`,
      unit: '%',
      ours: c.precision,
      target: `≥ ${GOALS.precision} %`,
      met: counts ? c.precision >= GOALS.precision : undefined,
      note: `${c.common} of our ${c.ours} options are Nix's${fail}`,
    },
    {
      id: `${idBase}-type`,
      label: `Options as Nix sees them, ${label}: exact type text`,
      unit: '%',
      ours: c.typeExactShare,
      target: `≥ ${GOALS.type} %`,
      met: counts ? c.typeExactShare >= GOALS.type : undefined,
      note: `${c.typeExact} of ${c.typeCompared} common options; ${c.typeStandIn} typed by the stand-in pkgs (formats) not compared${fail}`,
    },
  ];
}

export async function measureOptionTruth(trees: TruthTrees, log: (s: string) => void): Promise<Figure[]> {
  return [
    ...(await one('Home Manager', 'truth-hm', trees.hm, trees.lib, trees.stock ?? false, log)),
    ...(await one('second tree', 'truth-tree2', trees.tree2, trees.lib, trees.stock ?? false, log)),
  ];
}

if (require.main === module) {
  const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  void measureOptionTruth(
    { hm: arg('hm'), tree2: arg('tree2'), lib: arg('lib') ?? process.env.HOMELAB_BENCH_NIXPKGS_LIB, stock: process.argv.includes('--stock') },
    (s) => console.log(s),
  ).then((f) => console.log(JSON.stringify(f.map((x) => ({ id: x.id, ours: x.ours, met: x.met })))));
}
