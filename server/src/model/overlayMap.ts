// A read-only map that is another map with some of its values replaced,
// without copying it: the homelab a keystroke's completion reads (a built
// homelab with one profile evaluated afresh, `withProfile`) replaces one
// profile and the machines that use it, and copying the maps of a
// 10,000-machine fleet cost more than the completion itself.

/** `base` with the values of `over` (whose keys are all keys of `base`) in their place; in `base`'s order. */
export class OverlayMap<K, V> extends Map<K, V> {
  constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly over: ReadonlyMap<K, V>,
  ) {
    super();
  }

  override get size(): number {
    return this.base.size;
  }

  override get(key: K): V | undefined {
    return this.over.has(key) ? this.over.get(key) : this.base.get(key);
  }

  override has(key: K): boolean {
    return this.base.has(key);
  }

  override entries(): MapIterator<[K, V]> {
    return this.walk((k, v) => [k, v]);
  }

  override keys(): MapIterator<K> {
    return this.base.keys();
  }

  override values(): MapIterator<V> {
    return this.over.size === 0 ? this.base.values() : this.walk((_k, v) => v);
  }

  /** Each key with its value (replaced where `over` has one), as `f` shapes it, in `base`'s order. */
  private walk<T>(f: (key: K, value: V) => T): MapIterator<T> {
    // Keys and values of one map come in the same order: the two native iterators side by side, no pair per entry.
    const keys = this.base.keys();
    const values = this.base.values();
    return iterator(() => {
      const v = values.next();
      if (v.done) return v;
      const k = keys.next().value as K;
      return { done: false, value: f(k, this.over.has(k) ? (this.over.get(k) as V) : v.value) };
    });
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(f: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.base.forEach((v, k) => f.call(thisArg, this.over.has(k) ? (this.over.get(k) as V) : v, k, this));
  }

  override set(_key: K, _value: V): this {
    throw new Error('an overlay map is read-only');
  }

  override delete(_key: K): boolean {
    throw new Error('an overlay map is read-only');
  }

  override clear(): void {
    throw new Error('an overlay map is read-only');
  }
}

/** An iterator made of its `next` (a plain object: cheaper to step than a generator). */
function iterator<T>(next: () => IteratorResult<T, undefined>): MapIterator<T> {
  const it = {
    next,
    [Symbol.iterator]: () => it,
  };
  return it as unknown as MapIterator<T>;
}
