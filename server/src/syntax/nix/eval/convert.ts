// Conversions at the evaluator's edges: path literals to file:// URIs, and the
// lazy internal values to the shared Value tree (forcing everything; functions
// become unknown; `//` override chains become Entry.overrides).
import { type Entry, type Origin, placed, placedEntry, type Value } from '../../value';
import { EntryTable } from '../../entryTable';
import { LayeredEntries } from '../../layeredEntries';
import { LayeredMap } from '../../layeredMap';
import { type LEntry, Thunk, type V } from './types';

/**
 * Resolves a path literal against the importing file's URI. A Nix path never
 * ends in `/` (`./.` is the folder itself), so neither does its URI: a folder
 * imported as `./.` is then the same `…/default.nix` as one imported by name.
 */
export function resolveUri(path: string, baseUri: string): string {
  try {
    const href = path.startsWith('/') ? new URL('file://' + path).href : new URL(path, baseUri).href;
    return href.length > 'file:///'.length && href.endsWith('/') ? href.slice(0, -1) : href;
  } catch {
    return path;
  }
}

/** Calls a function value found while converting (with the attribute name it is bound to, and arguments known), or gives undefined. */
export type ApplyNested = (fn: V, key: string | undefined, given?: Record<string, Value>) => V | undefined;

/** A plain Value as an evaluator value (arguments given to a function again). */
export function fromValue(v: Value): V {
  switch (v.kind) {
    case 'list':
      return { kind: 'list', items: v.items.map((i) => Thunk.of(fromValue(i))), origin: v.origin };
    case 'attrs': {
      const entries = new Map<string, LEntry>();
      for (const [k, e] of v.entries) entries.set(k, { key: k, keyOrigin: e.keyOrigin, thunk: Thunk.of(fromValue(e.value)) });
      return { kind: 'attrs', entries, origin: v.origin };
    }
    case 'unknown':
      return (v.callable as V | undefined) ?? { kind: 'unknown', reason: v.reason, origin: v.origin };
    default:
      return v;
  }
}

/**
 * The function each value made by applying one during conversion came from
 * (an inline module `{ hostPlatform, ... }: { … }` of a flake, called with its
 * arguments unknown), so a machine can call it again with its own arguments.
 */
const APPLIED_FROM = new WeakMap<object, Extract<V, { kind: 'lambda' }>>();

/** The function `v` was made by calling with unknown arguments, if it was (see APPLIED_FROM). */
export function appliedFrom(v: Value): Extract<V, { kind: 'lambda' }> | undefined {
  return APPLIED_FROM.get(v);
}

/** A function as a plain value: unknown, holding the function itself for `fromValue` (see Value's `callable`). */
function callableValue(fn: Extract<V, { kind: 'lambda' | 'primop' }>): Value {
  const out: Value = { kind: 'unknown', reason: 'a function', origin: fn.origin };
  Object.defineProperty(out, 'callable', { value: fn, enumerable: false });
  return out;
}

/** How many cycles conversion has cut (a conversion that cut one is not reused). */
let cycles = 0;

/**
 * Values converted once, as a whole, wherever they are met: a flake's `self`
 * (its outputs), which every machine's `specialArgs.inputs.self` and every
 * deploy node reaches again. Converted in place, each meeting would copy the
 * whole fleet (cut differently by where it was met): quadratic in machines.
 */
const SHARED = new WeakSet<object>();

/** Marks `v` as converted once for all (see SHARED). */
export function convertOnce(v: V): V {
  if (v.kind === 'attrs') SHARED.add(v);
  return v;
}

/** What one conversion keeps: entries already converted, and the shared values (see SHARED). */
export interface Conversion {
  entries: Map<LEntry, Entry>;
  /** The left sides of `//` converted (see `toEntries`). */
  maps: Map<ReadonlyMap<string, LEntry>, ReadonlyMap<string, Entry>>;
  shared: Map<V, Value>;
  /** The first entry each captured call (`nixosSystem { … }`) was met under (see Entry.sameAs). */
  callEntries: Map<V, Entry>;
  /**
   * One string per distinct key: each file's keys are cut from its own text,
   * and a fleet's profiles repeat the same few dozen names (ten thousand
   * copies of `hostname` kept by the converted values otherwise).
   */
  names: Map<string, string>;
  /** The sets being converted (see toValue): one met again inside itself is converted as a shared value. */
  attrsInProgress: Set<V>;
  /** Value nodes built so far (a count the tests read: conversion grows linearly with the fleet). */
  nodes: number;
  /** At most this many nodes: past it every value is unknown, and `exhausted` says where that began. */
  limit: number;
  exhausted?: Origin;
}

/** Value nodes one conversion may build (a 1,000-machine flake builds about 300,000). */
export const MAX_CONVERTED_NODES = 5_000_000;

export function conversion(limit = MAX_CONVERTED_NODES): Conversion {
  return { entries: new Map(), maps: new Map(), shared: new Map(), callEntries: new Map(), names: new Map(), attrsInProgress: new Set(), nodes: 0, limit };
}

/** The one copy of key `k` in this conversion (see Conversion.names). */
function keyName(k: string, seen: Conversion): string {
  const known = seen.names.get(k);
  if (known !== undefined) return known;
  seen.names.set(k, k);
  return k;
}

const IN_PROGRESS: Value = { kind: 'unknown', reason: 'being converted', origin: { uri: 'builtin:', span: { start: 0, end: 0 } } };

/** The key a converted value is given as an argument of `submodule`: a function of one argument is a module there. */
export const SUBMODULE_ARGUMENT = '\u0000submodule';

/** Captured calls keep at most this many levels of their arguments. */
const CALL_ARG_DEPTH = 60;

/**
 * Converts to the shared Value tree (forces everything). Functions become
 * unknown, unless `apply` calls them (discovery reads colmena's
 * `{ name, nodes, ... }: { … }` nodes and inline modules that way).
 */
export function toValue(v: V, depth: number, seen: Conversion, apply?: ApplyNested, key?: string): Value {
  if (++seen.nodes > seen.limit) {
    seen.exhausted ??= v.origin;
    return { kind: 'unknown', reason: `too large to read statically (more than ${seen.limit} values)`, origin: v.origin };
  }
  if (v.kind === 'attrs' && SHARED.has(v)) return sharedValue(v, seen, apply);
  if (depth > 200) return { kind: 'unknown', reason: 'too deeply nested', origin: v.origin };
  switch (v.kind) {
    case 'lambda':
    case 'primop': {
      const applied = v.kind === 'lambda' ? apply?.(v, key) : undefined;
      if (applied && applied.kind !== 'lambda') {
        const out = toValue(applied, depth + 1, seen, apply, key);
        if (v.kind === 'lambda' && v.node.formals && typeof out === 'object') APPLIED_FROM.set(out, v);
        return out;
      }
      return callableValue(v);
    }
    case 'list':
      return placed.list(v.items.map((t) => toValue(t.force(), depth + 1, seen, apply)), v.origin);
    case 'attrs': {
      // A set met again inside itself (each machine's `specialArgs.nodes` holding every machine, each with its
      // own `specialArgs.nodes`; `specialArgs.outputs` holding the flake's outputs) is converted there once, as
      // a shared value is: cut only where it meets itself. Converted in place, every order of the machines would be.
      if (seen.attrsInProgress.has(v)) return sharedValue(v, seen, apply);
      seen.attrsInProgress.add(v);
      try {
        return placed.attrs(toEntries(v.entries, depth, seen, apply), v.origin);
      } finally {
        seen.attrsInProgress.delete(v);
      }
    }
    case 'unknown': {
      const from = v.selectedFrom && depth <= CALL_ARG_DEPTH ? toValue(v.selectedFrom.from, depth + 1, seen, apply) : undefined;
      const sel = from?.kind === 'unknown' && from.call ? { selectedFrom: { call: from.call, path: (v.selectedFrom as { path: string[] }).path } } : {};
      if (v.fn !== undefined && !v.args) return { kind: 'unknown', reason: v.reason, origin: v.origin, ref: v.fn, ...sel };
      if (v.fn === undefined || !v.args || depth > CALL_ARG_DEPTH) return { kind: 'unknown', reason: v.reason, origin: v.origin, ...sel, ...(v.keysWithin ? { keysWithin: v.keysWithin } : {}) };
      // A module given to `submodule` may be a function of its whole argument set (`args: …`).
      const argKey = v.fn === 'submodule' ? SUBMODULE_ARGUMENT : undefined;
      const args = v.args.map((t) => toValue(t.force(), depth + 1, seen, apply, argKey));
      const out: Value = { kind: 'unknown', reason: v.reason, origin: v.origin, call: { fn: v.fn, args } };
      // A set known in part (`hey = self // { … }` given to every machine) is read again as the evaluator holds it:
      // its conversion may be cut where it reaches itself.
      if (v.fn === '//') Object.defineProperty(out, 'callable', { value: v, enumerable: false });
      return out;
    }
    default:
      return v;
  }
}

/**
 * The entries of a set, converted in its order (so the first meetings and the
 * cuts are those of a plain copy). A set made by `//` then stays layered over
 * its left side's entries, converted once per conversion and shared: the
 * profiles of a fleet, each `base // { … }`, would otherwise each keep a table
 * of every base entry. Only when nothing was cut by a cycle (then every entry
 * of the left side has its one conversion, as `toEntry` keeps it).
 */
function toEntries(m: ReadonlyMap<string, LEntry>, depth: number, seen: Conversion, apply: ApplyNested | undefined): ReadonlyMap<string, Entry> {
  const before = cycles;
  // Straight into a table's array (a Map first would be built to be thrown away: a keystroke converts its file again).
  const items = new Array<Entry>(m.size);
  let n = 0;
  let renamed = false;
  for (const [k, e] of m) {
    const name = keyName(k, seen);
    const out = toEntry(e, depth + 1, seen, apply);
    if (out.key !== name) renamed = true;
    items[n++] = out;
  }
  if (n !== items.length) items.length = n;
  const entries = renamed ? keyedAs(m, items, seen) : new EntryTable(items);
  if (!(m instanceof LayeredMap) || !m.base || cycles !== before) return entries;
  let base = seen.maps.get(m.base);
  if (!base) {
    const converted = convertedAlready(m.base, seen);
    if (!converted) return entries;
    base = EntryTable.of(converted);
    seen.maps.set(m.base, base);
  }
  // `base.userSettings // { }`: nothing on top, so the base's own table (read, iterated and sized alike).
  if (m.size === base.size && m.own.next().done) return base;
  const top = new Map<string, Entry>();
  for (const [k] of m.own) top.set(keyName(k, seen), entries.get(k) as Entry);
  return LayeredEntries.over(base, top) ?? entries;
}

/** `items` (the conversions of `m`'s entries, in its order) under `m`'s keys: for a set with an entry kept under a name other than its own key (a table keys each by its own). */
function keyedAs(m: ReadonlyMap<string, LEntry>, items: readonly Entry[], seen: Conversion): Map<string, Entry> {
  const out = new Map<string, Entry>();
  let i = 0;
  for (const [k] of m) out.set(keyName(k, seen), items[i++]);
  return out;
}

/** The entries of `m` as converted already in this conversion, or undefined if one is not (or is being converted). */
function convertedAlready(m: ReadonlyMap<string, LEntry>, seen: Conversion): Map<string, Entry> | undefined {
  const out = new Map<string, Entry>();
  for (const [k, e] of m) {
    const done = seen.entries.get(e);
    if (!done || done.value === IN_PROGRESS) return undefined;
    out.set(k, done);
  }
  return out;
}

function toEntry(e: LEntry, depth: number, seen: Conversion, apply: ApplyNested | undefined): Entry {
  const done = seen.entries.get(e);
  if (done) {
    if (done.value !== IN_PROGRESS) return done;
    cycles++;
    return placedEntry(keyName(e.key, seen), e.keyOrigin, { kind: 'unknown', reason: 'refers to itself', origin: e.keyOrigin });
  }
  const before = cycles;
  // The tree stays acyclic: an entry met again inside its own value (a flake's `inputs.self`) is unknown there.
  const out = placedEntry(keyName(e.key, seen), e.keyOrigin, IN_PROGRESS, !!e.overrides);
  seen.entries.set(e, out);
  const forced = e.thunk.force();
  if (forced.kind === 'unknown' && forced.args) {
    const first = seen.callEntries.get(forced);
    if (first) out.sameAs = first;
    else seen.callEntries.set(forced, out);
  }
  out.value = toValue(forced, depth, seen, apply, e.key);
  if (forced.kind === 'lambda' && apply)
    out.reapply = (given) => {
      const r = apply(forced, e.key, given);
      return r && r.kind !== 'lambda' ? toValue(r, 0, conversion(), apply, e.key) : undefined;
    };
  if (e.overrides) out.overrides = toEntry(e.overrides, depth, seen, apply);
  // Cut short by a cycle met below (`self.colmena` inside colmena's own meta): reached again from the top, it converts whole.
  if (cycles !== before) seen.entries.delete(e);
  return out;
}

/**
 * A shared value (the flake's `self`), converted as if it were the root: the
 * entries being converted around this meeting are not cut inside it (only its
 * own references to itself are), so every meeting gives the same tree, built once.
 */
function sharedValue(v: Extract<V, { kind: 'attrs' }>, seen: Conversion, apply: ApplyNested | undefined): Value {
  const done = seen.shared.get(v);
  if (done === IN_PROGRESS) {
    cycles++;
    return { kind: 'unknown', reason: 'refers to itself', origin: v.origin };
  }
  if (done) return done;
  seen.shared.set(v, IN_PROGRESS);
  // The chain being converted around here is set aside, so nothing in it is cut inside the shared value.
  const around = [...seen.entries].filter(([, x]) => x.value === IN_PROGRESS);
  for (const [k] of around) seen.entries.delete(k);
  const before = cycles;
  const entries = new Map<string, Entry>();
  try {
    for (const [k, e] of v.entries) entries.set(k, toEntry(e, 1, seen, apply));
  } finally {
    for (const [k, x] of around) seen.entries.set(k, x);
  }
  // Its own cuts (`self` inside `self`) are the same wherever it is met: they do not make the meeting place unique.
  cycles = before;
  const out = placed.attrs(entries, v.origin);
  seen.shared.set(v, out);
  return out;
}
