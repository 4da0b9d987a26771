// The option definitions a NixOS module writes, read from its syntax: every
// leaf binding of its configuration (the module itself, or its `config`
// attribute), with the path it defines, the span of each key, and the value
// node. Looks through `lib.mkIf c { … }`, `mkDefault`/`mkForce`/`mkOverride`,
// `lib.mkMerge [ … ]`, parentheses, `let … in`, `with` and the module's
// function; skips `imports`, `options` and the module system's own keys. An
// empty set (`x = { };`) is a definition of `x` itself, as the module system
// sees it. A Home Manager module written inline (`home-manager.users.<u> =
// { … }`) is read as the module it is, its definitions under that prefix.
import type * as A from '../../syntax/nix/ast';
import { attrNameText } from '../../syntax/nix/navigate';
import type { Span } from '../../syntax/value';
import { spanOf } from '../../syntax/value';

export interface OptionDefinition {
  path: string[];
  /** The span of each path segment's key, in order. */
  keySpans: Span[];
  /** The binding whose dotted key holds the last segment (for a whole-key replacement). */
  binding: A.AttrDef;
  /** How many leading segments that binding's own key holds, counted from the end of `path`. */
  bindingSegments: number;
  value: A.Expr;
}

const NOT_CONFIG = new Set(['imports', 'options', '_file', 'key', 'disabledModules', 'meta', 'freeformType']);
const WRAPPERS = new Set(['mkIf', 'mkDefault', 'mkForce', 'mkOverride', 'mkBefore', 'mkAfter', 'mkOrder']);

function unwrap(e: A.Expr): A.Expr {
  for (let i = 0; i < 50; i++) {
    if (e.type === 'Paren') e = e.expr;
    else if (e.type === 'Let' || e.type === 'With' || e.type === 'Assert') e = e.body;
    else return e;
  }
  return e;
}

/** The called function's last name (`lib.mkIf` → mkIf) and the arguments of a curried call. */
function call(e: A.Expr): { fn: string; args: A.Expr[] } | undefined {
  const args: A.Expr[] = [];
  let f: A.Expr = e;
  while (f.type === 'Apply') {
    args.unshift(f.arg);
    f = unwrap(f.fn);
  }
  if (!args.length) return undefined;
  if (f.type === 'Var') return { fn: f.name, args };
  if (f.type === 'Select') {
    const last = f.path.names[f.path.names.length - 1];
    const name = last ? attrNameText(last) : undefined;
    return name ? { fn: name, args } : undefined;
  }
  return undefined;
}

const cache = new WeakMap<A.Expr, OptionDefinition[]>();

export function moduleDefinitions(root: A.Expr): OptionDefinition[] {
  const cached = cache.get(root);
  if (cached) return cached;
  const out: OptionDefinition[] = [];
  cache.set(root, out);
  let top = unwrap(root);
  if (top.type === 'Lambda') top = unwrap(top.body);
  if (top.type !== 'AttrSet') return out;
  const full = top.bindings.some((b) => b.type === 'AttrDef' && (attrNameText(b.path.names[0]) === 'config' || attrNameText(b.path.names[0]) === 'options'));
  const visit = (e: A.Expr, path: string[], spans: Span[], depth: number): void => {
    if (depth > 60) return;
    const v = unwrap(e);
    const c = v.type === 'Apply' ? call(v) : undefined;
    if (c && WRAPPERS.has(c.fn)) return visit(c.args[c.args.length - 1], path, spans, depth + 1);
    if (c && c.fn === 'mkMerge') {
      const list = unwrap(c.args[0]);
      if (list.type === 'List') for (const item of list.items) visit(item, path, spans, depth + 1);
      return;
    }
    if (v.type !== 'AttrSet' || v.rec) return;
    for (const b of v.bindings) {
      if (b.type !== 'AttrDef') continue;
      const keys = b.path.names.map(attrNameText);
      if (keys.some((k) => k === undefined)) continue;
      const p = [...path, ...(keys as string[])];
      const s = [...spans, ...b.path.names.map((n) => spanOf(n))];
      const inner = unwrap(b.value);
      const innerCall = inner.type === 'Apply' ? call(inner) : undefined;
      if (isHomeUser(p) && (inner.type === 'Lambda' || (inner.type === 'AttrSet' && !inner.rec))) {
        // `home-manager.users.<u> = { … }` is a module of its own (its `imports`, `config`, function).
        for (const d of moduleDefinitions(inner)) out.push({ ...d, path: [...p, ...d.path], keySpans: [...s, ...d.keySpans] });
      } else if (inner.type === 'AttrSet' && !inner.rec && inner.bindings.length > 0) visit(b.value, p, s, depth + 1);
      else if (innerCall && (WRAPPERS.has(innerCall.fn) || innerCall.fn === 'mkMerge') && isSetLike(innerCall)) visit(b.value, p, s, depth + 1);
      else out.push({ path: p, keySpans: s, binding: b, bindingSegments: keys.length, value: b.value });
    }
  };
  for (const b of top.bindings) {
    if (b.type !== 'AttrDef') continue;
    const keys = b.path.names.map(attrNameText);
    if (keys.some((k) => k === undefined)) continue;
    const [first, ...rest] = keys as string[];
    if (NOT_CONFIG.has(first)) continue;
    if (first === 'config') {
      if (rest.length === 0) visit(b.value, [], [], 0);
      else visit({ type: 'AttrSet', rec: false, bindings: [{ ...b, path: { ...b.path, names: b.path.names.slice(1) } }], start: b.start, end: b.end }, [], [], 0);
      continue;
    }
    if (full) continue; // a full module's definitions are all under `config`
    visit({ type: 'AttrSet', rec: false, bindings: [b], start: b.start, end: b.end }, [], [], 0);
  }
  return out;
}

/** The value a definition gives, inside the module system's wrappers (`lib.mkForce 42` → 42). */
export function definedValue(e: A.Expr): A.Expr {
  let v = unwrap(e);
  for (let i = 0; i < 20; i++) {
    const c = v.type === 'Apply' ? call(v) : undefined;
    if (!c || !WRAPPERS.has(c.fn)) return v;
    v = unwrap(c.args[c.args.length - 1]);
  }
  return v;
}

function isHomeUser(p: string[]): boolean {
  return p.length === 3 && p[0] === 'home-manager' && p[1] === 'users';
}

function isSetLike(c: { fn: string; args: A.Expr[] }): boolean {
  const last = unwrap(c.args[c.args.length - 1]);
  return last.type === 'AttrSet' || last.type === 'List';
}
