// A map over a shared base: what `a // b` gives without copying `a`. A profile
// is `base.systemSettings // { …its own settings… }`; copied, each of a
// 10,000-machine fleet's profiles held its own table of every base setting
// (~1.8 KB each, 18 MB). Layered, it holds only its own entries and reads the
// rest from the base, which all profiles share.
//
// It behaves as the copy would: the base's keys first in the base's order
// (a key set again keeps its place, with the new value), then the keys the
// base lacks in the order they were set. The base must not change after the
// map is made (the evaluator's and the conversion's maps do not, once built).
// A delete or clear of a base key turns it into a plain map of its own.

/**
 * Layers below a map at most: a read goes down through each, so a long chain
 * (`foldl' (a: b: a // b)` over a fleet's hosts) is copied instead past this.
 */
const MAX_LAYERS = 8;

/** A map to set entries over `base` as `base // …` would: layered over it, or a copy of it when the base is deep in layers already. */
export function layerOver<K, V>(base: ReadonlyMap<K, V>): Map<K, V> {
  return base instanceof LayeredMap && base.layers >= MAX_LAYERS ? new Map(base) : new LayeredMap(base);
}

export class LayeredMap<K, V> extends Map<K, V> {
  /** The shared map below (undefined once this map holds everything itself). */
  private lower: ReadonlyMap<K, V> | undefined;
  /** Keys held here that the base lacks. */
  private added = 0;
  /** Maps below this one, itself included (1 over a plain map). */
  readonly layers: number;

  constructor(base: ReadonlyMap<K, V>, top?: Iterable<readonly [K, V]>) {
    super();
    this.lower = base;
    this.layers = base instanceof LayeredMap ? base.layers + 1 : 1;
    if (top) for (const [k, v] of top) this.set(k, v);
  }

  /** The shared map below, while there is one. */
  get base(): ReadonlyMap<K, V> | undefined {
    return this.lower;
  }

  /** The entries set on top of the base (all of them once the map is plain). */
  get own(): IterableIterator<[K, V]> {
    return super.entries();
  }

  override get(k: K): V | undefined {
    const v = super.get(k);
    return v !== undefined || !this.lower || super.has(k) ? v : this.lower.get(k);
  }

  override has(k: K): boolean {
    return super.has(k) || (this.lower?.has(k) ?? false);
  }

  override set(k: K, v: V): this {
    if (this.lower && !super.has(k) && !this.lower.has(k)) this.added++;
    return super.set(k, v);
  }

  override delete(k: K): boolean {
    if (this.lower?.has(k)) this.flatten();
    else if (this.lower && super.has(k)) this.added--;
    return super.delete(k);
  }

  override clear(): void {
    this.lower = undefined;
    this.added = 0;
    super.clear();
  }

  override get size(): number {
    return this.lower ? this.lower.size + this.added : super.size;
  }

  override *entries(): IterableIterator<[K, V]> {
    const lower = this.lower;
    if (!lower) {
      yield* super.entries();
      return;
    }
    for (const [k, v] of lower) yield [k, super.has(k) ? (super.get(k) as V) : v];
    for (const e of super.entries()) if (!lower.has(e[0])) yield e;
  }

  override [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  override *keys(): IterableIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  override *values(): IterableIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  override forEach(f: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) f.call(thisArg, v, k, this);
  }

  /** Holds everything itself from now on, in the same order. */
  private flatten(): void {
    const all = [...this.entries()];
    this.lower = undefined;
    this.added = 0;
    super.clear();
    for (const [k, v] of all) super.set(k, v);
  }
}
