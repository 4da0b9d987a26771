// The global scope of the static evaluator: true/false/null, `import`, and a few
// harmless builtins (toString, map, length, attrNames, concatStringsSep, elem,
// hasAttr, head, removeAttrs, the type tests). Every other builtin evaluates to unknown.
import { type Origin, placed } from '../../value';
import { GLOBAL_NAMES } from '../scopes';
import { equal } from './ops';
import { type Env, type LEntry, Thunk, type V, unknown } from './types';
import type { NixEvaluator } from './evaluator';
import { callLib, libFunction, listToAttrs, mapAttrs } from './nixpkgsLib';
import { fromJSON, fromTOML, readFileValue } from './dataFiles';
import { callListOrSet, SET_BUILTINS } from './listsAndSets';
import { evalConfigImport } from './nixosBuilder';

const NO: Origin = { uri: 'builtin:', span: { start: 0, end: 0 } };

const PRIMOPS: Record<string, number> = {
  import: 1,
  toString: 1,
  map: 2,
  length: 1,
  attrNames: 1,
  concatStringsSep: 2,
  elem: 2,
  hasAttr: 2,
  head: 1,
  removeAttrs: 2,
  isNull: 1,
  mapAttrs: 2,
  listToAttrs: 1,
  attrValues: 1,
  readDir: 1,
  pathExists: 1,
  filter: 2,
  readFile: 1,
  fromJSON: 1,
  fromTOML: 1,
  "foldl'": 3,
  baseNameOf: 1,
  dirOf: 1,
  isString: 1,
  isAttrs: 1,
  isList: 1,
  isBool: 1,
  isInt: 1,
  isFloat: 1,
  isPath: 1,
  isFunction: 1,
  typeOf: 1,
  seq: 2,
  deepSeq: 2,
  all: 2,
  any: 2,
  replaceStrings: 3,
  concatLists: 1,
  concatMap: 2,
  functionArgs: 1,
  ...SET_BUILTINS,
};

/** What `builtins.typeOf` answers for each kind of value the evaluator knows. */
function typeOf(v: V): string | undefined {
  switch (v.kind) {
    case 'string':
    case 'path':
    case 'list':
    case 'null':
      return v.kind;
    case 'boolean':
      return 'bool';
    case 'number':
      return v.integer ? 'int' : 'float';
    case 'attrs':
      return 'set';
    case 'lambda':
    case 'primop':
      return 'lambda';
    default:
      return undefined;
  }
}

/** `builtins.isString` and its kin, each a test of `typeOf`. */
const TYPE_TESTS: Record<string, string> = {
  isString: 'string', isAttrs: 'set', isList: 'list', isBool: 'bool', isInt: 'int', isFloat: 'float', isPath: 'path', isFunction: 'lambda',
};

/** The global scope, built once: it is never written to (scopes below it are new maps), and thunks of values never change. */
let shared: Env | undefined;

/**
 * The global scope every evaluation starts from (`true`, `builtins`, the
 * primops). Shared by all evaluators: each keystroke's evaluation makes an
 * evaluator, and building this afresh for each was 150 thunks and two maps of
 * garbage a keystroke.
 */
export function globalEnv(): Env {
  shared ??= buildGlobalEnv();
  return shared;
}

function buildGlobalEnv(): Env {
  const vars = new Map<string, Thunk>();
  vars.set('true', Thunk.of({ kind: 'boolean', value: true, origin: NO }));
  vars.set('false', Thunk.of({ kind: 'boolean', value: false, origin: NO }));
  vars.set('null', Thunk.of({ kind: 'null', origin: NO }));
  const b = new Map<string, LEntry>();
  for (const name of GLOBAL_NAMES) {
    if (vars.has(name) || name === 'builtins') continue;
    const short = name.replace(/^__/, '');
    const v: V = PRIMOPS[short] !== undefined
      ? { kind: 'primop', name: short, arity: PRIMOPS[short], args: [], origin: NO }
      : unknown(`builtin '${short}' is not evaluated statically`, NO);
    vars.set(name, Thunk.of(v));
    b.set(short, { key: short, keyOrigin: NO, thunk: Thunk.of(v) });
  }
  for (const k of ['true', 'false', 'null']) b.set(k, { key: k, keyOrigin: NO, thunk: vars.get(k) as Thunk });
  const builtins: V = { kind: 'attrs', entries: b, origin: NO };
  b.set('builtins', { key: 'builtins', keyOrigin: NO, thunk: Thunk.of(builtins) });
  vars.set('builtins', Thunk.of(builtins));
  return { vars, parent: undefined };
}


function str(v: V): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number' && v.integer) return String(v.value);
  if (v.kind === 'boolean') return v.value ? '1' : '';
  if (v.kind === 'null') return '';
  return undefined;
}

/** The builtins that read a file or folder. */
const FILE_ARGUMENT = new Set(['import', 'readDir', 'pathExists', 'readFile']);

/**
 * A string that names a file by its URI (`"${self}/system"`: a path
 * interpolated at the start of a string, evaluator.ts) is that path here, as
 * Nix reads an absolute path string where a path is taken.
 */
function fileArgument(a: V): V {
  return a.kind === 'string' && a.value.startsWith('file://') ? { kind: 'path', value: a.value, origin: a.origin } : a;
}

/** The strings of a list, or why not. */
function strings(v: V): string[] | string {
  if (v.kind !== 'list') return v.kind === 'unknown' ? v.reason : `a ${v.kind}, not a list of strings`;
  const out: string[] = [];
  for (const t of v.items) {
    const s = t.force();
    if (s.kind !== 'string') return s.kind === 'unknown' ? s.reason : `a ${s.kind} among strings`;
    out.push(s.value);
  }
  return out;
}

/** `concatLists`, and `concatMap f` (each item given by `itemList`): the lists one after another. */
function concatLists(list: V, itemList: (t: Thunk) => V, origin: Origin): V {
  if (list.kind !== 'list') return unknown(list.kind === 'unknown' ? list.reason : `concatLists of a ${list.kind}`, origin);
  const items: Thunk[] = [];
  for (const t of list.items) {
    const inner = itemList(t);
    if (inner.kind !== 'list') return unknown(inner.kind === 'unknown' ? inner.reason : `concatLists of a ${inner.kind} among lists`, origin);
    items.push(...inner.items);
  }
  return { kind: 'list', items, origin };
}

/**
 * `builtins.replaceStrings from to s`, as Nix scans: at each position the
 * first pattern that matches is replaced; an empty pattern matches between
 * every two characters.
 */
function replaceStrings(args: Thunk[], origin: Origin): V {
  const from = strings(args[0].force());
  const to = strings(args[1].force());
  const s = args[2].force();
  if (typeof from === 'string') return unknown(from, origin);
  if (typeof to === 'string') return unknown(to, origin);
  if (s.kind !== 'string') return unknown(s.kind === 'unknown' ? s.reason : `replaceStrings in a ${s.kind}`, origin);
  if (from.length !== to.length) return unknown('replaceStrings: the lists differ in length', origin);
  const text = s.value;
  let out = '';
  for (let i = 0; i <= text.length; ) {
    const k = from.findIndex((f) => text.startsWith(f, i));
    if (k >= 0) out += to[k];
    if (k < 0 || from[k].length === 0) {
      if (i < text.length) out += text[i];
      i++;
    } else i += from[k].length;
  }
  return { kind: 'string', value: out, origin };
}

export function callPrimop(name: string, args: Thunk[], origin: Origin, ev: NixEvaluator): V {
  if (name.startsWith('lib.')) return callLib(name.slice(4), args, origin, ev);
  // The same fold as nixpkgs' lib.foldl' (which is this builtin).
  if (name === "foldl'" || name === 'all' || name === 'any') return callLib(name, args, origin, ev);
  if (name === 'replaceStrings') return replaceStrings(args, origin);
  if (Object.hasOwn(SET_BUILTINS, name)) return callListOrSet(name, args, origin, ev);
  if (name === 'concatLists') return concatLists(args[0].force(), (t) => t.force(), origin);
  if (name === 'concatMap') {
    const f = args[0].force();
    return concatLists(args[1].force(), (t) => ev.call(f, t, origin), origin);
  }
  // What is forced first only matters when it fails, which static reading does not model.
  if (name === 'seq' || name === 'deepSeq') return args[1].force();
  const a = FILE_ARGUMENT.has(name) ? fileArgument(args[0].force()) : libFunction(args[0].force());
  if (a.kind === 'unknown') return (name === 'import' && evalConfigImport(ev, a, origin)) || unknown(a.reason, origin);
  switch (name) {
    case 'listToAttrs':
      return listToAttrs(a, origin);
    case 'attrValues':
      return callLib('attrValues', args, origin, ev);
    case 'readDir': {
      const listing = a.kind === 'path' ? ev.listDir(a.value) : undefined;
      if (!listing) return unknown(a.kind === 'path' ? `directory ${a.value} is not known` : `readDir of a ${a.kind}`, origin);
      const entries = new Map<string, LEntry>();
      for (const [k, type] of [...listing].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        entries.set(k, { key: k, keyOrigin: origin, thunk: Thunk.of({ kind: 'string', value: type, origin }) });
      return { kind: 'attrs', entries, origin };
    }
    case 'pathExists': {
      // A helper over `readDir` keeps the folders that hold a `default.nix`: answered from the listing.
      const exists = a.kind === 'path' ? ev.pathExists(a.value) : undefined;
      return exists === undefined ? unknown(a.kind === 'path' ? `whether ${a.value} exists is not known` : `pathExists of a ${a.kind}`, origin) : { kind: 'boolean', value: exists, origin };
    }
    case 'readFile':
      return readFileValue(a, origin, (u) => ev.readDataFile(u, origin));
    case 'baseNameOf':
    case 'dirOf': {
      // Of a path or a string, as Nix splits them at the last `/` (a path stays a path for dirOf).
      if (a.kind !== 'path' && a.kind !== 'string') return unknown(`${name} of a ${a.kind}`, origin);
      const cut = a.value.replace(/\/+$/, '').lastIndexOf('/');
      if (name === 'baseNameOf') return { kind: 'string', value: decodeURIComponent(a.value.replace(/\/+$/, '').slice(cut + 1)), origin };
      return (a.kind === 'path' ? placed.path : placed.string)(cut <= 0 ? a.value : a.value.slice(0, cut), origin);
    }
    case 'fromJSON':
      return ev.dataValues.parsed('json', a, () => fromJSON(a, origin));
    case 'fromTOML':
      return ev.dataValues.parsed('toml', a, () => fromTOML(a, origin));
    case 'import':
      if (a.kind !== 'path') return unknown(a.kind === 'string' ? 'import of a string path not modelled' : `cannot import a ${a.kind}`, origin);
      return ev.importFile(a.value, origin);
    case 'toString': {
      // A path's string is its absolute name; here its file URI, which the file builtins read back as that path.
      const s = a.kind === 'path' ? a.value : str(a);
      return s === undefined ? unknown(`toString of a ${a.kind} not modelled`, origin) : { kind: 'string', value: s, origin };
    }
    case 'isNull':
      return { kind: 'boolean', value: a.kind === 'null', origin };
    case 'functionArgs': {
      // A function's formals, each saying whether it has a default (`{ }` for `x: …` and builtins).
      if (a.kind !== 'lambda' && a.kind !== 'primop') return unknown(`functionArgs of a ${a.kind}`, origin);
      const entries = new Map<string, LEntry>();
      for (const f of a.kind === 'lambda' ? (a.node.formals?.entries ?? []) : [])
        entries.set(f.name.name, { key: f.name.name, keyOrigin: origin, thunk: Thunk.of({ kind: 'boolean', value: f.default !== undefined, origin }) });
      return { kind: 'attrs', entries, origin };
    }
    case 'typeOf': {
      const t = typeOf(a);
      return t === undefined ? unknown(`typeOf a ${a.kind}`, origin) : { kind: 'string', value: t, origin };
    }
    case 'length':
      return a.kind === 'list' ? { kind: 'number', value: a.items.length, integer: true, origin } : unknown('length of a non-list', origin);
    case 'attrNames':
      if (a.kind !== 'attrs') return unknown('attrNames of a non-set', origin);
      return { kind: 'list', items: [...a.entries.keys()].sort().map((k) => Thunk.of({ kind: 'string', value: k, origin })), origin };
    case 'head':
      return a.kind === 'list' && a.items.length ? a.items[0].force() : unknown('head of an empty or non-list', origin);
  }
  const tested = TYPE_TESTS[name];
  if (tested !== undefined) {
    const t = typeOf(a);
    return t === undefined ? unknown(`${name} of a ${a.kind}`, origin) : { kind: 'boolean', value: t === tested, origin };
  }
  const b = libFunction(args[1].force());
  if (b.kind === 'unknown') return unknown(b.reason, origin);
  switch (name) {
    case 'mapAttrs':
      return mapAttrs('mapAttrs', a, b, origin, ev);
    case 'filter': {
      if (b.kind !== 'list') return unknown('filter over a non-list', origin);
      const items: Thunk[] = [];
      for (const t of b.items) {
        const keep = ev.call(a, t, origin);
        if (keep.kind !== 'boolean') return unknown(keep.kind === 'unknown' ? keep.reason : 'filter predicate is not a boolean', origin);
        if (keep.value) items.push(t);
      }
      return { kind: 'list', items, origin };
    }
    case 'map':
      if (b.kind !== 'list') return unknown('map over a non-list', origin);
      return { kind: 'list', items: b.items.map((t) => new Thunk(() => ev.call(a, t, origin), origin)), origin };
    case 'concatStringsSep': {
      if (a.kind !== 'string' || b.kind !== 'list') return unknown('concatStringsSep arguments not modelled', origin);
      const parts: string[] = [];
      for (const t of b.items) {
        const s = t.force();
        if (s.kind !== 'string') return unknown(s.kind === 'unknown' ? s.reason : 'non-string in concatStringsSep', origin);
        parts.push(s.value);
      }
      return { kind: 'string', value: parts.join(a.value), origin };
    }
    case 'elem': {
      if (b.kind !== 'list') return unknown('elem of a non-list', origin);
      for (const t of b.items) {
        const r = equal(a, t.force());
        if (r === undefined) return unknown('elem not known statically', origin);
        if (r) return { kind: 'boolean', value: true, origin };
      }
      return { kind: 'boolean', value: false, origin };
    }
    case 'hasAttr':
      if (a.kind !== 'string' || b.kind !== 'attrs') return unknown('hasAttr arguments not modelled', origin);
      return { kind: 'boolean', value: b.entries.has(a.value), origin };
    case 'removeAttrs': {
      if (a.kind !== 'attrs' || b.kind !== 'list') return unknown('removeAttrs arguments not modelled', origin);
      const entries = new Map(a.entries);
      for (const t of b.items) {
        const s = t.force();
        if (s.kind === 'string') entries.delete(s.value);
        else return unknown('removeAttrs with unknown names', origin);
      }
      return { kind: 'attrs', entries, origin };
    }
  }
  return unknown(`builtin '${name}' is not evaluated statically`, origin);
}
