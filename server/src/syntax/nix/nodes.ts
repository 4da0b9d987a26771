// The parser's node constructors, one per node type of ast.ts. A node holds its
// offsets itself: an 8 MB file is over a million nodes, and a `{ start, end }`
// object beside each was a third of the objects the garbage collector copied
// while the tree was built. Object literals, not class instances: V8 can learn
// at a literal that its objects live long and then allocate them straight in the
// old generation ("pretenuring"; it never does for `new`). When it does, the
// scavenges of an 8 MB parse copy about a third of what they copy otherwise (it
// decides from what unoptimised code allocated around a scavenge, so in a fresh
// process it is a matter of timing; in the server, after the first files, it has
// decided). `parent` is in every literal so no node changes shape when linked.
import type { Span } from '../value';
import type * as A from './ast';

export function intNode(raw: string, start: number, end: number): A.Int {
  return { type: 'Int', raw, start, end, parent: undefined };
}

export function floatNode(raw: string, start: number, end: number): A.Float {
  return { type: 'Float', raw, start, end, parent: undefined };
}

export function textNode(value: string, start: number, end: number): A.Text {
  return { type: 'Text', value, start, end, parent: undefined };
}

export function interpNode(expr: A.Expr, start: number, end: number): A.Interp {
  return { type: 'Interp', expr, start, end, parent: undefined };
}

export function strNode(parts: A.StrPart[], start: number, end: number): A.Str {
  return { type: 'Str', parts, start, end, parent: undefined };
}

export function indStrNode(parts: A.StrPart[], start: number, end: number): A.IndStr {
  return { type: 'IndStr', parts, start, end, parent: undefined };
}

export function pathNode(first: string, home: boolean, parts: A.StrPart[], start: number, end: number): A.Path {
  return { type: 'Path', first, home, parts, start, end, parent: undefined };
}

export function sPathNode(name: string, start: number, end: number): A.SPath {
  return { type: 'SPath', name, start, end, parent: undefined };
}

export function uriNode(text: string, start: number, end: number): A.Uri {
  return { type: 'Uri', text, start, end, parent: undefined };
}

export function varNode(name: string, start: number, end: number): A.Var {
  return { type: 'Var', name, start, end, parent: undefined };
}

export function identNode(name: string, start: number, end: number): A.Ident {
  return { type: 'Ident', name, start, end, parent: undefined };
}

export function attrPathNode(names: A.AttrName[], start: number, end: number): A.AttrPath {
  return { type: 'AttrPath', names, start, end, parent: undefined };
}

export function selectNode(target: A.Expr, path: A.AttrPath, def: A.Expr | undefined, start: number, end: number): A.Select {
  return { type: 'Select', target, path, default: def, start, end, parent: undefined };
}

export function hasAttrNode(target: A.Expr, path: A.AttrPath, start: number, end: number): A.HasAttr {
  return { type: 'HasAttr', target, path, start, end, parent: undefined };
}

export function applyNode(fn: A.Expr, arg: A.Expr, start: number, end: number): A.Apply {
  return { type: 'Apply', fn, arg, start, end, parent: undefined };
}

/** `x |> f`, `f <| x`: the call, with the operator as written. */
export function pipeNode(fn: A.Expr, arg: A.Expr, pipe: A.Pipe, start: number, end: number): A.Apply {
  return { type: 'Apply', fn, arg, pipe, start, end, parent: undefined };
}

export function unaryNode(op: '!' | '-', operand: A.Expr, start: number, end: number): A.Unary {
  return { type: 'Unary', op, operand, start, end, parent: undefined };
}

export function binaryNode(op: A.BinaryOp, opSpan: Span, left: A.Expr, right: A.Expr, start: number, end: number): A.Binary {
  return { type: 'Binary', op, opSpan, left, right, start, end, parent: undefined };
}

export function parenNode(expr: A.Expr, start: number, end: number): A.Paren {
  return { type: 'Paren', expr, start, end, parent: undefined };
}

export function listNode(items: A.Expr[], start: number, end: number): A.List {
  return { type: 'List', items, start, end, parent: undefined };
}

export function attrDefNode(path: A.AttrPath, value: A.Expr, start: number, end: number): A.AttrDef {
  return { type: 'AttrDef', path, value, start, end, parent: undefined };
}

export function inheritNode(from: A.Expr | undefined, names: A.AttrName[], start: number, end: number): A.Inherit {
  return { type: 'Inherit', from, names, start, end, parent: undefined };
}

export function attrSetNode(rec: boolean, bindings: A.Binding[], start: number, end: number): A.AttrSet {
  return { type: 'AttrSet', rec, bindings, start, end, parent: undefined };
}

export function legacyLetNode(bindings: A.Binding[], start: number, end: number): A.LegacyLet {
  return { type: 'LegacyLet', bindings, start, end, parent: undefined };
}

export function letNode(bindings: A.Binding[], body: A.Expr, start: number, end: number): A.Let {
  return { type: 'Let', bindings, body, start, end, parent: undefined };
}

export function withNode(env: A.Expr, body: A.Expr, start: number, end: number): A.With {
  return { type: 'With', env, body, start, end, parent: undefined };
}

export function assertNode(cond: A.Expr, body: A.Expr, start: number, end: number): A.Assert {
  return { type: 'Assert', cond, body, start, end, parent: undefined };
}

export function ifNode(cond: A.Expr, then: A.Expr, els: A.Expr, start: number, end: number): A.If {
  return { type: 'If', cond, then, else: els, start, end, parent: undefined };
}

export function formalNode(name: A.Ident, def: A.Expr | undefined, start: number, end: number): A.Formal {
  return { type: 'Formal', name, default: def, start, end, parent: undefined };
}

export function formalsNode(entries: A.Formal[], ellipsis: boolean, start: number, end: number): A.Formals {
  return { type: 'Formals', entries, ellipsis, start, end, parent: undefined };
}

export function lambdaNode(param: A.Ident | undefined, formals: A.Formals | undefined, body: A.Expr, start: number, end: number): A.Lambda {
  return { type: 'Lambda', param, formals, body, start, end, parent: undefined };
}

export function errorExprNode(start: number, end: number): A.ErrorExpr {
  return { type: 'Error', start, end, parent: undefined };
}
