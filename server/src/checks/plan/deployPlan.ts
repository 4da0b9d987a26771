// The deploy plan: for each planned machine, what changes between the homelab
// at its last successful deploy and the homelab now, both built by the same
// model, plus the knock-ons on other machines. A pure function of two model
// builds (and their texts, for lines), so the CLI and the editor share it.
// Machines may have different "since" revisions: `deployPlanPerMachine`
// reuses one build per revision. Everything is sorted: same input, same plan.
import type { Homelab } from '../../model/homelab';
import { relativeUri } from '../../model/uri';
import { LineIndex } from '../../syntax/lineIndex';
import type { Origin } from '../../syntax/value';
import { knockOns, type Place } from './knockOns';
import { machineFacts, type Fact, type Family, type MachineFacts } from './machineFacts';
import type { UnreadableFile } from '../../model/unreadable';
import type { DeployPlan, MachinePlan, PlanChange, PlanChangeKind, UnreadablePlanFile } from './planTypes';

export type TextOf = (uri: string) => string | undefined;

export interface PlanOptions {
  /** The machines to plan (default: every machine before or after). */
  machines?: string[];
  /** The revision "before" is (recorded on each machine). */
  since?: string;
  /** The text of a file before and after (for lines). */
  textBefore: TextOf;
  textAfter: TextOf;
  /** The commit `since` resolved to (named with the files unreadable there). */
  commit?: string;
  /** Files that did not parse before (at `since`) and after (the working tree). */
  unreadableBefore?: UnreadableFile[];
  unreadableAfter?: UnreadableFile[];
}

/** A homelab built at a revision, with its texts. */
export interface BeforeBuild {
  homelab: Homelab | undefined;
  text: TextOf;
  commit?: string;
  unreadable?: UnreadableFile[];
}

const KIND_ORDER: PlanChangeKind[] = [
  'inventory', 'setting', 'option', 'service-added', 'service-removed', 'port-opened', 'port-closed',
  'scrape-target-gained', 'scrape-target-lost', 'scrape-target-changed', 'update-window-moved',
  'no-longer-scraped', 'proxy-port-closed', 'update-clash',
];
const LONGEST_VALUE = 400;
const collator = new Intl.Collator('en', { numeric: true });

function compare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function compareChanges(a: PlanChange, b: PlanChange): number {
  return (
    compare(a.machine, b.machine) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compare(a.key, b.key) ||
    compare(a.cause ?? '', b.cause ?? '') ||
    compare(a.file, b.file) ||
    a.line - b.line
  );
}

/** Origins to `file` (relative to the folder) and 1-based `line`, with one line index per file. */
export function placer(root: string, text: TextOf): Place {
  const indexes = new Map<string, LineIndex>();
  return (o: Origin) => {
    let idx = indexes.get(o.uri);
    if (!idx) indexes.set(o.uri, (idx = new LineIndex(text(o.uri) ?? '')));
    return { file: relativeUri(root, o.uri), line: idx.positionAt(o.span.start).line + 1 };
  };
}

function clip(s: string): string {
  return s.length > LONGEST_VALUE ? `${s.slice(0, LONGEST_VALUE - 1)}…` : s;
}

const SET_FAMILIES = new Set<Family>(['service', 'tcp', 'udp']);

function kindOf(f: Family, how: 'added' | 'removed' | 'changed'): PlanChangeKind {
  switch (f) {
    case 'service':
      return how === 'added' ? 'service-added' : 'service-removed';
    case 'tcp':
    case 'udp':
      return how === 'added' ? 'port-opened' : 'port-closed';
    case 'scrape':
      return how === 'added' ? 'scrape-target-gained' : how === 'removed' ? 'scrape-target-lost' : 'scrape-target-changed';
    case 'update':
      return 'update-window-moved';
    default:
      return f;
  }
}

/** The changes of one machine between its facts before and after. */
function machineChanges(b: MachineFacts, a: MachineFacts, placeBefore: Place, placeAfter: Place): PlanChange[] {
  const out: PlanChange[] = [];
  const skip = (f: Family): boolean => a.unknownFamilies.has(f) || b.unknownFamilies.has(f);
  const change = (f: Fact, how: 'added' | 'removed' | 'changed', old: Fact | undefined, now: Fact | undefined): void => {
    const set = SET_FAMILIES.has(f.family);
    out.push({
      machine: a.name,
      kind: kindOf(f.family, how),
      key: f.key,
      ...(old && !set ? { old: clip(old.text) } : {}),
      ...(now && !set ? { new: clip(now.text) } : {}),
      ...(now ? placeAfter(now.origin) : placeBefore(f.origin)),
    });
  };
  for (const [id, now] of a.facts) {
    if (skip(now.family)) continue;
    const old = b.facts.get(id);
    if (!old) {
      if (!(now.unknown && SET_FAMILIES.has(now.family))) change(now, 'added', undefined, now);
    } else if (old.cmp !== now.cmp && !old.unknown && !now.unknown) change(now, 'changed', old, now);
  }
  for (const [id, old] of b.facts) {
    if (skip(old.family) || a.facts.has(id)) continue;
    if (!(old.unknown && SET_FAMILIES.has(old.family))) change(old, 'removed', old, undefined);
  }
  return out.sort(compareChanges);
}

function factsOf(h: Homelab | undefined): Map<string, MachineFacts> {
  const out = new Map<string, MachineFacts>();
  for (const c of h?.machines.values() ?? []) out.set(c.name, machineFacts(h!, c));
  return out;
}

/** The plan of the machines selected, comparing `before` (undefined: nothing there) with `after`. */
export function deployPlan(before: Homelab | undefined, after: Homelab, options: PlanOptions): DeployPlan {
  const factsBefore = factsOf(before);
  const factsAfter = factsOf(after);
  const placeBefore = placer(after.root, options.textBefore);
  const placeAfter = placer(after.root, options.textAfter);
  const names = options.machines ? new Set(options.machines) : new Set([...factsBefore.keys(), ...factsAfter.keys()]);
  const since = options.since !== undefined ? { since: options.since } : {};

  const machines: MachinePlan[] = [];
  for (const name of names) {
    const b = factsBefore.get(name);
    const a = factsAfter.get(name);
    if (a && !b) machines.push({ machine: name, status: 'new', ...since, ...placeAfter(a.place), changes: [] });
    else if (b && !a) machines.push({ machine: name, status: 'removed', ...since, ...placeBefore(b.place), changes: [] });
    else if (a && b) {
      const changes = machineChanges(b, a, placeBefore, placeAfter);
      if (changes.length) machines.push({ machine: name, status: 'changed', ...since, ...placeAfter(a.place), changes });
    }
  }
  const effects = knockOns({ before, after, factsBefore, factsAfter, placeBefore, placeAfter }).filter((k) => k.cause !== undefined && names.has(k.cause));
  const unreadable = [
    ...(options.unreadableBefore ?? []).map((u) => unreadableEntry(after.root, u, 'before', options)),
    ...(options.unreadableAfter ?? []).map((u) => unreadableEntry(after.root, u, 'after', options)),
  ];
  return withUnreadable({ machines: machines.sort((x, y) => compare(x.machine, y.machine)), knockOns: dedupe(effects).sort(compareChanges) }, unreadable);
}

function unreadableEntry(root: string, u: UnreadableFile, side: 'before' | 'after', options: PlanOptions): UnreadablePlanFile {
  return {
    file: relativeUri(root, u.uri), line: u.line, side,
    ...(side === 'before' && options.since !== undefined ? { revision: options.since } : {}),
    ...(side === 'before' && options.commit !== undefined ? { commit: options.commit } : {}),
    message: u.message,
  };
}

/** The plan with its unreadable files (deduplicated, sorted), when there are any. */
function withUnreadable(plan: DeployPlan, list: UnreadablePlanFile[]): DeployPlan {
  const seen = new Set<string>();
  const unique = list.filter((u) => {
    const id = JSON.stringify([u.side, u.revision, u.file]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (unique.length === 0) return plan;
  unique.sort((a, b) => (a.side === b.side ? 0 : a.side === 'before' ? -1 : 1) || compare(a.revision ?? '', b.revision ?? '') || compare(a.file, b.file));
  return { ...plan, unreadable: unique };
}

function dedupe(list: PlanChange[]): PlanChange[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const id = JSON.stringify([c.machine, c.kind, c.key, c.cause, c.file, c.line]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * The plan when each machine has its own "since" (its last successful deploy):
 * one comparison per revision, over the builds given for each. Machines
 * without an entry in `sinceByMachine` are not planned.
 */
export function deployPlanPerMachine(
  after: Homelab,
  textAfter: TextOf,
  beforeByRevision: Map<string, BeforeBuild>,
  sinceByMachine: Record<string, string>,
  unreadableAfter: UnreadableFile[] = [],
): DeployPlan {
  const byRevision = new Map<string, string[]>();
  for (const [machine, rev] of Object.entries(sinceByMachine)) {
    const list = byRevision.get(rev) ?? [];
    list.push(machine);
    byRevision.set(rev, list);
  }
  const machines: MachinePlan[] = [];
  const effects: PlanChange[] = [];
  const unreadable: UnreadablePlanFile[] = [];
  for (const [rev, names] of byRevision) {
    const build = beforeByRevision.get(rev);
    if (!build) throw new Error(`no build for revision ${rev}`);
    const plan = deployPlan(build.homelab, after, {
      machines: names, since: rev, textBefore: build.text, textAfter,
      commit: build.commit, unreadableBefore: build.unreadable, unreadableAfter,
    });
    machines.push(...plan.machines);
    effects.push(...plan.knockOns);
    unreadable.push(...(plan.unreadable ?? []));
  }
  return withUnreadable({ machines: machines.sort((x, y) => compare(x.machine, y.machine)), knockOns: dedupe(effects).sort(compareChanges) }, unreadable);
}

/** Whether every file was read on both sides (else the plan may miss changes). */
export function isCompletePlan(p: DeployPlan): boolean {
  return (p.unreadable?.length ?? 0) === 0;
}
