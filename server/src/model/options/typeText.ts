// Reads an option's `type` as the static evaluator left it (`lib.types.listOf
// lib.types.str` is an unknown call `listOf` of an unknown named `str`) into
// the readable phrase the module system's documentation uses ("list of
// string", "attribute set of (submodule)", "null or one of "a", "b""), with the
// same parenthesising rules (a phrase's class: noun, composite, conjunction),
// and finds the submodules below it with the path segment each one adds
// (`<name>` under attrsOf, `*` under listOf). A type we do not know is
// 'unknown', never a guess.
import type { Value } from '../../syntax/value';
import type { TypeWording } from './typeWording';

type Cls = 'noun' | 'composite' | 'conjunction' | 'nonRestrictiveClause' | undefined;

/** A submodule reached through the type, and the segments between the option and its sub-options. */
export interface SubModule {
  prefix: string[];
  /** The module value(s): an attribute set, a path, or a list of them (submoduleWith). */
  module: Value;
}

export interface TypeInfo {
  text: string;
  cls: Cls;
  subs: SubModule[];
  /** A settings format's value type (`(pkgs.formats.json { }).type`): any key is allowed below the option. */
  freeform?: boolean;
}

const UNKNOWN: TypeInfo = { text: 'unknown', cls: 'noun', subs: [] };

/** Types without arguments, by the name they are selected as (`types.str`, `types.ints.u8`). */
const SIMPLE: Record<string, string> = {
  bool: 'boolean',
  boolByOr: 'boolean (merged using or)',
  int: 'signed integer',
  float: 'floating point number',
  number: 'signed integer or floating point number',
  str: 'string',
  nonEmptyStr: 'non-empty string',
  singleLineStr: '(optionally newline-terminated) single-line string',
  path: 'path',
  pathInStore: 'path in the Nix store',
  externalPath: 'absolute path not in the Nix store',
  package: 'package',
  shellPackage: 'shell package',
  attrs: 'attribute set',
  anything: 'anything',
  unspecified: 'unspecified value',
  raw: 'raw value',
  port: 'port',
  unsigned: 'unsigned integer',
  positive: 'positive integer',
  s8: '8 bit signed integer',
  s16: '16 bit signed integer',
  s32: '32 bit signed integer',
  u8: '8 bit unsigned integer',
  u16: '16 bit unsigned integer',
  u32: '32 bit unsigned integer',
  nonnegative: 'non-negative number',
  lines: 'strings concatenated with "\\n"',
  commas: 'strings concatenated with ","',
  envVar: 'strings concatenated with ":"',
  deferredModule: 'module',
  optionType: 'optionType',
};

/** `list of X`-like constructors: the phrase before the element type. */
const COMPOSITE: Record<string, string> = {
  listOf: 'list of',
  nonEmptyListOf: 'non-empty list of',
  attrsOf: 'attribute set of',
  lazyAttrsOf: 'lazy attribute set of',
  loaOf: 'list or attribute set of',
  dagOf: 'DAG of',
  listOrDagOf: 'list or DAG of',
  functionTo: 'function that evaluates to a(n)',
};

/** The sub-option segment each container adds. */
const SEGMENT: Record<string, string | undefined> = {
  listOf: '*',
  nonEmptyListOf: '*',
  attrsOf: '<name>',
  lazyAttrsOf: '<name>',
  loaOf: '<name>',
  dagOf: '<name>',
  listOrDagOf: '<name>',
};

function phrase(t: TypeInfo, ok: Cls[]): string {
  return ok.includes(t.cls) ? t.text : `(${t.text})`;
}

function str(v: Value | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}

function classOf(v: Value | undefined): Cls {
  const cls = str(v);
  return cls === 'noun' || cls === 'composite' || cls === 'conjunction' || cls === 'nonRestrictiveClause' ? cls : undefined;
}

/** How an enum value is shown in the type's phrase: strings quoted, numbers and booleans as they
 * are, anything else as `<kind>` — the module system's own `enum` description, not Nix text
 * (so not `valueText`). */
function showEnumValue(v: Value): string | undefined {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
    case 'boolean':
      return String(v.value);
    case 'null':
      return '<null>';
    case 'unknown':
      return undefined;
    default:
      return `<${v.kind === 'attrs' ? 'set' : v.kind}>`;
  }
}

function withPrefix(subs: SubModule[], seg: string | undefined): SubModule[] {
  return seg === undefined ? subs : subs.map((s) => ({ prefix: [seg, ...s.prefix], module: s.module }));
}

/**
 * The readable type of an option's `type` value, with the submodules below it;
 * simple types worded as `wording` (one nixpkgs version's) gives them, else as the table.
 */
export function describeType(v: Value | undefined, depth = 0, wording?: TypeWording): TypeInfo {
  if (!v) return { text: 'unspecified value', cls: 'noun', subs: [] };
  if (depth > 30) return UNKNOWN;
  if (v.kind === 'attrs') {
    // A type evaluated for real (a lib that is known): its own description.
    const d = str(v.entries.get('description')?.value);
    if (d === undefined) return UNKNOWN;
    const freeform = v.entries.has('_settingsFormat');
    return { text: d, cls: classOf(v.entries.get('descriptionClass')?.value), subs: [], ...(freeform ? { freeform } : {}) };
  }
  if (v.kind !== 'unknown') return UNKNOWN;
  if (v.ref !== undefined && !v.call) {
    const own = wording?.[v.ref];
    if (own) return { text: own.text, cls: own.cls === 'none' ? undefined : (own.cls ?? 'noun'), subs: [] };
    const text = SIMPLE[v.ref];
    return text !== undefined ? { text, cls: 'noun', subs: [] } : UNKNOWN;
  }
  const call = v.call;
  if (!call) return UNKNOWN;
  const a = call.args;
  const inner = (i: number): TypeInfo => describeType(a[i], depth + 1, wording);
  const composite = COMPOSITE[call.fn];
  if (composite !== undefined && a.length === 1) {
    const t = inner(0);
    return { text: `${composite} ${phrase(t, ['noun', 'composite'])}`, cls: 'composite', subs: withPrefix(t.subs, SEGMENT[call.fn]) };
  }
  switch (call.fn) {
    case 'nullOr': {
      if (a.length !== 1) break;
      const t = inner(0);
      return { text: `null or ${phrase(t, ['noun', 'conjunction'])}`, cls: 'conjunction', subs: t.subs, ...(t.freeform ? { freeform: true } : {}) };
    }
    case 'either': {
      if (a.length !== 2) break;
      const l = inner(0);
      const r = inner(1);
      // A clause on the left keeps its words and takes a comma (`unsigned integer, meaning >=0, or …`).
      if (l.cls === 'nonRestrictiveClause') return { text: `${l.text}, or ${phrase(r, ['noun', 'conjunction'])}`, cls: 'conjunction', subs: [...l.subs, ...r.subs] };
      return { text: `${phrase(l, ['noun', 'conjunction'])} or ${phrase(r, ['noun', 'conjunction', 'composite'])}`, cls: 'conjunction', subs: [...l.subs, ...r.subs] };
    }
    case 'oneOf': {
      const list = a[0];
      if (a.length !== 1 || list?.kind !== 'list' || list.items.length === 0) break;
      let acc = describeType(list.items[0], depth + 1, wording);
      for (const item of list.items.slice(1)) {
        const r = describeType(item, depth + 1, wording);
        if (acc.cls === 'nonRestrictiveClause') {
          acc = { text: `${acc.text}, or ${phrase(r, ['noun', 'conjunction'])}`, cls: 'conjunction', subs: [...acc.subs, ...r.subs] };
          continue;
        }
        acc = { text: `${phrase(acc, ['noun', 'conjunction'])} or ${phrase(r, ['noun', 'conjunction', 'composite'])}`, cls: 'conjunction', subs: [...acc.subs, ...r.subs] };
      }
      return acc;
    }
    case 'enum': {
      const list = a[0];
      // `enum cfg.package.availableComponents`: an enum, of values not known here.
      if (a.length === 1 && list?.kind === 'unknown') return { text: 'one of (values not known statically)', cls: 'conjunction', subs: [] };
      if (a.length !== 1 || list?.kind !== 'list') break;
      const shown = list.items.map(showEnumValue);
      if (shown.some((s) => s === undefined)) return { text: 'one of (values not known statically)', cls: 'conjunction', subs: [] };
      if (shown.length === 0) return { text: 'impossible (empty enum)', cls: 'noun', subs: [] };
      if (shown.length === 1) return { text: `value ${shown[0]} (singular enum)`, cls: 'noun', subs: [] };
      return { text: `one of ${shown.join(', ')}`, cls: 'conjunction', subs: [] };
    }
    case 'submodule':
      if (a.length !== 1) break;
      return { text: 'submodule', cls: undefined, subs: [{ prefix: [], module: a[0] }] };
    case 'submoduleWith': {
      const modules = a[0]?.kind === 'attrs' ? a[0].entries.get('modules')?.value : undefined;
      return { text: 'submodule', cls: undefined, subs: modules ? [{ prefix: [], module: modules }] : [] };
    }
    case '//': {
      // `nullOr (oneOf [ … ]) // { description = "JSON value"; }`: a type renamed, its class kept unless replaced too.
      const over = a[1];
      const d = over?.kind === 'attrs' ? str(over.entries.get('description')?.value) : undefined;
      if (a.length !== 2 || over?.kind !== 'attrs' || d === undefined) break;
      const t = inner(0);
      if (t.text === 'unknown') break;
      const cls = over.entries.has('descriptionClass') ? classOf(over.entries.get('descriptionClass')?.value) : t.cls;
      return { text: d, cls, subs: t.subs };
    }
    case 'attrTag': {
      // `attrTag { tag = mkOption { … }; … }`: one of the tags, each an option of its own below the option.
      const tags = a[0];
      if (a.length !== 1 || tags?.kind !== 'attrs') break;
      const names = [...tags.entries.keys()].sort().map((n) => (/^[A-Za-z_][\w'-]*$/.test(n) ? n : JSON.stringify(n)));
      const module: Value = { kind: 'attrs', entries: new Map([['options', { key: 'options', keyOrigin: tags.origin, value: tags }]]), origin: tags.origin };
      return { text: `attribute-tagged union with choices: ${names.join(', ')}`, cls: 'noun', subs: [{ prefix: [], module }] };
    }
    case 'uniq':
      return a.length === 1 ? inner(0) : UNKNOWN;
    case 'passwdEntry': {
      // users.users.<name>.name, home…: nixpkgs describes the entry type with its restriction.
      if (a.length !== 1) break;
      const t = inner(0);
      return { text: `${phrase(t, ['noun'])}, not containing newlines or colons`, cls: 'noun', subs: t.subs };
    }
    case 'unique': // unique { message } type
      return a.length === 2 ? inner(1) : UNKNOWN;
    case 'addCheck': // addCheck type check
      return a.length === 2 ? inner(0) : UNKNOWN;
    case 'coercedTo': {
      if (a.length !== 3) break;
      const from = inner(0);
      const to = inner(2);
      return { text: `${phrase(to, ['noun'])} or ${phrase(from, ['noun'])} convertible to it`, cls: undefined, subs: to.subs };
    }
    case 'strMatching': {
      const re = str(a[0]);
      return re !== undefined ? { text: `string matching the pattern ${re}`, cls: 'noun', subs: [] } : { text: 'string matching a pattern', cls: 'noun', subs: [] };
    }
    case 'separatedString': {
      const sep = str(a[0]);
      if (sep === undefined) break;
      return { text: sep === '' ? 'Concatenated string' : `strings concatenated with ${JSON.stringify(sep)}`, cls: 'noun', subs: [] };
    }
    case 'between': {
      const lo = a[0];
      const hi = a[1];
      if (a.length !== 2 || lo?.kind !== 'number' || hi?.kind !== 'number') break;
      const what = lo.integer && hi.integer ? 'integer' : 'floating point number';
      return { text: `${what} between ${lo.value} and ${hi.value} (both inclusive)`, cls: 'noun', subs: [] };
    }
    case 'mkOptionType': {
      // A type of the module's own (systemd's `unitOption`): described by its
      // `description`, which nixpkgs defaults to its `name`.
      const o = a[0];
      if (a.length !== 1 || o?.kind !== 'attrs') break;
      const d = str(o.entries.get('description')?.value) ?? (o.entries.has('description') ? undefined : str(o.entries.get('name')?.value));
      if (d === undefined) break;
      return { text: d, cls: classOf(o.entries.get('descriptionClass')?.value), subs: [] };
    }
    case 'pathWith': {
      // Newer nixpkgs: `pathWith { inStore ? null; absolute ? null; }`, described as nixpkgs does.
      const o = a[0];
      if (a.length !== 1 || o?.kind !== 'attrs') break;
      const flag = (k: string): boolean | null | undefined => {
        const e = o.entries.get(k)?.value;
        return e === undefined || e.kind === 'null' ? null : e.kind === 'boolean' ? e.value : undefined;
      };
      const inStore = flag('inStore');
      const absolute = flag('absolute');
      if (inStore === undefined || absolute === undefined) return { text: 'path', cls: 'noun', subs: [] };
      const text = `${absolute === null ? '' : absolute ? 'absolute ' : 'relative '}path${inStore === null ? '' : inStore ? ' in the Nix store' : ' not in the Nix store'}`;
      return { text, cls: 'noun', subs: [] };
    }
    case 'attrsWith': {
      // Newer nixpkgs: `attrsWith { elemType; lazy ? false; placeholder ? "name"; }`.
      const o = a[0];
      if (a.length !== 1 || o?.kind !== 'attrs') break;
      const t = describeType(o.entries.get('elemType')?.value, depth + 1, wording);
      const lazy = o.entries.get('lazy')?.value;
      const head = lazy?.kind === 'boolean' && lazy.value ? 'lazy attribute set of' : 'attribute set of';
      return { text: `${head} ${phrase(t, ['noun', 'composite'])}`, cls: 'composite', subs: withPrefix(t.subs, '<name>') };
    }
  }
  return UNKNOWN;
}
