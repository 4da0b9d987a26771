// The entries of an attribute set value once it is built, in one array. A
// 10,000-machine fleet keeps ~75,000 sets, most with a handful of entries:
// as `Map`s each held a hash table (152 bytes for up to four entries, 264 for
// eight, plus the 32-byte Map), ~16 MB in all; an array is 8 bytes an entry.
// A set is found into by walking it (its keys are few, and mostly differ in
// length, which `===` compares first); a bigger one builds an index of its
// keys the first time one is looked up.
//
// It reads as the `Map` it was made from (`ReadonlyMap`: get, has, size, the
// iterators, forEach, in the map's order) and is never changed. The key of
// each entry is its own `key` (made only from maps where it is).

/** The `key` every entry of a table has (value.ts's `Entry`; kept structural so this file needs no import of it). */
interface Keyed {
  readonly key: string;
}

/** Sets of at least this many entries are looked into through an index of their keys (built on the first lookup). */
export const INDEXED_FROM = 32;

export class EntryTable<E extends Keyed> implements ReadonlyMap<string, E> {
  /** Position of each key, for the bigger tables (see INDEXED_FROM), made when first needed. */
  private index: Map<string, number> | undefined = undefined;

  /** `items` is the table's own: it is kept, not copied, and must not change. */
  constructor(protected readonly items: readonly E[]) {}

  /**
   * The entries of `m` as a table, or `m` itself where one is not the same thing:
   * a table already, or an entry kept under a name other than its own key.
   */
  static of<E extends Keyed>(m: ReadonlyMap<string, E>): ReadonlyMap<string, E> {
    if (m instanceof EntryTable) return m;
    const items = new Array<E>(m.size);
    let i = 0;
    for (const [k, e] of m) {
      if (e.key !== k) return m;
      items[i++] = e;
    }
    return new EntryTable(items);
  }

  get size(): number {
    return this.items.length;
  }

  get(k: string): E | undefined {
    const i = this.find(k);
    return i < 0 ? undefined : this.items[i];
  }

  has(k: string): boolean {
    return this.find(k) >= 0;
  }

  /** The position of key `k` among the items, or -1. */
  protected find(k: string): number {
    const items = this.items;
    if (items.length < INDEXED_FROM) {
      for (let i = 0; i < items.length; i++) if (items[i].key === k) return i;
      return -1;
    }
    let index = this.index;
    if (!index) {
      index = new Map();
      for (let i = 0; i < items.length; i++) index.set(items[i].key, i);
      this.index = index;
    }
    const i = index.get(k);
    return i === undefined ? -1 : i;
  }

  forEach(f: (value: E, key: string, map: ReadonlyMap<string, E>) => void, thisArg?: unknown): void {
    const items = this.items;
    for (let i = 0; i < items.length; i++) f.call(thisArg, items[i], items[i].key, this);
  }

  entries(): IterableIterator<[string, E]> {
    return new ItemIterator<E, [string, E]>(this.items, 0);
  }

  keys(): IterableIterator<string> {
    return new ItemIterator<E, string>(this.items, 1);
  }

  values(): IterableIterator<E> {
    return new ItemIterator<E, E>(this.items, 2);
  }

  [Symbol.iterator](): IterableIterator<[string, E]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'EntryTable';
  }
}

/** The items of a table in order: `what` 0 entries, 1 keys, 2 values. */
class ItemIterator<E extends Keyed, T> implements IterableIterator<T> {
  private i = 0;

  constructor(
    private readonly items: readonly E[],
    private readonly what: 0 | 1 | 2,
  ) {}

  next(): IteratorResult<T> {
    if (this.i >= this.items.length) return { value: undefined, done: true };
    const e = this.items[this.i++];
    return { value: (this.what === 0 ? [e.key, e] : this.what === 1 ? e.key : e) as T, done: false };
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this;
  }
}
