// Operators of the static evaluator on known values (arithmetic, comparison,
// equality, boolean logic, string/path concatenation, `//` and `++`); anything
// not known or not valid in Nix gives an unknown value.
import { layerOver } from '../../layeredMap';
import { type Origin, placed } from '../../value';
import type * as A from '../ast';
import { type LEntry, Thunk, type V, unknown } from './types';

export function arith(op: '+' | '-' | '*' | '/', a: V, b: V, origin: Origin): V {
  if (a.kind === 'unknown') return { ...a, origin };
  if (b.kind === 'unknown') return { ...b, origin };
  if (a.kind === 'number' && b.kind === 'number') {
    const integer = a.integer && b.integer;
    let value: number;
    switch (op) {
      case '+': value = a.value + b.value; break;
      case '-': value = a.value - b.value; break;
      case '*': value = a.value * b.value; break;
      case '/':
        if (b.value === 0) return unknown('division by zero', origin);
        value = integer ? Math.trunc(a.value / b.value) : a.value / b.value;
        break;
    }
    return { kind: 'number', value, integer, origin };
  }
  if (op === '+') {
    // A set with `outPath` (a flake's `self`) is its path: `self + /modules/home`. Nix gives the string of it;
    // its file URI as a path serves every reader here (an import, readDir) alike.
    const outPath = a.kind === 'attrs' ? a.entries.get('outPath')?.thunk.force() : undefined;
    if (outPath && (outPath.kind === 'path' || outPath.kind === 'string')) return arith(op, outPath.kind === 'string' && outPath.value.startsWith('file://') ? placed.path(outPath.value, outPath.origin) : outPath, b, origin);
    if (a.kind === 'string' && (b.kind === 'string')) return { kind: 'string', value: a.value + b.value, origin };
    if (a.kind === 'path' && (b.kind === 'string' || b.kind === 'path')) {
      // `./. + "/exporters/x.nix"`: `./.` is a directory URI ending in '/', Nix's path has none.
      // A path's value is its file URI; Nix appends the other path's own text (`self + /modules/x.nix`).
      const tail = b.kind === 'path' ? b.value.replace(/^file:\/\//, '') : b.value;
      const value = a.value.endsWith('/') && tail.startsWith('/') ? a.value + tail.slice(1) : a.value + tail;
      return { kind: 'path', value, origin };
    }
    if (a.kind === 'string' && b.kind === 'path') return unknown('a path added to a string is copied to the Nix store', origin);
  }
  return unknown(`cannot apply '${op}' to ${a.kind} and ${b.kind}`, origin);
}

function compare(op: '<' | '<=' | '>' | '>=', a: V, b: V, origin: Origin): V {
  if (a.kind === 'unknown') return { ...a, origin };
  if (b.kind === 'unknown') return { ...b, origin };
  let c: number | undefined;
  if (a.kind === 'number' && b.kind === 'number') c = a.value - b.value;
  else if ((a.kind === 'string' && b.kind === 'string') || (a.kind === 'path' && b.kind === 'path')) c = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (c === undefined) return unknown(`cannot compare ${a.kind} with ${b.kind}`, origin);
  const value = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
  return { kind: 'boolean', value, origin };
}

/** Deep equality; undefined when it cannot be decided statically. */
export function equal(a: V, b: V, depth = 0): boolean | undefined {
  if (depth > 200) return undefined;
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  const aFn = a.kind === 'lambda' || a.kind === 'primop';
  const bFn = b.kind === 'lambda' || b.kind === 'primop';
  // Two functions compare as Nix's pointer equality does (not modelled); a function and a value of another type never equal.
  if (aFn && bFn) return undefined;
  if (aFn || bFn) return false;
  if (a.kind === 'number' && b.kind === 'number') return a.value === b.value;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'path':
    case 'boolean':
      return a.value === (b as typeof a).value;
    case 'null':
      return true;
    case 'list': {
      const bl = b as typeof a;
      if (a.items.length !== bl.items.length) return false;
      for (let i = 0; i < a.items.length; i++) {
        const r = equal(a.items[i].force(), bl.items[i].force(), depth + 1);
        if (r !== true) return r;
      }
      return true;
    }
    case 'attrs': {
      const ba = b as typeof a;
      if (a.entries.size !== ba.entries.size) return false;
      for (const [k, e] of a.entries) {
        const o = ba.entries.get(k);
        if (!o) return false;
        const r = equal(e.thunk.force(), o.thunk.force(), depth + 1);
        if (r !== true) return r;
      }
      return true;
    }
  }
  return undefined;
}

/**
 * `e` over `prev`: e's own chain kept, `prev` below its end. `//` is right
 * associative, so in `a // { x } // { x }` the right `x` already overrides
 * the middle one when both meet a's: replacing its link would lose the middle.
 */
function onTopOf(e: LEntry, prev: LEntry, depth = 0): LEntry {
  return { ...e, overrides: e.overrides && depth < 32 ? onTopOf(e.overrides, prev, depth + 1) : prev };
}

/**
 * `(unknown // { k = …; }).k`: the right side's keys always win, so a key it
 * has is known whatever the left side is (a library written as
 * `nixpkgs.lib // rec { hosts = …; }`). Undefined otherwise. The value to
 * select from when `v` is such a captured `//` and the key is on its right.
 */
export function updatedKey(v: V, key: string): V | undefined {
  if (v.kind !== 'unknown' || v.fn !== '//' || v.args?.length !== 2) return undefined;
  const found = partialSelect(v, key, 0);
  return found === 'absent' ? undefined : found;
}

/**
 * A name of a set known in part: its value, 'absent' when the set surely has
 * no such name, undefined when that is not known. Through captured `//` calls
 * the right side wins; a side whose names are `keysWithin` others lacks them.
 */
function partialSelect(v: V, key: string, depth: number): V | 'absent' | undefined {
  if (v.kind === 'attrs') return v.entries.get(key)?.thunk.force() ?? 'absent';
  if (v.kind !== 'unknown' || depth > 100) return undefined;
  if (v.keysWithin) return v.keysWithin.has(key) ? undefined : 'absent';
  if (v.fn !== '//' || v.args?.length !== 2) return undefined;
  const right = partialSelect(v.args[1].force(), key, depth + 1);
  return right === 'absent' ? partialSelect(v.args[0].force(), key, depth + 1) : right;
}

/** `a // b`: b's entries win, remembering the entry each one replaced. */
function update(a: V, b: V, origin: Origin): V {
  if (a.kind === 'unknown' || b.kind === 'unknown') {
    // A side not known (`{ synth = …; } // clan.config.nixosConfigurations`, `unknownSet // { a = mkOption …; }`,
    // `lib.mkEnableOption "x" // { default = true; }`): the whole value is not known, so evaluation sees an
    // unknown (no key is judged missing from it, nothing selected from it is known, its right side may replace
    // any key of its left). Both sides are kept as a captured `//` call, so a reader that only looks for what is
    // there (discovery's `knownAttrParts`, the option scanner) still finds the known entries, marked partial.
    const other = a.kind === 'unknown' ? b : a;
    if (other.kind === 'attrs' || (other.kind === 'unknown' && (carries(a) || carries(b)))) {
      const reason = a.kind === 'unknown' ? a.reason : (b as { reason: string }).reason;
      return { kind: 'unknown', reason, origin, fn: '//', args: [Thunk.of(a), Thunk.of(b)] };
    }
    return a.kind === 'unknown' ? { ...a, origin } : { ...b, origin };
  }
  if (a.kind !== 'attrs' || b.kind !== 'attrs') return unknown(`'//' needs two attribute sets, not ${a.kind} and ${b.kind}`, origin);
  // Over a's entries, not a copy of them (layeredMap.ts): a fleet's profiles are each `base // { … }`.
  const entries = layerOver(a.entries);
  for (const [k, e] of b.entries) {
    const prev = a.entries.get(k);
    entries.set(k, prev ? onTopOf(e, prev) : e);
  }
  return { kind: 'attrs', entries, origin };
}

/** An unknown that still says something: a captured call, or a selection from one. */
function carries(v: V): boolean {
  return v.kind === 'unknown' && ((v.fn !== undefined && v.args !== undefined) || v.selectedFrom !== undefined || v.keysWithin !== undefined);
}

function concatLists(a: V, b: V, origin: Origin): V {
  // `[ known… ] ++ unknownFn x`: the whole list is not known (nothing may be
  // judged missing from it), but its known parts are kept as a captured `++`
  // call, so a reader that only looks for what is there (renames in `imports`)
  // still finds them (`knownListParts`).
  // `++` is right-associative: `[ … ] ++ helperA x ++ helperB y` meets two captured calls first, kept both.
  const captured = (v: V): boolean => v.kind === 'unknown' && v.fn !== undefined && v.args !== undefined;
  if ((a.kind === 'unknown' && (b.kind === 'list' || isConcat(b))) || (b.kind === 'unknown' && (a.kind === 'list' || isConcat(a))) || (captured(a) && captured(b)))
    return { kind: 'unknown', reason: a.kind === 'unknown' ? a.reason : (b as { reason: string }).reason, origin, fn: '++', args: [Thunk.of(a), Thunk.of(b)] };
  if (a.kind === 'unknown') return { ...a, origin };
  if (b.kind === 'unknown') return { ...b, origin };
  if (a.kind !== 'list' || b.kind !== 'list') return unknown(`'++' needs two lists, not ${a.kind} and ${b.kind}`, origin);
  return { kind: 'list', items: [...a.items, ...b.items], origin };
}

/** A partial list: `++` with an unknown side, its known parts kept. */
function isConcat(v: V): boolean {
  return v.kind === 'unknown' && v.fn === '++' && v.args !== undefined;
}

/** `&&`, `||` and `->`: the right side is evaluated only when it decides. */
export function logical(op: '&&' | '||' | '->', a: V, R: () => V, origin: Origin): V {
  if (a.kind !== 'boolean') return unknown(a.kind === 'unknown' ? a.reason : `'${op}' needs booleans`, origin);
  if (op === '&&' && !a.value) return { kind: 'boolean', value: false, origin };
  if (op === '||' && a.value) return { kind: 'boolean', value: true, origin };
  if (op === '->' && !a.value) return { kind: 'boolean', value: true, origin };
  const b = R();
  if (b.kind !== 'boolean') return unknown(b.kind === 'unknown' ? b.reason : `'${op}' needs booleans`, origin);
  return { kind: 'boolean', value: b.value, origin };
}

/** A binary operator that needs both operands. */
export function strictBinary(op: Exclude<A.Binary['op'], '&&' | '||' | '->'>, a: V, b: V, origin: Origin): V {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
      return arith(op, a, b, origin);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, a, b, origin);
    case '==':
    case '!=': {
      const eq = equal(a, b);
      // The side not known says why (a module argument not given yet is then asked for again: machineArgs.ts).
      if (eq === undefined) return unknown(a.kind === 'unknown' ? a.reason : b.kind === 'unknown' ? b.reason : 'equality not known statically', origin);
      return { kind: 'boolean', value: op === '==' ? eq : !eq, origin };
    }
    case '//':
      return update(a, b, origin);
    case '++':
      return concatLists(a, b, origin);
  }
}

/** Moves `from`'s entries into `into`; where both hold a set under one key, those merge the same way. */
export function mergeSets(into: Map<string, LEntry>, from: Map<string, LEntry>, depth: number): void {
  for (const [k, e] of from) {
    const p = into.get(k);
    const pv = p && depth < 50 ? p.thunk.force() : undefined;
    const nv = pv?.kind === 'attrs' ? e.thunk.force() : undefined;
    if (pv?.kind === 'attrs' && nv?.kind === 'attrs') mergeSets(pv.entries, nv.entries, depth + 1);
    else into.set(k, e);
  }
}
