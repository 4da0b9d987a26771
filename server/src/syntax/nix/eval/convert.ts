// Conversions at the evaluator's edges: path literals to file:// URIs, and the
// lazy internal values to the shared Value tree (forcing everything; functions
// become unknown; `//` override chains become Entry.overrides).
import type { Entry, Value } from '../../value';
import { type LEntry, Thunk, type V } from './types';

/** Resolves a path literal against the importing file's URI. */
export function resolveUri(path: string, baseUri: string): string {
  try {
    if (path.startsWith('/')) return new URL('file://' + path).href;
    return new URL(path, baseUri).href;
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
      return { kind: 'unknown', reason: v.reason, origin: v.origin };
    default:
      return v;
  }
}

/** How many cycles conversion has cut (a conversion that cut one is not reused). */
let cycles = 0;

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
export function toValue(v: V, depth: number, seen: Map<LEntry, Entry>, apply?: ApplyNested, key?: string): Value {
  if (depth > 200) return { kind: 'unknown', reason: 'too deeply nested', origin: v.origin };
  switch (v.kind) {
    case 'lambda':
    case 'primop': {
      const applied = v.kind === 'lambda' ? apply?.(v, key) : undefined;
      if (applied && applied.kind !== 'lambda') return toValue(applied, depth + 1, seen, apply, key);
      return { kind: 'unknown', reason: 'a function', origin: v.origin };
    }
    case 'list':
      return { kind: 'list', items: v.items.map((t) => toValue(t.force(), depth + 1, seen, apply)), origin: v.origin };
    case 'attrs': {
      const entries = new Map<string, Entry>();
      for (const [k, e] of v.entries) entries.set(k, toEntry(e, depth + 1, seen, apply));
      return { kind: 'attrs', entries, origin: v.origin };
    }
    case 'unknown': {
      if (v.fn !== undefined && !v.args) return { kind: 'unknown', reason: v.reason, origin: v.origin, ref: v.fn };
      if (v.fn === undefined || !v.args || depth > CALL_ARG_DEPTH) return { kind: 'unknown', reason: v.reason, origin: v.origin };
      // A module given to `submodule` may be a function of its whole argument set (`args: …`).
      const argKey = v.fn === 'submodule' ? SUBMODULE_ARGUMENT : undefined;
      const args = v.args.map((t) => toValue(t.force(), depth + 1, seen, apply, argKey));
      return { kind: 'unknown', reason: v.reason, origin: v.origin, call: { fn: v.fn, args } };
    }
    default:
      return v;
  }
}

function toEntry(e: LEntry, depth: number, seen: Map<LEntry, Entry>, apply: ApplyNested | undefined): Entry {
  const done = seen.get(e);
  if (done) {
    if (done.value !== IN_PROGRESS) return done;
    cycles++;
    return { key: e.key, keyOrigin: e.keyOrigin, value: { kind: 'unknown', reason: 'refers to itself', origin: e.keyOrigin } };
  }
  const before = cycles;
  // The tree stays acyclic: an entry met again inside its own value (a flake's `inputs.self`) is unknown there.
  const out: Entry = { key: e.key, keyOrigin: e.keyOrigin, value: IN_PROGRESS };
  seen.set(e, out);
  const forced = e.thunk.force();
  out.value = toValue(forced, depth, seen, apply, e.key);
  if (forced.kind === 'lambda' && apply)
    out.reapply = (given) => {
      const r = apply(forced, e.key, given);
      return r && r.kind !== 'lambda' ? toValue(r, 0, new Map(), apply, e.key) : undefined;
    };
  if (e.overrides) out.overrides = toEntry(e.overrides, depth, seen, apply);
  // Cut short by a cycle met below (`self.colmena` inside colmena's own meta): reached again from the top, it converts whole.
  if (cycles !== before) seen.delete(e);
  return out;
}
