// Reads the option declarations of one evaluated module: its `options` tree,
// where `lib` is unknown so `mkOption { … }`, `mkEnableOption "x"` and
// `mkPackageOption pkgs "x" { … }` are captured calls, recursing into the
// submodules of their types (`<name>` under attrsOf, `*` under listOf); and the
// renamed / removed options its `imports` list through `mkRenamedOptionModule`
// & co. Home Manager's `lib.hm.shell.mk<Shell>IntegrationOption { … }` is
// read as the boolean it declares; another unknown helper named `mk…Option`
// (a module's or `lib.hm`'s own) declares an option of unknown type there.
// What is not known statically is left out or typed 'unknown'.
import { knownListParts, type Origin, type Value } from '../../syntax/value';
import type { Declaration, OptionDecl, Rename } from './types';
import { describeType } from './typeText';
import type { TypeWording } from './typeWording';
import { descriptionText, renderValue, type TextOf } from './render';
import { showAttrPath } from '../../syntax/valueText';

export interface ModuleScanContext {
  textOf: TextOf;
  /** The module value of a path used as a submodule (`types.submodule ./vhost.nix`), evaluated with unknown arguments. */
  loadModule(uri: string): Value | undefined;
  /** The simple types' phrases of the nixpkgs the tree is used with, where its `lib/types.nix` is known. */
  wording?: TypeWording;
}

/** `lib.hm.shell.mkZshIntegrationOption { inherit config; }` & co. */
const SHELL_INTEGRATION = /^mk(Bash|Fish|Ion|Nushell|Zsh)IntegrationOption$/;

/** A helper whose name says it makes one option (not `…Options`, not `…OptionModule`). */
const OPTION_HELPER = /^mk[A-Z]\w*Option$/;

/** Deepest option path followed (submodules within submodules…). */
const MAX_PATH = 40;

function decl(origin: Origin): Declaration {
  return { uri: origin.uri, span: { start: origin.span.start, end: origin.span.end } };
}

function field(v: Value | undefined, key: string): Value | undefined {
  return v?.kind === 'attrs' ? v.entries.get(key)?.value : undefined;
}

function bool(v: Value | undefined): boolean | undefined {
  return v?.kind === 'boolean' ? v.value : undefined;
}

/** A list of strings (an option path given to mkRenamedOptionModule, or mkPackageOption's name). */
function strings(v: Value | undefined): string[] | undefined {
  if (v?.kind === 'string') return [v.value];
  if (v?.kind !== 'list') return undefined;
  const out: string[] = [];
  for (const i of v.items) {
    if (i.kind !== 'string') return undefined;
    out.push(i.value);
  }
  return out;
}

class ModuleScanner {
  readonly options: OptionDecl[] = [];
  /** Renames and removals that submodules declare in their own `imports`, their paths below the submodule's prefix. */
  readonly renames: Rename[] = [];
  /** Path-module URIs being read (a submodule file that refers to itself stops there). */
  private readonly active = new Set<string>();

  constructor(private readonly ctx: ModuleScanContext) {}

  /** Walks an `options` tree below `prefix`. */
  walk(v: Value, prefix: string[]): void {
    if (v.kind === 'unknown' && v.call?.fn === '//' && v.call.args[1]) {
      // `a // b`: both sides' options when both are known sets of them (`{ … } // setAttrByPath p { … }`).
      if (v.call.args[0]) this.walk(v.call.args[0], prefix);
      return this.walk(v.call.args[1], prefix);
    }
    // `optionalAttrs pkgs.stdenv.hostPlatform.isLinux { … }`: declared on Linux, where a homelab's
    // machines run; under any other condition not known here the set is left out.
    if (v.kind === 'unknown' && v.call?.fn === 'optionalAttrs' && v.call.args[1]) {
      if (this.linuxOnly(v.call.args[0])) this.walk(v.call.args[1], prefix);
      return;
    }
    // `setAttrByPath modulePath { … }` (a module factory's options at the path it is given).
    if (v.kind === 'unknown' && v.call?.fn === 'setAttrByPath' && v.call.args.length === 2) {
      const at = v.call.args[0].kind === 'list' ? strings(v.call.args[0]) : undefined;
      if (at) this.walk(v.call.args[1], [...prefix, ...at]);
      return;
    }
    if (v.kind !== 'attrs' || prefix.length > MAX_PATH) return;
    for (const [key, e] of v.entries) {
      const path = [...prefix, key];
      const o = e.value;
      if (o.kind === 'unknown' && o.call) {
        const read = this.option(o.call.fn, o.call.args, path, e.keyOrigin);
        if (read) continue;
        // `unknownSet // { a = mkOption …; }`, `{ … } // optionalAttrs c { … }`: the options of the known sides are still declared.
        this.walk(o, path);
        continue;
      }
      if (o.kind === 'attrs') {
        const t = field(o, '_type');
        if (t?.kind === 'string' && t.value === 'option') this.mkOption(o, path, e.keyOrigin);
        else if (t === undefined) this.walk(o, path);
      }
    }
  }

  /**
   * A condition whose source is a test for Linux and nothing else
   * (`pkgs.stdenv.hostPlatform.isLinux`); `isLinux && elem browser [ … ]` holds
   * for some values only, and is left out like any other unknown condition.
   */
  private linuxOnly(cond: Value | undefined): boolean {
    if (!cond) return false;
    const text = this.ctx.textOf(cond.origin.uri)?.slice(cond.origin.span.start, cond.origin.span.end) ?? '';
    return /^\(?\s*(?:[\w-]+\.)*isLinux\s*\)?$/.test(text.trim());
  }

  /** Reads one captured option call; false when the call is not an option declaration. */
  private option(fn: string, args: Value[], path: string[], at: Origin): boolean {
    switch (fn) {
      case 'mkOption':
        this.mkOption(args[0], path, at);
        return true;
      case 'mkEnableOption':
        this.mkEnableOption(args[0], path, at);
        return true;
      // stylix's `config.lib.stylix.mkEnableTarget "Sway" true` & co.: a target's boolean switch.
      case 'mkEnableTarget':
      case 'mkEnableTargetWith':
      case 'mkEnableWallpaper':
        this.push({ path, type: 'boolean', declaredAt: decl(at) });
        return true;
      case 'mkPackageOption':
      case 'mkPackageOptionMD':
        this.mkPackageOption(args[1], args[2], path, at);
        return true;
      case '//':
        return this.updated(args[0], args[1], path, at);
    }
    const shell = SHELL_INTEGRATION.exec(fn);
    if (shell) {
      // Home Manager's lib/shell.nix: mkShellIntegrationOption "<Shell>", a boolean.
      const extra = descriptionText(field(args[0], 'extraDescription'));
      const description = `Whether to enable ${shell[1]} integration.${extra ? `\n\n${extra}` : ''}`;
      this.push({ path, type: 'boolean', example: 'false', description, declaredAt: decl(at) });
      return true;
    }
    if (OPTION_HELPER.test(fn) && args.length > 0) {
      this.push({ path, type: 'unknown', declaredAt: decl(at) });
      return true;
    }
    return false;
  }

  /**
   * `mkEnableOption "x" // { default = true; }`, `mkOption { … } // { … }`:
   * the option the call declares, with the fields the set replaces.
   */
  private updated(inner: Value | undefined, over: Value | undefined, path: string[], at: Origin): boolean {
    if (inner?.kind !== 'unknown' || !inner.call || over?.kind !== 'attrs') return false;
    const start = this.options.length;
    const renamesStart = this.renames.length;
    if (!this.option(inner.call.fn, inner.call.args, path, at)) return false;
    const o = this.options[start];
    const typeValue = field(over, 'type');
    if (typeValue) {
      // The replaced type's sub-options (and its submodules' renames) are not the option's any more.
      this.options.length = start + 1;
      this.renames.length = renamesStart;
      const t = describeType(typeValue, 0, this.ctx.wording);
      o.type = t.text;
      delete o.freeform;
      if (t.freeform || t.subs.some((sub) => sub.prefix.length === 0 && this.freeform(sub.module))) o.freeform = true;
      for (const sub of t.subs) this.submodule(sub.module, [...path, ...sub.prefix]);
    }
    const defText = field(over, 'defaultText');
    const def = renderValue(defText ?? field(over, 'default'), this.ctx.textOf);
    if (defText !== undefined || field(over, 'default') !== undefined) {
      if (def !== undefined) o.default = def;
      else delete o.default;
    }
    if (field(over, 'example') !== undefined) {
      const example = renderValue(field(over, 'example'), this.ctx.textOf);
      if (example !== undefined) o.example = example;
      else delete o.example;
    }
    const description = descriptionText(field(over, 'description'));
    if (description !== undefined) o.description = description;
    for (const k of ['readOnly', 'internal'] as const) {
      const b = bool(field(over, k));
      if (b !== undefined) {
        if (b) o[k] = true;
        else delete o[k];
      }
    }
    const visible = bool(field(over, 'visible'));
    if (visible === false) o.visible = false;
    else if (visible === true) delete o.visible;
    return true;
  }

  private push(o: OptionDecl): void {
    this.options.push(o);
  }

  private mkOption(a: Value | undefined, path: string[], at: Origin): void {
    if (a?.kind !== 'attrs') {
      this.push({ path, type: 'unknown', declaredAt: decl(at) });
      return;
    }
    const typeValue = field(a, 'type');
    const t = describeType(typeValue, 0, this.ctx.wording);
    const o: OptionDecl = { path, type: t.text, declaredAt: decl(at) };
    const def = renderValue(field(a, 'defaultText'), this.ctx.textOf) ?? renderValue(field(a, 'default'), this.ctx.textOf);
    if (def !== undefined) o.default = def;
    const example = renderValue(field(a, 'example'), this.ctx.textOf);
    if (example !== undefined) o.example = example;
    const description = descriptionText(field(a, 'description'));
    if (description !== undefined) o.description = description;
    const readOnly = bool(field(a, 'readOnly'));
    if (readOnly) o.readOnly = true;
    const internal = bool(field(a, 'internal'));
    if (internal) o.internal = true;
    const visible = field(a, 'visible');
    if (visible?.kind === 'boolean' && !visible.value) o.visible = false;
    if (t.freeform || t.subs.some((sub) => sub.prefix.length === 0 && this.freeform(sub.module))) o.freeform = true;
    this.push(o);
    for (const sub of t.subs) this.submodule(sub.module, [...path, ...sub.prefix]);
  }

  private mkEnableOption(name: Value | undefined, path: string[], at: Origin): void {
    const n = descriptionText(name);
    const o: OptionDecl = { path, type: 'boolean', default: 'false', example: 'true', declaredAt: decl(at) };
    if (n !== undefined) o.description = `Whether to enable ${n}.`;
    this.push(o);
  }

  /** `mkPackageOption pkgs name { nullable; default; example; extraDescription; pkgsText; }`. */
  private mkPackageOption(nameValue: Value | undefined, opts: Value | undefined, path: string[], at: Origin): void {
    const name = strings(nameValue);
    const nullable = bool(field(opts, 'nullable')) === true;
    const o: OptionDecl = { path, type: nullable ? 'null or package' : 'package', declaredAt: decl(at) };
    const pkgsTextValue = field(opts, 'pkgsText');
    const pkgsText = pkgsTextValue?.kind === 'string' ? pkgsTextValue.value : 'pkgs';
    const defValue = field(opts, 'default');
    const defPath = defValue === undefined ? name : strings(defValue);
    if (defValue?.kind === 'null') o.default = 'null';
    else if (defPath) o.default = `${pkgsText}.${showAttrPath(defPath)}`;
    const exValue = field(opts, 'example');
    const exPath = strings(exValue);
    if (exPath) o.example = `${pkgsText}.${showAttrPath(exPath)}`;
    else if (exValue && exValue.kind !== 'null') o.example = renderValue(exValue, this.ctx.textOf);
    if (name) {
      const extra = descriptionText(field(opts, 'extraDescription'));
      o.description = `The ${name.join('.')} package to use.${extra ? ` ${extra}` : ''}`;
    }
    this.push(o);
  }

  /** The options of a submodule (a set, a function already applied, a path, or a list of those) below `prefix`. */
  private submodule(m: Value, prefix: string[]): void {
    if (prefix.length > MAX_PATH) return;
    if (m.kind === 'list') {
      for (const i of m.items) this.submodule(i, prefix);
      return;
    }
    if (m.kind === 'path') {
      if (this.active.has(m.value)) return;
      const loaded = this.ctx.loadModule(m.value);
      if (!loaded) return;
      this.active.add(m.value);
      try {
        this.submodule(loaded, prefix);
      } finally {
        this.active.delete(m.value);
      }
      return;
    }
    const opts = field(m, 'options');
    if (opts) this.walk(opts, prefix);
    // A submodule's own `imports` (paths or modules) declare its options too, and its renames
    // (`networking.interfaces.<name>.ip4` → `….ipv4.addresses`) below the prefix.
    const imports = field(m, 'imports');
    const list = imports && knownListParts(imports);
    if (!imports || !list) return;
    for (const i of list.items) if (i.kind === 'path' || i.kind === 'attrs') this.submodule(i, prefix);
    if (prefix.length) this.renames.push(...scanRenames(imports, prefix, this.ctx.textOf));
  }

  /** Whether a submodule (or one of a list of them) declares a `freeformType`. */
  private freeform(m: Value): boolean {
    if (m.kind === 'list') return m.items.some((i) => this.freeform(i));
    return field(m, 'freeformType') !== undefined;
  }
}

/** The options declared in a module's `options` value, and the renames its submodules declare. */
export function scanOptions(options: Value, ctx: ModuleScanContext): { options: OptionDecl[]; renames: Rename[] } {
  const s = new ModuleScanner(ctx);
  s.walk(options, []);
  return { options: s.options, renames: s.renames };
}

const RENAMES: Record<string, 'renamed' | 'removed' | 'merged'> = {
  mkRenamedOptionModule: 'renamed',
  mkAliasOptionModule: 'renamed',
  mkAliasOptionModuleMD: 'renamed',
  mkChangedOptionModule: 'renamed',
  mkRemovedOptionModule: 'removed',
  mkMergedOptionModule: 'merged',
};

/**
 * The renamed and removed options a module's `imports` list declares; for a
 * submodule's, below its `prefix` (`from` and `to` both: a submodule renames
 * within itself).
 */
export function scanRenames(imports: Value, prefix: readonly string[] = [], textOf?: TextOf): Rename[] {
  const out: Rename[] = [];
  // `[ (mkRenamedOptionModule …) ] ++ (unknownHelper …)`: the renames of the known part.
  const list = knownListParts(imports);
  if (!list) return out;
  const push = (r: Rename): void => {
    if (prefix.length) {
      r.from = [...prefix, ...r.from];
      if (r.to) r.to = [...prefix, ...r.to];
    }
    out.push(r);
  };
  for (const item of list.items) {
    if (item.kind !== 'unknown' || !item.call) continue;
    let { fn, args } = item.call;
    const at = decl(item.origin);
    if ((fn === 'mkRenamedOptionModuleWith' || fn === 'doRename') && args.length === 1) {
      // mkRenamedOptionModuleWith { sinceRelease; from; to; }, doRename { from; to; visible; warn; use; }
      fn = 'mkRenamedOptionModule';
      args = [field(args[0], 'from'), field(args[0], 'to')].filter((x): x is Value => x !== undefined);
    }
    const what = RENAMES[fn];
    if (!what) continue;
    if (what === 'merged') {
      // mkMergedOptionModule [ from… ] to f
      const to = args[1]?.kind === 'list' ? strings(args[1]) : undefined;
      if (!to || args[0]?.kind !== 'list') continue;
      for (const f of args[0].items) {
        const from = f.kind === 'list' ? strings(f) : undefined;
        if (from) push({ from, to, kind: fn, declaredAt: at });
      }
      continue;
    }
    const from = strings(args[0]);
    if (!from || args[0]?.kind !== 'list') continue;
    if (what === 'removed') {
      const msg = args[1];
      push({ from, removed: msg?.kind === 'string' ? msg.value : '', kind: fn, declaredAt: at });
      continue;
    }
    const to = strings(args[1]);
    if (to && args[1]?.kind === 'list') push({ from, to, kind: fn, declaredAt: at });
  }
  for (const c of unknownParts(imports)) if (c.call?.fn === 'mkSettingsRenamedOptionModules') for (const r of settingsRenames(c.call.args, decl(c.origin), textOf)) push(r);
  return out;
}

/** The unknown sides of a `++` chain (`[ … ] ++ (lib.hm.deprecations.mkSettingsRenamedOptionModules …)`). */
function unknownParts(v: Value, depth = 0): Extract<Value, { kind: 'unknown' }>[] {
  if (v.kind !== 'unknown' || depth > 100) return [];
  if (v.call?.fn !== '++') return [v];
  return v.call.args.flatMap((a) => unknownParts(a, depth + 1));
}

/** Home Manager's `toCaseWithSeparator`: each capital becomes the separator and its lower case, a leading one dropped. */
function caseWithSeparator(sep: string, s: string): string {
  const out = s.replace(/[A-Z]/g, (c) => sep + c.toLowerCase());
  return out.startsWith(sep) ? out.slice(sep.length) : out;
}

const CASE_TRANSFORMS: Record<string, (s: string) => string> = {
  toSnakeCase: (s) => caseWithSeparator('_', s),
  toKebabCase: (s) => caseWithSeparator('-', s),
};

/**
 * Home Manager's `lib.hm.deprecations.mkSettingsRenamedOptionModules old new
 * { transform ? toSnakeCase; } specs`: each spec a name (renamed to its
 * transform below `new`) or `{ old; new; }` (names or lists of them).
 */
function settingsRenames(args: Value[], at: ReturnType<typeof decl>, textOf?: TextOf): Rename[] {
  if (args.length !== 4) return [];
  const oldPrefix = strings(args[0]);
  const newPrefix = strings(args[1]);
  if (!oldPrefix || !newPrefix || args[3].kind !== 'list') return [];
  const t = field(args[2], 'transform');
  // `transform = x: x;` (a function, read from its source): the names as they are.
  const source = t?.kind === 'unknown' && t.ref === undefined && !t.call ? textOf?.(t.origin.uri)?.slice(t.origin.span.start, t.origin.span.end) : undefined;
  const identity = source !== undefined && /^\s*(\w+)\s*:\s*\1\s*$/.test(source);
  const transform = t === undefined ? CASE_TRANSFORMS.toSnakeCase : identity ? (n: string) => n : t.kind === 'unknown' && t.ref !== undefined && !t.call ? CASE_TRANSFORMS[t.ref] : undefined;
  const list = (v: Value | undefined): string[] | undefined => (v?.kind === 'string' ? [v.value] : v?.kind === 'list' ? strings(v) : undefined);
  const out: Rename[] = [];
  for (const spec of args[3].items) {
    const old = spec.kind === 'attrs' ? list(field(spec, 'old')) : list(spec);
    const now = spec.kind === 'attrs' ? list(field(spec, 'new')) : transform && old ? old.map(transform) : undefined;
    if (old && now) out.push({ from: [...oldPrefix, ...old], to: [...newPrefix, ...now], kind: 'mkRenamedOptionModule', declaredAt: at });
  }
  return out;
}
