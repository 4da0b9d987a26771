// The expressions that begin with a keyword or a function's argument: `x: …`,
// `{ a, b }: …`, `with`/`assert`, `let … in`, `if`. Each has a function (and a
// stack frame) of its own, entered only when its keyword is there: the frame of
// parseExprInner, on the stack once per nesting level, stays small.
import type * as A from './ast';
import { adopt, adoptAll } from './ast';
import { errorNode, LEVEL_EXTRA, parseLevelDown } from './parser';
import { parseBinds, parseFormals } from './parseParts';
import type { ParserState } from './parserState';
import { Tok as TokEnum } from './tokens';
// A local alias: reading an imported binding goes through a getter (slow in the hot loop).
const Tok = TokEnum;

/** `x: body` and `x @ { … }: body`, at the name. */
export function parseNamedLambda(s: ParserState): A.Lambda {
  const start = s.start;
  const i = s.next();
  const param: A.Ident = { type: 'Ident', name: s.tokWord(i), start, end: s.lastEnd, parent: undefined };
  let formals: A.Formals | undefined;
  if (s.eat(Tok.AT)) {
    const open = s.next();
    formals = parseFormals(s, s.t.start[open]);
  }
  return finishLambda(s, start, param, formals);
}

/** `{ a, b ? 1, … }: body` and `{ … } @ x: body`, at the '{'. */
export function parseFormalsLambda(s: ParserState): A.Lambda {
  const start = s.start;
  s.next();
  const formals = parseFormals(s, start);
  let param: A.Ident | undefined;
  if (s.k() === Tok.AT) {
    s.next();
    if (s.k() === Tok.ID) {
      const i = s.next();
      param = { type: 'Ident', name: s.tokWord(i), start: s.t.start[i], end: s.t.end[i], parent: undefined };
    } else s.unexpected("a name after '@'");
  }
  return finishLambda(s, start, param, formals);
}

function finishLambda(s: ParserState, start: number, param: A.Ident | undefined, formals: A.Formals | undefined): A.Lambda {
  let body: A.Expr;
  if (s.eat(Tok.COLON)) body = parseLevelDown(s);
  else {
    s.unexpected("':' after the function's arguments");
    body = errorNode(s);
  }
  const node: A.Lambda = { type: 'Lambda', param, formals, body, start, end: s.lastEnd, parent: undefined };
  adopt(node, param);
  adopt(node, formals);
  body.parent = node;
  return node;
}

export function parseWithOrAssert(s: ParserState): A.With | A.Assert {
  const start = s.start;
  const isWith = s.k() === Tok.WITH;
  s.next();
  const first = parseLevelDown(s);
  if (!s.eat(Tok.SEMI)) s.unexpected(`';' after the ${isWith ? 'with' : 'assert'} expression`);
  const body = parseLevelDown(s);
  const end = s.lastEnd;
  const node: A.With | A.Assert = isWith
    ? { type: 'With', env: first, body, start, end, parent: undefined }
    : { type: 'Assert', cond: first, body, start, end, parent: undefined };
  first.parent = node;
  body.parent = node;
  return node;
}

/** `let … in body` (not the legacy `let { … }`). */
export function parseLet(s: ParserState): A.Let {
  const start = s.start;
  s.next();
  s.depth += LEVEL_EXTRA;
  const bindings = parseBinds(s, Tok.IN);
  s.depth -= LEVEL_EXTRA;
  let body: A.Expr;
  if (s.eat(Tok.IN)) body = parseLevelDown(s);
  else {
    s.unexpected("'in' after the let bindings");
    body = errorNode(s);
  }
  const node: A.Let = { type: 'Let', bindings, body, start, end: s.lastEnd, parent: undefined };
  adoptAll(node, bindings);
  body.parent = node;
  return node;
}

export function parseIf(s: ParserState): A.If {
  const start = s.start;
  s.next();
  const cond = parseLevelDown(s);
  let then: A.Expr;
  let els: A.Expr;
  if (s.eat(Tok.THEN)) then = parseLevelDown(s);
  else {
    s.unexpected("'then'");
    then = errorNode(s);
  }
  if (s.eat(Tok.ELSE)) els = parseLevelDown(s);
  else {
    s.unexpected("'else' (every 'if' needs one)");
    els = errorNode(s);
  }
  const node: A.If = { type: 'If', cond, then, else: els, start, end: s.lastEnd, parent: undefined };
  cond.parent = node;
  then.parent = node;
  els.parent = node;
  return node;
}
