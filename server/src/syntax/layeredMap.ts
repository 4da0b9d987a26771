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
export function layerOver<K, V extends {}>(base: ReadonlyMap<K, V>): Map<K, V> {
  return base instanceof LayeredMap && base.layers >= MAX_LAYERS ? new Map(base) : new LayeredMap(base);
}

const mapGet = Map.prototype.get;
const mapEntries = Map.prototype.entries;

export class LayeredMap<K, V extends {}> extends Map<K, V> {
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

  // Values are never undefined (`V extends {}`), so a miss here is a read of the base.
  override get(k: K): V | undefined {
    const v = super.get(k);
    return v !== undefined || !this.lower ? v : this.lower.get(k);
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

  // Iterators of our own rather than generators: a fleet's settings are iterated by every whole check.
  override entries(): IterableIterator<[K, V]> {
    return this.lower ? new LayeredIterator(this, this.lower, 0) : super.entries();
  }

  override [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  override keys(): IterableIterator<K> {
    return this.lower ? new LayeredIterator(this, this.lower, 1) : super.keys();
  }

  override values(): IterableIterator<V> {
    return this.lower ? new LayeredIterator(this, this.lower, 2) : super.values();
  }

  // The entries' order without an iterator: the whole check walks every profile's settings
  // this way, and three objects an entry (7 MB a check at 1,000 machines) brought the young GC.
  override forEach(f: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    const lower = this.lower;
    if (!lower) {
      super.forEach((v, k) => f.call(thisArg, v, k, this));
      return;
    }
    lower.forEach((v, k) => {
      const own = mapGet.call(this, k) as V | undefined;
      f.call(thisArg, own !== undefined ? own : v, k, this);
    });
    super.forEach((v, k) => {
      if (!lower.has(k)) f.call(thisArg, v, k, this);
    });
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

/**
 * The base's entries in order, each with this map's value where it has one,
 * then this map's own keys the base lacks. `what`: 0 entries, 1 keys, 2 values.
 */
class LayeredIterator<K, V extends {}, T> implements IterableIterator<T> {
  private readonly below: Iterator<[K, V]>;
  private above: Iterator<[K, V]> | undefined;

  constructor(
    private readonly map: LayeredMap<K, V>,
    private readonly lower: ReadonlyMap<K, V>,
    private readonly what: 0 | 1 | 2,
  ) {
    this.below = lower.entries();
  }

  next(): IteratorResult<T> {
    if (!this.above) {
      const r = this.below.next();
      if (!r.done) {
        const own = mapGet.call(this.map, r.value[0]) as V | undefined;
        return { value: this.pick(r.value[0], own !== undefined ? own : r.value[1]), done: false };
      }
      this.above = mapEntries.call(this.map) as Iterator<[K, V]>;
    }
    for (;;) {
      const r = this.above.next();
      if (r.done) return { value: undefined, done: true };
      if (!this.lower.has(r.value[0])) return { value: this.pick(r.value[0], r.value[1]), done: false };
    }
  }

  private pick(k: K, v: V): T {
    return (this.what === 0 ? [k, v] : this.what === 1 ? k : v) as T;
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this;
  }
}
