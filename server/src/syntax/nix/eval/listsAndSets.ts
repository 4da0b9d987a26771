// A few more builtins (and the lib functions of the same name) that
// repositories' own libraries are written with: `tail`, `zipAttrsWith`,
// `intersectAttrs`, `match`, and lib's `last`, `id`, `concat` and
// `singleton`. Also `extend` of a
// library that is not known (`nixpkgs.lib.extend (final: prev: { … })`): the
// extension's own attributes are known, the rest stays nixpkgs' lib (known by
// name); one extension per overlay (a fleet extending each machine's nixpkgs
// with the same overlay, re-extended at every call, ran past the step budget).
import type { Origin } from '../../value';
import { type LEntry, Thunk, type V, unknown } from './types';
import type { NixEvaluator } from './evaluator';

/** Builtins handed on by lib under the same name, with their arities. */
export const SET_BUILTINS: Record<string, number> = { tail: 1, zipAttrsWith: 2, intersectAttrs: 2, match: 2 };

/** Lib functions without a builtin of the name. */
export const SET_LIB_FUNCTIONS: Record<string, number> = { last: 1, id: 1, extend: 1, concat: 2, singleton: 1 };

function list(v: V, what: string, origin: Origin): Extract<V, { kind: 'list' }> | V {
  return v.kind === 'list' ? v : unknown(v.kind === 'unknown' ? v.reason : `${what} of a ${v.kind}`, origin);
}

/** Calls one of the functions above once all its arguments are there. */
export function callListOrSet(name: string, args: Thunk[], origin: Origin, ev: NixEvaluator): V {
  switch (name) {
    case 'id':
      return args[0].force();
    case 'tail':
    case 'last': {
      const l = list(args[0].force(), name, origin);
      if (l.kind !== 'list') return l;
      if (l.items.length === 0) return unknown(`${name} of an empty list`, origin);
      return name === 'tail' ? { kind: 'list', items: l.items.slice(1), origin } : (l.items.at(-1) as Thunk).force();
    }
    case 'singleton':
      return { kind: 'list', items: [args[0]], origin };
    case 'concat': {
      // `lib.concat a b` is `a ++ b`.
      const a = list(args[0].force(), name, origin);
      const b = list(args[1].force(), name, origin);
      if (a.kind !== 'list') return a;
      return b.kind === 'list' ? { kind: 'list', items: [...a.items, ...b.items], origin } : b;
    }
    case 'zipAttrsWith':
      return zipAttrsWith(args[0], args[1].force(), origin, ev);
    case 'intersectAttrs': {
      // The second set's entries whose names the first has.
      const a = args[0].force();
      const b = args[1].force();
      if (a.kind !== 'attrs' || b.kind !== 'attrs') return unknown(a.kind === 'unknown' ? a.reason : b.kind === 'unknown' ? b.reason : 'intersectAttrs of a non-set', origin);
      return { kind: 'attrs', entries: new Map([...b.entries].filter(([k]) => a.entries.has(k))), origin };
    }
    case 'extend':
      return extendUnknown(args[0], origin, ev);
    case 'match':
      return match(args[0].force(), args[1].force(), origin);
  }
  return unknown(`lib.${name} is not evaluated statically`, origin);
}

/**
 * `zipAttrsWith f [ s1 s2 … ]`: for each name in any set, `f name [ values in
 * list order ]`. Sets not known among them make the result a captured
 * `unknown // { … }` of the known sets' names, less those an unknown set
 * says it may have (`keysWithin`). A set that says nothing of its names
 * (nixpkgs' lib, flattened into a repository's own: `mergeAttrs' (attrValues
 * libs)`) is read as lacking the known sets' names: the repository's own
 * helpers are read from its own files, which is what they are.
 */
function zipAttrsWith(f: Thunk, sets: V, origin: Origin, ev: NixEvaluator): V {
  const l = list(sets, 'zipAttrsWith', origin);
  if (l.kind !== 'list') return l;
  const byName = new Map<string, { keyOrigin: Origin; values: Thunk[] }>();
  let missing: V | undefined;
  // The names the sets not known may have, as far as they say (`keysWithin`).
  const possible = new Set<string>();
  let allWithin = true;
  for (const t of l.items) {
    const s = t.force();
    if (s.kind === 'unknown') {
      missing ??= s;
      for (const k of s.keysWithin ?? []) possible.add(k);
      allWithin &&= s.keysWithin !== undefined;
      continue;
    }
    if (s.kind !== 'attrs') return unknown(`zipAttrsWith over a ${s.kind}`, origin);
    for (const [k, e] of s.entries) {
      const at = byName.get(k);
      if (at) at.values.push(e.thunk);
      else byName.set(k, { keyOrigin: e.keyOrigin, values: [e.thunk] });
    }
  }
  const fn = f.force();
  const entries = new Map<string, LEntry>();
  for (const k of [...byName.keys()].sort()) {
    // A name a set not known may also have: its list of values is not known.
    if (possible.has(k)) continue;
    const { keyOrigin, values } = byName.get(k) as { keyOrigin: Origin; values: Thunk[] };
    const name = Thunk.of({ kind: 'string', value: k, origin: keyOrigin });
    const valueList = Thunk.of({ kind: 'list', items: values, origin });
    entries.set(k, { key: k, keyOrigin, thunk: new Thunk(() => ev.call(ev.call(fn, name, origin), valueList, origin), keyOrigin) });
  }
  const zipped: V = { kind: 'attrs', entries, origin };
  if (!missing || missing.kind !== 'unknown') return zipped;
  const rest: V = { kind: 'unknown', reason: missing.reason, origin, ...(allWithin ? { keysWithin: possible } : {}) };
  return { kind: 'unknown', reason: missing.reason, origin, fn: '//', args: [Thunk.of(rest), Thunk.of(zipped)] };
}

/** The `extend` of `lib.makeExtensible rattrs`: `makeExtensible (final: rattrs final // f final (rattrs final))`, as a primop waiting for `f`. */
export function extendOf(rattrs: V, origin: Origin): V {
  return { kind: 'primop', name: 'lib.extendExtensible', arity: 2, args: [Thunk.of(rattrs)], origin };
}

/** POSIX bracket classes as JavaScript writes them inside a bracket expression. */
const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~',
};

/**
 * `builtins.match regex s`: the capture groups (null where a group took no
 * part) when the extended regular expression matches the whole string, else
 * null. Written as JavaScript reads it (bracket classes translated); an
 * expression it cannot read is not known.
 */
function match(re: V, s: V, origin: Origin): V {
  if (re.kind !== 'string' || s.kind !== 'string') return unknown(re.kind === 'unknown' ? re.reason : s.kind === 'unknown' ? s.reason : 'match needs two strings', origin);
  let compiled: RegExp;
  try {
    compiled = new RegExp(`^(?:${re.value.replace(/\[:([a-z]+):\]/g, (all, name: string) => POSIX_CLASSES[name] ?? all)})$`);
  } catch {
    return unknown(`the regular expression ${JSON.stringify(re.value)} is not read statically`, origin);
  }
  const m = compiled.exec(s.value);
  if (!m) return { kind: 'null', origin };
  return { kind: 'list', items: m.slice(1).map((g) => Thunk.of(g === undefined ? { kind: 'null', origin } : { kind: 'string', value: g, origin })), origin };
}

/**
 * `base.extend (final: prev: { … })` where base is not known (nixpkgs' lib
 * from an input): the fixed point `prev // f final prev` as a captured `//`
 * whose right side is known, so `final.mine` reads the extension and
 * `final.mkIf` stays nixpkgs' (known by its name).
 */
function extendUnknown(f: Thunk, origin: Origin, ev: NixEvaluator): V {
  const fn = f.force();
  // Every library not known is nixpkgs' as far as reading goes: one extension per overlay, however many
  // machines extend their own nixpkgs with it (a fleet's per-machine `nixpkgs.lib.extend self.lib.overlay`).
  const done = fn.kind === 'lambda' ? EXTENDED.get(fn) : undefined;
  if (done) return done;
  const prev = Thunk.of(unknown('the library being extended is not known statically', origin));
  const result: Thunk = new Thunk(
    () => ({ kind: 'unknown', reason: 'the library being extended is not known statically', origin, fn: '//', args: [prev, new Thunk(() => ev.call(ev.call(fn, result, origin), prev, origin), origin)] }),
    origin,
  );
  const out = result.force();
  if (fn.kind === 'lambda') EXTENDED.set(fn, out);
  return out;
}

/** `extend`'s result by overlay (see extendUnknown). */
const EXTENDED = new WeakMap<object, V>();
