// A rule's judgement of each machine kept from its last run: a rule over the
// fleet (port-not-open, inventory-profile-mismatch...) runs again when any
// machine changed, but a profile's edit changes one machine, and the build
// keeps the object of every unchanged machine (homelabParts.ts
// `internMachines`). So a judgement is made again only for a machine that is
// not the same object as at the last run, or when something else it reads
// (the rule's context: the services, the inventory, the scraped addresses)
// changed. The same holds for other items the model keeps while unchanged
// (an address index's places, an evaluated profile). Each judgement made is
// counted (`machine <rule>`, `place <rule>`...) for the recomputation gate
// (test/unit/model/recomputation.test.ts).
import type { Homelab, Machine } from '../model/homelab';
import type { Finding } from './types';
import type { Workspace } from '../model/workspace';

/** The last run's judgements of one rule: what its items were judged against, and the judgement of each. */
interface Kept {
  context: readonly unknown[];
  byItem: Map<object, unknown>;
  /** Runs since `byItem` was last made afresh from the items of one run (see `judgementsOf`). */
  runsSinceFresh: number;
}

/**
 * Judgements of items no longer met (a machine replaced by its edited self)
 * kept in the map past which it is made afresh, and runs after which it is
 * anyway (an item met twice in a run would hide as many stale ones).
 */
const MAX_STALE = 64;
const MAX_RUNS_KEPT = 32;

const KEPT = Symbol('judgements of machines, per rule');

function keptOf(ws: Workspace): Map<string, Kept> {
  return ws.own(KEPT, () => new Map<string, Kept>());
}

/** The same context: each part the same object, or a set with the same members (rebuilt equal by a rule's own walk). */
function sameContext(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (Object.is(x, y)) continue;
    if (!(x instanceof Set && y instanceof Set) || x.size !== y.size) return false;
    for (const v of x) if (!y.has(v)) return false;
  }
  return true;
}

/**
 * The judgements of one run of a rule over the machines: `of(c, judge)` gives
 * the judgement kept for `c` when `c` and the context are unchanged, else
 * judges it. `done()` keeps this run's judgements for the next (with at most
 * a few of items no longer met; a run dropped midway keeps what it judged too,
 * as good as the last complete run's against the same context).
 */
export interface MachineJudgements<T, K extends object = Machine> {
  of(item: K, judge: (item: K) => T): T;
  /** The judgement kept for `item` when still good (then kept for the next run too), for a judgement made in steps. */
  kept(item: K): { value: T } | undefined;
  /** A judgement made now (counted), kept for the next run. */
  put(item: K, value: T): void;
  done(): void;
}

/**
 * Judgements of machines by `rule`, against `context` (every homelab part or
 * value the judgement reads besides the machine itself: a judgement must read
 * nothing else).
 */
export function machineJudgements<T>(ws: Workspace, rule: string, context: readonly unknown[]): MachineJudgements<T> {
  return judgementsOf<T, Machine>(ws, `machine ${rule}`, context);
}

/**
 * The same for other items kept as the same object while unchanged (`what`
 * names them and the rule, as counted: `place ip-outside-network`).
 */
export function judgementsOf<T, K extends object>(ws: Workspace, what: string, context: readonly unknown[]): MachineJudgements<T, K> {
  const all = keptOf(ws);
  const last = all.get(what);
  const usable = last && sameContext(last.context, context) ? last.byItem : undefined;
  // Against the same context the last run's map is added to in place (its judgements stay good: an item
  // is judged by itself and the context), rather than copied into a new one: a fleet's map of 10,000
  // judgements per rule after each edit was much of what a keystroke's whole check allocated.
  const byItem = usable ?? new Map<object, unknown>();
  const met: object[] = [];
  const kept = (item: K): { value: T } | undefined => {
    if (!usable?.has(item)) return undefined;
    met.push(item);
    return { value: usable.get(item) as T };
  };
  const put = (item: K, value: T): void => {
    ws.engine.count(what);
    met.push(item);
    byItem.set(item, value);
  };
  return {
    of(item, judge) {
      // Not through `kept`: its wrapper object per item kept was garbage of every run.
      if (usable?.has(item)) {
        met.push(item);
        return usable.get(item) as T;
      }
      const v = judge(item);
      put(item, v);
      return v;
    },
    kept,
    put,
    done() {
      const runs = usable && last ? last.runsSinceFresh + 1 : 0;
      if (usable && (byItem.size - met.length > MAX_STALE || runs >= MAX_RUNS_KEPT)) {
        // Only this run's items, so a replaced machine's judgement (and the machine) is not kept for ever.
        const fresh = new Map<object, unknown>();
        for (const item of met) fresh.set(item, byItem.get(item));
        all.set(what, { context: last?.context ?? context, byItem: fresh, runsSinceFresh: 0 });
        return;
      }
      // The context as it was judged against: a set kept equal stays the one compared next time.
      all.set(what, { context: last && usable ? last.context : context, byItem, runsSinceFresh: runs });
    },
  };
}

/**
 * Every machine's findings by `rule`, each judged by `judge` or kept from the
 * last run (see `machineJudgements`), with a pause every `perStep` machines:
 * the loop of the rules that judge machine by machine. Indexed, not iterated:
 * an iterator in a generator left an object per machine and step, a fleet's
 * worth of garbage after each edit.
 */
export function* judgeEachMachine(
  ws: Workspace,
  rule: string,
  context: readonly unknown[],
  h: Homelab,
  judge: (m: Machine) => readonly Finding[],
  perStep: number,
): Generator<void, Finding[]> {
  const judged = machineJudgements<readonly Finding[]>(ws, rule, context);
  const out: Finding[] = [];
  const machines = [...h.machines.values()];
  for (let i = 0; i < machines.length; i++) {
    if ((i + 1) % perStep === 0) yield;
    const found = judged.of(machines[i], judge);
    for (let j = 0; j < found.length; j++) out.push(found[j]);
  }
  judged.done();
  return out;
}
