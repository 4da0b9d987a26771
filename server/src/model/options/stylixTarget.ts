// Stylix's targets. A file `modules/<target>/<platform>.nix` written as
// `{ mkTarget, … }: mkTarget { options = …; config = [ ({ colors, fonts }: …) … ]; }`
// is given `mkTarget` by stylix's own loader (not by the module system), and
// what it declares follows from its arguments: `stylix.targets.<target>.enable`,
// for each argument a function of its `config` or `options` takes (other than
// `cfg`) `<argument>.enable` and `<argument>.override`, and its `options` below
// `stylix.targets.<target>` (the older form names them `extraOptions`, with
// `configElements` whose arguments add nothing). The scan gives such a file a stand-in `mkTarget`
// that hands back the `options` it is given; the arguments are read from the
// syntax (an applied function no longer has them).
import { parseNixShared } from '../../syntax/nix/parseCache';
import type * as A from '../../syntax/nix/ast';
import type { OptionDecl, Rename } from './types';

/** Where the stand-in `mkTarget` lives (served by the scan's host, never read from disk). */
export const STYLIX_TARGET_URI = 'file:///homelab-builtin/stylix/mk-target.nix';

/** The stand-in: `mkTarget { options = o; imports = i; … }` is a module whose options hold `o` under a marker, importing `i`. */
export const STYLIX_TARGET_TEXT =
  'target: { options = { __homelabStylixTarget = target.options or target.extraOptions or { }; __homelabStylixName = target.name or null; __homelabStylixConfig = target.config or null; }; imports = target.imports or [ ]; }';

/** The marker key the stand-in puts the target's own options under, and the one of the `name` it is given. */
export const STYLIX_TARGET_KEY = '__homelabStylixTarget';
export const STYLIX_NAME_KEY = '__homelabStylixName';
/** The marker of the `config` it is given (only its origin is read: the file that calls mkTarget). */
export const STYLIX_CONFIG_KEY = '__homelabStylixConfig';

/** The target a file in `modules/<target>/` stands for when it is not named otherwise. */
export function stylixDirectoryName(uri: string): string | undefined {
  return /\/modules\/([^/]+)\/[^/]+\.nix$/.exec(uri)?.[1];
}

/** Whether a file is given `mkTarget` (`{ mkTarget, … }:`, also as a factory's first function, or `mkTarget: { … }: …`). */
export function takesMkTarget(text: string): boolean {
  if (!/\bmkTarget\b/.test(text)) return false;
  const top = unwrap(parseNixShared(text).root);
  return top.type === 'Lambda' && (top.param?.name === 'mkTarget' || (top.formals?.entries.some((f) => f.name.name === 'mkTarget') ?? false));
}

function unwrap(e: A.Expr): A.Expr {
  let x = e;
  while (x.type === 'Paren') x = x.expr;
  return x;
}

/** The `mkTarget { … }` call's set below the file's function (through `let … in`). */
function targetArgument(root: A.Expr): A.AttrSet | undefined {
  let e = unwrap(root);
  // The module's function, or a factory's (`{ mkTarget, name }: { lib, … }: mkTarget { … }`).
  while (e.type === 'Lambda' || e.type === 'Let' || e.type === 'With' || e.type === 'Assert') e = unwrap(e.body);
  if (e.type !== 'Apply') return undefined;
  const fn = unwrap(e.fn);
  const arg = unwrap(e.arg);
  return fn.type === 'Var' && fn.name === 'mkTarget' && arg.type === 'AttrSet' ? arg : undefined;
}

/** A relative path literal (`./color-theme.nix`) resolved against the file:// URI of the file it is written in. */
function resolve(uri: string, p: A.Path): string | undefined {
  if (p.home || p.parts.length > 0 || !p.first.startsWith('.')) return undefined;
  try {
    return new URL(p.first, uri).href;
  } catch {
    return undefined;
  }
}

/**
 * The names of the arguments the functions of `config` and `options` take,
 * `cfg` aside, in source order; a settings file given by path (`./theme.nix`)
 * or made by importing one (`import ./elements.nix "name" ++ [ … ]`) read too.
 */
export function stylixTargetArguments(text: string, uri?: string, textOf?: (uri: string) => string | undefined): string[] {
  const set = targetArgument(parseNixShared(text).root);
  if (!set) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  const fromFile = (p: A.Path, at: string | undefined, body: boolean): void => {
    const u = at && resolve(at, p);
    const t = u && !seen.has(u) ? textOf?.(u) : undefined;
    if (!u || t === undefined) return;
    seen.add(u);
    const top = unwrap(parseNixShared(t).root);
    // A file of settings is a function of them; one imported with an argument (`import ./f.nix name`,
    // `import ./f.nix { inherit name; }`) is read below the function that takes it.
    take(body && top.type === 'Lambda' ? top.body : top, u);
  };
  const take = (e: A.Expr, at: string | undefined): void => {
    const x = unwrap(e);
    if (x.type === 'List') return x.items.forEach((i) => take(i, at));
    if (x.type === 'Binary' && x.op === '++') {
      take(x.left, at);
      take(x.right, at);
      return;
    }
    if (x.type === 'Path') return fromFile(x, at, false);
    if (x.type === 'Apply') {
      // `import ./file.nix arg`
      const inner = unwrap(x.fn);
      if (inner.type === 'Apply' && unwrap(inner.fn).type === 'Var' && (unwrap(inner.fn) as A.Var).name === 'import' && unwrap(inner.arg).type === 'Path') fromFile(unwrap(inner.arg) as A.Path, at, true);
      return;
    }
    if (x.type !== 'Lambda' || !x.formals) return;
    for (const f of x.formals.entries) if (f.name.name !== 'cfg' && !out.includes(f.name.name)) out.push(f.name.name);
  };
  for (const b of set.bindings) {
    if (b.type !== 'AttrDef' || b.path.names.length !== 1) continue;
    const n = b.path.names[0];
    if (n.type === 'Ident' && (n.name === 'config' || n.name === 'options')) take(b.value, uri);
  }
  return out;
}

/**
 * The options of a target: its `enable`, each argument's `enable` and
 * `override`, and its own options (scanned from the marker, paths relative to
 * the target) moved below `stylix.targets.<target>`.
 */
export function stylixTargetOptions(uri: string, name: string, args: string[], own: { options: OptionDecl[]; renames: Rename[] }): { options: OptionDecl[]; renames: Rename[] } {
  const prefix = ['stylix', 'targets', name];
  const at = { uri, span: { start: 0, end: 0 } };
  const options: OptionDecl[] = [{ path: [...prefix, 'enable'], type: 'boolean', declaredAt: at, description: `Whether to enable theming for ${name}.` }];
  for (const a of args) {
    const source = a === 'colors' ? 'config.lib.stylix.colors' : `config.stylix.${a}`;
    options.push({ path: [...prefix, a, 'enable'], type: 'boolean', declaredAt: at, default: 'true', description: `Whether \`${source}\` is applied to ${name}.` });
    options.push({ path: [...prefix, a, 'override'], type: 'anything', declaredAt: at, default: 'null', description: `Replaces \`${source}\` for ${name} (an attribute set is merged into it recursively).` });
  }
  for (const o of own.options) options.push({ ...o, path: [...prefix, ...o.path] });
  const renames = own.renames.map((r) => ({ ...r, from: [...prefix, ...r.from], ...(r.to ? { to: [...prefix, ...r.to] } : {}) }));
  return { options, renames };
}
