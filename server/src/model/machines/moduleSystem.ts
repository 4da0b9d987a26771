// The NixOS module system as far as it can be followed statically: a
// machine's modules (its `modules` list, with `imports = [ … ]` followed to
// the closure of files), and the effective value of an option path across
// them, merged as nixpkgs merges definitions: `lib.mkDefault` / `lib.mkForce`
// / `lib.mkOverride` priorities (the lowest number wins), `lib.mkIf` with a
// condition known statically (a condition that is not known makes the value
// unknown, never false), `lib.mkMerge`, lists concatenated, sets merged by key.
import { knownListParts, type Entry, type Origin, type Value } from '../../syntax/value';

type Attrs = Extract<Value, { kind: 'attrs' }>;

export interface ModuleClosure {
  /** The `config` part of every module, in the order met. */
  configs: Value[];
  /** The `options` part of every module that declares some (for the defaults of options no module sets). */
  options?: Value[];
  /** Every module file read (the import closure), in the order met. */
  files: string[];
  /** Why some modules could not be read (an input's module, a computed path); `imports`: a whole imports list. */
  unreadable: { reason: string; origin: Origin; imports?: boolean }[];
}

/** Reads a module file: its evaluated value (a function is already applied), or undefined when it does not exist. */
export type ModuleLoader = (uri: string) => { uri: string; value: Value | undefined } | undefined;

/** Keys of a module in shorthand form that are not configuration. */
const NOT_CONFIG = new Set(['imports', '_file', 'key', 'disabledModules']);

/** Follows `imports` from the given root modules (paths or inline modules). */
export function moduleClosure(roots: Value[], load: ModuleLoader, inline?: (module: Value) => Value | undefined): ModuleClosure {
  const out: ModuleClosure = { configs: [], files: [], unreadable: [] };
  const seenFiles = new Set<string>();
  const todo = [...roots].reverse();
  let budget = 10_000;
  for (let m = todo.pop(); m !== undefined && budget-- > 0; m = todo.pop()) {
    let value: Value | undefined = m;
    if (m.kind === 'path' || (m.kind === 'string' && m.value.startsWith('file://'))) {
      const loaded = load(m.value);
      if (!loaded) {
        out.unreadable.push({ reason: `module ${m.value} not found`, origin: m.origin });
        continue;
      }
      if (seenFiles.has(loaded.uri)) continue;
      seenFiles.add(loaded.uri);
      out.files.push(loaded.uri);
      value = loaded.value;
    }
    else {
      // An inline module: the file that holds it configures the machine too.
      if (m.origin.uri.startsWith('file:') && !seenFiles.has(m.origin.uri)) {
        seenFiles.add(m.origin.uri);
        out.files.push(m.origin.uri);
      }
      value = inline?.(m) ?? m;
    }
    if (!value || value.kind !== 'attrs') {
      if (value?.kind === 'unknown') out.unreadable.push({ reason: value.reason, origin: value.origin });
      continue;
    }
    const full = value.entries.has('config') || value.entries.has('options');
    let imports = value.entries.get('imports')?.value;
    const fromInputs = imports && inputModulesUnderCondition(imports);
    if (fromInputs) {
      // Imported or not, such a module is one the reader does not read (as an input's module met in a list).
      for (const u of fromInputs) out.unreadable.push({ reason: u.reason, origin: u.origin });
      imports = undefined;
    }
    // `[ ./a.nix ] ++ helper ./dir`: the known parts are followed, the part not known is named.
    const parts = imports && knownListParts(imports);
    if (parts) for (let i = parts.items.length - 1; i >= 0; i--) todo.push(parts.items[i]);
    if (imports && parts?.partial) out.unreadable.push({ reason: `imports partly not known statically (${(imports as { reason: string }).reason})`, origin: imports.origin, imports: true });
    else if (imports && !parts) out.unreadable.push({ reason: `imports ${imports.kind === 'unknown' ? `not known statically (${imports.reason})` : `are a ${imports.kind}, not a list`}`, origin: imports.origin, imports: true });
    if (full) {
      const c = value.entries.get('config')?.value;
      if (c) out.configs.push(c);
      const o = value.entries.get('options')?.value;
      if (o) (out.options ??= []).push(o);
    } else out.configs.push(shorthandConfig(value));
  }
  return out;
}

/**
 * `optional (inputs.x ? nixosModules) inputs.x.nixosModules.default` with the
 * condition not known: the modules it may import, when each is one no reader
 * knows (an input's module, not fetched), else undefined. Whether imported or
 * not, nothing more is read, so the imports are not a place reading stops.
 */
function inputModulesUnderCondition(v: Value): Extract<Value, { kind: 'unknown' }>[] | undefined {
  if (v.kind !== 'unknown' || (v.call?.fn !== 'optional' && v.call?.fn !== 'optionals') || v.call.args.length !== 2) return undefined;
  const content = v.call.args[1];
  const items = v.call.fn === 'optional' ? [content] : content.kind === 'list' ? content.items : [content];
  const unknowns = items.filter((i): i is Extract<Value, { kind: 'unknown' }> => i.kind === 'unknown' && !i.call && INPUT_REASON.test(i.reason));
  return unknowns.length === items.length ? unknowns : undefined;
}

/** Why an input's value is not known (the evaluator's words for an input not fetched). */
const INPUT_REASON = /^flake input '[^']+' is not fetched/;

/** A shorthand module's configuration, made once per module value (a shared module is met by every machine that imports it). */
const shorthand = new WeakMap<Attrs, Value>();

function shorthandConfig(value: Attrs): Value {
  let c = shorthand.get(value);
  if (!c) {
    const entries = new Map([...value.entries].filter(([k]) => !NOT_CONFIG.has(k)));
    c = { kind: 'attrs', entries, origin: value.origin };
    shorthand.set(value, c);
  }
  return c;
}

/** One definition of an option, after its wrappers. */
interface Def {
  value: Value;
  priority: number;
  /** Under a `mkIf` whose condition is not known: why it is not (false when it is not under one). */
  conditional: false | string;
}

export interface Effective {
  /** The merged value; `unknown` when it cannot be known statically. */
  value: Value;
  /** The places that define it (the winning priority's definitions). */
  defs: Origin[];
}

function tagOf(v: Value): string | undefined {
  if (v.kind !== 'attrs') return undefined;
  const t = v.entries.get('_type')?.value;
  return t?.kind === 'string' ? t.value : undefined;
}

function fieldOf(v: Value, k: string): Value | undefined {
  return v.kind === 'attrs' ? v.entries.get(k)?.value : undefined;
}

/** Expands `mkIf` / `mkMerge` / `mkOverride` / `mkOrder` wrappers into plain definitions. */
function expand(v: Value, priority: number, conditional: false | string, out: Def[], depth = 0): void {
  if (depth > 50) return;
  const tag = tagOf(v);
  // `lib.optionalAttrs cond { … }` with the condition not known (kept as a captured call): like `mkIf` with
  // such a condition, the set's own names are known, and only what it sets is conditional.
  if (v.kind === 'unknown' && v.call?.fn === 'optionalAttrs' && v.call.args.length === 2 && v.call.args[1].kind === 'attrs') {
    expand(v.call.args[1], priority, conditional || v.reason || 'a condition not known', out, depth + 1);
    return;
  }
  if (tag === undefined) {
    out.push({ value: v, priority, conditional });
    return;
  }
  const field = (k: string): Value | undefined => fieldOf(v, k);
  if (tag === 'override') {
    const p = field('priority');
    const content = field('content');
    if (content) expand(content, p?.kind === 'number' ? p.value : priority, conditional, out, depth + 1);
  } else if (tag === 'if') {
    const c = field('condition');
    const content = field('content');
    if (!content || (c?.kind === 'boolean' && !c.value)) return;
    const why = c?.kind === 'boolean' ? false : (c?.kind === 'unknown' && c.reason) || 'a condition that is not a boolean';
    expand(content, priority, conditional || why, out, depth + 1);
  } else if (tag === 'merge') {
    const cs = field('contents');
    if (cs?.kind === 'list') for (const c of cs.items) expand(c, priority, conditional, out, depth + 1);
    else if (cs) out.push({ value: cs, priority, conditional });
  } else if (tag === 'order') {
    const content = field('content');
    if (content) expand(content, priority, conditional, out, depth + 1);
  } else out.push({ value: v, priority, conditional });
}

/** The top-level definitions of a machine's configs, expanded once per configs list (a machine's options are read many times). */
const rootDefs = new WeakMap<Value[], Def[]>();

/** The definitions at `path` across the modules' configs. */
function defsAt(configs: Value[], path: string[]): Def[] {
  let defs = rootDefs.get(configs);
  if (!defs) {
    defs = [];
    for (const c of configs) expand(c, 100, false, defs);
    rootDefs.set(configs, defs);
  }
  for (const key of path) {
    const next: Def[] = [];
    for (const d of defs) {
      if (d.value.kind === 'attrs') {
        const e = d.value.entries.get(key);
        if (e) expand(e.value, d.priority, d.conditional, next);
      } else if (d.value.kind === 'unknown') next.push(d); // a whole parent not known: this may be set
    }
    defs = next;
  }
  return defs;
}

/** The names some module sets under `path` when it sets a set there (unknown or conditional definitions add none). */
export function optionKeys(configs: Value[], path: string[]): string[] | undefined {
  const defs = defsAt(configs, path);
  if (!defs.some((d) => d.value.kind === 'attrs')) return undefined;
  const keys = new Set<string>();
  for (const d of defs) if (d.value.kind === 'attrs') for (const k of d.value.entries.keys()) keys.add(k);
  return [...keys];
}

/** The effective value of an option path, or undefined when no module sets it. */
export function effectiveOption(configs: Value[], path: string[]): Effective | undefined {
  const defs = defsAt(configs, path);
  if (defs.length === 0) return undefined;
  return merge(defs, path);
}

function merge(all: Def[], path: string[]): Effective {
  const best = Math.min(...all.map((d) => d.priority));
  const defs = all.filter((d) => d.priority === best);
  const origins = defs.map((d) => d.value.origin);
  const unknownOne = defs.find((d) => d.value.kind === 'unknown' || d.conditional);
  if (unknownOne) {
    // One plain definition stays itself (a function given as a module argument keeps what calls it: Value's `callable`).
    if (defs.length === 1 && !unknownOne.conditional && unknownOne.value.kind === 'unknown') return { value: unknownOne.value, defs: origins };
    const reason = unknownOne.value.kind === 'unknown' ? unknownOne.value.reason : `${path.join('.')} is set under a condition that is not known statically: ${unknownOne.conditional}`;
    return { value: { kind: 'unknown', reason, origin: unknownOne.value.origin }, defs: origins };
  }
  if (defs.every((d) => d.value.kind === 'list')) {
    const items = defs.flatMap((d) => (d.value.kind === 'list' ? d.value.items : []));
    return { value: { kind: 'list', items, origin: defs[0].value.origin }, defs: origins };
  }
  if (defs.every((d) => d.value.kind === 'attrs')) {
    const keys = new Set(defs.flatMap((d) => (d.value.kind === 'attrs' ? [...d.value.entries.keys()] : [])));
    const entries = new Map<string, Entry>();
    for (const k of keys) {
      const sub = defs.flatMap((d) => {
        const e = d.value.kind === 'attrs' ? d.value.entries.get(k) : undefined;
        if (!e) return [];
        const out: Def[] = [];
        expand(e.value, d.priority, d.conditional, out);
        return out;
      });
      const first = defs.map((d) => (d.value.kind === 'attrs' ? d.value.entries.get(k) : undefined)).find((e) => e !== undefined);
      if (!sub.length || !first) continue;
      // A set below is merged when read; a leaf (a value, a list) costs less to merge now than to defer.
      if (sub.some((d) => d.value.kind === 'attrs')) entries.set(k, mergedEntry(k, first.keyOrigin, sub, path));
      else entries.set(k, { key: k, keyOrigin: first.keyOrigin, value: merge(sub, [...path, k]).value });
    }
    return { value: { kind: 'attrs', entries, origin: defs[0].value.origin }, defs: origins };
  }
  // Scalars: the first definition of the winning priority (Nix reports a conflict when they differ).
  return { value: defs[0].value, defs: origins };
}

/** The definitions an entry's value is merged from, until it is first read (not enumerable: not part of the entry's data). */
const PENDING = Symbol('definitions to merge');

interface PendingEntry extends Entry {
  [PENDING]?: { sub: Def[]; path: string[] };
}

/** Merges an entry's value on first read and keeps it as a plain data property from then on. */
function mergeOnRead(this: PendingEntry): Value {
  const p = this[PENDING];
  const value = p ? merge(p.sub, [...p.path, this.key]).value : ({ kind: 'unknown', reason: 'not merged', origin: this.keyOrigin } as Value);
  Object.defineProperty(this, 'value', { value, enumerable: true, writable: true, configurable: true });
  this[PENDING] = undefined;
  return value;
}

/** One accessor for every pending entry: a getter made per entry would give each entry a shape of its own. */
const MERGE_ON_READ: PropertyDescriptor = { get: mergeOnRead, enumerable: true, configurable: true };

/**
 * An entry of a merged set whose value is merged when first read. A machine
 * reads `services` for the names of the services it enables: merging every
 * service's whole subtree (virtual hosts, settings, …) across twenty modules,
 * for each of a thousand machines, was the larger part of reading their
 * configurations, and most of it is never read. Read or not, the value is the
 * one the eager merge gave; the entry's own properties are those of a plain entry.
 */
function mergedEntry(key: string, keyOrigin: Origin, sub: Def[], path: string[]): Entry {
  const e = { key, keyOrigin } as PendingEntry;
  Object.defineProperty(e, PENDING, { value: { sub, path }, writable: true, enumerable: false });
  Object.defineProperty(e, 'value', MERGE_ON_READ);
  return e;
}
