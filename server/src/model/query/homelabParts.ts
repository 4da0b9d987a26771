// A folder's homelab read part by part: each field of `Homelab` is a query of
// its own whose value is cut off when equal to the last one, and a view whose
// getters read those queries, so a computation (a rule) depends only on the
// parts it touched.
import type { Homelab, Machine } from '../homelab';
import { sameArray, sameField, sameMap, sameShallow } from './equal';
import { samePlace } from '../../syntax/value';

/** What the homelab build itself assembles; the catalog, the address index and its declared addresses are queries of their own. */
export type HomelabCore = Omit<Homelab, 'addresses' | 'catalog' | 'declaredAddresses'>;

/** Every field of `Homelab`, checked complete by the compiler. */
const FIELDS: Record<keyof Homelab, true> = {
  root: true,
  settings: true,
  inventoryUri: true,
  inventory: true,
  profiles: true,
  machines: true,
  services: true,
  catalog: true,
  reads: true,
  hasModules: true,
  defaultsUri: true,
  files: true,
  nixFiles: true,
  addresses: true,
  declaredAddresses: true,
  nixosMachines: true,
  machineClashes: true,
  readingStops: true,
  homeConfigurations: true,
  baseProfiles: true,
  deployList: true,
  pipeOperators: true,
  nixEval: true,
};

export const HOMELAB_FIELDS = Object.keys(FIELDS) as (keyof Homelab)[];

/**
 * A homelab whose every field is read through `get` (a tracked query read),
 * once per view: a view is made for one computation and read inside it (a
 * rule reads `h.machines` in its loops), so the dependency is recorded on the
 * first read and later reads are plain property reads.
 */
export function homelabView(get: (field: keyof Homelab) => unknown): Homelab {
  return new HomelabView(get) as unknown as Homelab;
}

/**
 * The view's getters are on the prototype, made once: a view is two small
 * objects, not a property per field with a closure each (ten thousand views,
 * one per profile file's setting findings, each kept while its steps run,
 * were ~90 MB promoted to the old generation during a fleet's start-up).
 */
class HomelabView {
  private readonly read = new Map<keyof Homelab, unknown>();
  constructor(private readonly get: (field: keyof Homelab) => unknown) {}
  field(f: keyof Homelab): unknown {
    if (!this.read.has(f)) this.read.set(f, this.get(f));
    return this.read.get(f);
  }
}
for (const f of HOMELAB_FIELDS)
  Object.defineProperty(HomelabView.prototype, f, {
    get(this: HomelabView) {
      return this.field(f);
    },
    enumerable: true,
  });

/**
 * Machines rebuilt by the homelab build: equal when every part is the same
 * object (the parts come from memoised queries) or an equal origin, the address by its text and origin.
 */
export function sameMachine(a: Machine, b: Machine): boolean {
  if (a === b) return true;
  const ipa = a.ip;
  const ipb = b.ip;
  if (!(ipa === ipb || (ipa !== undefined && ipb !== undefined && ipa.value === ipb.value && samePlace(ipa.origin, ipb.origin)))) return false;
  // Every other field the same object, key by key, with no copy of either (the build compares 10,000 machines a keystroke).
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  let na = 0;
  for (const k in ra) {
    if (k === 'ip') continue;
    if (!sameField(ra[k], rb[k]) || !Object.prototype.hasOwnProperty.call(rb, k)) return false;
    na++;
  }
  let nb = 0;
  for (const k in rb) if (k !== 'ip') nb++;
  return na === nb;
}

/** Equality of two values of one homelab part: maps and arrays element by element, the rest by identity. */
export function homelabPartEquals(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Map && b instanceof Map) return sameMap(a, b, (x, y) => Object.is(x, y) || (isMachine(x) && isMachine(y) && sameMachine(x, y)) || sameShallow(x as object, y as object));
  if (Array.isArray(a) && Array.isArray(b)) return sameArray(a, b, (x, y) => Object.is(x, y) || (typeof x === 'object' && typeof y === 'object' && sameShallow(x as object, y as object)));
  return false;
}

/**
 * The build's machines, each unchanged one replaced by the object the last
 * build made for it (an equal machine keeps its identity): the `machines`
 * part is then compared by identity for the most part, and a rule that
 * judges machine by machine can keep its judgement of a machine while it is
 * the same object (checks/machineJudgements.ts). Only equal objects are
 * swapped, so what the build returns is the same value either way.
 */
export function* internMachines(built: Map<string, Machine>, last: ReadonlyMap<string, Machine> | undefined): Generator<void, void> {
  if (!last) return;
  // Names first, then an indexed loop: an entry iterator in a generator leaves two objects per machine and step.
  const names = [...built.keys()];
  for (let i = 0; i < names.length; i++) {
    // In steps: comparing 10,000 machines is milliseconds a keystroke would wait behind.
    if ((i + 1) % INTERN_MACHINES_PER_STEP === 0) yield;
    const name = names[i];
    const c = built.get(name) as Machine;
    const before = last.get(name);
    if (before && before !== c && sameMachine(before, c)) built.set(name, before);
  }
}

/** Machines compared by `internMachines` between two pauses. */
const INTERN_MACHINES_PER_STEP = 512;

function isMachine(x: unknown): x is Machine {
  return typeof x === 'object' && x !== null && 'configExists' in x && 'name' in x;
}
