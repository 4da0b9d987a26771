// Attribute sets as the evaluator builds and reads them: a set's, `rec` set's or
// `let`'s bindings (nested paths, `inherit`, sets that meet again merge), the
// name of an attribute (`a`, `"a"`, `${e}`), selection `e.a.b or d` and `e ? a`.
import type * as A from '../ast';
import { type Origin, placeAt } from '../../value';
import type { NixEvaluator } from './evaluator';
import { mergeSets, updatedKey } from './ops';
import { type Env, type LEntry, selectedFrom, Thunk, type V, unknown } from './types';
import { selectedName } from './nixpkgsLib';

export function attrKey(ev: NixEvaluator, a: A.AttrName, env: Env, uri: string): string | undefined {
  if (a.type === 'Ident') return a.name;
  const v = a.type === 'Str' ? ev.eval(a, env, uri) : ev.eval(a.expr, env, uri);
  return v.kind === 'string' ? v.value : undefined;
}


/** Builds a set from bindings (for rec/let the bindings see each other). */
export function buildAttrs(ev: NixEvaluator, bindings: A.Binding[], rec: boolean, env: Env, uri: string, origin: Origin): { value: V; scope: Env } {
  const entries = new Map<string, LEntry>();
  const vars = new Map<string, Thunk>();
  const scope: Env = rec ? { vars, parent: env } : env;
  const value: V = { kind: 'attrs', entries, origin };
  for (const b of bindings) {
    if (b.type === 'Inherit') {
      for (const a of b.names) {
        const key = attrKey(ev, a, env, uri);
        if (key === undefined) continue;
        const ko = placeAt(uri, a);
        const from = b.from;
        const t = from
          ? new Thunk(() => {
              // `inherit (e)` evaluates e inside the set's own scope (for rec/let).
              const src = ev.eval(from, scope, uri);
              if (src.kind === 'attrs') return src.entries.get(key)?.thunk.force() ?? unknown(`attribute '${key}' missing`, ko);
              if (src.kind === 'unknown') return { kind: 'unknown', reason: src.reason, origin: ko, fn: key, ...selectedFrom(src, [key]) };
              return unknown(`cannot inherit from a ${src.kind}`, ko);
            }, ko)
          : new Thunk(() => ev.lookup(key, env, ko), ko);
        entries.set(key, { key, keyOrigin: ko, thunk: t });
      }
      continue;
    }
    const names = b.path.names;
    if (names.length === 0) continue;
    let target = entries;
    let ok = true;
    for (let i = 0; i < names.length - 1 && ok; i++) {
      const key = attrKey(ev, names[i], scope, uri);
      if (key === undefined) {
        ok = false;
        break;
      }
      const existing = target.get(key);
      const existingValue = existing?.thunk.force();
      if (existingValue && existingValue.kind === 'attrs') target = existingValue.entries;
      else {
        const nested = new Map<string, LEntry>();
        const ko = placeAt(uri, names[i]);
        target.set(key, { key, keyOrigin: ko, thunk: Thunk.of({ kind: 'attrs', entries: nested, origin: placeAt(uri, b) }) });
        target = nested;
      }
    }
    if (!ok) continue;
    const last = names[names.length - 1];
    const key = attrKey(ev, last, scope, uri);
    if (key === undefined) continue;
    const ko = placeAt(uri, last);
    const prev = target.get(key)?.thunk.force();
    const t = ev.thunk(b.value, scope, uri);
    if (prev && prev.kind === 'attrs' && b.value.type === 'AttrSet') {
      // `a.b = 1; a = { c = 2; };` merge as Nix does; sets that meet again below merge too, as newer Nix and
      // Lix do (Nix 2.8 rejects that file, and the nix-duplicate-attribute warning says so).
      const v = t.force();
      if (v.kind === 'attrs') mergeSets(prev.entries, v.entries, 0);
      continue;
    }
    target.set(key, { key, keyOrigin: ko, thunk: t });
  }
  if (rec) for (const [k, e] of entries) vars.set(k, e.thunk);
  return { value, scope };
}

/** `e.a.b` and `e.a.b or d`; an unknown target keeps what is selected (`nixpkgs.lib.nixosSystem`). */
export function select(ev: NixEvaluator, n: A.Select, env: Env, uri: string, origin: Origin): V {
  let cur = ev.eval(n.target, env, uri);
  for (const a of n.path.names) {
    const key = attrKey(ev, a, env, uri);
    const rest = n.path.names.slice(n.path.names.indexOf(a) + 1);
    if (key === undefined) {
      if (n.default) return unknown('attribute name not known statically', origin);
      // `self.inputs."nixpkgs${suffix}".lib.nixosSystem`: still named after what is selected next.
      const last = rest.length ? attrKey(ev, rest[rest.length - 1], env, uri) : undefined;
      return { kind: 'unknown', reason: 'attribute name not known statically', origin, ...(last !== undefined ? { fn: last } : {}) };
    }
    const kept = cur.kind === 'unknown' ? updatedKey(cur, key) : undefined;
    if (kept) {
      cur = kept;
      continue;
    }
    if (cur.kind === 'unknown') {
      if (n.default) return unknown(cur.reason, origin);
      // Named after the last attribute (`nixpkgs.lib.nixosSystem` → nixosSystem), so a call of it can be captured.
      const keys = n.path.names.slice(n.path.names.indexOf(a) + 1).map((x) => attrKey(ev, x, env, uri));
      const fn = selectedName(keys.length ? keys.at(-2) ?? key : cur.fn, keys.length ? keys.at(-1) : key);
      return { kind: 'unknown', reason: cur.reason, origin, ...(fn !== undefined ? { fn } : {}), ...selectedFrom(cur, [key, ...keys]) };
    }
    const e = cur.kind === 'attrs' ? cur.entries.get(key) : undefined;
    if (!e) {
      if (n.default) return ev.eval(n.default, env, uri);
      const reason = cur.kind === 'attrs' ? `attribute '${key}' missing` : `cannot select '${key}' from ${cur.kind}`;
      const last = rest.length ? attrKey(ev, rest[rest.length - 1], env, uri) : undefined;
      return { kind: 'unknown', reason, origin, ...(last !== undefined ? { fn: last } : {}) };
    }
    cur = e.thunk.force();
  }
  return cur;
}

/** `e ? a.b`. */
export function hasAttr(ev: NixEvaluator, n: A.HasAttr, env: Env, uri: string, origin: Origin): V {
  let cur = ev.eval(n.target, env, uri);
  for (const a of n.path.names) {
    const key = attrKey(ev, a, env, uri);
    if (key === undefined || cur.kind === 'unknown') return unknown('attribute presence not known statically', origin);
    const e = cur.kind === 'attrs' ? cur.entries.get(key) : undefined;
    if (!e) return { kind: 'boolean', value: false, origin };
    cur = e.thunk.force();
  }
  return { kind: 'boolean', value: true, origin };
}

/** A variable: lexically bound, else from the innermost `with` that has it (a set known in part answers for its known names). */
export function lookupName(name: string, env: Env, origin: Origin): V {
  for (let e: Env | undefined = env; e; e = e.parent) {
    const t = e.vars?.get(name);
    if (t) return t.force();
  }
  // Not bound lexically: the innermost `with` that has it.
  for (let e: Env | undefined = env; e; e = e.parent) {
    if (!e.with) continue;
    const w = e.with.force();
    // `with (unknown // { mkFlake = …; })`: a name of the known right side is that.
    const known = w.kind === 'unknown' ? updatedKey(w, name) : undefined;
    if (known) return known;
    // Why the `with` is not known is kept: a module argument not given yet is asked for again (machineArgs.ts).
    if (w.kind === 'unknown') return { kind: 'unknown', reason: `'${name}' may come from a 'with' whose value is not known (${w.reason})`, origin, fn: name };
    const entry = w.kind === 'attrs' ? w.entries.get(name) : undefined;
    if (entry) return entry.thunk.force();
  }
  return unknown(`undefined variable '${name}'`, origin);
}
