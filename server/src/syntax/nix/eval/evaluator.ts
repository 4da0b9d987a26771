// Static evaluator: computes, without running Nix, as much of a file's value as
// can be known (literals, sets, lists, let/rec/inherit, //, ++, selection, string
// interpolation, `import ./x.nix`, `if` on known conditions, calls of lambdas,
// arithmetic and comparisons). Anything else is an `unknown` Value carrying the
// span that produced it. Files are read through the injected host (no I/O here),
// parsed once per URI, and imports are cycle-safe. Never throws.
import type * as A from '../ast';
import { type Entry, type Origin, placeAt, placed, type Value } from '../../value';
import { parseNixShared } from '../parseCache';
import { detectUnparseable } from '../detect';
import { arith, logical, strictBinary } from './ops';
import { buildAttrs, hasAttr, lookupName, select } from './bindings';
import { indentedString, pathValue, strParts } from './strings';
import { globalEnv } from './builtins';
import { type Env, producedAt, Thunk, type V, unknown } from './types';
import { callPrimop } from './builtins';
import { type Conversion, conversion, resolveUri, toValue } from './convert';
import { LIB_FUNCTIONS } from './nixpkgsLib';
import { applyWithUnknownArgs, flakeOutputs } from './entryPoints';
import { evalFlakeParts, flakePartsArgs, withSystem } from './flakeParts';
import type { EvalStop, EvalStopKind } from './types';
import { ParsedDataFiles } from './dataFiles';

export { resolveUri };

export interface EvalHost {
  readText(uri: string): string | undefined;
  /** The entries of a directory (for `builtins.readDir`); undefined when unknown. */
  listDir?(uri: string): Map<string, 'directory' | 'regular'> | undefined;
}

export interface EvalOptions {
  /**
   * When a file's value is a function taking an attribute set (`{ pkgs, ... }: ...`),
   * call it with every argument unknown. Default true.
   */
  applyFunctions?: boolean;
  /** The file is a flake: its value is its `outputs`, called with `self` and unknown inputs. */
  flake?: boolean;
  /** Also call functions met inside the value (colmena nodes, inline modules); see applyWithUnknownArgs. */
  applyNestedFunctions?: boolean;
  /**
   * When the file's value is an attribute set, keep only these attributes: the
   * others are never forced (a module's `options` and `imports` without its `config`).
   */
  only?: string[];
  /**
   * Module arguments that are known: name → the file:// URI of a file whose
   * value is the argument (a function of a set is called with unknown
   * arguments). NixOS' `utils` is `nixos/lib/utils.nix` this way, and the
   * systemd unit types modules declare options with come from it.
   */
  moduleArgFiles?: Record<string, string>;
}

const MAX_DEPTH = 1000;

/**
 * Evaluation steps one entry point (a file, a module call) may take. A
 * 1,000-machine flake takes about 1.5 million; a runaway evaluation (an
 * exponential recursion, a fixpoint that grows) stops here with a reading stop
 * saying where, instead of running out of memory or never ending.
 */
export const MAX_STEPS = 20_000_000;

export interface EvaluatorLimits {
  maxSteps?: number;
  maxDepth?: number;
  maxConverted?: number;
}

/** Counts of the work done, deterministic for a given input (tests compare fleets of two sizes). */
export interface EvalStats {
  /** Expressions evaluated. */
  steps: number;
  /** Files read and parsed (each at most once). */
  filesLoaded: number;
  /** Value nodes built converting results. */
  converted: number;
}

export class NixEvaluator {
  private readonly files = new Map<string, Thunk>();
  /**
   * Converted entries, kept across the files this evaluator evaluates: a
   * thousand profiles that merge one base share its converted entries (the
   * result is never mutated) instead of converting them a thousand times.
   */
  private readonly converted = conversion();
  /** Which files each file imported (as far as its value was forced): the dependencies of a value. */
  private readonly imports = new Map<string, Set<string>>();
  /** The values of `moduleArgFiles`, by URI (shared by every module that takes the argument). */
  private readonly moduleArgs = new Map<string, Thunk>();
  private depth = 0;
  private readonly global: Env;
  readonly stats: EvalStats = { steps: 0, filesLoaded: 0, converted: 0 };
  /** The step count at which the running entry point stops (see MAX_STEPS). */
  private stepLimit = Infinity;
  private readonly maxSteps: number;
  private readonly maxDepth: number;
  private readonly maxConverted: number | undefined;
  /** Where reading stopped (a flake module from an input, an import that does not resolve), in the order met. */
  readonly stops: EvalStop[] = [];
  /** Data files' values, parsed once per evaluator (dataFiles.ts). */
  readonly dataValues = new ParsedDataFiles();

  constructor(
    private readonly host: EvalHost,
    limits: EvaluatorLimits = {},
  ) {
    this.global = globalEnv();
    this.maxSteps = limits.maxSteps ?? MAX_STEPS;
    this.maxDepth = limits.maxDepth ?? MAX_DEPTH;
    this.maxConverted = limits.maxConverted;
  }

  /** Starts an entry point's step budget (a nested entry point keeps the outer one's). */
  private begin(): () => void {
    const outer = this.stepLimit;
    if (outer === Infinity) this.stepLimit = this.stats.steps + this.maxSteps;
    return () => {
      this.stepLimit = outer;
    };
  }

  /** Converts a result, counting the nodes built and saying where a conversion ran out of room. */
  private convert(v: V, c: Conversion, apply?: Parameters<typeof toValue>[3]): Value {
    const before = c.nodes;
    const out = toValue(v, 0, c, apply);
    this.stats.converted += c.nodes - before;
    if (c.exhausted) {
      this.stop(c.exhausted, `the value is too large to read statically (more than ${c.limit} values)`, 'evaluation-budget');
      c.exhausted = undefined;
    }
    return out;
  }

  /** The value of the file at `uri` (a file:// URI). */
  evaluateFile(uri: string, options: EvalOptions = {}): Value {
    const end = this.begin();
    try {
      let v = this.importFile(uri, { uri, span: { start: 0, end: 0 } });
      if (options.flake && v.kind === 'attrs') v = flakeOutputs(this, v);
      else if (options.applyFunctions !== false) v = applyWithUnknownArgs(this, v, undefined, this.knownArgs(options.moduleArgFiles)) ?? v;
      const only = options.only;
      if (only && v.kind === 'attrs') v = { ...v, entries: new Map([...v.entries].filter(([k]) => only.includes(k))) };
      if (!options.applyNestedFunctions) return this.convert(v, this.converted);
      // Applied functions give other values than plain conversion: not shared with it.
      return this.convert(v, conversion(this.maxConverted), (fn, key, given) => applyWithUnknownArgs(this, fn, key, undefined, given));
    } catch (e) {
      // The evaluator is written not to throw; this is the last line of defence
      // (for example a stack overflow on pathological input).
      return { kind: 'unknown', reason: `evaluation failed: ${String(e)}`, origin: { uri, span: { start: 0, end: 0 } } };
    } finally {
      end();
    }
  }

  /**
   * A module file called with these arguments known (the others unknown), as
   * for one machine: its `specialArgs`, `_module.args` and `config`.
   */
  evaluateModule(uri: string, args: ReadonlyMap<string, Thunk>): Value {
    const end = this.begin();
    try {
      let v = this.importFile(uri, { uri, span: { start: 0, end: 0 } });
      v = applyWithUnknownArgs(this, v, undefined, args) ?? v;
      return this.convert(v, this.converted);
    } catch (e) {
      return { kind: 'unknown', reason: `evaluation failed: ${String(e)}`, origin: { uri, span: { start: 0, end: 0 } } };
    } finally {
      end();
    }
  }

  /** A module function (an inline module met before) called with these arguments known, the others unknown. */
  evaluateModuleFunction(fn: V, args: ReadonlyMap<string, Thunk>): Value {
    const end = this.begin();
    try {
      const v = applyWithUnknownArgs(this, fn, undefined, args) ?? fn;
      return this.convert(v, conversion(this.maxConverted));
    } catch (e) {
      return { kind: 'unknown', reason: `evaluation failed: ${String(e)}`, origin: fn.origin };
    } finally {
      end();
    }
  }

  private knownArgs(files: Record<string, string> | undefined): Map<string, Thunk> | undefined {
    if (!files) return undefined;
    const out = new Map<string, Thunk>();
    for (const [name, uri] of Object.entries(files)) {
      let t = this.moduleArgs.get(uri);
      if (!t) {
        // Imported as by the argument's own file: the files it reaches are not the module's.
        const origin: Origin = { uri, span: { start: 0, end: 0 } };
        t = new Thunk(() => {
          const v = this.importFile(uri, origin);
          return applyWithUnknownArgs(this, v, undefined) ?? v;
        }, origin);
        this.moduleArgs.set(uri, t);
      }
      out.set(name, t);
    }
    return out;
  }

  /** Evaluates already-parsed text (an open document) as the file `uri`. */
  evaluateText(uri: string, text: string, options: EvalOptions = {}): Value {
    this.files.delete(uri);
    const origHost = this.host;
    const self = this as unknown as { host: EvalHost };
    self.host = { readText: (u) => (u === uri ? text : origHost.readText(u)) };
    try {
      return this.evaluateFile(uri, options);
    } finally {
      self.host = origHost;
      this.files.delete(uri);
    }
  }

  importFile(uri: string, origin: Origin): V {
    // `import ./dir` reads ./dir/default.nix, as Nix does.
    if (!uri.endsWith('.nix') && this.host.readText(uri) === undefined && this.host.readText(`${uri}/default.nix`) !== undefined) uri = `${uri}/default.nix`;
    if (origin.uri !== uri) {
      let targets = this.imports.get(origin.uri);
      if (!targets) this.imports.set(origin.uri, (targets = new Set()));
      targets.add(uri);
    }
    let t = this.files.get(uri);
    if (!t) {
      t = new Thunk(() => this.loadFile(uri, origin), origin);
      this.files.set(uri, t);
    }
    const v = t.force();
    if (v.kind === 'unknown' && v.reason.startsWith('infinite recursion')) return unknown(`import cycle through ${uri}`, origin);
    return v;
  }

  /** Records where reading stopped, once per place and kind. */
  stop(origin: Origin, reason: string, kind: EvalStopKind, module?: string): void {
    if (this.stops.some((s) => s.kind === kind && s.origin.uri === origin.uri && s.origin.span.start === origin.span.start)) return;
    this.stops.push({ origin, reason, kind, ...(module !== undefined ? { module } : {}) });
  }

  /** The file an import of `uri` reads (a folder means its default.nix), or undefined when neither exists. */
  resolveImport(uri: string): string | undefined {
    if (this.host.readText(uri) !== undefined) return uri;
    if (!uri.endsWith('.nix') && this.host.readText(`${uri.replace(/\/$/, '')}/default.nix`) !== undefined) return `${uri.replace(/\/$/, '')}/default.nix`;
    return undefined;
  }

  /** The source text at a place (for messages naming what was written), bounded. */
  textAt(origin: Origin): string | undefined {
    const t = this.host.readText(origin.uri)?.slice(origin.span.start, origin.span.end);
    return t && t.length <= 120 ? t.replace(/\s+/g, ' ') : undefined;
  }

  /** A data file's text for `builtins.readFile` (a dependency of the file that reads it). */
  readDataFile(uri: string, origin: Origin): string | undefined {
    if (origin.uri !== uri) {
      let targets = this.imports.get(origin.uri);
      if (!targets) this.imports.set(origin.uri, (targets = new Set()));
      targets.add(uri);
    }
    return this.host.readText(uri);
  }

  /** A directory's entries through the host, for `builtins.readDir`. */
  listDir(uri: string): Map<string, 'directory' | 'regular'> | undefined {
    return this.host.listDir?.(uri);
  }

  /** Whether a file or folder exists: from its parent's listing when the host lists folders, else by reading it. */
  pathExists(uri: string): boolean | undefined {
    const clean = uri.replace(/\/+$/, '');
    const slash = clean.lastIndexOf('/');
    if (slash <= 'file://'.length) return undefined;
    const parent = this.host.listDir?.(clean.slice(0, slash));
    if (parent) return parent.has(decodeURIComponent(clean.slice(slash + 1)));
    if (this.host.listDir) return false;
    return this.host.readText(clean) !== undefined ? true : undefined;
  }

  /** `uri` and every file its evaluation imported, directly or not. */
  filesReachedFrom(uri: string): string[] {
    const seen = new Set([uri]);
    const todo = [uri];
    for (let u = todo.pop(); u !== undefined; u = todo.pop())
      for (const t of this.imports.get(u) ?? [])
        if (!seen.has(t)) {
          seen.add(t);
          todo.push(t);
        }
    return [...seen];
  }

  private loadFile(uri: string, origin: Origin): V {
    const text = this.host.readText(uri);
    if (text === undefined) return unknown(`file not found: ${uri}`, origin);
    const kind = detectUnparseable(text);
    if (kind) return unknown(kind === 'binary' ? `${uri} is a binary file` : `${uri} is encrypted (${kind})`, origin);
    this.stats.filesLoaded++;
    const parsed = parseNixShared(text);
    return this.eval(parsed.root, this.global, uri);
  }

  /** `origin`: the place of `n` in `uri`, when the caller made it already (a thunk's own). */
  eval(n: A.Expr, env: Env, uri: string, origin?: Origin): V {
    if (++this.stats.steps > this.stepLimit) {
      const origin = placeAt(uri, n);
      // Once, where it ran out; every later step of this entry point is unknown at once (no hang).
      if (this.stats.steps === this.stepLimit + 1) this.stop(origin, `evaluating took more than ${this.maxSteps} steps (a recursion that does not end, or a value too large to read statically)`, 'evaluation-budget');
      return unknown(`evaluation stopped after ${this.maxSteps} steps`, origin);
    }
    if (++this.depth > this.maxDepth) {
      this.depth--;
      const origin = placeAt(uri, n);
      this.stop(origin, `evaluation nested more than ${this.maxDepth} levels deep (a recursion that does not end?)`, 'evaluation-budget');
      return unknown('too deeply nested to evaluate statically', origin);
    }
    try {
      return this.evalInner(n, env, uri, origin ?? placeAt(uri, n));
    } finally {
      this.depth--;
    }
  }

  thunk(n: A.Expr, env: Env, uri: string): Thunk {
    // One origin for the thunk and the value it computes (both name `n`): a fleet's evaluation keeps millions.
    const origin: Origin = placeAt(uri, n);
    return new Thunk(() => this.eval(n, env, uri, origin), origin);
  }

  private evalInner(n: A.Expr, env: Env, uri: string, origin: Origin): V {
    switch (n.type) {
      case 'Int':
      case 'Float':
        return placed.number(Number(n.raw), n.type === 'Int', origin);
      case 'Str':
        return strParts(this, n.parts.map((p) => (p.type === 'Text' ? p.value : p.expr)), env, uri, origin);
      case 'IndStr':
        return indentedString(this, n, env, uri, origin);
      case 'Path':
        return pathValue(this, n, env, uri, origin);
      case 'SPath':
        return unknown(`search path <${n.name}> (depends on NIX_PATH)`, origin);
      case 'Uri':
        return placed.string(n.text, origin);
      case 'Var': {
        const v = this.lookup(n.name, env, origin);
        // true/false/null and builtins: the value was produced here.
        return v.origin.uri === 'builtin:' ? producedAt(v, origin) : v;
      }
      case 'Select':
        return select(this, n, env, uri, origin);
      case 'HasAttr':
        return hasAttr(this, n, env, uri, origin);
      case 'Apply':
        return this.call(this.eval(n.fn, env, uri), this.thunk(n.arg, env, uri), origin);
      case 'Unary': {
        const v = this.eval(n.operand, env, uri);
        if (n.op === '!') return v.kind === 'boolean' ? { kind: 'boolean', value: !v.value, origin } : unknown(v.kind === 'unknown' ? v.reason : `'!' needs a boolean`, origin);
        return arith('-', { kind: 'number', value: 0, integer: true, origin }, v, origin);
      }
      case 'Binary':
        return this.binary(n, env, uri, origin);
      case 'Paren':
        return this.eval(n.expr, env, uri);
      case 'List':
        return { kind: 'list', items: n.items.map((e) => this.thunk(e, env, uri)), origin };
      case 'AttrSet':
        return buildAttrs(this, n.bindings, n.rec, env, uri, origin).value;
      case 'LegacyLet': {
        const { value } = buildAttrs(this, n.bindings, true, env, uri, origin);
        const body = value.kind === 'attrs' ? value.entries.get('body') : undefined;
        return body ? body.thunk.force() : unknown("legacy let has no 'body'", origin);
      }
      case 'Let': {
        const { scope } = buildAttrs(this, n.bindings, true, env, uri, origin);
        return this.eval(n.body, scope, uri);
      }
      case 'With':
        return this.eval(n.body, { vars: undefined, with: this.thunk(n.env, env, uri), parent: env }, uri);
      case 'Assert': {
        const c = this.eval(n.cond, env, uri);
        if (c.kind === 'boolean' && !c.value) return unknown('assertion fails', origin);
        return this.eval(n.body, env, uri);
      }
      case 'If': {
        const c = this.eval(n.cond, env, uri);
        if (c.kind !== 'boolean') return unknown(c.kind === 'unknown' ? `condition not known: ${c.reason}` : "'if' needs a boolean", origin);
        return this.eval(c.value ? n.then : n.else, env, uri);
      }
      case 'Lambda':
        return { kind: 'lambda', node: n, env, uri, origin };
      case 'Error':
        return unknown('syntax error', origin);
    }
  }

  /** The value `name` is bound to here: lexically, else by the innermost `with` that has it. */
  lookup(name: string, env: Env, origin: Origin): V {
    return lookupName(name, env, origin);
  }

  call(fn: V, arg: Thunk, origin: Origin): V {
    if (fn.kind === 'unknown' && fn.fn !== undefined && fn.args?.length === 1) {
      // flake-parts (`mkFlake args module`, `evalFlakeModule args module`) and its `withSystem system f`.
      if ((fn.fn === 'mkFlake' && flakePartsArgs(fn.args[0])) || fn.fn === 'evalFlakeModule') return evalFlakeParts(this, fn.args[0], arg, origin, fn.fn === 'mkFlake');
      if (fn.fn === 'withSystem') return withSystem(this, fn.args[0], arg, origin);
      if (fn.fn === 'importApply') {
        const p = fn.args[0].force();
        if (p.kind === 'path') return this.call(this.importFile(p.value, origin), arg, origin);
      }
    }
    if (fn.kind === 'unknown' && fn.fn !== undefined) {
      const arity = fn.args ? undefined : LIB_FUNCTIONS[fn.fn];
      if (arity !== undefined) return this.call({ kind: 'primop', name: `lib.${fn.fn}`, arity, args: [], origin: fn.origin }, arg, origin);
      return { kind: 'unknown', reason: fn.reason, origin, fn: fn.fn, args: [...(fn.args ?? []), arg] };
    }
    if (fn.kind === 'primop') {
      const args = [...fn.args, arg];
      if (args.length < fn.arity) return { ...fn, args };
      return callPrimop(fn.name, args, origin, this);
    }
    if (fn.kind !== 'lambda') return unknown(fn.kind === 'unknown' ? fn.reason : `cannot call a ${fn.kind}`, origin);
    const l = fn.node;
    const vars = new Map<string, Thunk>();
    const scope: Env = { vars, parent: fn.env };
    if (l.param) vars.set(l.param.name, arg);
    if (l.formals) {
      const a = arg.force();
      for (const f of l.formals.entries) {
        const given = a.kind === 'attrs' ? a.entries.get(f.name.name) : undefined;
        const fo = placeAt(fn.uri, f.name);
        if (given) vars.set(f.name.name, given.thunk);
        else if (f.default) vars.set(f.name.name, this.thunk(f.default, scope, fn.uri));
        else vars.set(f.name.name, Thunk.of(unknown(a.kind === 'unknown' ? a.reason : `argument '${f.name.name}' missing`, fo)));
      }
    }
    return this.eval(l.body, scope, fn.uri);
  }

  private binary(n: A.Binary, env: Env, uri: string, origin: Origin): V {
    // No closure per operand: a chain of 1,400 `++` recurses here, and every frame counts toward the stack.
    if (n.op === '&&' || n.op === '||' || n.op === '->') return logical(n.op, this.eval(n.left, env, uri), () => this.eval(n.right, env, uri), origin);
    return strictBinary(n.op, this.eval(n.left, env, uri), this.eval(n.right, env, uri), origin);
  }


}
