// The merge of a module system's definitions, lazily, as nixpkgs' lib.modules
// merges them: `mkIf` (a condition not known statically keeps the content),
// `mkMerge`, `mkOverride`/`mkDefault`/`mkForce` (the lowest priority number
// wins for a leaf), `mkOrder`; sets merged key by key, lists concatenated.
// Options a module declares with `mkOption { type; default; }` are followed
// for the types that shape a fleet's outputs: `attrsOf`/`lazyAttrsOf`,
// `submodule`/`submoduleWith` (each attribute evaluated as a module system of
// its own, with `name`), `deferredModule` (the definitions become
// `{ imports = [ … ]; }`), `listOf`, `nullOr`; any other type is a leaf.
// Every result is a lazy set whose members are thunks, so a module may read
// `config.<x>` while defining `config.<y>` (the fixpoint); a value that truly
// depends on itself is unknown (Thunk's recursion guard), never a hang.
import type { Origin } from '../../value';
import type { NixEvaluator } from './evaluator';
import { type LEntry, Thunk, type V, unknown } from './types';

/** One definition: its value (not yet stripped of wrappers). */
export type Def = Thunk;

/** What is declared at a path: option namespaces from modules' `options`, one option, a type, or nothing. */
export type Decl = { kind: 'namespace'; trees: V[] } | { kind: 'option'; opt: V; /** The type of several declarations merged (submodules' modules together). */ type?: V } | { kind: 'type'; type: V } | { kind: 'free' };

/** Evaluates a list of modules as a module system of its own (a submodule); given by the caller. */
export type SubmoduleEval = (modules: Thunk[], name: string, origin: Origin) => V;

interface Stripped {
  value: V;
  priority: number;
}

const DEFAULT_PRIORITY = 100;

function tag(v: V): string | undefined {
  if (v.kind !== 'attrs') return undefined;
  const t = v.entries.get('_type')?.thunk.force();
  return t?.kind === 'string' ? t.value : undefined;
}

/** The definitions under their `mkIf` / `mkMerge` / priority wrappers. */
export function strip(defs: Def[], depth = 0): Stripped[] {
  const out: Stripped[] = [];
  for (const d of defs) {
    let v = d.force();
    let priority = DEFAULT_PRIORITY;
    let ok = true;
    for (let guard = 0; guard < 50 && v.kind === 'attrs'; guard++) {
      const t = tag(v);
      const get = (k: string): V | undefined => (v as Extract<V, { kind: 'attrs' }>).entries.get(k)?.thunk.force();
      if (t === 'override') {
        const p = get('priority');
        if (p?.kind === 'number') priority = p.value;
        v = get('content') ?? unknown('mkOverride without content', v.origin);
      } else if (t === 'order') v = get('content') ?? unknown('mkOrder without content', v.origin);
      else if (t === 'if') {
        const c = get('condition');
        if (c?.kind === 'boolean' && !c.value) {
          ok = false;
          break;
        }
        v = get('content') ?? unknown('mkIf without content', v.origin);
      } else if (t === 'merge') {
        const contents = get('contents');
        if (contents?.kind === 'list' && depth < 20) out.push(...strip(contents.items, depth + 1));
        ok = false;
        break;
      } else break;
    }
    if (ok) out.push({ value: v, priority });
  }
  return out;
}

function captured(v: V | undefined, ...names: string[]): (V & { kind: 'unknown' }) | undefined {
  return v?.kind === 'unknown' && v.fn !== undefined && names.includes(v.fn) ? (v as V & { kind: 'unknown' }) : undefined;
}

/** The argument set of a `mkOption { … }` declaration, if `v` is one. */
export function optionArgs(v: V | undefined): Extract<V, { kind: 'attrs' }> | undefined {
  const c = captured(v, 'mkOption');
  const a = c?.args?.[0]?.force();
  return a?.kind === 'attrs' ? a : c ? { kind: 'attrs', entries: new Map(), origin: c.origin } : undefined;
}

/** The declaration below `key` of a namespace. */
function child(decl: Decl, key: string): Decl {
  if (decl.kind !== 'namespace') return { kind: 'free' };
  const trees: V[] = [];
  const opts: V[] = [];
  for (const t of decl.trees) {
    if (t.kind !== 'attrs') continue;
    const sub = t.entries.get(key)?.thunk.force();
    if (!sub) continue;
    if (optionArgs(sub)) opts.push(sub);
    else if (sub.kind === 'attrs') trees.push(sub);
  }
  if (opts.length === 1) return { kind: 'option', opt: opts[0] };
  if (opts.length > 1) return { kind: 'option', opt: opts[0], type: mergedType(opts.map((o) => optionArgs(o)?.entries.get('type')?.thunk.force())) };
  return trees.length ? { kind: 'namespace', trees } : { kind: 'free' };
}

export class Merger {
  constructor(
    private readonly ev: NixEvaluator,
    private readonly submodule: SubmoduleEval,
  ) {}

  /** The merged value of `defs` under what is declared there. */
  merge(defs: Def[], decl: Decl, origin: Origin, depth = 0): V {
    if (depth > 60) return unknown('nested too deeply to merge statically', origin);
    if (decl.kind === 'option') {
      const args = optionArgs(decl.opt);
      const type = decl.type ?? args?.entries.get('type')?.thunk.force();
      const dflt = args?.entries.get('default')?.thunk;
      const all = dflt ? [new Thunk(() => ({ kind: 'attrs', entries: new Map([['_type', ent('_type', str('override', origin), origin)], ['priority', ent('priority', { kind: 'number', value: 1500, integer: true, origin }, origin)], ['content', { key: 'content', keyOrigin: origin, thunk: dflt }]]), origin }), origin), ...defs] : defs;
      return type ? this.byType(all, type, origin, depth) : this.free(all, origin, depth);
    }
    if (decl.kind === 'type') return this.byType(defs, decl.type, origin, depth);
    if (decl.kind === 'namespace') return this.namespace(defs, decl, origin, depth);
    return this.free(defs, origin, depth);
  }

  private byType(defs: Def[], type: V, origin: Origin, depth: number): V {
    const t = type.kind === 'unknown' ? type : undefined;
    const elem = (): V => t?.args?.[0]?.force() ?? unknown('element type not known', origin);
    switch (t?.fn) {
      case 'attrsOf':
      case 'lazyAttrsOf':
        return this.attrsOf(defs, elem(), origin, depth);
      case 'submodule':
      case 'submoduleWith':
        return this.submodule([...this.submoduleModules(t), ...strip(defs).map((s) => Thunk.of(s.value))], '', origin);
      case 'deferredModule':
      case 'deferredModuleWith':
        return { kind: 'attrs', entries: new Map([['imports', ent('imports', { kind: 'list', items: strip(defs).map((s) => this.deferred(s.value)), origin }, origin)]]), origin };
      case 'listOf':
        return this.leaf(defs, origin);
      case 'nullOr':
        return this.byType(defs, elem(), origin, depth + 1);
      default:
        return this.leaf(defs, origin);
    }
  }

  /**
   * A deferred module as its machines will read it. A function of its whole
   * argument set (`module = args: { … }`) is a module by its type, though
   * nothing else says so: it is called here with that set not known, so its
   * body is read (`{ config, ... }:` modules are left to the machines' rounds,
   * which call them with each machine's arguments).
   */
  private deferred(v: V): Thunk {
    if (v.kind !== 'lambda' || v.node.formals || !v.node.param) return Thunk.of(v);
    return new Thunk(() => this.ev.call(v, Thunk.of(unknown('the module arguments are not known statically', v.origin)), v.origin), v.origin);
  }

  private submoduleModules(t: V & { kind: 'unknown' }): Thunk[] {
    return submoduleModulesOf(t);
  }

  private attrsOf(defs: Def[], elemType: V, origin: Origin, depth: number): V {
    const byKey = new Map<string, { origin: Origin; defs: Def[] }>();
    for (const s of strip(defs)) {
      if (s.value.kind !== 'attrs') continue;
      for (const [k, e] of s.value.entries) {
        const slot = byKey.get(k) ?? { origin: e.keyOrigin, defs: [] };
        slot.defs.push(e.thunk);
        byKey.set(k, slot);
      }
    }
    const entries = new Map<string, LEntry>();
    const sub = captured(elemType, 'submodule', 'submoduleWith');
    for (const [k, slot] of byKey) {
      const thunk = sub
        ? new Thunk(() => this.submodule([...this.submoduleModules(sub), ...strip(slot.defs).map((s) => Thunk.of(s.value))], k, slot.origin), slot.origin)
        : new Thunk(() => this.byType(slot.defs, elemType, slot.origin, depth + 1), slot.origin);
      entries.set(k, { key: k, keyOrigin: slot.origin, thunk });
    }
    return { kind: 'attrs', entries, origin };
  }

  /** A namespace of declared options: the defined keys and every declared option with a default. */
  private namespace(defs: Def[], decl: Decl & { kind: 'namespace' }, origin: Origin, depth: number): V {
    const base = this.free(defs, origin, depth, decl) as V;
    if (base.kind !== 'attrs') return base;
    for (const t of decl.trees) {
      if (t.kind !== 'attrs') continue;
      for (const [k, e] of t.entries) {
        if (base.entries.has(k)) continue;
        const d = child(decl, k);
        const hasDefault = d.kind === 'namespace' || (d.kind === 'option' && optionArgs(d.opt)?.entries.has('default'));
        if (hasDefault) base.entries.set(k, { key: k, keyOrigin: e.keyOrigin, thunk: new Thunk(() => this.merge([], d, e.keyOrigin, depth + 1), e.keyOrigin) });
      }
    }
    return base;
  }

  /** Undeclared (or namespace) values: sets merged by key, anything else a leaf. */
  free(defs: Def[], origin: Origin, depth: number, decl: Decl = { kind: 'free' }): V {
    const stripped = strip(defs);
    if (stripped.length === 0) return { kind: 'attrs', entries: new Map(), origin };
    if (!stripped.every((s) => s.value.kind === 'attrs')) return this.pick(stripped, origin);
    if (stripped.length === 1 && decl.kind === 'free') return stripped[0].value;
    const byKey = new Map<string, { origin: Origin; defs: Def[] }>();
    for (const s of stripped)
      for (const [k, e] of (s.value as Extract<V, { kind: 'attrs' }>).entries) {
        const slot = byKey.get(k) ?? { origin: e.keyOrigin, defs: [] };
        slot.defs.push(e.thunk);
        byKey.set(k, slot);
      }
    const entries = new Map<string, LEntry>();
    for (const [k, slot] of byKey)
      entries.set(k, { key: k, keyOrigin: slot.origin, thunk: new Thunk(() => this.merge(slot.defs, child(decl, k), slot.origin, depth + 1), slot.origin) });
    return { kind: 'attrs', entries, origin: stripped[0].value.origin };
  }

  private leaf(defs: Def[], origin: Origin): V {
    const stripped = strip(defs);
    if (stripped.length === 0) return unknown('no definition', origin);
    return this.pick(stripped, origin);
  }

  /** Lists concatenate; otherwise the definition of highest priority (the first of them). */
  private pick(stripped: Stripped[], origin: Origin): V {
    const best = Math.min(...stripped.map((s) => s.priority));
    const top = stripped.filter((s) => s.priority === best);
    if (top.length > 1 && top.every((s) => s.value.kind === 'list'))
      return { kind: 'list', items: top.flatMap((s) => (s.value as Extract<V, { kind: 'list' }>).items), origin };
    return top[0].value;
  }
}

function str(value: string, origin: Origin): V {
  return { kind: 'string', value, origin };
}

function ent(key: string, v: V, origin: Origin): LEntry {
  return { key, keyOrigin: origin, thunk: Thunk.of(v) };
}

/**
 * The type of an option declared in several modules, as nixpkgs merges them:
 * submodules (also as the elements of the same `attrsOf`/`lazyAttrsOf`) take
 * the modules of every declaration; otherwise the first declaration's type.
 */
function mergedType(types: (V | undefined)[]): V | undefined {
  const first = types[0];
  if (first?.kind !== 'unknown' || types.length < 2) return first;
  const calls = types.map((t) => captured(t, 'attrsOf', 'lazyAttrsOf', 'submodule', 'submoduleWith'));
  if (calls.some((c) => !c)) return first;
  const all = calls as (V & { kind: 'unknown' })[];
  if (all.every((c) => c.fn === 'submodule' || c.fn === 'submoduleWith')) {
    const modules = all.flatMap((c) => submoduleModulesOf(c));
    return { kind: 'unknown', reason: first.reason, origin: first.origin, fn: 'submodule', args: [Thunk.of({ kind: 'list', items: modules, origin: first.origin })] };
  }
  if (all.every((c) => c.fn === all[0].fn && c.args?.length)) {
    const elem = mergedType(all.map((c) => c.args?.[0]?.force()));
    return elem ? { kind: 'unknown', reason: first.reason, origin: first.origin, fn: all[0].fn, args: [Thunk.of(elem)] } : first;
  }
  return first;
}

/** The modules of a `submodule m` / `submoduleWith { modules = [ … ]; }` type. */
function submoduleModulesOf(t: V & { kind: 'unknown' }): Thunk[] {
  const a = t.args?.[0];
  if (!a) return [];
  const v = a.force();
  if (t.fn === 'submoduleWith') {
    const ms = v.kind === 'attrs' ? v.entries.get('modules')?.thunk.force() : undefined;
    return ms?.kind === 'list' ? ms.items : [];
  }
  return v.kind === 'list' ? v.items : [a];
}
