// A rule's judgement of each machine kept from its last run: a rule over the
// fleet (port-not-open, inventory-profile-mismatch...) runs again when any
// machine changed, but a profile's edit changes one machine, and the build
// keeps the object of every unchanged machine (homelabParts.ts
// `internMachines`). So a judgement is made again only for a machine that is
// not the same object as at the last run, or when something else it reads
// (the rule's context: the services, the inventory, the scraped addresses)
// changed. Each judgement made is counted (`machine <rule>`) for the
// recomputation gate (test/unit/model/recomputation.test.ts).
import type { Machine } from '../model/homelab';
import type { Workspace } from '../model/workspace';

/** The last run's judgements of one rule: what its machines were judged against, and the judgement of each. */
interface Kept {
  context: readonly unknown[];
  byMachine: Map<Machine, unknown>;
}

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
 * judges it. `done()` keeps this run's judgements for the next (only the
 * machines met in it; a run dropped midway keeps the last complete one's).
 */
export interface MachineJudgements<T> {
  of(c: Machine, judge: (c: Machine) => T): T;
  done(): void;
}

/**
 * Judgements of machines by `rule`, against `context` (every homelab part or
 * value the judgement reads besides the machine itself: a judgement must read
 * nothing else).
 */
export function machineJudgements<T>(ws: Workspace, rule: string, context: readonly unknown[]): MachineJudgements<T> {
  const all = keptOf(ws);
  const last = all.get(rule);
  const usable = last && sameContext(last.context, context) ? last.byMachine : undefined;
  const byMachine = new Map<Machine, unknown>();
  const counted = `machine ${rule}`;
  return {
    of(c, judge) {
      let v: T;
      if (usable?.has(c)) v = usable.get(c) as T;
      else {
        ws.engine.count(counted);
        v = judge(c);
      }
      byMachine.set(c, v);
      return v;
    },
    done() {
      // The context as it was judged against: a set kept equal stays the one compared next time.
      all.set(rule, { context: last && usable ? last.context : context, byMachine });
    },
  };
}
