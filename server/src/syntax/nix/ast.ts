// The Nix syntax tree: one node type per construct as written (no desugaring),
// each with its source offsets and a parent link, so features can go from an offset
// to the binding under the cursor and back up. Comments are kept beside the tree
// (ParseResult.comments) and found by position.
import type { Span } from '../value';

export type BinaryOp =
  | '->' | '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '//' | '+' | '-' | '*' | '/' | '++';

/**
 * Every node holds its offsets itself (a node is a `Span`): no `{ start, end }` object
 * beside each of a million nodes. Keep a node's place with `spanOf(node)`, not the node:
 * a node keeps its whole tree alive through `parent`.
 *
 * The parser writes each node as an object literal where it is built, `parent` included
 * (no node changes shape when it is linked). V8 can learn at a literal that its objects
 * live long, and then allocate them straight in the old generation ("pretenuring"); it
 * never does for `new`, and it learns only from what unoptimised code allocated around a
 * scavenge, so literals in the parser's larger functions (not in small helper functions,
 * optimised at once) are what it learns from: on the 8 MB benchmark file, scavenges copy
 * about 50 MB instead of 90 (spans as objects) or 210 (nodes made by helper functions).
 * In a fresh process that learning is a coin flip: V8 decides only at a scavenge with the young
 * generation at its full 16 MB (it starts at 1 MB: ~9 scavenges, ~28 MB of tree, in), and at
 * that scavenge pages promoted whole hide part of the survivors from its count, so a site of
 * the tree can score 0.62–0.84 (< 0.85) and is never pretenured; its nodes are then copied
 * twice. `--trace-pretenuring-statistics` shows it; `--no-page-promotion` (every site 1.0) or
 * `--min-semi-space-size=16` (the decision at the first scavenge) remove it, flags for whoever
 * starts the process, not for the parser.
 */
interface Base {
  readonly start: number;
  readonly end: number;
  parent?: Node;
}

export interface Int extends Base { type: 'Int'; raw: string }
export interface Float extends Base { type: 'Float'; raw: string }
/** Literal text inside a string or path; `escape` marks ''-escapes (they take no part in indentation). */
export interface Text extends Base { type: 'Text'; value: string; escape?: boolean }
/** `${ expr }` inside a string, a path or as an attribute name. */
export interface Interp extends Base { type: 'Interp'; expr: Expr }
export type StrPart = Text | Interp;
export interface Str extends Base { type: 'Str'; parts: StrPart[] }
export interface IndStr extends Base { type: 'IndStr'; parts: StrPart[] }
/** `./a/${b}`: `first` is the first segment as written, `parts` what follows. */
export interface Path extends Base { type: 'Path'; first: string; home: boolean; parts: StrPart[] }
export interface SPath extends Base { type: 'SPath'; name: string }
export interface Uri extends Base { type: 'Uri'; text: string }
export interface Var extends Base { type: 'Var'; name: string }
export interface Ident extends Base { type: 'Ident'; name: string }
export type AttrName = Ident | Str | Interp;
export interface AttrPath extends Base { type: 'AttrPath'; names: AttrName[] }
export interface Select extends Base { type: 'Select'; target: Expr; path: AttrPath; default?: Expr }
export interface HasAttr extends Base { type: 'HasAttr'; target: Expr; path: AttrPath }
/**
 * `f x`, and also `x |> f` and `f <| x` (Nix's `pipe-operators`): Nix builds the same call for
 * all three, so every reader of calls sees a pipeline as the call it is. `pipe` keeps the
 * operator as written (and which side came first).
 */
export interface Apply extends Base { type: 'Apply'; fn: Expr; arg: Expr; pipe?: Pipe }
export type PipeOp = '|>' | '<|';
export interface Pipe { op: PipeOp; opSpan: Span }
export interface Unary extends Base { type: 'Unary'; op: '!' | '-'; operand: Expr }
export interface Binary extends Base { type: 'Binary'; op: BinaryOp; opSpan: Span; left: Expr; right: Expr }
export interface Paren extends Base { type: 'Paren'; expr: Expr }
export interface List extends Base { type: 'List'; items: Expr[] }
export interface AttrDef extends Base { type: 'AttrDef'; path: AttrPath; value: Expr }
export interface Inherit extends Base { type: 'Inherit'; from?: Expr; names: AttrName[] }
export type Binding = AttrDef | Inherit;
export interface AttrSet extends Base { type: 'AttrSet'; rec: boolean; bindings: Binding[] }
/** Legacy `let { ...; body = e; }`. */
export interface LegacyLet extends Base { type: 'LegacyLet'; bindings: Binding[] }
export interface Let extends Base { type: 'Let'; bindings: Binding[]; body: Expr }
export interface With extends Base { type: 'With'; env: Expr; body: Expr }
export interface Assert extends Base { type: 'Assert'; cond: Expr; body: Expr }
export interface If extends Base { type: 'If'; cond: Expr; then: Expr; else: Expr }
export interface Formal extends Base { type: 'Formal'; name: Ident; default?: Expr }
export interface Formals extends Base { type: 'Formals'; entries: Formal[]; ellipsis: boolean }
export interface Lambda extends Base { type: 'Lambda'; param?: Ident; formals?: Formals; body: Expr }
/** Stands for a missing or unparseable expression (an error was reported). */
export interface ErrorExpr extends Base { type: 'Error' }

export type Expr =
  | Int | Float | Str | IndStr | Path | SPath | Uri | Var | Select | HasAttr | Apply
  | Unary | Binary | Paren | List | AttrSet | LegacyLet | Let | With | Assert | If
  | Lambda | ErrorExpr;

export type Node = Expr | Text | Interp | Ident | AttrPath | AttrDef | Inherit | Formal | Formals;

/** Calls `f` on each direct child in source order. */
export function forEachChild(node: Node, f: (child: Node) => void): void {
  switch (node.type) {
    case 'Str':
    case 'IndStr':
    case 'Path':
      for (const p of node.parts) f(p);
      return;
    case 'Interp':
      f(node.expr);
      return;
    case 'AttrPath':
      for (const a of node.names) f(a);
      return;
    case 'Select':
      f(node.target);
      f(node.path);
      if (node.default) f(node.default);
      return;
    case 'HasAttr':
      f(node.target);
      f(node.path);
      return;
    case 'Apply':
      // `x |> f` is written argument first.
      if (node.pipe?.op === '|>') {
        f(node.arg);
        f(node.fn);
      } else {
        f(node.fn);
        f(node.arg);
      }
      return;
    case 'Unary':
      f(node.operand);
      return;
    case 'Binary':
      f(node.left);
      f(node.right);
      return;
    case 'Paren':
      f(node.expr);
      return;
    case 'List':
      for (const e of node.items) f(e);
      return;
    case 'AttrSet':
    case 'LegacyLet':
      for (const b of node.bindings) f(b);
      return;
    case 'Let':
      for (const b of node.bindings) f(b);
      f(node.body);
      return;
    case 'AttrDef':
      f(node.path);
      f(node.value);
      return;
    case 'Inherit':
      if (node.from) f(node.from);
      for (const a of node.names) f(a);
      return;
    case 'With':
      f(node.env);
      f(node.body);
      return;
    case 'Assert':
      f(node.cond);
      f(node.body);
      return;
    case 'If':
      f(node.cond);
      f(node.then);
      f(node.else);
      return;
    case 'Formal':
      f(node.name);
      if (node.default) f(node.default);
      return;
    case 'Formals':
      for (const e of node.entries) f(e);
      return;
    case 'Lambda':
      // Source order differs between `x@{..}:` and `{..}@x:`.
      if (node.param && node.formals && node.param.start > node.formals.start) {
        f(node.formals);
        f(node.param);
      } else {
        if (node.param) f(node.param);
        if (node.formals) f(node.formals);
      }
      f(node.body);
      return;
    default:
      return;
  }
}

// The parser links each node to its parent as it builds the parent (the children
// are at hand then): no second walk over a tree of a million nodes, and every
// node is created with its `parent` slot, so no node grows a property later.

/** Makes `parent` the parent of `child`, when there is one. */
export function adopt(parent: Node, child: Node | undefined): void {
  if (child) child.parent = parent;
}

/** Makes `parent` the parent of each of `children`. */
export function adoptAll(parent: Node, children: readonly Node[]): void {
  for (let i = 0; i < children.length; i++) children[i].parent = parent;
}
