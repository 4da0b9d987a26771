// Our static option index against Nix's own evaluation of the same tree
// (truth.ts): recall (Nix's options we hold), precision (ours that Nix has),
// exact type text on the common options, and the misses grouped by the file
// that declares them and by what our index holds there instead (a rename, a
// type that differs). Built as the product builds a `homelab.options.sources`
// tree: every `.nix` file below the root, scanned in this thread.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { assemble, listNixFiles, scanFiles, wordingOf } from '../../server/src/model/options/scanTree';
import type { OptionIndexData } from '../../server/src/model/options/types';
import type { Truth, TruthOption } from './truth';

export interface Comparison {
  truth: number;
  ours: number;
  common: number;
  recall: number;
  precision: number;
  /** Common options whose type text Nix gave from our stand-ins (formats): not compared. */
  typeStandIn: number;
  typeCompared: number;
  typeExact: number;
  typeExactShare: number;
  /** Missing options grouped: [group, count, example]. */
  missing: [string, number, string][];
  /** Our options Nix does not have, grouped likewise. */
  extra: [string, number, string][];
  /** Differing type text, grouped by (ours → Nix's). */
  types: [string, number, string][];
  buildMs: number;
}

const key = (p: string[]): string => p.join('.');

function group(items: { group: string; example: string }[], top: number): [string, number, string][] {
  const m = new Map<string, { n: number; example: string }>();
  for (const i of items) {
    const g = m.get(i.group);
    if (g) g.n++;
    else m.set(i.group, { n: 1, example: i.example });
  }
  return [...m.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, top).map(([g, v]) => [g, v.n, v.example]);
}

/** The index the product builds for a `homelab.options.sources` entry at `root`. */
export function buildOurIndex(root: string, lib?: string): { data: OptionIndexData; ms: number } {
  const t0 = performance.now();
  // The simple types worded as the nixpkgs the truth is evaluated with (its lib/types.nix).
  const files = listNixFiles(root);
  const scans = scanFiles(files.map((f) => pathToFileURL(f).href), undefined, undefined, undefined, lib ? wordingOf(lib) : undefined);
  const data = assemble(scans, files.length, performance.now() - t0);
  return { data, ms: performance.now() - t0 };
}

export function compare(truth: Truth, ours: OptionIndexData, tree: string, buildMs: number, top = 15): Comparison {
  const rel = (f: string): string => path.relative(tree, f.split(', via')[0]);
  const t = new Map<string, TruthOption>(truth.options.map((o) => [key(o.path), o]));
  const o = new Map(ours.options.map((x) => [key(x.path), x]));
  const renamed = new Set(ours.renames.filter((r) => r.to).map((r) => key(r.from)));
  const underRename = (p: string[]): boolean => p.some((_, i) => renamed.has(key(p.slice(0, i + 1))));
  const missing: { group: string; example: string }[] = [];
  let common = 0;
  let typeStandIn = 0;
  let typeCompared = 0;
  let typeExact = 0;
  const types: { group: string; example: string }[] = [];
  for (const [k, opt] of t) {
    const mine = o.get(k);
    if (!mine) {
      const why = underRename(opt.path) ? 'held as a rename only' : 'not indexed';
      missing.push({ group: `${why}: ${opt.files.map(rel).join(' + ')}`, example: k });
      continue;
    }
    common++;
    if (opt.type.includes('stand-in')) {
      typeStandIn++;
      continue;
    }
    typeCompared++;
    if (mine.type === opt.type) typeExact++;
    else types.push({ group: `${JSON.stringify(mine.type)} → ${JSON.stringify(opt.type)}`, example: k });
  }
  const extra: { group: string; example: string }[] = [];
  for (const [k, mine] of o) if (!t.has(k)) extra.push({ group: rel(new URL(mine.declaredAt.uri).pathname), example: k });
  const share = (a: number, b: number): number => (b === 0 ? NaN : Math.round((a / b) * 10000) / 100);
  return {
    truth: t.size,
    ours: o.size,
    common,
    recall: share(common, t.size),
    precision: share(common, o.size),
    typeStandIn,
    typeCompared,
    typeExact,
    typeExactShare: share(typeExact, typeCompared),
    missing: group(missing, top),
    extra: group(extra, top),
    types: group(types, top),
    buildMs,
  };
}

export function printComparison(name: string, truth: Truth, c: Comparison, log: (s: string) => void): void {
  log(`${name}: Nix ${c.truth} options (${truth.sets} sets, ${truth.evaluations} evaluation(s), ${Math.round(truth.ms)} ms; ${truth.outside} declared outside the tree left out); ours ${c.ours} (built in ${Math.round(c.buildMs)} ms)`);
  if (truth.failed.length) {
    log(`  ${truth.failed.length} option set(s) FAILED to evaluate — the figures below do not count:`);
    for (const f of truth.failed) log(`    ${f.set}: ${f.error}`);
  }
  log(`  recall ${c.recall}% (${c.common}/${c.truth}), precision ${c.precision}% (${c.common}/${c.ours}), exact type text ${c.typeExactShare}% (${c.typeExact}/${c.typeCompared}; ${c.typeStandIn} typed by the stand-in pkgs, not compared)`);
  const show = (title: string, rows: [string, number, string][]): void => {
    if (!rows.length) return;
    log(`  ${title}:`);
    for (const [g, n, ex] of rows) log(`    ${String(n).padStart(5)}  ${g}   e.g. ${ex}`);
  };
  show('missing (Nix has, we do not), by declaring file', c.missing);
  show('extra (we have, Nix does not), by declaring file', c.extra);
  show('type text (ours → Nix)', c.types);
}
