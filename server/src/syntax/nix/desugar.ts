// Lowers the syntax tree to the expression tree Nix 2.x's own parser builds
// (operators become calls such as `__sub`, `let {}` becomes `(rec {}).body`,
// dotted keys are merged into nested sets, indented strings are stripped), with
// the semantic errors Nix reports while doing so (duplicate attributes,
// duplicate formals, dynamic attributes in let/inherit). The normal-form printer
// and the scope analysis both work on this tree.
import type * as A from './ast';
import type { Span } from '../value';
import { LineIndex } from '../lineIndex';
import { spanOf } from '../value';

export type NAttrName = { name: string; span: Span } | { expr: NExpr; span: Span };
export interface NAttrDef {
  e: NExpr;
  inherited: boolean;
  /** The key as written (for diagnostics). */
  keySpan: Span;
  /** Where Nix says the attribute was defined: the start of the whole attribute path. */
  defPos?: number;
}
export interface NAttrs {
  k: 'attrs';
  rec: boolean;
  attrs: Map<string, NAttrDef>;
  dyn: { name: NExpr; value: NExpr }[];
  span: Span;
}
export type NExpr =
  | { k: 'int'; raw: string }
  | { k: 'float'; raw: string }
  | { k: 'string'; s: string; span: Span }
  | { k: 'path'; node: A.Path }
  | { k: 'var'; name: string; span: Span }
  | { k: 'pos' }
  | { k: 'select'; e: NExpr; path: NAttrName[]; def?: NExpr }
  | { k: 'hasattr'; e: NExpr; path: NAttrName[] }
  | NAttrs
  | { k: 'list'; items: NExpr[] }
  | { k: 'lambda'; arg?: { name: string; span: Span }; formals?: { names: { name: string; span: Span; def?: NExpr }[]; ellipsis: boolean }; body: NExpr }
  | { k: 'call'; fn: NExpr; args: NExpr[] }
  | { k: 'let'; attrs: NAttrs; body: NExpr }
  | { k: 'with'; env: NExpr; body: NExpr; span: Span }
  | { k: 'if'; c: NExpr; t: NExpr; e: NExpr }
  | { k: 'assert'; c: NExpr; body: NExpr }
  | { k: 'not'; e: NExpr }
  | { k: 'bin'; op: '==' | '!=' | '&&' | '||' | '->' | '//' | '++'; a: NExpr; b: NExpr }
  | { k: 'concat'; parts: NExpr[] }
  | { k: 'error' };

export interface SemanticError {
  span: Span;
  message: string;
  /**
   * Two literal sets under one key whose own keys meet again as literal sets
   * (`{ a.b.c = 1; a = { b = { d = 2; }; }; }`): Nix 2.8 rejects this, while
   * newer Nix and Lix merge the sets recursively, so the file works there.
   */
  mergedByNewerNix?: true;
}

const NO_SPAN: Span = { start: 0, end: 0 };
const v = (name: string, span: Span = NO_SPAN): NExpr => ({ k: 'var', name, span });

export class Desugarer {
  readonly errors: SemanticError[] = [];
  constructor(private readonly text: string) {}

  private err(span: Span, message: string, mergedByNewerNix?: true) {
    this.errors.push({ span, message, ...(mergedByNewerNix ? { mergedByNewerNix } : {}) });
  }

  expr(n: A.Expr): NExpr {
    switch (n.type) {
      case 'Int':
        return { k: 'int', raw: n.raw };
      case 'Float':
        return { k: 'float', raw: n.raw };
      case 'Str':
        return this.str(n);
      case 'IndStr':
        return stripIndentation(n, (e) => this.expr(e));
      case 'Path':
        if (n.parts.length === 0) return { k: 'path', node: n };
        return { k: 'concat', parts: [{ k: 'path', node: n }, ...n.parts.map((p) => this.part(p))] };
      case 'SPath':
        return { k: 'call', fn: v('__findFile'), args: [v('__nixPath'), { k: 'string', s: n.name, span: spanOf(n) }] };
      case 'Uri':
        return { k: 'string', s: n.text, span: spanOf(n) };
      case 'Var':
        return n.name === '__curPos' ? { k: 'pos' } : v(n.name, spanOf(n));
      case 'Select':
        return { k: 'select', e: this.expr(n.target), path: this.attrPath(n.path), def: n.default && this.expr(n.default) };
      case 'HasAttr':
        return { k: 'hasattr', e: this.expr(n.target), path: this.attrPath(n.path) };
      case 'Apply': {
        const fn = this.expr(n.fn);
        const arg = this.expr(n.arg);
        if (fn.k === 'call') {
          fn.args.push(arg);
          return fn;
        }
        return { k: 'call', fn, args: [arg] };
      }
      case 'Unary':
        return n.op === '!'
          ? { k: 'not', e: this.expr(n.operand) }
          : { k: 'call', fn: v('__sub'), args: [{ k: 'int', raw: '0' }, this.expr(n.operand)] };
      case 'Binary': {
        const a = this.expr(n.left);
        const b = this.expr(n.right);
        switch (n.op) {
          case '+':
            return { k: 'concat', parts: [a, b] };
          case '-':
            return { k: 'call', fn: v('__sub'), args: [a, b] };
          case '*':
            return { k: 'call', fn: v('__mul'), args: [a, b] };
          case '/':
            return { k: 'call', fn: v('__div'), args: [a, b] };
          case '<':
            return { k: 'call', fn: v('__lessThan'), args: [a, b] };
          case '>':
            return { k: 'call', fn: v('__lessThan'), args: [b, a] };
          case '<=':
            return { k: 'not', e: { k: 'call', fn: v('__lessThan'), args: [b, a] } };
          case '>=':
            return { k: 'not', e: { k: 'call', fn: v('__lessThan'), args: [a, b] } };
          default:
            return { k: 'bin', op: n.op, a, b };
        }
      }
      case 'Paren':
        return this.expr(n.expr);
      case 'List':
        return { k: 'list', items: n.items.map((e) => this.expr(e)) };
      case 'AttrSet':
        return this.binds(n.bindings, n.rec, spanOf(n));
      case 'LegacyLet':
        return { k: 'select', e: this.binds(n.bindings, true, spanOf(n)), path: [{ name: 'body', span: spanOf(n) }] };
      case 'Let': {
        const attrs = this.binds(n.bindings, false, spanOf(n));
        if (attrs.dyn.length) this.err(spanOf(n), 'dynamic attributes are not allowed in let');
        return { k: 'let', attrs, body: this.expr(n.body) };
      }
      case 'With':
        return { k: 'with', env: this.expr(n.env), body: this.expr(n.body), span: spanOf(n) };
      case 'Assert':
        return { k: 'assert', c: this.expr(n.cond), body: this.expr(n.body) };
      case 'If':
        return { k: 'if', c: this.expr(n.cond), t: this.expr(n.then), e: this.expr(n.else) };
      case 'Lambda':
        return this.lambda(n);
      case 'Error':
        return { k: 'error' };
    }
  }

  private part(p: A.StrPart): NExpr {
    return p.type === 'Text' ? { k: 'string', s: p.value, span: spanOf(p) } : this.expr(p.expr);
  }

  private str(n: A.Str): NExpr {
    if (n.parts.length === 0) return { k: 'string', s: '', span: spanOf(n) };
    if (n.parts.length === 1 && n.parts[0].type === 'Text') return { k: 'string', s: n.parts[0].value, span: spanOf(n) };
    return { k: 'concat', parts: n.parts.map((p) => this.part(p)) };
  }

  /** A name is static when it desugars to a plain string (Nix's `dynamic_cast<ExprString *>`). */
  attrName(a: A.AttrName): NAttrName {
    if (a.type === 'Ident') return { name: a.name, span: spanOf(a) };
    const e = a.type === 'Str' ? this.str(a) : this.expr(a.expr);
    return e.k === 'string' ? { name: e.s, span: spanOf(a) } : { expr: e, span: spanOf(a) };
  }

  attrPath(p: A.AttrPath): NAttrName[] {
    return p.names.map((a) => this.attrName(a));
  }

  private lambda(n: A.Lambda): NExpr {
    let formals: { names: { name: string; span: Span; def?: NExpr }[]; ellipsis: boolean } | undefined;
    if (n.formals) {
      const seen = new Set<string>();
      formals = { names: [], ellipsis: n.formals.ellipsis };
      for (const f of n.formals.entries) {
        if (seen.has(f.name.name)) this.err(spanOf(f.name), `duplicate formal function argument '${f.name.name}'`);
        seen.add(f.name.name);
        formals.names.push({ name: f.name.name, span: spanOf(f.name), def: f.default && this.expr(f.default) });
      }
      if (n.param && seen.has(n.param.name)) this.err(spanOf(n.param), `duplicate formal function argument '${n.param.name}'`);
    }
    return {
      k: 'lambda',
      arg: n.param && { name: n.param.name, span: spanOf(n.param) },
      formals,
      body: this.expr(n.body),
    };
  }

  private dup(label: string, span: Span, prev: NAttrDef, mergedByNewerNix?: true) {
    this.err(span, `attribute '${label}' already defined at ${this.lineCol(prev.defPos ?? prev.keySpan.start)}`, mergedByNewerNix);
  }

  /** Newer Nix's recursive merge of two literal sets (Nix 2.8 stops at the first key they share). */
  private mergeDeep(into: NAttrs, from: NAttrs): void {
    for (const [name, def] of from.attrs) {
      const j = into.attrs.get(name);
      if (!j) into.attrs.set(name, def);
      else if (!j.inherited && !def.inherited && j.e.k === 'attrs' && def.e.k === 'attrs') this.mergeDeep(j.e, def.e);
      else this.dup(name, def.keySpan, j);
    }
    into.dyn.push(...from.dyn);
  }

  private lines: LineIndex | undefined;
  private lineCol(offset: number): string {
    this.lines ??= new LineIndex(this.text);
    const p = this.lines.positionAt(offset);
    return `line ${p.line + 1}, column ${p.character + 1}`;
  }

  binds(bindings: A.Binding[], rec: boolean, span: Span): NAttrs {
    const out: NAttrs = { k: 'attrs', rec, attrs: new Map(), dyn: [], span };
    for (const b of bindings) {
      if (b.type === 'Inherit') {
        const from = b.from && this.expr(b.from);
        for (const a of b.names) {
          const name = this.attrName(a);
          if (!('name' in name)) {
            this.err(spanOf(a), 'dynamic attributes are not allowed in inherit');
            continue;
          }
          const prev = out.attrs.get(name.name);
          if (prev) {
            this.dup(name.name, spanOf(a), prev);
            continue;
          }
          out.attrs.set(name.name, from
            ? { e: { k: 'select', e: from, path: [name] }, inherited: false, keySpan: spanOf(a) }
            : { e: v(name.name, spanOf(a)), inherited: true, keySpan: spanOf(a) });
        }
      } else if (b.path.names.length > 0) {
        this.addAttr(out, this.attrPath(b.path), this.expr(b.value), b.path);
      }
    }
    return out;
  }

  /** Nix's addAttr: nested paths create or extend sets; two literal sets under one key merge. */
  private addAttr(top: NAttrs, path: NAttrName[], e: NExpr, node: A.AttrPath) {
    let attrs = top;
    for (let i = 0; i < path.length - 1; i++) {
      const p = path[i];
      if ('name' in p) {
        const j = attrs.attrs.get(p.name);
        if (j) {
          if (j.inherited || j.e.k !== 'attrs') return this.dup(pathLabel(path), spanOf(node), j);
          attrs = j.e;
        } else {
          const nested: NAttrs = { k: 'attrs', rec: false, attrs: new Map(), dyn: [], span: spanOf(node) };
          attrs.attrs.set(p.name, { e: nested, inherited: false, keySpan: p.span, defPos: node.start });
          attrs = nested;
        }
      } else {
        const nested: NAttrs = { k: 'attrs', rec: false, attrs: new Map(), dyn: [], span: spanOf(node) };
        attrs.dyn.push({ name: p.expr, value: nested });
        attrs = nested;
      }
    }
    const last = path[path.length - 1];
    if (!('name' in last)) {
      attrs.dyn.push({ name: last.expr, value: e });
      return;
    }
    const j = attrs.attrs.get(last.name);
    if (!j) {
      attrs.attrs.set(last.name, { e, inherited: false, keySpan: last.span, defPos: node.start });
      return;
    }
    if (!j.inherited && j.e.k === 'attrs' && e.k === 'attrs') {
      // Nix moves the static attributes of the second set into the first (its
      // `rec` and dynamic attributes are dropped, exactly as Nix 2.x does).
      for (const [name, def] of e.attrs) {
        const j2 = j.e.attrs.get(name);
        if (!j2) j.e.attrs.set(name, def);
        else if (!j2.inherited && !def.inherited && j2.e.k === 'attrs' && def.e.k === 'attrs') {
          // Nix 2.8's error, but the value newer Nix gives: evaluation follows the Nix that accepts the file.
          this.dup(name, def.keySpan, j2, true);
          this.mergeDeep(j2.e, def.e);
        } else this.dup(name, def.keySpan, j2);
      }
      return;
    }
    this.dup(pathLabel(path), spanOf(node), j);
  }
}

/** An attribute path as a duplicate's message names it (made only then: addAttr runs for every key of every file). */
function pathLabel(path: NAttrName[]): string {
  return path.map((p) => ('name' in p ? p.name : '"${..}"')).join('.');
}

type IndTok = { value: string; indent: boolean; span: Span } | { expr: A.Expr };

/** Nix's stripIndentation, token by token, so the result prints as Nix prints it. */
export function stripIndentation(n: A.IndStr, lower: (e: A.Expr) => NExpr): NExpr {
  const es: IndTok[] = n.parts.map((p) =>
    p.type === 'Text' ? { value: p.value, indent: !p.escape, span: spanOf(p) } : { expr: p.expr },
  );
  if (es.length === 0) return { k: 'string', s: '', span: spanOf(n) };
  let atStartOfLine = true;
  let minIndent = 1000000;
  let curIndent = 0;
  for (const t of es) {
    if (!('value' in t) || !t.indent) {
      if (atStartOfLine) {
        atStartOfLine = false;
        if (curIndent < minIndent) minIndent = curIndent;
      }
      continue;
    }
    const s = t.value;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (atStartOfLine) {
        if (c === 32) curIndent++;
        else if (c === 10) curIndent = 0;
        else {
          atStartOfLine = false;
          if (curIndent < minIndent) minIndent = curIndent;
        }
      } else if (c === 10) {
        atStartOfLine = true;
        curIndent = 0;
      }
    }
  }
  const out: NExpr[] = [];
  atStartOfLine = true;
  let curDropped = 0;
  let remaining = es.length;
  for (const t of es) {
    if (!('value' in t)) {
      atStartOfLine = false;
      curDropped = 0;
      out.push(lower(t.expr));
    } else {
      const s = t.value;
      let s2 = '';
      let from = 0;
      for (let j = 0; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (atStartOfLine) {
          if (c === 32) {
            if (curDropped++ < minIndent) {
              s2 += s.slice(from, j);
              from = j + 1;
            }
          } else if (c === 10) curDropped = 0;
          else {
            atStartOfLine = false;
            curDropped = 0;
          }
        } else if (c === 10) atStartOfLine = true;
      }
      s2 += s.slice(from);
      if (remaining === 1) {
        const p = s2.lastIndexOf('\n');
        if (p >= 0 && /^ *$/.test(s2.slice(p + 1))) s2 = s2.slice(0, p + 1);
      }
      out.push({ k: 'string', s: s2, span: t.span });
    }
    remaining--;
  }
  if (out.length === 1 && out[0].k === 'string') return out[0];
  return { k: 'concat', parts: out };
}
