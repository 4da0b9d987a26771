// A small incremental computation engine in the manner of salsa (rust-analyzer,
// nil): inputs carry the revision they last changed at; derived queries are
// memoised with the revision they were verified at and every input or query
// they read while computing. After a change only what read it is re-validated,
// and a query whose recomputed result equals the old one keeps its old value
// and revision, so the propagation stops there (early cut-off).
//
// Query definitions (`defineQuery`) are immutable module constants; every
// memo lives in an `Engine`, which a Workspace owns: two workspaces in one
// process never share a result.

/** A derived query: `compute` reads other queries and inputs through `QueryReader`. */
export interface QueryDef<V, O> {
  readonly name: string;
  readonly compute: (read: QueryReader<O>, key: string) => V;
  /** When a recomputed result equals the old one, dependants are not re-run. Default: `===`. */
  readonly equals?: (a: V, b: V) => boolean;
  /** The name a recomputation is counted under (default `name`): a rule's query counts per rule. */
  readonly countAs?: (key: string) => string;
  /**
   * The same computation in steps (a query over every machine of a fleet):
   * `Engine.update` runs it with a pause at each `yield`, so no single step
   * holds the event loop for long; `compute` runs it through at once.
   */
  readonly steps?: (read: QueryReader<O>, key: string) => Generator<void, V>;
  /**
   * `equals` in steps, for a step query whose value is large (an index of a
   * fleet's 10,000 files): `Engine.update` compares a recomputed value with
   * the old one with pauses too.
   */
  readonly equalsSteps?: (a: V, b: V) => Generator<void, boolean>;
}

export function defineQuery<V, O>(
  name: string,
  compute: (read: QueryReader<O>, key: string) => V,
  equals?: (a: V, b: V) => boolean,
  countAs?: (key: string) => string,
): QueryDef<V, O> {
  return Object.freeze({ name, compute, ...(equals ? { equals } : {}), ...(countAs ? { countAs } : {}) });
}

/**
 * A query computed in steps (see `QueryDef.steps`): read anywhere as any other
 * query (then computed at once); brought up to date by `Engine.update` with a
 * pause at each `yield`.
 */
export function defineStepQuery<V, O>(
  name: string,
  steps: (read: QueryReader<O>, key: string) => Generator<void, V>,
  equals?: ((a: V, b: V) => boolean) | { inSteps: (a: V, b: V) => Generator<void, boolean> },
  countAs?: (key: string) => string,
): QueryDef<V, O> {
  const compute = (read: QueryReader<O>, key: string): V => drain(steps(read, key));
  const same = typeof equals === 'function' ? { equals } : equals ? { equals: (a: V, b: V) => drain(equals.inSteps(a, b)), equalsSteps: equals.inSteps } : {};
  return Object.freeze({ name, compute, steps, ...same, ...(countAs ? { countAs } : {}) });
}

/** Steps run through at once, for their result. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** What a query's computation reads through (reads are recorded as its dependencies). */
export interface QueryReader<O> {
  /** The engine's owner (the Workspace), for queries defined outside it. */
  readonly owner: O;
  query<V>(def: QueryDef<V, O>, key: string): V;
  input<V>(input: Input<V>, key: string): V;
}

interface Slot {
  name: string;
  value: unknown;
  hasValue: boolean;
  /** The revision at which `value` last changed. */
  changedAt: number;
  /** The revision at which `value` was last known to be current. */
  verifiedAt: number;
  /** What the last computation read, in order (undefined for inputs). */
  deps?: Slot[];
  /** For inputs: the value must be read again (a change was announced). */
  dirty?: boolean;
  computing?: boolean;
  /**
   * The computation that last recorded this slot as a dependency (its frame's
   * number), so a computation records a slot once without a set of what it
   * read: a fleet's build reads ~50,000 slots, and that set grew by rehashing
   * in one piece (milliseconds a keystroke could wait behind).
   */
  recordedBy: number;
  /**
   * What brings the value up to date: the input it is read from, or the query
   * it is computed by, with its key. Plain fields, not a closure per slot: a
   * 10,000-machine fleet holds tens of thousands of slots, and a bundled
   * closure (esbuild's keepNames gives each its own name property) costs
   * hundreds of bytes.
   */
  input?: Input<unknown>;
  def?: QueryDef<unknown, never>;
  key: string;
}

/**
 * An input: its values are read lazily by `read` (file text from the document
 * store, a folder's settings...) and read again after `invalidate`; a re-read
 * equal to the old value changes nothing.
 */
export class Input<V> {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly engine: { readonly revision: number; bump(): void },
    readonly name: string,
    private readonly read: (key: string) => V,
    private readonly equals: (a: V, b: V) => boolean = (a, b) => a === b,
  ) {}

  /** The slot of `key`, read on first use. */
  slot(key: string): Slot {
    let s = this.slots.get(key);
    if (!s) {
      s = { name: this.name, value: undefined, hasValue: false, changedAt: this.engine.revision, verifiedAt: this.engine.revision, dirty: true, input: this as Input<unknown>, key, recordedBy: 0 };
      this.slots.set(key, s);
    }
    return s;
  }

  /** Reads the slot's value again when a change was announced (the engine calls this). */
  refresh(s: Slot): void {
    if (!s.dirty) return;
    const value = this.read(s.key);
    s.dirty = false;
    if (!s.hasValue || !this.equals(s.value as V, value)) {
      s.value = value;
      s.hasValue = true;
      s.changedAt = this.engine.revision;
    }
    s.verifiedAt = this.engine.revision;
  }

  /** The value may have changed: read it again when next asked (a new revision). */
  invalidate(key: string): void {
    const s = this.slots.get(key);
    this.engine.bump();
    if (s) s.dirty = true;
  }

  /** Every key may have changed. */
  invalidateAll(): void {
    this.engine.bump();
    for (const s of this.slots.values()) s.dirty = true;
  }
}

/** The dependencies one computation is collecting; `id` marks the slots it recorded. */
interface Frame {
  id: number;
  deps: Slot[];
}

/**
 * The work `Engine.prepare` does between two pauses when nothing needs
 * recomputing, counted in dependencies looked at: each dependency of a slot
 * walked is looked at twice (when walked past, then when the slot is
 * re-validated), and walking into a slot counts as `PREPARE_WORK_PER_VISIT`.
 * A base profile's setting findings read 10,000 evaluations: counting only
 * the slots walked into let one step look at hundreds of thousands.
 */
const PREPARE_WORK_PER_PAUSE = 4096;
const PREPARE_WORK_PER_VISIT = 16;

export class Engine<O> {
  private rev = 1;
  private readonly memos = new Map<QueryDef<unknown, O>, Map<string, Slot>>();
  /** The dependencies being collected, one list per computation in progress. */
  private readonly frames: Frame[] = [];
  /** The last number given to a frame or to a pass of `exactDeps` (slots are marked with it). */
  private stamps = 0;
  /**
   * Recomputations per query name. Read by the recomputation-count tests
   * (test/unit/model/recomputation.test.ts): the deterministic gate that fails
   * when a change brings back wholesale recomputation.
   */
  private readonly counts = new Map<string, number>();
  /** Recomputations of any query, ever (prepare yields after each). */
  private recomputedTotal = 0;

  get revision(): number {
    return this.rev;
  }

  /** A new revision: some input changed (inputs call this). */
  bump(): void {
    this.rev++;
  }

  /** Recomputations per query name since the last `resetCounts` (see `counts`). */
  recomputations(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCounts(): void {
    this.counts.clear();
  }

  /** Counts work done outside any query under `name` (a document's rules, memoised per text stamp), for the same tests. */
  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  readonly reader: QueryReader<O>;

  constructor(readonly owner: O) {
    this.reader = { owner, query: (def, key) => this.query(def, key), input: (input, key) => this.input(input, key) };
  }

  input<V>(input: Input<V>, key: string): V {
    const s = input.slot(key);
    input.refresh(s);
    this.record(s);
    return s.value as V;
  }

  query<V>(def: QueryDef<V, O>, key: string): V {
    const s = this.slotOf(def as QueryDef<unknown, O>, key);
    this.ensure(s);
    this.record(s);
    return s.value as V;
  }

  /** Reads without recording a dependency (the caller records what it means to depend on). */
  untracked<T>(run: () => T): T {
    this.frames.push(this.frame());
    try {
      return run();
    } finally {
      this.frames.pop();
    }
  }

  private frame(): Frame {
    return { id: ++this.stamps, deps: [] };
  }

  /**
   * A slot read by the computation under way is its dependency, once: a slot
   * already marked with this frame is not pushed again. Another computation
   * may mark it meanwhile (a nested query, a request between two steps), and
   * a second read then pushes it again: `exactDeps` drops such repeats.
   */
  private record(s: Slot): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame && s.recordedBy !== frame.id) {
      s.recordedBy = frame.id;
      frame.deps.push(s);
    }
  }

  /**
   * What a computation read, once each in the order first read, as an exact
   * copy (the array pushed to keeps its growth slack: ~110 bytes a query,
   * 70,000 queries at 10,000 machines). Repeats are found by marking each slot
   * with a number of this pass's own, no set allocated.
   */
  private exactDeps(deps: Slot[]): Slot[] {
    let stamp = ++this.stamps;
    let unique = 0;
    for (let i = 0; i < deps.length; i++) {
      const d = deps[i];
      if (d.recordedBy === stamp) continue;
      d.recordedBy = stamp;
      unique++;
    }
    if (unique === deps.length) return deps.slice();
    stamp = ++this.stamps;
    const out: Slot[] = [];
    for (let i = 0; i < deps.length; i++) {
      const d = deps[i];
      if (d.recordedBy === stamp) continue;
      d.recordedBy = stamp;
      out.push(d);
    }
    return out.slice();
  }

  /** The last computed value, not brought up to date (work that must not wait for a rebuild). */
  peek<V>(def: QueryDef<V, O>, key: string): V | undefined {
    const s = this.memos.get(def as QueryDef<unknown, O>)?.get(key);
    return s?.hasValue ? (s.value as V) : undefined;
  }

  /** Whether the query's value is current (verified at this revision). */
  isCurrent<V>(def: QueryDef<V, O>, key: string): boolean {
    const s = this.memos.get(def as QueryDef<unknown, O>)?.get(key);
    return s !== undefined && s.hasValue && s.verifiedAt === this.rev;
  }

  /**
   * Brings what a query read last time up to date, one dependency at a time
   * and the deepest first, yielding after each one recomputed: a caller that
   * pauses between the steps keeps a long rebuild (a folder's homelab after a
   * profile's edit: that profile's parse and evaluation, then the build) from
   * holding the event loop in one piece. Reading the query afterwards finds
   * its dependencies current and costs only its own computation. A query never
   * computed has nothing to prepare. Only dependencies the query read last
   * time are brought up to date, in the order it read them, as its own
   * re-validation would: a dependency whose computation throws is left for
   * that read to meet.
   */
  *prepare<V>(def: QueryDef<V, O>, key: string): Generator<void, void> {
    const s = this.memos.get(def as QueryDef<unknown, O>)?.get(key);
    if (s?.deps && s.hasValue && s.verifiedAt !== this.rev) yield* this.prepareDeps(s);
  }

  /**
   * The walk of `prepare`, depth first with a stack of its own rather than a
   * generator per level, and no set of the slots seen: a whole check walks
   * every dependency of a fleet's build (over a hundred thousand at 10,000
   * machines), and those were most of what the check allocated (17 MB a pass).
   * A slot is walked once: when met again it is current (brought up to date
   * when its walk ended), or on the path (a cycle of recorded dependencies:
   * left to the slot's own re-validation, as a read would), or it threw (kept
   * aside), or the revision moved (the walk stops: the pass is dropped, and
   * the next one walks afresh).
   */
  private *prepareDeps(root: Slot): Generator<void, void> {
    const rev = this.rev;
    const path: Slot[] = [root];
    const next: number[] = [0];
    let failed: Set<Slot> | undefined;
    let work = 0;
    while (path.length > 0) {
      const top = path.length - 1;
      const s = path[top];
      const deps = s.deps ?? [];
      if (next[top] < deps.length) {
        // Re-validating tens of thousands of current dependencies (a fleet's profiles) is work too: a pause now and then.
        if (++work >= PREPARE_WORK_PER_PAUSE) {
          work = 0;
          yield;
          if (this.rev !== rev) return;
        }
        const d = deps[next[top]++];
        if (!d.deps || d.verifiedAt === rev || failed?.has(d) || path.includes(d)) continue;
        work += PREPARE_WORK_PER_VISIT;
        // What it read first (deepest first; a slot never computed has nothing to walk), then the slot itself.
        path.push(d);
        next.push(d.hasValue ? 0 : Infinity);
        continue;
      }
      path.pop();
      next.pop();
      if (s === root) return;
      // Its re-validation, in steps too: a slot that read 50,000 others (the build) looks at each again.
      let changed = false;
      if (s.hasValue && s.verifiedAt !== rev && !s.computing) {
        let i = 0;
        try {
          for (; i < deps.length; i++) {
            if (++work >= PREPARE_WORK_PER_PAUSE) {
              work = 0;
              yield;
              if (this.rev !== rev) return;
              // A request computed it meanwhile.
              if (s.verifiedAt === rev) break;
            }
            const d = deps[i];
            this.ensure(d);
            if (d.changedAt > s.verifiedAt) {
              changed = true;
              break;
            }
          }
        } catch {
          (failed ??= new Set()).add(s);
          continue;
        }
        if (s.verifiedAt === rev) continue;
        if (!changed) {
          // As its own re-validation would find: nothing it read changed.
          s.verifiedAt = rev;
          continue;
        }
      }
      const before = this.recomputedTotal;
      try {
        if (s.def?.steps) yield* this.stepwise(s, changed);
        else if (changed) this.refresh(s);
        else this.ensure(s);
      } catch {
        // Left for its reader to meet.
        (failed ??= new Set()).add(s);
        continue;
      }
      if (this.rev !== rev) return;
      if (this.recomputedTotal !== before) {
        work = 0;
        yield;
      }
      if (this.rev !== rev) return;
    }
  }

  /**
   * `prepare`, then the query itself: a query defined in steps is computed
   * with a pause at each of its own, so neither what it reads nor its own
   * computation holds the event loop in one piece. Reading it afterwards
   * (in the same revision) costs nothing.
   */
  *update<V>(def: QueryDef<V, O>, key: string): Generator<void, void> {
    yield* this.prepare(def, key);
    const s = this.slotOf(def as QueryDef<unknown, O>, key);
    if (def.steps) yield* this.stepwise(s);
    else this.ensure(s);
  }

  /**
   * Brings a slot of a step query up to date, its dependencies already
   * prepared: recomputed only when one changed (`changed`: the caller found
   * one), in steps. A pause that sees
   * the revision move drops the computation (what it read may be stale; the
   * next pass starts afresh); one that finds the slot computed meanwhile (a
   * request read it, at once) is done.
   */
  private *stepwise(s: Slot, changed = false): Generator<void, void> {
    if (s.verifiedAt === this.rev && s.hasValue) return;
    if (!changed && s.hasValue && s.deps && !this.anyChangedAfter(s.deps, s.verifiedAt)) {
      s.verifiedAt = this.rev;
      return;
    }
    const def = s.def as QueryDef<unknown, O>;
    if (!def.steps) {
      this.ensure(s);
      return;
    }
    if (s.computing) throw new Error(`query cycle through ${s.name}`);
    const rev = this.rev;
    this.recomputedTotal++;
    this.count(def.countAs ? def.countAs(s.key) : def.name);
    const frame = this.frame();
    const steps = def.steps(this.reader, s.key);
    for (;;) {
      this.frames.push(frame);
      s.computing = true;
      let r: IteratorResult<void, unknown>;
      try {
        r = steps.next();
      } finally {
        s.computing = false;
        this.frames.pop();
      }
      if (r.done) {
        if (def.equalsSteps && s.hasValue) {
          // Compared with the old value in steps too; a pause that finds the revision moved drops it, as above.
          const compare = def.equalsSteps(s.value, r.value);
          let c = compare.next();
          while (!c.done) {
            yield;
            if (this.rev !== rev || (s.verifiedAt === this.rev && s.hasValue)) return;
            c = compare.next();
          }
          this.store(def, s, frame.deps, r.value, c.value);
        } else this.store(def, s, frame.deps, r.value);
        return;
      }
      yield;
      if (this.rev !== rev || (s.verifiedAt === this.rev && s.hasValue)) {
        steps.return(undefined);
        return;
      }
    }
  }

  private slotOf(def: QueryDef<unknown, O>, key: string): Slot {
    let byKey = this.memos.get(def);
    if (!byKey) this.memos.set(def, (byKey = new Map()));
    let s = byKey.get(key);
    if (!s) {
      s = { name: def.name, value: undefined, hasValue: false, changedAt: 0, verifiedAt: 0, def: def as QueryDef<unknown, never>, key, recordedBy: 0 };
      byKey.set(key, s);
    }
    return s;
  }

  /** Brings a slot up to the current revision: re-validates its dependencies, recomputes only when one changed. */
  private ensure(s: Slot): void {
    if (!s.deps) {
      this.refresh(s);
      return;
    }
    if (s.verifiedAt === this.rev && s.hasValue) return;
    if (s.computing) throw new Error(`query cycle through ${s.name}`);
    if (s.hasValue && !this.anyChangedAfter(s.deps, s.verifiedAt)) {
      s.verifiedAt = this.rev;
      return;
    }
    this.refresh(s);
  }

  private refresh(s: Slot): void {
    if (s.input) s.input.refresh(s);
    else this.recompute(s.def as QueryDef<unknown, O>, s.key, s);
  }

  private anyChangedAfter(deps: Slot[], since: number): boolean {
    // An index, not for-of: this recursion (ensure → here) is not inlined, and each array iterator and its results
    // were garbage: a keystroke re-validates thousands of dependencies, a fleet's whole check over a hundred thousand.
    for (let i = 0; i < deps.length; i++) {
      const d = deps[i];
      this.ensure(d);
      if (d.changedAt > since) return true;
    }
    return false;
  }

  private recompute(def: QueryDef<unknown, O>, key: string, s: Slot): void {
    this.recomputedTotal++;
    this.count(def.countAs ? def.countAs(key) : def.name);
    const frame = this.frame();
    this.frames.push(frame);
    s.computing = true;
    let value: unknown;
    try {
      value = def.compute(this.reader, key);
    } finally {
      s.computing = false;
      this.frames.pop();
    }
    this.store(def, s, frame.deps, value);
  }

  /** A computed value into its slot, cut off when equal to the old one. */
  private store(def: QueryDef<unknown, O>, s: Slot, deps: Slot[], value: unknown, equal?: boolean): void {
    s.deps = this.exactDeps(deps);
    const same = s.hasValue && (equal ?? (def.equals ? def.equals(s.value, value) : s.value === value));
    if (!same) {
      s.value = value;
      s.hasValue = true;
      s.changedAt = this.rev;
    }
    s.verifiedAt = this.rev;
  }
}
