// Equalities for early cut-off: a recomputed query result that is equal to
// the old one keeps the old value, so what read it is not re-run. Cheap,
// shallow where the parts are themselves memoised (same object when unchanged).

import { EntryTable } from '../../syntax/entryTable';
import { Place, samePlace } from '../../syntax/value';

export function sameArray<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

/** Same keys in the same order, each value equal by `same` (identity by default). */
export function sameMap<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>, same: (x: V, y: V) => boolean = Object.is): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  const ib = b.entries();
  for (const [k, v] of a) {
    const n = ib.next();
    if (n.done || n.value[0] !== k || !same(v, n.value[1])) return false;
  }
  return true;
}

/** Objects with the same own keys whose values are identical (one level deep), origins equal (made when read: see value.ts's `Placed`). */
export function sameShallow(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // A value node's kind is its class's, not an own key (see value.ts's `Placed`).
  return ra.kind === rb.kind && ka.every((k) => sameField(ra[k], rb[k]));
}

/** The same object, or equal origins (made when read: see value.ts's `Placed`). */
export function sameField(x: unknown, y: unknown): boolean {
  return Object.is(x, y) || (x instanceof Place && y instanceof Place && samePlace(x, y));
}

/** Structural equality of plain data (arrays, maps, sets, plain objects, primitives). */
export function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 64) return false;
  if (Array.isArray(a)) return Array.isArray(b) && sameArray(a, b, (x, y) => deepEqual(x, y, depth + 1));
  if (a instanceof Map || a instanceof EntryTable) return (b instanceof Map || b instanceof EntryTable) && sameMap(a, b, (x, y) => deepEqual(x, y, depth + 1));
  if (a instanceof Set) return b instanceof Set && sameArray([...a], [...b]);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // The own enumerable keys (as Object.keys), walked without a key array per
  // object: an address index of 10,000 machines compares ~400,000 objects.
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let na = 0;
  for (const k in ra) {
    if (!hasOwn.call(ra, k)) continue;
    na++;
    if (!(k in rb) || !deepEqual(ra[k], rb[k], depth + 1)) return false;
  }
  let nb = 0;
  for (const k in rb) if (hasOwn.call(rb, k)) nb++;
  return na === nb;
}

const hasOwn = Object.prototype.hasOwnProperty;
