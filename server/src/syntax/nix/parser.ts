// Recursive-descent / Pratt parser for Nix expressions, following the grammar
// and operator precedences of Nix 2.x's bison parser. Never throws; missing
// pieces become `Error` nodes and are reported once. Nesting is bounded
// (ParserState.enter), so deeply nested input cannot overflow the stack.
import type * as A from './ast';
import { adopt, adoptAll } from './ast';
import { lex } from './lexer';
import { parseAttrPath, parseBinds, parseIndStr, parsePath, parseStr, looksLikeFormals } from './parseParts';
import { parseFormalsLambda, parseIf, parseLet, parseNamedLambda, parseWithOrAssert } from './parseKeywords';
import { ParserState, type ParseError } from './parserState';
import { LexScratch, Tok as TokEnum, type Comment } from './tokens';
// A local alias: reading an imported binding goes through a getter (slow in the hot loop).
const Tok = TokEnum;
type Tok = TokEnum;

export interface ParseResult {
  root: A.Expr;
  /** Syntax errors, in source order. Semantic ones come from analyzeScopes. */
  errors: ParseError[];
  comments: Comment[];
  text: string;
  /** Units of work done (tokens + loop iterations); grows linearly with the input. */
  work: number;
}

// Binding powers (Nix's %left/%right/%nonassoc table, low to high).
const enum Bp {
  IMPL = 2,
  OR = 4,
  AND = 6,
  EQ = 8,
  CMP = 10,
  UPDATE = 12,
  NOT = 14,
  ADD = 16,
  MUL = 18,
  CONCAT = 20,
  HAS = 22,
  NEG = 24,
}
interface OpInfo {
  op: A.BinaryOp;
  lbp: number;
  rbp: number;
  nonassoc?: boolean;
}
const OPS = new Map<Tok, OpInfo>([
  [Tok.IMPL, { op: '->', lbp: Bp.IMPL, rbp: Bp.IMPL }],
  [Tok.OR, { op: '||', lbp: Bp.OR, rbp: Bp.OR + 1 }],
  [Tok.AND, { op: '&&', lbp: Bp.AND, rbp: Bp.AND + 1 }],
  [Tok.EQ, { op: '==', lbp: Bp.EQ, rbp: Bp.EQ + 1, nonassoc: true }],
  [Tok.NEQ, { op: '!=', lbp: Bp.EQ, rbp: Bp.EQ + 1, nonassoc: true }],
  [Tok.LT, { op: '<', lbp: Bp.CMP, rbp: Bp.CMP + 1, nonassoc: true }],
  [Tok.GT, { op: '>', lbp: Bp.CMP, rbp: Bp.CMP + 1, nonassoc: true }],
  [Tok.LEQ, { op: '<=', lbp: Bp.CMP, rbp: Bp.CMP + 1, nonassoc: true }],
  [Tok.GEQ, { op: '>=', lbp: Bp.CMP, rbp: Bp.CMP + 1, nonassoc: true }],
  [Tok.UPDATE, { op: '//', lbp: Bp.UPDATE, rbp: Bp.UPDATE }],
  [Tok.PLUS, { op: '+', lbp: Bp.ADD, rbp: Bp.ADD + 1 }],
  [Tok.MINUS, { op: '-', lbp: Bp.ADD, rbp: Bp.ADD + 1 }],
  [Tok.STAR, { op: '*', lbp: Bp.MUL, rbp: Bp.MUL + 1 }],
  [Tok.SLASH, { op: '/', lbp: Bp.MUL, rbp: Bp.MUL + 1 }],
  [Tok.CONCAT, { op: '++', lbp: Bp.CONCAT, rbp: Bp.CONCAT }],
]);

/** The parser's token arrays, reused by every parse (lexer.ts LexScratch): the table is not kept with the tree. */
const scratch = new LexScratch();

export function parseNix(text: string): ParseResult {
  const t = lex(text, false, scratch);
  const s = new ParserState(text, t);
  // A lexer error that runs to the end of file already explains the EOF.
  for (const e of t.errors) if (/^unterminated (indented string|comment)/.test(e.message)) s.eofReported = true;
  const root = parseExpr(s);
  if (s.k() !== Tok.EOF) {
    s.error(s.start, s.end, `unexpected ${s.describe()} after the end of the expression`);
  }
  const errors = [...t.errors.map((e) => ({ span: { start: e.start, end: e.end }, message: e.message })), ...s.errors];
  errors.sort((a, b) => a.span.start - b.span.start);
  return { root, errors, comments: t.comments, text, work: s.steps + t.count + t.scanned };
}

export function errorNode(s: ParserState): A.ErrorExpr {
  const at = s.k() === Tok.EOF ? s.lastEnd : s.start;
  return { type: 'Error', start: at, end: at, parent: undefined };
}

/** expr_function: lambdas, assert, with, let ... in, if, operators. */
export function parseExpr(s: ParserState): A.Expr {
  if (!s.enter()) return errorNode(s);
  const e = parseExprInner(s);
  s.leave();
  return e;
}

/**
 * What a keyword construct (let, if, with, assert, a function's body) adds to
 * the nesting depth on top of parseExpr's own unit, so that one level of it
 * costs what one bracket level does (parseExpr, parseOp, parseSimple): the
 * "500 levels" limit then holds for every construct, and the tree stays as
 * shallow as the recursive later stages (evaluator, walkers) can take.
 */
export const LEVEL_EXTRA = 2;

export function parseLevelDown(s: ParserState): A.Expr {
  s.depth += LEVEL_EXTRA;
  const e = parseExpr(s);
  s.depth -= LEVEL_EXTRA;
  return e;
}

// One small frame per nesting level on the common path: each keyword construct is read by
// a function of its own (parseKeywords.ts), so deep input does not carry their locals in
// every frame (a bracket level is nine frames; the 500-level limit must fit the stack).
function parseExprInner(s: ParserState): A.Expr {
  switch (s.k()) {
    case Tok.ID: {
      const k1 = s.kAt(s.p + 1);
      if (k1 === Tok.COLON || (k1 === Tok.AT && s.kAt(s.p + 2) === Tok.LBRACE)) return parseNamedLambda(s);
      break;
    }
    case Tok.LBRACE:
      if (looksLikeFormals(s)) return parseFormalsLambda(s);
      break;
    case Tok.ASSERT:
    case Tok.WITH:
      return parseWithOrAssert(s);
    case Tok.LET:
      if (s.kAt(s.p + 1) !== Tok.LBRACE) return parseLet(s);
      break;
    case Tok.IF:
      return parseIf(s);
  }
  return parsePipes(s);
}

const PIPE_OPS = new Map<Tok, A.PipeOp>([
  [Tok.PIPE_INTO, '|>'],
  [Tok.PIPE_FROM, '<|'],
]);

/**
 * expr_pipe_into / expr_pipe_from (Nix's `pipe-operators`): below every other operator, each
 * operand an operator expression (not a lambda, `if` or `let`), `|>` left- and `<|`
 * right-associative, and one direction per chain: Nix rejects `a |> f <| b`, and so do we
 * (then fold left to right, each operator its own way, so the rest still reads).
 * Whether the repository enables the feature is a check's business, not the parser's.
 */
function parsePipes(s: ParserState): A.Expr {
  const start = s.start;
  const first = parseOp(s, 0);
  const firstOp = PIPE_OPS.get(s.k());
  return firstOp ? parsePipeChain(s, start, first, firstOp) : first;
}

function parsePipeChain(s: ParserState, start: number, first: A.Expr, firstOp: A.PipeOp): A.Expr {
  const operands: A.Expr[] = [first];
  // Where each operand ends as read (an Error node's span may sit on the next token).
  const ends: number[] = [s.lastEnd];
  const pipes: A.Pipe[] = [];
  let mixed = false;
  let chain = 0;
  for (;;) {
    s.steps++;
    const op = PIPE_OPS.get(s.k());
    if (!op) break;
    if (op !== firstOp && !mixed) {
      mixed = true;
      s.error(s.start, s.end, `'|>' and '<|' cannot be mixed in one expression: add parentheses`);
    }
    const opTok = s.next();
    pipes.push({ op, opSpan: { start: s.t.start[opTok], end: s.t.end[opTok] } });
    const right = parseOp(s, 0);
    if (right.type === 'Error') s.unexpected(`an expression after '${op}'`);
    operands.push(right);
    ends.push(s.lastEnd);
    if (s.chainTooDeep(++chain)) break;
  }
  const apply = (fn: A.Expr, arg: A.Expr, pipe: A.Pipe, from: number, end: number): A.Apply => {
    const node: A.Apply = { type: 'Apply', fn, arg, pipe, start: from, end, parent: undefined };
    fn.parent = node;
    arg.parent = node;
    return node;
  };
  const last = ends[ends.length - 1];
  if (firstOp === '<|' && !mixed) {
    let acc = operands[operands.length - 1];
    for (let i = pipes.length - 1; i >= 0; i--) acc = apply(operands[i], acc, pipes[i], i === 0 ? start : operands[i].start, last);
    return acc;
  }
  let acc = first;
  for (let i = 0; i < pipes.length; i++) {
    const p = pipes[i];
    acc = p.op === '|>' ? apply(operands[i + 1], acc, p, start, ends[i + 1]) : apply(acc, operands[i + 1], p, start, ends[i + 1]);
  }
  return acc;
}

// The operand steps below are functions of their own, entered once the operator is there:
// parseOp's frame is on the stack once per nesting level, theirs only while an operator is read.
function parseOp(s: ParserState, minBp: number): A.Expr {
  if (!s.enter()) return errorNode(s);
  const start = s.start;
  let lhs = s.k() === Tok.BANG || s.k() === Tok.MINUS ? parseUnary(s) : parseApp(s);
  let chain = 0;
  for (;;) {
    s.steps++;
    const k = s.k();
    if (k === Tok.QUESTION) {
      if (Bp.HAS < minBp) break;
      lhs = parseHasAttr(s, lhs, start);
    } else {
      const info = OPS.get(k);
      if (!info || info.lbp < minBp) break;
      lhs = parseBinaryRight(s, lhs, start, info);
    }
    if (s.chainTooDeep(++chain)) break;
  }
  s.leave();
  return lhs;
}

function parseUnary(s: ParserState): A.Unary {
  const start = s.start;
  const op = s.k() === Tok.BANG ? '!' : '-';
  s.next();
  const operand = parseOp(s, op === '!' ? Bp.NOT : Bp.NEG);
  if (operand.type === 'Error') s.unexpected(`an expression after '${op}'`);
  const node: A.Unary = { type: 'Unary', op, operand, start, end: s.lastEnd, parent: undefined };
  operand.parent = node;
  return node;
}

/** `lhs ? a.b`, at the '?'. */
function parseHasAttr(s: ParserState, lhs: A.Expr, start: number): A.HasAttr {
  s.next();
  const path = parseAttrPath(s);
  const has: A.HasAttr = { type: 'HasAttr', target: lhs, path, start, end: s.lastEnd, parent: undefined };
  lhs.parent = has;
  path.parent = has;
  return has;
}

/** `lhs op right`, at the operator. */
function parseBinaryRight(s: ParserState, lhs: A.Expr, start: number, info: OpInfo): A.Binary {
  const opTok = s.next();
  const right = parseOp(s, info.rbp);
  if (right.type === 'Error') s.unexpected(`an expression after '${info.op}'`);
  const opSpan = { start: s.t.start[opTok], end: s.t.end[opTok] };
  const bin: A.Binary = { type: 'Binary', op: info.op, opSpan, left: lhs, right, start, end: s.lastEnd, parent: undefined };
  lhs.parent = bin;
  right.parent = bin;
  if (info.nonassoc && OPS.get(s.k())?.lbp === info.lbp) {
    s.error(s.start, s.end, `'${info.op}' and '${s.tokText()}' cannot be chained: add parentheses`);
  }
  return bin;
}

/** Tokens that end a construct: a bracket left open before one of them is the error. */
function structural(k: Tok): boolean {
  return k === Tok.SEMI || k === Tok.RBRACE || k === Tok.RPAREN || k === Tok.RBRACKET || k === Tok.IN || k === Tok.THEN || k === Tok.ELSE;
}

/** Can this token start an argument of a function application (expr_select)? */
function startsSelect(s: ParserState, k: Tok): boolean {
  switch (k) {
    case Tok.ID:
    case Tok.INT:
    case Tok.FLOAT:
    case Tok.DQUOTE_OPEN:
    case Tok.IND_OPEN:
    case Tok.PATH:
    case Tok.HPATH:
    case Tok.SPATH:
    case Tok.URI:
    case Tok.LPAREN:
    case Tok.LBRACE:
    case Tok.LBRACKET:
      return true;
    case Tok.REC:
    case Tok.LET:
      return s.kAt(s.p + 1) === Tok.LBRACE;
    default:
      return false;
  }
}

/** `name.path =` ahead: the start of the next binding after a missing ';', never an argument. */
function bindingAhead(s: ParserState): boolean {
  let i = s.p;
  for (let n = 0; n < 64; n++) {
    const k = s.kAt(i);
    if (k !== Tok.ID && k !== Tok.OR_KW) return false;
    const k1 = s.kAt(i + 1);
    if (k1 === Tok.ASSIGN) return true;
    if (k1 !== Tok.DOT) return false;
    i += 2;
  }
  return false;
}

function parseApp(s: ParserState): A.Expr {
  const start = s.start;
  let fn = parseSelect(s);
  let chain = 0;
  while (startsSelect(s, s.k()) && !bindingAhead(s)) {
    const arg = parseSelect(s);
    const app: A.Apply = { type: 'Apply', fn, arg, start, end: s.lastEnd, parent: undefined };
    fn.parent = app;
    arg.parent = app;
    fn = app;
    if (s.chainTooDeep(++chain)) break;
  }
  return fn;
}

export function parseSelect(s: ParserState): A.Expr {
  const start = s.start;
  const target = parseSimple(s);
  if (s.k() === Tok.DOT) return parseSelectPath(s, target, start);
  if (s.k() === Tok.OR_KW && target.type !== 'Error') return parseOrCall(s, target, start);
  return target;
}

/** `target.a.b` and `target.a.b or default`, at the '.'. */
function parseSelectPath(s: ParserState, target: A.Expr, start: number): A.Select {
  s.next();
  const path = parseAttrPath(s);
  let def: A.Expr | undefined;
  if (s.eat(Tok.OR_KW)) {
    def = parseSelect(s);
    if (def.type === 'Error') s.unexpected("a default value after 'or'");
  }
  const node: A.Select = { type: 'Select', target, path, default: def, start, end: s.lastEnd, parent: undefined };
  target.parent = node;
  path.parent = node;
  adopt(node, def);
  return node;
}

/**
 * `f or`: Nix reads a bare `or` after a value as a variable named "or" (and
 * reports it, if undefined, at the start of `f`: the span covers both).
 */
function parseOrCall(s: ParserState, target: A.Expr, start: number): A.Apply {
  const i = s.next();
  const arg: A.Var = { type: 'Var', name: 'or', start, end: s.t.end[i], parent: undefined };
  const node: A.Apply = { type: 'Apply', fn: target, arg, start, end: s.lastEnd, parent: undefined };
  target.parent = node;
  arg.parent = node;
  return node;
}

function parseSimple(s: ParserState): A.Expr {
  if (!s.enter()) return errorNode(s);
  const e = parseSimpleInner(s);
  s.leave();
  return e;
}

function parseSimpleInner(s: ParserState): A.Expr {
  const start = s.start;
  const end = s.end;
  switch (s.k()) {
    case Tok.ID:
      s.next();
      return { type: 'Var', name: s.word(start, end), start, end, parent: undefined };
    case Tok.INT:
      s.next();
      return { type: 'Int', raw: s.word(start, end), start, end, parent: undefined };
    case Tok.FLOAT:
      s.next();
      return { type: 'Float', raw: s.text.slice(start, end), start, end, parent: undefined };
    case Tok.DQUOTE_OPEN:
      return parseStr(s);
    case Tok.IND_OPEN:
      return parseIndStr(s);
    case Tok.PATH:
    case Tok.HPATH:
      return parsePath(s);
    case Tok.SPATH:
      s.next();
      return { type: 'SPath', name: s.text.slice(start + 1, end - 1), start, end, parent: undefined };
    case Tok.URI:
      s.next();
      return { type: 'Uri', text: s.text.slice(start, end), start, end, parent: undefined };
    case Tok.LPAREN: {
      s.next();
      const expr = parseExpr(s);
      if (!s.eat(Tok.RPAREN)) {
        if (s.k() === Tok.EOF) s.error(start, start + 1, "'(' is never closed: expected ')'");
        else if (structural(s.k())) s.error(start, start + 1, `'(' is not closed: expected ')' before ${s.describe()}`);
        else s.unexpected("')'");
      }
      const node: A.Paren = { type: 'Paren', expr, start, end: s.lastEnd, parent: undefined };
      expr.parent = node;
      return node;
    }
    case Tok.LBRACKET: {
      s.next();
      const base = s.mark();
      // Elements skip parseExpr and parseOp: the rest of a bracket level's cost.
      s.depth += LEVEL_EXTRA;
      for (;;) {
        s.steps++;
        if (startsSelect(s, s.k())) s.add(parseSelect(s));
        else if (s.k() === Tok.RBRACKET || s.k() === Tok.EOF) break;
        else if (structural(s.k())) break;
        else {
          s.unexpected("a list element or ']' (a function call inside a list needs parentheses)");
          const before = s.p;
          s.skipTo([Tok.RBRACKET, Tok.SEMI]);
          if (s.p === before) break;
        }
      }
      s.depth -= LEVEL_EXTRA;
      const items = s.take<A.Expr>(base);
      if (!s.eat(Tok.RBRACKET)) {
        if (s.k() === Tok.EOF) s.error(start, start + 1, "'[' is never closed: expected ']'");
        else if (structural(s.k())) s.error(start, start + 1, `'[' is not closed: expected ']' before ${s.describe()}`);
        else s.unexpected("']'");
      }
      const node: A.List = { type: 'List', items, start, end: s.lastEnd, parent: undefined };
      adoptAll(node, items);
      return node;
    }
    case Tok.REC:
    case Tok.LET:
    case Tok.LBRACE: {
      const kind = s.k();
      if (kind !== Tok.LBRACE) {
        s.next();
        if (s.k() !== Tok.LBRACE) {
          s.unexpected(`'{' after '${kind === Tok.REC ? 'rec' : 'let'}'`);
          return errorNode(s);
        }
      }
      const open = s.start;
      s.next();
      const bindings = parseBinds(s, Tok.RBRACE);
      if (!s.eat(Tok.RBRACE)) {
        if (s.k() === Tok.EOF) s.error(open, open + 1, "'{' is never closed: expected '}'");
        else s.unexpected("'}' or a binding like 'name = value;'");
      }
      const last = s.lastEnd;
      const node: A.LegacyLet | A.AttrSet =
        kind === Tok.LET
          ? { type: 'LegacyLet', bindings, start, end: last, parent: undefined }
          : { type: 'AttrSet', rec: kind === Tok.REC, bindings, start, end: last, parent: undefined };
      adoptAll(node, bindings);
      return node;
    }
    default:
      s.unexpected('an expression');
      return errorNode(s);
  }
}
