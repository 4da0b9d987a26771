// Scope analysis, done the way Nix binds variables (on the desugared tree, so
// merged `a.b = ..` sets scope as in Nix): undefined variables where Nix reports
// them (never under a `with`, which may provide any name), duplicate attributes
// and formals, dynamic attributes where they are not allowed, and unused `let`
// bindings as hints. Also records what each variable refers to.
import type * as A from './ast';
import { Desugarer, type NAttrs, type NExpr } from './desugar';
import type { Span } from '../value';

export type ScopeCode =
  | 'undefined-variable'
  | 'duplicate-attribute'
  | 'duplicate-formal'
  | 'dynamic-attribute'
  | 'unused-binding';

export interface ScopeDiagnostic {
  span: Span;
  message: string;
  severity: 'error' | 'warning' | 'hint';
  code: ScopeCode;
}

export interface VariableReference {
  name: string;
  span: Span;
  /** The key/parameter that binds it; undefined for builtins and `with`-provided names. */
  definition?: Span;
  /** 'with' when only an enclosing `with` can provide it. */
  resolvedBy: 'binding' | 'builtin' | 'with';
}

export interface ScopeResult {
  diagnostics: ScopeDiagnostic[];
  references: VariableReference[];
}

/** Names in Nix 2.8's global scope (checked against `nix-instantiate --parse`). */
export const GLOBAL_NAMES: ReadonlySet<string> = new Set(
  `__add __addErrorContext __all __any __appendContext __attrNames __attrValues __bitAnd __bitOr __bitXor __catAttrs __ceil __compareVersions __concatLists __concatMap __concatStringsSep __currentSystem __currentTime __deepSeq __div __elem __elemAt __fetchurl __filter __filterSource __findFile __floor __foldl' __fromJSON __functionArgs __genList __genericClosure __getAttr __getContext __getEnv __groupBy __hasAttr __hasContext __hashFile __hashString __head __intersectAttrs __isAttrs __isBool __isFloat __isFunction __isInt __isList __isPath __isString __langVersion __length __lessThan __listToAttrs __mapAttrs __match __mul __nixPath __nixVersion __parseDrvName __partition __path __pathExists __readDir __readFile __replaceStrings __seq __sort __split __splitVersion __storeDir __storePath __stringLength __sub __substring __tail __toFile __toJSON __toPath __toXML __trace __tryEval __typeOf __unsafeDiscardOutputDependency __unsafeDiscardStringContext __unsafeGetAttrPos __zipAttrsWith abort baseNameOf builtins derivation derivationStrict dirOf false fetchGit fetchMercurial fetchTarball fetchTree fromTOML import isNull map null placeholder removeAttrs scopedImport throw toString true`.split(' '),
);

interface Binder {
  span: Span;
  used: boolean;
  let: boolean;
}
interface Scope {
  names: Map<string, Binder> | undefined;
  withScope: boolean;
  parent: Scope | undefined;
}

export function analyzeScopes(root: A.Expr, text = ''): ScopeResult {
  const d = new Desugarer(text);
  const e = d.expr(root);
  const diagnostics: ScopeDiagnostic[] = d.errors.map((x) => ({
    span: x.span,
    message: x.mergedByNewerNix ? `${x.message}: Nix 2.8 rejects this file; newer Nix and Lix merge the two sets (writing them in one place works with both)` : x.message,
    severity: x.mergedByNewerNix ? 'warning' : 'error',
    code: x.message.startsWith('duplicate formal')
      ? 'duplicate-formal'
      : x.message.startsWith('dynamic')
        ? 'dynamic-attribute'
        : 'duplicate-attribute',
  }));
  const references: VariableReference[] = [];
  const seen = new Set<number>();
  const unused: ScopeDiagnostic[] = [];

  const visit = (e: NExpr, env: Scope): void => {
    switch (e.k) {
      case 'var': {
        let withSeen = false;
        for (let s: Scope | undefined = env; s; s = s.parent) {
          if (s.withScope) {
            withSeen = true;
            continue;
          }
          const b = s.names?.get(e.name);
          if (b) {
            b.used = true;
            references.push({ name: e.name, span: e.span, definition: b.span, resolvedBy: 'binding' });
            return;
          }
        }
        if (GLOBAL_NAMES.has(e.name)) {
          if (e.span.end > e.span.start) references.push({ name: e.name, span: e.span, resolvedBy: 'builtin' });
          return;
        }
        if (withSeen) {
          references.push({ name: e.name, span: e.span, resolvedBy: 'with' });
          return;
        }
        // A shared `inherit (e)` source is visited once per name: report once.
        if (seen.has(e.span.start)) return;
        seen.add(e.span.start);
        diagnostics.push({ span: e.span, message: `undefined variable '${e.name}'`, severity: 'error', code: 'undefined-variable' });
        return;
      }
      case 'select':
        visit(e.e, env);
        for (const p of e.path) if ('expr' in p) visit(p.expr, env);
        if (e.def) visit(e.def, env);
        return;
      case 'hasattr':
        visit(e.e, env);
        for (const p of e.path) if ('expr' in p) visit(p.expr, env);
        return;
      case 'attrs':
        return attrs(e, env);
      case 'list':
        for (const i of e.items) visit(i, env);
        return;
      case 'lambda': {
        const names = new Map<string, Binder>();
        if (e.arg) names.set(e.arg.name, { span: e.arg.span, used: false, let: false });
        for (const f of e.formals?.names ?? []) names.set(f.name, { span: f.span, used: false, let: false });
        const inner: Scope = { names, withScope: false, parent: env };
        for (const f of e.formals?.names ?? []) if (f.def) visit(f.def, inner);
        visit(e.body, inner);
        return;
      }
      case 'call':
        visit(e.fn, env);
        for (const a of e.args) visit(a, env);
        return;
      case 'let': {
        const inner = bindNames(e.attrs, env, true);
        for (const def of e.attrs.attrs.values()) visit(def.e, def.inherited ? env : inner);
        for (const dyn of e.attrs.dyn) {
          visit(dyn.name, inner);
          visit(dyn.value, inner);
        }
        visit(e.body, inner);
        for (const [name, b] of inner.names ?? []) {
          if (!b.used && b.let) {
            unused.push({ span: b.span, message: `'${name}' is defined but never used`, severity: 'hint', code: 'unused-binding' });
          }
        }
        return;
      }
      case 'with':
        visit(e.env, env);
        visit(e.body, { names: undefined, withScope: true, parent: env });
        return;
      case 'if':
        visit(e.c, env);
        visit(e.t, env);
        visit(e.e, env);
        return;
      case 'assert':
        visit(e.c, env);
        visit(e.body, env);
        return;
      case 'not':
        visit(e.e, env);
        return;
      case 'bin':
        visit(e.a, env);
        visit(e.b, env);
        return;
      case 'concat':
        for (const p of e.parts) visit(p, env);
        return;
      default:
        return;
    }
  };

  const bindNames = (a: NAttrs, env: Scope, isLet: boolean): Scope => {
    const names = new Map<string, Binder>();
    for (const [name, def] of a.attrs) names.set(name, { span: def.keySpan, used: false, let: isLet });
    return { names, withScope: false, parent: env };
  };

  const attrs = (a: NAttrs, env: Scope): void => {
    const inner = a.rec ? bindNames(a, env, false) : env;
    for (const def of a.attrs.values()) visit(def.e, def.inherited ? env : inner);
    for (const dyn of a.dyn) {
      visit(dyn.name, inner);
      visit(dyn.value, inner);
    }
  };

  visit(e, { names: undefined, withScope: false, parent: undefined });
  diagnostics.push(...unused);
  diagnostics.sort((x, y) => x.span.start - y.span.start);
  return { diagnostics, references };
}
