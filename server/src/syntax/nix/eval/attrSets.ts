// nixpkgs lib's attribute-set functions that modules build their `config`
// with, beyond the ones in nixpkgsLib.ts: of an attribute path given as a
// list of names, `setAttrByPath [ "a" "b" ] v` is `{ a.b = v; }` and
// `getAttrFromPath [ "a" "b" ] set` is `set.a.b` (an error in Nix when a name
// is missing) — modules that forward a list of option paths (`foldl' (acc:
// p: recursiveUpdate acc (setAttrByPath p …)) {} paths`); and
// `concatMapAttrs f set`, the sets `f name value` merged (one networkd
// network per VLAN of a set).
import type { Origin } from '../../value';
import type { NixEvaluator } from './evaluator';
import { strictBinary } from './ops';
import { Thunk, type V, unknown } from './types';

/** The names of a path list, or the reason they are not known. */
function pathNames(path: V): string[] | string {
  if (path.kind !== 'list') return path.kind === 'unknown' ? path.reason : 'an attribute path that is not a list';
  const names: string[] = [];
  for (const t of path.items) {
    const k = t.force();
    if (k.kind !== 'string') return k.kind === 'unknown' ? k.reason : 'an attribute path with a name that is not a string';
    names.push(k.value);
  }
  return names;
}

/** `lib.setAttrByPath path value`. */
export function setAttrByPath(path: Thunk, value: Thunk, origin: Origin): V {
  const names = pathNames(path.force());
  if (typeof names === 'string') return unknown(names, origin);
  let acc: Thunk = value;
  for (let i = names.length - 1; i >= 0; i--) {
    const key = names[i];
    acc = Thunk.of({ kind: 'attrs', entries: new Map([[key, { key, keyOrigin: origin, thunk: acc }]]), origin });
  }
  return acc.force();
}

/** `lib.getAttrFromPath path set`. */
export function getAttrFromPath(path: Thunk, set: Thunk, origin: Origin): V {
  const names = pathNames(path.force());
  if (typeof names === 'string') return unknown(names, origin);
  let cur = set.force();
  for (const key of names) {
    if (cur.kind === 'unknown') return unknown(cur.reason, origin);
    const e = cur.kind === 'attrs' ? cur.entries.get(key) : undefined;
    if (!e) return unknown(`attribute '${key}' missing (getAttrFromPath)`, origin);
    cur = e.thunk.force();
  }
  return cur;
}

/** `lib.concatMapAttrs f set`: `f name value` for each name, in Nix's sorted order, merged with `//`. */
export function concatMapAttrs(f: Thunk, set: Thunk, origin: Origin, ev: NixEvaluator): V {
  const s = set.force();
  if (s.kind !== 'attrs') return unknown(s.kind === 'unknown' ? s.reason : 'concatMapAttrs over a non-set', origin);
  const fn = f.force();
  let acc: V = { kind: 'attrs', entries: new Map(), origin };
  for (const k of [...s.entries.keys()].sort()) {
    const e = s.entries.get(k);
    if (!e) continue;
    const r = ev.call(ev.call(fn, Thunk.of({ kind: 'string', value: k, origin: e.keyOrigin }), origin), e.thunk, origin);
    acc = strictBinary('//', acc, r, origin);
    if (acc.kind !== 'attrs') return acc;
  }
  return acc;
}
