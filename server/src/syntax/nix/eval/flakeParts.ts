// flake-parts read as the module system it is: `mkFlake { inherit inputs; } m`
// and `(evalFlakeModule { … } m).config.flake` collect every module reachable
// through `imports` (files, folders as their default.nix, inline sets and
// functions of `{ inputs, self, lib, config, withSystem, … }`, and
// `import-tree` over a folder, which skips paths with a `_`-prefixed
// segment), merge their `config` lazily (moduleMerge.ts) with the options the
// repository declares itself, and give `config.flake`: so `flake.X` set in
// any file, `config.flake.X` and `self.X` all mean the merged outputs.
// `perSystem` is never forced. What cannot be followed (an import that does
// not resolve, a flake module from an input, an option such a module reads)
// is recorded on the evaluator as a place where reading stopped.
import type { Origin } from '../../value';
import type { NixEvaluator } from './evaluator';
import { Merger, type Decl } from './moduleMerge';
import { type LEntry, Thunk, type V, unknown } from './types';
import { spanOf } from '../../value';

/** Options flake-parts itself declares (or that its own modules use), never from an unread module. */
const FLAKE_PARTS_OPTIONS = new Set(['flake', 'perSystem', 'systems', 'imports', '_module', 'debug', 'transposition', 'partitions', 'partitionedAttrs', 'allSystems']);

/** import-tree's entry points: `import-tree ./dir` and its builder's `.filter`/`.filterNot pred ./dir`. */
const IMPORT_TREE = new Set(['import-tree', 'filter', 'filterNot', 'match', 'matchNot']);

const MAX_MODULES = 20_000;
const MAX_TREE_FILES = 20_000;

type Attrs = Extract<V, { kind: 'attrs' }>;

interface Module {
  config: Thunk;
  options: Thunk | undefined;
}

function entry(key: string, thunk: Thunk, origin: Origin): LEntry {
  return { key, keyOrigin: origin, thunk };
}

function attrsOf(map: Map<string, Thunk>, origin: Origin): Attrs {
  const entries = new Map<string, LEntry>();
  for (const [k, t] of map) entries.set(k, entry(k, t, origin));
  return { kind: 'attrs', entries, origin };
}

function get(v: V, key: string): V | undefined {
  return v.kind === 'attrs' ? v.entries.get(key)?.thunk.force() : undefined;
}

/** The files of an import-tree call, or undefined when `v` is not one. */
export function importTreeFiles(ev: NixEvaluator, v: V): { files: string[]; origin: Origin } | undefined {
  if (v.kind !== 'unknown' || !v.fn || !IMPORT_TREE.has(v.fn) || !v.args?.length) return undefined;
  const target = v.args[v.args.length - 1].force();
  const roots = target.kind === 'path' ? [target.value] : target.kind === 'list' ? target.items.map((t) => t.force()).flatMap((x) => (x.kind === 'path' ? [x.value] : [])) : [];
  if (!roots.length) return undefined;
  const pred = (v.fn === 'filter' || v.fn === 'filterNot') && v.args.length >= 2 ? v.args[0].force() : undefined;
  const files: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 12 || files.length >= MAX_TREE_FILES) return;
    const listing = ev.listDir(dir);
    if (!listing) return;
    for (const [name, type] of [...listing].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (name.startsWith('_')) continue;
      const uri = `${dir.replace(/\/$/, '')}/${encodeURIComponent(name)}`;
      if (type === 'directory') walk(uri, depth + 1);
      else if (name.endsWith('.nix')) {
        if (pred) {
          const keep = ev.call(pred, Thunk.of({ kind: 'string', value: decodeURIComponent(new URL(uri).pathname), origin: v.origin }), v.origin);
          if (keep.kind === 'boolean' && keep.value === (v.fn === 'filterNot')) continue;
        }
        files.push(uri);
      }
    }
  };
  for (const r of roots) {
    if (r.endsWith('.nix')) files.push(r);
    else walk(r, 0);
  }
  return { files, origin: v.origin };
}

/** One module system: its modules (collected through `imports`) and their merged `config`. */
export class ModuleSystem {
  private readonly modules: Module[] = [];
  private readonly seen = new Set<string>();
  /** Modules that could not be read: where, and why. */
  readonly unread: { origin: Origin; reason: string; module?: string }[] = [];
  readonly config: Thunk;
  private readonly merger: Merger;
  /** Depth of `add`: the modules are still being collected. */
  private collecting = 0;

  constructor(
    private readonly ev: NixEvaluator,
    /** Module arguments other than `config` (which is this system's own). */
    private readonly args: Map<string, Thunk>,
    private readonly origin: Origin,
    /** flake-parts' top level: `flake` may be written as a function of the flake's own config. */
    private readonly flakeParts: boolean,
  ) {
    this.merger = new Merger(ev, (modules, name, o) => {
      const sub = new ModuleSystem(ev, new Map([...[...args].filter(([k]) => k === 'lib'), ['name', Thunk.of({ kind: 'string', value: name, origin: o })]]), o, false);
      for (const m of modules) sub.add(m, undefined);
      return sub.config.force();
    });
    this.config = new Thunk(() => this.merged(), origin);
  }

  /** Adds a module (a path, a function, a set, an import-tree call) and what it imports. */
  add(m: Thunk, file: string | undefined): void {
    this.collecting++;
    try {
      this.collect(m, file);
    } finally {
      this.collecting--;
    }
  }

  private collect(m: Thunk, file: string | undefined): void {
    if (this.modules.length >= MAX_MODULES) return;
    const v = m.force();
    if (v.kind === 'path' || (v.kind === 'string' && v.value.startsWith('file://'))) {
      const uri = this.ev.resolveImport(v.value);
      if (!uri) {
        this.unread.push({ origin: v.origin, reason: `the imported ${v.value.replace(/^file:\/\//, '')} does not exist` });
        return;
      }
      if (this.seen.has(uri)) return;
      this.seen.add(uri);
      this.add(Thunk.of(this.ev.importFile(uri, v.origin)), uri);
      return;
    }
    const tree = importTreeFiles(this.ev, v);
    if (tree) {
      for (const f of tree.files) this.add(Thunk.of({ kind: 'path', value: f, origin: tree.origin }), undefined);
      return;
    }
    if (v.kind === 'lambda') {
      this.add(Thunk.of(this.call(v)), file ?? v.uri);
      return;
    }
    if (v.kind !== 'attrs') {
      if (v.kind === 'unknown') {
        const text = this.ev.textAt(v.origin);
        const module = text ?? v.fn;
        this.unread.push({ origin: v.origin, reason: `the module ${module ? `\`${module}\`` : ''} is not read (${v.reason})`.replace('  ', ' '), ...(module ? { module } : {}) });
      }
      return;
    }
    const imports = get(v, 'imports');
    const full = v.entries.has('config') || v.entries.has('options');
    const config = full
      ? (v.entries.get('config')?.thunk ?? Thunk.of({ kind: 'attrs', entries: new Map(), origin: v.origin }))
      : Thunk.of({ kind: 'attrs', entries: new Map([...v.entries].filter(([k]) => !['imports', '_file', 'key', 'disabledModules', '_class', 'perSystem'].includes(k))), origin: v.origin });
    this.modules.push({ config: this.flakeParts ? this.flakeAsModule(config) : config, options: v.entries.get('options')?.thunk });
    if (imports?.kind === 'list') for (const i of imports.items) this.add(i, undefined);
    else if (imports) this.unread.push({ origin: imports.origin, reason: imports.kind === 'unknown' ? `its imports are not known statically: ${imports.reason}` : 'imports is not a list' });
  }

  /** Calls a module function with the module arguments (any other argument is unknown). */
  private call(fn: Extract<V, { kind: 'lambda' }>): V {
    const given = new Map(this.args);
    given.set('config', this.config);
    for (const f of fn.node.formals?.entries ?? []) if (!given.has(f.name.name)) given.set(f.name.name, this.moduleArg(f.name.name, { uri: fn.uri, span: spanOf(f.name) }));
    return this.ev.call(fn, Thunk.of(attrsOf(given, fn.origin)), fn.origin);
  }

  /**
   * An argument no caller gives: as in nixpkgs' module system, the one some
   * module sets in `_module.args.<name>`. Imports are collected before any
   * config is merged (Nix cannot take them from `_module.args` either), so
   * while collecting it is not known.
   */
  private moduleArg(name: string, place: Origin): Thunk {
    return new Thunk(() => {
      const missing = unknown(`module argument '${name}' is not known statically`, place);
      if (this.collecting > 0) return missing;
      const moduleArgs = get(get(this.config.force(), '_module') ?? missing, 'args');
      return (moduleArgs && get(moduleArgs, name)) ?? missing;
    }, place);
  }

  /** `flake = { lib, config, ... }: { … }`: the flake's submodule written as a function of the flake's config. */
  private flakeAsModule(config: Thunk): Thunk {
    return new Thunk(() => {
      const c = config.force();
      const fl = c.kind === 'attrs' ? c.entries.get('flake') : undefined;
      if (!fl || c.kind !== 'attrs') return c;
      const entries = new Map(c.entries);
      entries.set('flake', {
        ...fl,
        thunk: new Thunk(() => {
          const f = fl.thunk.force();
          if (f.kind !== 'lambda') return f;
          const given = new Map(this.args);
          given.set('config', new Thunk(() => this.flakeConfig(f.origin), f.origin));
          for (const x of f.node.formals?.entries ?? []) if (!given.has(x.name.name)) given.set(x.name.name, Thunk.of(unknown(`argument '${x.name.name}' is not known statically`, f.origin)));
          const r = this.ev.call(f, Thunk.of(attrsOf(given, f.origin)), f.origin);
          return r.kind === 'attrs' && r.entries.has('config') ? (get(r, 'config') ?? r) : r;
        }, fl.thunk.origin),
      });
      return { ...c, entries };
    }, config.origin);
  }

  /**
   * The flake's own config as its `flake = { config, ... }:` function sees it.
   * With a module from an input not read (den, a framework that makes
   * `nixosConfigurations`), an output it lacks may be that module's: known in
   * part (`unknown // { … }`), so `config.nixosConfigurations` is not known
   * rather than missing.
   */
  private flakeConfig(origin: Origin): V {
    const out = get(this.config.force(), 'flake') ?? unknown('no flake outputs', origin);
    if (this.unread.length === 0 || out.kind !== 'attrs') return out;
    const named = this.unread.flatMap((u) => (u.module ? [`\`${u.module}\``] : []));
    const which = named.length ? ` (${named.slice(0, 3).join(', ')}${named.length > 3 ? ', …' : ''})` : '';
    const reason = `the flake's outputs may also be made by modules from inputs, which are not read${which}`;
    return { kind: 'unknown', reason, origin, fn: '//', args: [Thunk.of(unknown(reason, origin)), Thunk.of(out)] };
  }

  private merged(): V {
    const trees: V[] = [];
    for (const m of this.modules) {
      const o = m.options?.force();
      if (o?.kind === 'attrs') trees.push(o);
    }
    const decl: Decl = { kind: 'namespace', trees };
    return this.merger.merge(
      this.modules.map((m) => m.config),
      decl,
      this.origin,
    );
  }

  /** Top-level options set by some module that neither flake-parts nor any module read here declares. */
  undeclared(): { key: string; origin: Origin }[] {
    const c = this.config.force();
    if (c.kind !== 'attrs') return [];
    const declared = new Set<string>();
    for (const m of this.modules) {
      const o = m.options?.force();
      if (o?.kind === 'attrs') for (const k of o.entries.keys()) declared.add(k);
    }
    const out: { key: string; origin: Origin }[] = [];
    for (const [k, e] of c.entries) {
      if (FLAKE_PARTS_OPTIONS.has(k) || declared.has(k)) continue;
      const inner = e.thunk.force();
      const subs = inner.kind === 'attrs' ? [...inner.entries.values()] : [];
      const first = subs.find((x) => /^(hosts|machines|nodes|systems|configurations)$/.test(x.key)) ?? subs[0];
      out.push({ key: first ? `${k}.${first.key}` : k, origin: first?.keyOrigin ?? e.keyOrigin });
    }
    return out;
  }
}

/** The key under which a flake-parts flake keeps the top-level options of flake modules from inputs (see evalFlakeParts). */
export const EXTERNAL_OPTIONS = ' flake-parts external options';

/**
 * Whether `mkFlake a m`'s first argument is flake-parts' (`{ inherit inputs; … }`,
 * or not known): a repository's own `mkFlake inputs { hosts = …; }` from its
 * own library takes the inputs themselves and is not flake-parts.
 */
export function flakePartsArgs(first: Thunk): boolean {
  const a = first.force();
  return a.kind !== 'attrs' || a.entries.has('inputs');
}

/**
 * `mkFlake args module` (`flake: true`: its value is `config.flake`) or
 * `evalFlakeModule args module` (a set with `config`).
 */
export function evalFlakeParts(ev: NixEvaluator, specialArgs: Thunk, module: Thunk, origin: Origin, flake: boolean): V {
  const sa = specialArgs.force();
  const inputs = sa.kind === 'attrs' ? sa.entries.get('inputs')?.thunk : undefined;
  const args = new Map<string, Thunk>();
  const unknownArg = (n: string): Thunk => Thunk.of(unknown(`flake-parts module argument '${n}' is not known statically`, origin));
  args.set('inputs', inputs ?? unknownArg('inputs'));
  args.set(
    'self',
    new Thunk(() => {
      const s = sa.kind === 'attrs' ? sa.entries.get('self')?.thunk.force() : undefined;
      if (s) return s;
      const i = inputs?.force();
      return (i && get(i, 'self')) ?? unknown("flake-parts' self is not known", origin);
    }, origin),
  );
  // nixpkgs' lib: every function the evaluator models is selected from it by name.
  args.set('lib', Thunk.of(unknown('nixpkgs lib (the evaluator models its functions by name)', origin)));
  for (const n of ['options', 'getSystem', 'moduleWithSystem', 'flake-parts-lib']) args.set(n, unknownArg(n));
  args.set('withSystem', Thunk.of({ kind: 'unknown', reason: 'withSystem', origin, fn: 'withSystem' }));
  const extra = sa.kind === 'attrs' ? sa.entries.get('specialArgs')?.thunk.force() : undefined;
  if (extra?.kind === 'attrs') for (const [k, e] of extra.entries) args.set(k, e.thunk);
  const system = new ModuleSystem(ev, args, origin, true);
  system.add(module, undefined);
  const stops = (): void => {
    for (const u of system.unread) ev.stop(u.origin, u.reason, u.reason.includes('does not exist') ? 'unresolved-import' : 'external-module', u.module);
    for (const u of system.undeclared()) ev.stop(u.origin, `\`${u.key}\` is an option of a flake module from an input, which is not read`, 'external-option');
  };
  if (!flake) {
    stops();
    return attrsOf(new Map([['config', system.config]]), origin);
  }
  const out = get(system.config.force(), 'flake');
  stops();
  const flakeValue: V = out?.kind === 'attrs' ? out : (out ?? { kind: 'attrs', entries: new Map(), origin });
  // What the user wrote for a framework's own flake module (clan-core's `clan = { … }`) is kept beside the
  // outputs under a name no flake output can have, so that framework's discovery source can read it.
  const cfg = system.config.force();
  const external = system.undeclared().map((u) => u.key.split('.')[0]);
  if (flakeValue.kind !== 'attrs' || cfg.kind !== 'attrs' || external.length === 0) return flakeValue;
  const kept = new Map<string, LEntry>();
  for (const k of external) {
    const e = cfg.entries.get(k);
    if (e) kept.set(k, e);
  }
  const entries = new Map(flakeValue.entries);
  entries.set(EXTERNAL_OPTIONS, { key: EXTERNAL_OPTIONS, keyOrigin: origin, thunk: Thunk.of({ kind: 'attrs', entries: kept, origin }) });
  return { ...flakeValue, entries };
}

/** `withSystem system f`: f called with the per-system arguments (`system` known, the rest unknown). */
export function withSystem(ev: NixEvaluator, system: Thunk, f: Thunk, origin: Origin): V {
  const fn = f.force();
  if (fn.kind !== 'lambda') return ev.call(fn, Thunk.of(unknown('per-system arguments are not known statically', origin)), origin);
  const given = new Map<string, Thunk>([['system', system]]);
  for (const x of fn.node.formals?.entries ?? []) if (!given.has(x.name.name)) given.set(x.name.name, Thunk.of(unknown(`per-system argument '${x.name.name}' is not known statically`, origin)));
  return ev.call(fn, Thunk.of(attrsOf(given, origin)), origin);
}
