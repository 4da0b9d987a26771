// The few functions of nixpkgs' `lib` that NixOS configurations are written
// with, modelled exactly as nixpkgs defines them, for when `lib` comes from a
// flake input or a module argument and is therefore unknown: the priority and
// condition wrappers of the module system (`mkDefault`, `mkForce`, `mkIf`,
// `mkMerge`, `mkBefore` / `mkAfter`), which evaluate to the same tagged sets
// (`{ _type = "override"; priority; content; }` …) as in nixpkgs, and the
// attribute-set helpers flakes build `nixosConfigurations` with (`genAttrs`,
// `mapAttrs'`, `nameValuePair`, `listToAttrs`, `optional(s)`, `optionalAttrs`,
// `removeSuffix`), and `attrNames` (`types.enum (lib.attrNames keymaps)`),
// and the builtins lib hands on under their own names (`elem`, `filter`…).
// Anything else from `lib` stays unknown. `pkgs.formats.<format>` (formats.ts)
// is dispatched from here too, as `formats.<format>`.
import { type Origin, placed } from '../../value';
import { type LEntry, Thunk, type V, unknown } from './types';
import type { NixEvaluator } from './evaluator';
import { callFormat, FORMATS } from './formats';
import { callPrimop } from './builtins';
import { strictBinary } from './ops';
import { fromJSON, fromTOML, readFileValue } from './dataFiles';
import { concatMapAttrs, getAttrFromPath, setAttrByPath } from './attrSets';
import { splitString, toInt } from './libStrings';
import { callListOrSet, extendOf, SET_BUILTINS, SET_LIB_FUNCTIONS } from './listsAndSets';

export { selectedName } from './formats';

/**
 * Builtins that nixpkgs' lib hands on under the same name (`lib.elem "iso" tags`), with their arities.
 * Not `isFunction`: lib's also holds for a set with `__functor`, the builtin does not.
 */
const FROM_BUILTINS: Record<string, number> = {
  elem: 2, head: 1, length: 1, filter: 2, hasAttr: 2, concatStringsSep: 2, readFile: 1,
  isString: 1, isAttrs: 1, isList: 1, isBool: 1, isInt: 1, isFloat: 1, isPath: 1, typeOf: 1,
  replaceStrings: 3, concatLists: 1, concatMap: 2, functionArgs: 1,
};

/** The modelled functions and how many arguments each takes. */
export const LIB_FUNCTIONS: Record<string, number> = {
  mkDefault: 1,
  mkForce: 1,
  mkOverride: 2,
  mkIf: 2,
  mkMerge: 1,
  mkBefore: 1,
  mkAfter: 1,
  mkOrder: 2,
  genAttrs: 2,
  mapAttrs: 2,
  "mapAttrs'": 2,
  nameValuePair: 2,
  listToAttrs: 1,
  attrValues: 1,
  attrNames: 1,
  filterAttrs: 2,
  optional: 2,
  optionals: 2,
  optionalAttrs: 2,
  removeSuffix: 2,
  hasSuffix: 2,
  hasPrefix: 2,
  pathExists: 1,
  recursiveUpdate: 2,
  attrByPath: 3,
  setAttrByPath: 2,
  getAttrFromPath: 2,
  concatMapAttrs: 2,
  flip: 3,
  splitString: 2,
  toInt: 1,
  mapAttrsToList: 2,
  "foldl'": 3,
  foldl: 3,
  mergeAttrs: 2,
  pipe: 2,
  listFilesRecursive: 1,
  importJSON: 1,
  importTOML: 1,
  flatten: 1,
  mergeAttrsList: 1,
  // A repository's own library built as nixpkgs builds its lib (`lib.fixedPoints.makeExtensible (final: { … })`).
  fix: 1,
  makeExtensible: 1,
  // flake-utils' `lib.eachSystem systems (system: { packages = …; })` (known by the same last names).
  eachSystem: 2,
  eachDefaultSystem: 1,
  all: 2,
  any: 2,
  // `lib.path.append` (lib functions are known by the last name selected).
  append: 2,
  ...Object.fromEntries([...FORMATS].map((f) => [`formats.${f}`, 1])),
  ...FROM_BUILTINS,
  ...SET_BUILTINS,
  ...SET_LIB_FUNCTIONS,
};


function entry(key: string, v: V | Thunk, origin: Origin): LEntry {
  return { key, keyOrigin: origin, thunk: v instanceof Thunk ? v : Thunk.of(v) };
}

function tagged(type: string, origin: Origin, fields: [string, V | Thunk][]): V {
  const entries = new Map<string, LEntry>();
  entries.set('_type', entry('_type', { kind: 'string', value: type, origin }, origin));
  for (const [k, v] of fields) entries.set(k, entry(k, v, origin));
  return { kind: 'attrs', entries, origin };
}

function num(value: number, origin: Origin): V {
  return { kind: 'number', value, integer: true, origin };
}

/** Files listed below a folder at most, and folders deep (`lib.filesystem.listFilesRecursive`). */
const MAX_LISTED_FILES = 20_000;
const MAX_LISTED_DEPTH = 32;

/** `lib.filesystem.listFilesRecursive dir`: every file below it, in readDir's (sorted) order. */
function listFilesRecursive(dir: V, origin: Origin, ev: NixEvaluator): V {
  if (dir.kind !== 'path') return unknown(dir.kind === 'unknown' ? dir.reason : `listFilesRecursive of a ${dir.kind}`, origin);
  const items: Thunk[] = [];
  const walk = (uri: string, depth: number): boolean => {
    const listing = ev.listDir(uri);
    if (!listing || depth > MAX_LISTED_DEPTH) return false;
    for (const [name, type] of [...listing].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      const child = `${uri}/${encodeURIComponent(name)}`;
      if (type === 'directory') {
        if (!walk(child, depth + 1)) return false;
      } else if (items.push(Thunk.of({ kind: 'path', value: child, origin })) > MAX_LISTED_FILES) return false;
    }
    return true;
  };
  return walk(dir.value, 0) ? { kind: 'list', items, origin } : unknown(`the files below ${dir.value} are not known (not listed, or too many)`, origin);
}

/**
 * `lib.flatten`: nested lists as one. An item not known statically stays one
 * item (it is most often a module from an input, in an `imports` list).
 */
function flatten(v: V, origin: Origin, depth: number): V {
  if (v.kind !== 'list') return depth === 0 ? (v.kind === 'unknown' ? unknown(v.reason, origin) : { kind: 'list', items: [Thunk.of(v)], origin }) : v;
  if (depth > MAX_LISTED_DEPTH) return unknown('lists nested too deeply', origin);
  const items: Thunk[] = [];
  for (const t of v.items) {
    const item = t.force();
    if (item.kind !== 'list') {
      items.push(t);
      continue;
    }
    const inner = flatten(item, origin, depth + 1);
    if (inner.kind !== 'list') return inner;
    items.push(...inner.items);
  }
  return { kind: 'list', items, origin };
}

/** flake-utils' `defaultSystems`. */
const DEFAULT_SYSTEMS = ['aarch64-linux', 'aarch64-darwin', 'x86_64-darwin', 'x86_64-linux'];

/**
 * flake-utils' `eachSystem systems f`: each output `f system` gives, under
 * that system (`{ packages.x86_64-linux = …; }`). The outputs' names are what
 * matters here (a flake's `{ nixosConfigurations = …; } // eachSystem …`).
 */
function eachSystem(systems: V, f: V, origin: Origin, ev: NixEvaluator): V {
  if (systems.kind !== 'list') return unknown(systems.kind === 'unknown' ? systems.reason : 'eachSystem over a non-list', origin);
  const outputs = new Map<string, Map<string, LEntry>>();
  for (const t of systems.items) {
    const system = t.force();
    if (system.kind !== 'string') return unknown(system.kind === 'unknown' ? system.reason : 'a system that is not a string', origin);
    const r = ev.call(f, t, origin);
    if (r.kind !== 'attrs') return unknown(r.kind === 'unknown' ? r.reason : `eachSystem's function gave a ${r.kind}`, origin);
    for (const [k, e] of r.entries) {
      const per = outputs.get(k) ?? new Map<string, LEntry>();
      per.set(system.value, { key: system.value, keyOrigin: e.keyOrigin, thunk: e.thunk });
      outputs.set(k, per);
    }
  }
  const entries = new Map<string, LEntry>();
  for (const [k, per] of outputs) entries.set(k, entry(k, { kind: 'attrs', entries: per, origin }, origin));
  return { kind: 'attrs', entries, origin };
}

/**
 * `lib.fix f`: the value `x` with `x = f x` (a set whose entries read each
 * other through `final`). `makeExtensible` adds `extend`, read as nixpkgs
 * defines it (`extendExtensible` below).
 */
function fixedPoint(f: Thunk, extensible: boolean, origin: Origin, ev: NixEvaluator): V {
  const fn = f.force();
  const result: Thunk = new Thunk(() => {
    const v = ev.call(fn, result, origin);
    if (!extensible || v.kind !== 'attrs' || v.entries.has('extend')) return v;
    const entries = new Map(v.entries);
    entries.set('extend', entry('extend', extendOf(fn, origin), origin));
    return { kind: 'attrs', entries, origin: v.origin };
  }, origin);
  return result.force();
}

/** A string or a path as the string Nix coerces it to (a path's value here is its file URI). */
function asText(v: Extract<V, { kind: 'string' | 'path' }>): string {
  return v.kind === 'path' ? decodeURIComponent(v.value.replace(/^file:\/\//, '')) : v.value;
}

/** `map lib.id xs`: a lib function passed, not called, as the function it is (when modelled). */
export function libFunction(v: V): V {
  if (v.kind !== 'unknown' || v.fn === undefined || v.args || !Object.hasOwn(LIB_FUNCTIONS, v.fn)) return v;
  return { kind: 'primop', name: `lib.${v.fn}`, arity: LIB_FUNCTIONS[v.fn], args: [], origin: v.origin };
}

/** Calls `lib.<name>` (without the prefix) once all its arguments are there. */
export function callLib(name: string, args: Thunk[], origin: Origin, ev: NixEvaluator): V {
  if (name.startsWith('formats.')) return callFormat(name.slice('formats.'.length), args[0], origin);
  if (Object.hasOwn(FROM_BUILTINS, name)) return callPrimop(name, args, origin, ev);
  if (Object.hasOwn(SET_BUILTINS, name) || Object.hasOwn(SET_LIB_FUNCTIONS, name)) return callListOrSet(name, args, origin, ev);
  // `(makeExtensible rattrs).extend f` is `makeExtensible (final: let prev = rattrs final; in prev // f final prev)`.
  if (name === 'extendExtensible') return fixedPoint(Thunk.of({ kind: 'primop', name: 'lib.extendedAttrs', arity: 3, args, origin }), true, origin, ev);
  if (name === 'extendedAttrs') {
    const prev = new Thunk(() => ev.call(args[0].force(), args[2], origin), origin);
    return strictBinary('//', prev.force(), ev.call(ev.call(args[1].force(), args[2], origin), prev, origin), origin);
  }
  switch (name) {
    case 'importJSON':
    case 'importTOML': {
      const text = readFileValue(args[0].force(), origin, (u) => ev.readDataFile(u, origin));
      return ev.dataValues.parsed(name === 'importJSON' ? 'json' : 'toml', text, () => (name === 'importJSON' ? fromJSON(text, origin) : fromTOML(text, origin)));
    }
    case 'mkDefault':
      return tagged('override', origin, [['priority', num(1000, origin)], ['content', args[0]]]);
    case 'mkForce':
      return tagged('override', origin, [['priority', num(50, origin)], ['content', args[0]]]);
    case 'mkOverride':
      return tagged('override', origin, [['priority', args[0]], ['content', args[1]]]);
    case 'mkIf':
      return tagged('if', origin, [['condition', args[0]], ['content', args[1]]]);
    case 'mkMerge':
      return tagged('merge', origin, [['contents', args[0]]]);
    case 'mkBefore':
      return tagged('order', origin, [['priority', num(500, origin)], ['content', args[0]]]);
    case 'mkAfter':
      return tagged('order', origin, [['priority', num(1500, origin)], ['content', args[0]]]);
    case 'mkOrder':
      return tagged('order', origin, [['priority', args[0]], ['content', args[1]]]);
  }
  switch (name) {
    case 'mapAttrsToList': {
      // Option sets built per name (prometheus exporters): f name value, names in Nix's sorted order.
      const set = args[1].force();
      if (set.kind !== 'attrs') return unknown(set.kind === 'unknown' ? set.reason : 'mapAttrsToList over a non-set', origin);
      const f = args[0].force();
      const items = [...set.entries.keys()].sort().map((k) => {
        const e = set.entries.get(k) as LEntry;
        return new Thunk(() => ev.call(ev.call(f, Thunk.of({ kind: 'string', value: k, origin: e.keyOrigin }), origin), e.thunk, origin), e.keyOrigin);
      });
      return { kind: 'list', items, origin };
    }
    case 'pathExists':
      return callPrimop('pathExists', args, origin, ev);
    case 'attrByPath': {
      // attrByPath [ "a" "b" ] default set
      const path = args[0].force();
      if (path.kind !== 'list') return unknown(path.kind === 'unknown' ? path.reason : 'attrByPath needs a list', origin);
      let cur = args[2].force();
      for (const t of path.items) {
        const k = t.force();
        if (k.kind !== 'string') return unknown('attrByPath with an unknown name', origin);
        if (cur.kind === 'unknown') return unknown(cur.reason, origin);
        const e = cur.kind === 'attrs' ? cur.entries.get(k.value) : undefined;
        if (!e) return args[1].force();
        cur = e.thunk.force();
      }
      return cur;
    }
    case 'setAttrByPath':
      return setAttrByPath(args[0], args[1], origin);
    case 'getAttrFromPath':
      return getAttrFromPath(args[0], args[1], origin);
    case 'concatMapAttrs':
      return concatMapAttrs(args[0], args[1], origin, ev);
    case 'splitString':
      return splitString(args[0].force(), args[1].force(), origin);
    case 'toInt':
      return toInt(args[0].force(), origin);
    case 'flip':
      return ev.call(ev.call(args[0].force(), args[2], origin), args[1], origin);
    case 'recursiveUpdate':
      return recursiveUpdate(args[0].force(), args[1].force(), origin, 0);
    case 'pipe': {
      // `pipe x [ f g ]` is `g (f x)`.
      const fs = args[1].force();
      if (fs.kind !== 'list') return unknown(fs.kind === 'unknown' ? fs.reason : 'pipe through a non-list', origin);
      let acc = args[0];
      for (const f of fs.items) acc = Thunk.of(ev.call(f.force(), acc, origin));
      return acc.force();
    }
    case 'listFilesRecursive':
      return listFilesRecursive(args[0].force(), origin, ev);
    case 'mergeAttrs':
      return strictBinary('//', args[0].force(), args[1].force(), origin);
    case 'append': {
      // `lib.path.append ./. "hosts/web.nix"`: the path with the relative one below it.
      const base = args[0].force();
      const sub = args[1].force();
      if (base.kind !== 'path' || sub.kind !== 'string') return unknown(base.kind === 'unknown' ? base.reason : sub.kind === 'unknown' ? sub.reason : 'path.append of a non-path', origin);
      return strictBinary('+', base, placed.string(`/${sub.value.replace(/^\.\//, '')}`, sub.origin), origin);
    }
    case 'flatten':
      return flatten(args[0].force(), origin, 0);
    case 'eachSystem':
      return eachSystem(args[0].force(), args[1].force(), origin, ev);
    case 'eachDefaultSystem':
      return eachSystem({ kind: 'list', items: DEFAULT_SYSTEMS.map((value) => Thunk.of({ kind: 'string', value, origin })), origin }, args[0].force(), origin, ev);
    case 'fix':
    case 'makeExtensible':
      return fixedPoint(args[0], name === 'makeExtensible', origin, ev);
    case 'mergeAttrsList': {
      const list = args[0].force();
      if (list.kind !== 'list') return unknown(list.kind === 'unknown' ? list.reason : 'mergeAttrsList of a non-list', origin);
      let acc: V = { kind: 'attrs', entries: new Map(), origin };
      for (const t of list.items) acc = strictBinary('//', acc, t.force(), origin);
      return acc;
    }
    case "foldl'":
    case 'foldl': {
      const list = args[2].force();
      if (list.kind !== 'list') return unknown(list.kind === 'unknown' ? list.reason : `${name} over a non-list`, origin);
      const op = args[0].force();
      let acc = args[1];
      for (const item of list.items) acc = Thunk.of(ev.call(ev.call(op, acc, origin), item, origin));
      return acc.force();
    }
  }
  const a = libFunction(args[0].force());
  // `optionalAttrs cond { … }` with the condition not known: the set kept as a captured call (options declared on some platforms).
  // `optional(s) cond x` likewise: an import from an input under a condition on that input stays an input's module (moduleSystem.ts).
  if (a.kind === 'unknown' && (name === 'optionalAttrs' || name === 'optional' || name === 'optionals')) return { kind: 'unknown', reason: a.reason, origin, fn: name, args: [Thunk.of(a), args[1]] };
  if (a.kind === 'unknown') return unknown(a.reason, origin);
  switch (name) {
    case 'listToAttrs':
      return listToAttrs(a, origin);
    case 'attrNames':
      if (a.kind !== 'attrs') return unknown('attrNames of a non-set', origin);
      return { kind: 'list', items: [...a.entries.keys()].sort().map((k) => Thunk.of({ kind: 'string', value: k, origin })), origin };
    case 'attrValues':
      if (a.kind !== 'attrs') return unknown('attrValues of a non-set', origin);
      return { kind: 'list', items: [...a.entries.keys()].sort().map((k) => (a.entries.get(k) as LEntry).thunk), origin };
    case 'nameValuePair':
      return { kind: 'attrs', entries: new Map([['name', entry('name', args[0], origin)], ['value', entry('value', args[1], origin)]]), origin };
    case 'optional':
    case 'optionals':
    case 'optionalAttrs': {
      if (a.kind !== 'boolean') return name === 'optionalAttrs' ? { kind: 'unknown', reason: 'condition not known statically', origin, fn: 'optionalAttrs', args: [Thunk.of(a), args[1]] } : unknown('condition not known statically', origin);
      if (a.value) return name === 'optional' ? { kind: 'list', items: [args[1]], origin } : args[1].force();
      return name === 'optionalAttrs' ? { kind: 'attrs', entries: new Map(), origin } : { kind: 'list', items: [], origin };
    }
  }
  const b = libFunction(args[1].force());
  if (b.kind === 'unknown') return unknown(b.reason, origin);
  switch (name) {
    case 'genAttrs': {
      if (a.kind !== 'list') return unknown('genAttrs of a non-list', origin);
      const entries = new Map<string, LEntry>();
      for (const t of a.items) {
        const k = t.force();
        if (k.kind !== 'string') return unknown(k.kind === 'unknown' ? k.reason : 'genAttrs with a non-string name', origin);
        entries.set(k.value, { key: k.value, keyOrigin: k.origin, thunk: new Thunk(() => ev.call(b, Thunk.of(k), origin), k.origin) });
      }
      return { kind: 'attrs', entries, origin };
    }
    case 'mapAttrs':
    case "mapAttrs'":
    case 'filterAttrs':
      return mapAttrs(name, a, b, origin, ev);
    case 'hasPrefix':
      // `lib.path.hasPrefix ./a ./a/b` (known by the same last name): whole components of two paths.
      if (a.kind === 'path' && b.kind === 'path') return { kind: 'boolean', value: b.value === a.value || b.value.startsWith(`${a.value}/`), origin };
      if (a.kind !== 'string' || (b.kind !== 'string' && b.kind !== 'path')) return unknown(`${name} of a non-string`, origin);
      return { kind: 'boolean', value: asText(b).startsWith(a.value), origin };
    case 'removeSuffix':
    case 'hasSuffix': {
      if (a.kind !== 'string' || (b.kind !== 'string' && b.kind !== 'path')) return unknown(`${name} of a non-string`, origin);
      const text = asText(b);
      const has = text.endsWith(a.value);
      if (name === 'hasSuffix') return { kind: 'boolean', value: has, origin };
      return { kind: 'string', value: has ? text.slice(0, text.length - a.value.length) : text, origin };
    }
    case 'all':
    case 'any': {
      if (b.kind !== 'list') return unknown(`${name} over a non-list`, origin);
      for (const t of b.items) {
        const r = ev.call(a, t, origin);
        if (r.kind !== 'boolean') return unknown(r.kind === 'unknown' ? r.reason : `${name} predicate is not a boolean`, origin);
        if (r.value === (name === 'any')) return r;
      }
      return { kind: 'boolean', value: name === 'all', origin };
    }
  }
  return unknown(`lib.${name} is not evaluated statically`, origin);
}

/** `lib.recursiveUpdate`: sets merged key by key, the right side winning for anything else. */
function recursiveUpdate(a: V, b: V, origin: Origin, depth: number): V {
  if (a.kind === 'unknown') return unknown(a.reason, origin);
  if (b.kind === 'unknown') return unknown(b.reason, origin);
  if (a.kind !== 'attrs' || b.kind !== 'attrs' || depth > 100) return b;
  const entries = new Map(a.entries);
  for (const [k, e] of b.entries) {
    const left = entries.get(k);
    entries.set(k, left ? { key: k, keyOrigin: e.keyOrigin, thunk: new Thunk(() => {
      const l = left.thunk.force();
      const r = e.thunk.force();
      return l.kind === 'attrs' && r.kind === 'attrs' ? recursiveUpdate(l, r, e.keyOrigin, depth + 1) : r;
    }, e.keyOrigin) } : e);
  }
  return { kind: 'attrs', entries, origin };
}

/** `builtins.mapAttrs` / `lib.mapAttrs`, `lib.mapAttrs'` and `lib.filterAttrs`. */
export function mapAttrs(name: string, f: V, set: V, origin: Origin, ev: NixEvaluator): V {
  if (set.kind !== 'attrs') return unknown(`${name} over a non-set`, origin);
  const apply = (k: string, e: LEntry): V => ev.call(ev.call(f, Thunk.of({ kind: 'string', value: k, origin: e.keyOrigin }), origin), e.thunk, origin);
  const entries = new Map<string, LEntry>();
  for (const [k, e] of set.entries) {
    if (name === 'mapAttrs') {
      entries.set(k, { key: k, keyOrigin: e.keyOrigin, thunk: new Thunk(() => apply(k, e), e.keyOrigin) });
      continue;
    }
    const r = apply(k, e);
    if (name === 'filterAttrs') {
      // Which names are kept is not known, but they are among the set's.
      if (r.kind === 'unknown') return { kind: 'unknown', reason: r.reason, origin, keysWithin: new Set(set.entries.keys()) };
      if (r.kind !== 'boolean') return unknown('filterAttrs predicate is not a boolean', origin);
      if (r.value) entries.set(k, e);
      continue;
    }
    const pair = pairOf(r);
    if (!pair) return unknown(r.kind === 'unknown' ? r.reason : "mapAttrs' needs { name; value; }", origin);
    entries.set(pair.name, { key: pair.name, keyOrigin: e.keyOrigin, thunk: pair.value });
  }
  return { kind: 'attrs', entries, origin };
}

function pairOf(v: V): { name: string; value: Thunk } | undefined {
  if (v.kind !== 'attrs') return undefined;
  const n = v.entries.get('name')?.thunk.force();
  const value = v.entries.get('value')?.thunk;
  return n?.kind === 'string' && value ? { name: n.value, value } : undefined;
}

/** `builtins.listToAttrs`: later names do not replace earlier ones, as in Nix. */
export function listToAttrs(list: V, origin: Origin): V {
  if (list.kind !== 'list') return unknown('listToAttrs of a non-list', origin);
  const entries = new Map<string, LEntry>();
  for (const t of list.items) {
    const pair = pairOf(t.force());
    if (!pair) return unknown('listToAttrs needs { name; value; } items', origin);
    if (!entries.has(pair.name)) entries.set(pair.name, { key: pair.name, keyOrigin: t.origin, thunk: pair.value });
  }
  return { kind: 'attrs', entries, origin };
}
