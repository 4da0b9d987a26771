// A converted `a // b` set's entries: a table of its own entries over the
// left side's, which it shares (a fleet's profiles are each
// `base.systemSettings // { …its own settings… }`). What `LayeredMap` is to
// the evaluator, read-only and without a hash table of its own: it reads,
// iterates and sizes as the copy would (the base's keys first in the base's
// order, a key set again keeping its place with the new value, then the keys
// the base lacks in the order they were set).
import { EntryTable } from './entryTable';

interface Keyed {
  readonly key: string;
}

export class LayeredEntries<E extends Keyed> extends EntryTable<E> {
  /**
   * `items`: the entries that replace one of `lower`'s, in `lower`'s order
   * (the first `overriding`), then those `lower` lacks, in the order they were set.
   */
  private constructor(
    private readonly lower: ReadonlyMap<string, E>,
    items: readonly E[],
    private readonly overriding: number,
  ) {
    super(items);
  }

  /** `top`'s entries over `lower`'s (which must not change), or undefined where an entry of `top` is kept under a name other than its own key. */
  static over<E extends Keyed>(lower: ReadonlyMap<string, E>, top: ReadonlyMap<string, E>): LayeredEntries<E> | undefined {
    const items: E[] = [];
    for (const [k, e] of top) if (e.key !== k) return undefined;
    lower.forEach((_, k) => {
      const e = top.get(k);
      if (e !== undefined) items.push(e);
    });
    const overriding = items.length;
    top.forEach((e, k) => {
      if (!lower.has(k)) items.push(e);
    });
    return new LayeredEntries(lower, items.slice(), overriding);
  }

  /** The entries set on top of the base (those replacing one of its in its order, then the others). */
  get own(): readonly E[] {
    return this.items;
  }

  /** The table below, shared. */
  get base(): ReadonlyMap<string, E> {
    return this.lower;
  }

  override get size(): number {
    return this.lower.size + this.items.length - this.overriding;
  }

  override get(k: string): E | undefined {
    const i = this.find(k);
    return i >= 0 ? this.items[i] : this.lower.get(k);
  }

  override has(k: string): boolean {
    return this.find(k) >= 0 || this.lower.has(k);
  }

  // The whole check walks every profile's settings this way: one comparison a
  // base key finds whether this set replaced it (the replacements are in the base's order).
  override forEach(f: (value: E, key: string, map: ReadonlyMap<string, E>) => void, thisArg?: unknown): void {
    const items = this.items;
    const overriding = this.overriding;
    let c = 0;
    this.lower.forEach((v, k) => {
      if (c < overriding && items[c].key === k) f.call(thisArg, items[c++], k, this);
      else f.call(thisArg, v, k, this);
    });
    for (let i = overriding; i < items.length; i++) f.call(thisArg, items[i], items[i].key, this);
  }

  override entries(): IterableIterator<[string, E]> {
    return new LayeredIterator<E, [string, E]>(this.lower, this.items, this.overriding, 0);
  }

  override keys(): IterableIterator<string> {
    return new LayeredIterator<E, string>(this.lower, this.items, this.overriding, 1);
  }

  override values(): IterableIterator<E> {
    return new LayeredIterator<E, E>(this.lower, this.items, this.overriding, 2);
  }

  override [Symbol.iterator](): IterableIterator<[string, E]> {
    return this.entries();
  }
}

/** The order of `LayeredEntries.forEach`, as an iterator: `what` 0 entries, 1 keys, 2 values. */
class LayeredIterator<E extends Keyed, T> implements IterableIterator<T> {
  private readonly below: Iterator<[string, E]>;
  /** The next replacement to meet in the base, then (once the base is done) the next item of the top. */
  private i = 0;
  private belowDone = false;

  constructor(
    lower: ReadonlyMap<string, E>,
    private readonly items: readonly E[],
    private readonly overriding: number,
    private readonly what: 0 | 1 | 2,
  ) {
    this.below = lower.entries();
  }

  next(): IteratorResult<T> {
    if (!this.belowDone) {
      const r = this.below.next();
      if (!r.done) {
        const [k, v] = r.value;
        const replaced = this.i < this.overriding && this.items[this.i].key === k;
        return { value: this.pick(k, replaced ? this.items[this.i++] : v), done: false };
      }
      this.belowDone = true;
      this.i = this.overriding;
    }
    if (this.i >= this.items.length) return { value: undefined, done: true };
    const e = this.items[this.i++];
    return { value: this.pick(e.key, e), done: false };
  }

  private pick(k: string, e: E): T {
    return (this.what === 0 ? [k, e] : this.what === 1 ? k : e) as T;
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this;
  }
}
