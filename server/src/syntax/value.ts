// The one shape both front ends (YAML inventory, evaluated Nix profiles) produce:
// a tree of plain values in which every node remembers the text that produced it.
// Schema validation and the cross-file rules work on this tree, so a problem found
// in a value always points at the exact source, whichever language it came from.
import { EntryTable } from './entryTable';

/** Offsets in UTF-16 code units into a document's text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A span of its own for something that has offsets (a Nix syntax node is a `Span`):
 * what is kept should not be the node, which keeps its whole tree alive.
 */
export function spanOf(s: Span): Span {
  return { start: s.start, end: s.end };
}

/** Where a value came from. `uri` identifies the document (a `file://` URI for files on disk). */
export interface Origin {
  uri: string;
  span: Span;
}

/**
 * An origin in one object: the document and the two offsets, with `span` made
 * on demand (48 bytes, where an `Origin` literal and its span were 80). Read
 * it as any `Origin`; it prints as one in JSON. The nodes of the tree do not
 * keep one (see `Placed`): it is made when their `origin` is read.
 */
export class Place implements Origin {
  constructor(
    readonly uri: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  toJSON(): { uri: string; span: Span } {
    return { uri: this.uri, span: this.span };
  }
}

/** The place of `span` in `uri`, as one object (see `Place`). */
export function placeAt(uri: string, span: Span): Origin {
  return new Place(uri, span.start, span.end);
}

/** An origin's start offset, without making a span when it is a `Place`. */
export function startOf(o: Origin): number {
  return o instanceof Place ? o.start : o.span.start;
}

/** An origin's end offset, without making a span when it is a `Place`. */
export function endOf(o: Origin): number {
  return o instanceof Place ? o.end : o.span.end;
}

/**
 * The same place: origins are made when read (see `Placed`), so two reads of
 * one value's origin are equal objects, not the same one.
 */
export function samePlace(a: Origin, b: Origin): boolean {
  return a === b || (a.uri === b.uri && startOf(a) === startOf(b) && endOf(a) === endOf(b));
}

/**
 * A node of the tree as the two front ends make it, with its origin in its
 * own fields (the document and the two offsets) and an `Origin` made when
 * `origin` is read. A 10,000-machine fleet keeps ~850,000 values and keys:
 * a `Place` each was 48 bytes on top of the node's 8-byte field (Node has no
 * pointer compression), three fields in the node are 24. A class, not an
 * object literal with a getter (that would be a closure per object). The
 * other places that make values (rarer) write literals with an `origin`
 * field: a reader sees the same shape either way, but a spread (`{ ...v }`)
 * of one of these leaves its origin behind (the getter is not copied), so a
 * copy names its origin (`withOrigin`). Compare origins with `samePlace`.
 */
abstract class Placed {
  readonly uri: string;
  readonly start: number;
  readonly end: number;

  constructor(o: Origin) {
    this.uri = o.uri;
    this.start = startOf(o);
    this.end = endOf(o);
  }

  get origin(): Origin {
    return new Place(this.uri, this.start, this.end);
  }
}

class StringNode extends Placed {
  declare readonly kind: 'string';
  constructor(
    readonly value: string,
    o: Origin,
  ) {
    super(o);
  }
}

class PathNode extends Placed {
  declare readonly kind: 'path';
  constructor(
    readonly value: string,
    o: Origin,
  ) {
    super(o);
  }
}

class NumberNode extends Placed {
  declare readonly kind: 'number';
  constructor(
    readonly value: number,
    readonly integer: boolean,
    o: Origin,
  ) {
    super(o);
  }
}

class BooleanNode extends Placed {
  declare readonly kind: 'boolean';
  constructor(
    readonly value: boolean,
    o: Origin,
  ) {
    super(o);
  }
}

class NullNode extends Placed {
  declare readonly kind: 'null';
  constructor(o: Origin) {
    super(o);
  }
}

class ListNode extends Placed {
  declare readonly kind: 'list';
  constructor(
    readonly items: Value[],
    o: Origin,
  ) {
    super(o);
  }
}

class AttrsNode extends Placed {
  declare readonly kind: 'attrs';
  readonly entries: ReadonlyMap<string, Entry>;
  constructor(entries: ReadonlyMap<string, Entry>, o: Origin) {
    super(o);
    this.entries = EntryTable.of(entries);
  }
}

// The kind of a node is its class's: on the prototype, not a field of each
// node (8 bytes each of ~850,000 at 10,000 machines). Not enumerable, as a
// field in the prototype of a class is not: a copy of a node names its kind.
for (const [node, kind] of [
  [StringNode, 'string'],
  [PathNode, 'path'],
  [NumberNode, 'number'],
  [BooleanNode, 'boolean'],
  [NullNode, 'null'],
  [ListNode, 'list'],
  [AttrsNode, 'attrs'],
] as const)
  Object.defineProperty(node.prototype, 'kind', { value: kind });

/** Values that keep their origin as offsets (see `Placed`). */
export const placed = {
  string: (value: string, o: Origin): ValueOf<'string'> => new StringNode(value, o),
  path: (value: string, o: Origin): ValueOf<'path'> => new PathNode(value, o),
  number: (value: number, integer: boolean, o: Origin): ValueOf<'number'> => new NumberNode(value, integer, o),
  boolean: (value: boolean, o: Origin): ValueOf<'boolean'> => new BooleanNode(value, o),
  null: (o: Origin): ValueOf<'null'> => new NullNode(o),
  list: (items: Value[], o: Origin): ValueOf<'list'> => new ListNode(items, o),
  attrs: (entries: ReadonlyMap<string, Entry>, o: Origin): ValueOf<'attrs'> => new AttrsNode(entries, o),
};
export type Value =
  | { kind: 'string'; value: string; origin: Origin }
  | { kind: 'number'; value: number; integer: boolean; origin: Origin }
  | { kind: 'boolean'; value: boolean; origin: Origin }
  | { kind: 'null'; origin: Origin }
  | { kind: 'path'; value: string; origin: Origin }
  | { kind: 'list'; items: Value[]; origin: Origin }
  | { kind: 'attrs'; entries: ReadonlyMap<string, Entry>; origin: Origin }
  /**
   * Not knowable without running Nix (pkgs.*, unmodelled builtins, encrypted imports...).
   * `ref`: the attribute name an unknown was selected as when it was not called
   * (`lib.types.str` is unknown with ref `str`), so `listOf types.str` can be read.
   */
  | {
      kind: 'unknown';
      reason: string;
      origin: Origin;
      call?: CapturedCall;
      ref?: string;
      /** Selected by `path` from a captured call (`clan.config.nixosConfigurations` of `clan = clan-core.lib.clan { … }`). */
      selectedFrom?: { call: CapturedCall; path: string[] };
      /**
       * A function (or a set known in part, a captured `//`) as the evaluator holds it (opaque here, and not enumerable:
       * no copy, comparison or JSON walks into its closure), so that a helper
       * given as a module argument (`specialArgs.configLib`,
       * `_module.args.noughtyLib`) is called again where a module uses it.
       */
      readonly callable?: unknown;
      /** A set whose names are among these, which ones not known (the evaluator's `keysWithin`). */
      keysWithin?: ReadonlySet<string>;
    };

/**
 * An unknown function applied to known arguments, kept for discovery:
 * `nixpkgs.lib.nixosSystem { modules = [ … ]; }` is `{ fn: 'nixosSystem', args: [ … ] }`.
 */
export interface CapturedCall {
  fn: string;
  args: Value[];
}

/** One key of an attribute set / mapping. */
export interface Entry {
  key: string;
  /** The key's own text (for "unknown property" diagnostics and renames). */
  keyOrigin: Origin;
  value: Value;
  /**
   * For `a // b` merges: the entry of the left side that this one replaced, so
   * the chain defaults → base → profile can be followed back.
   */
  overrides?: Entry;
  /**
   * For a function value that discovery called with unknown arguments (a
   * colmena hive's `defaults`): calls it again with some arguments known
   * (each node's `name` and `config`), for a per-node result.
   */
  reapply?: (given: Record<string, Value>) => Value | undefined;
  /**
   * The entry met first whose value is this very call (`{ system = configs.${active}; }` beside `configs`):
   * the same configuration under a second name, not another one.
   */
  sameAs?: Entry;
}

/** An entry that keeps its key's origin as offsets (see `Placed`). */
class KeyEntry implements Entry {
  declare overrides?: Entry;
  declare reapply?: Entry['reapply'];
  declare sameAs?: Entry;
  constructor(
    readonly key: string,
    public value: Value,
    readonly uri: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get keyOrigin(): Origin {
    return new Place(this.uri, this.start, this.end);
  }
}

/** One that overrides another (`a // b`), with the field from the start (added later, it takes a property array of its own). */
class OverridingKeyEntry extends KeyEntry {
  override overrides: Entry | undefined = undefined;
}

/** An entry that keeps its key's origin as offsets (see `Placed`); `overriding`: it will be given `overrides`. */
export function placedEntry(key: string, keyOrigin: Origin, value: Value, overriding = false): Entry {
  return new (overriding ? OverridingKeyEntry : KeyEntry)(key, value, keyOrigin.uri, startOf(keyOrigin), endOf(keyOrigin));
}

/** `e` on top of `below` (a copy naming its key's origin: a spread of a `KeyEntry` would leave it behind). */
function withOverrides(e: Entry, below: Entry | undefined): Entry {
  const out: Entry = { key: e.key, keyOrigin: e.keyOrigin, value: e.value, overrides: below };
  if (e.reapply) out.reapply = e.reapply;
  if (e.sameAs) out.sameAs = e.sameAs;
  return out;
}

/** `v` as written at `o` (a copy naming its origin: a spread of a `Placed` node would leave it behind). */
export function withOrigin(v: Value, o: Origin): Value {
  switch (v.kind) {
    case 'string':
      return placed.string(v.value, o);
    case 'path':
      return placed.path(v.value, o);
    case 'number':
      return placed.number(v.value, v.integer, o);
    case 'boolean':
      return placed.boolean(v.value, o);
    case 'null':
      return placed.null(o);
    case 'list':
      return placed.list(v.items, o);
    case 'attrs':
      return placed.attrs(v.entries, o);
    case 'unknown':
      return { ...v, origin: o };
  }
}

/** The value of one kind. */
export type ValueOf<K extends Value['kind']> = Extract<Value, { kind: K }>;

/** An attribute set value. */
export type AttrsValue = Extract<Value, { kind: 'attrs' }>;

/** The value when it is an attribute set. */
export function asAttrs(v: Value | undefined): AttrsValue | undefined {
  return v?.kind === 'attrs' ? v : undefined;
}

/**
 * A string value's text and where it was written, as a fresh pair (not the
 * node itself, so it can be kept or serialised without the tree's fields).
 */
export function asString(v: Value | undefined): { value: string; origin: Origin } | undefined {
  return v?.kind === 'string' ? { value: v.value, origin: v.origin } : undefined;
}

/** The value at an attribute path, through attribute sets only (undefined where a step is not a set or has no such key). */
export function valueAt(v: Value | undefined, ...path: string[]): Value | undefined {
  for (const k of path) v = asAttrs(v)?.entries.get(k)?.value;
  return v;
}

/** Converts to plain JSON data (for JSON Schema validation); unknown values become undefined. */
export function toPlain(v: Value): unknown {
  switch (v.kind) {
    case 'string':
    case 'path':
      return v.value;
    case 'number':
    case 'boolean':
      return v.value;
    case 'null':
      return null;
    case 'list':
      return v.items.map(toPlain);
    case 'attrs': {
      const out: Record<string, unknown> = {};
      for (const [k, e] of v.entries) {
        const plain = toPlain(e.value);
        if (plain !== undefined) out[k] = plain;
      }
      return out;
    }
    case 'unknown':
      return undefined;
  }
}

/**
 * The items of a list value that are known: all of a list, or the known sides
 * of a `++` whose other side is unknown (kept by the evaluator as a captured
 * `++` call). `partial` says some items are not known: a reader may use what
 * is there, never conclude that something is missing.
 */
export function knownListParts(v: Value, depth = 0): { items: Value[]; partial: boolean } | undefined {
  if (v.kind === 'list') return { items: v.items, partial: false };
  if (v.kind !== 'unknown' || v.call?.fn !== '++' || depth > 100) return undefined;
  const items: Value[] = [];
  for (const side of v.call.args) items.push(...(knownListParts(side, depth + 1)?.items ?? []));
  // A captured `++` always has an unknown side somewhere below it.
  return { items, partial: true };
}

/**
 * The entries of an attribute set value that are known: all of a set, or the
 * known sides of a `//` whose other side is unknown (kept by the evaluator as
 * a captured `//` call), the right side winning as in Nix. `partial` says the
 * set may hold more (or replace these): a reader may use what is there, never
 * conclude that something is missing. `unknown` lists the sides not known.
 */
export function knownAttrParts(v: Value, depth = 0): { entries: ReadonlyMap<string, Entry>; partial: boolean; unknown: Value[] } | undefined {
  if (v.kind === 'attrs') return { entries: v.entries, partial: false, unknown: [] };
  if (v.kind !== 'unknown' || v.call?.fn !== '//' || v.call.args.length !== 2 || depth > 100) return undefined;
  const entries = new Map<string, Entry>();
  const unknown: Value[] = [];
  for (const side of v.call.args) {
    const part = knownAttrParts(side, depth + 1);
    if (!part) {
      unknown.push(side);
      continue;
    }
    for (const [k, e] of part.entries) entries.set(k, entries.has(k) ? withOverrides(e, entries.get(k)) : e);
    unknown.push(...part.unknown);
  }
  return { entries, partial: true, unknown };
}
