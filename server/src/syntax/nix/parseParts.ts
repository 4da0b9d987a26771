// The parser's pieces below expressions: attribute paths, bindings (of sets and
// let), function formals, and the three string-like literals. Recovery lives
// here: a broken binding is skipped to its ';' so the next one still parses.
import type * as A from './ast';
import { adopt, adoptAll } from './ast';
import { errorNode, parseExpr } from './parser';
import { MAX_DEPTH, type ParserState } from './parserState';
import { Tok as TokEnum, tokenValue } from './tokens';
// A local alias: reading an imported binding goes through a getter (slow in the hot loop).
const Tok = TokEnum;
type Tok = TokEnum;

function startsAttrName(k: Tok): boolean {
  return k === Tok.ID || k === Tok.OR_KW || k === Tok.DQUOTE_OPEN || k === Tok.DOLLAR_CURLY;
}

function parseInterp(s: ParserState): A.Interp {
  const start = s.start;
  s.next(); // ${
  const expr = parseExpr(s);
  if (!s.eat(Tok.RBRACE)) {
    if (s.k() === Tok.EOF) s.error(start, start + 2, "'${' is never closed: expected '}'");
    else s.unexpected("'}' to close '${'");
  }
  const node: A.Interp = { type: 'Interp', expr, start, end: s.lastEnd, parent: undefined };
  expr.parent = node;
  return node;
}

export function parseAttrName(s: ParserState): A.AttrName | undefined {
  const start = s.start;
  switch (s.k()) {
    case Tok.ID:
    case Tok.OR_KW:
      s.next();
      return { type: 'Ident', name: s.word(start, s.lastEnd), start, end: s.lastEnd, parent: undefined };
    case Tok.DQUOTE_OPEN:
      return parseStr(s);
    case Tok.DOLLAR_CURLY:
      return parseInterp(s);
    default:
      if (s.k() >= Tok.IF && s.k() <= Tok.INHERIT) {
        s.error(s.start, s.end, `'${s.tokText()}' is a keyword: write it in quotes ("${s.tokText()}") to use it as an attribute name`);
      } else s.unexpected('an attribute name');
      return undefined;
  }
}

export function parseAttrPath(s: ParserState): A.AttrPath {
  const start = s.start;
  const base = s.mark();
  for (;;) {
    s.steps++;
    const n = parseAttrName(s);
    if (!n) break;
    s.add(n);
    if (s.k() !== Tok.DOT) break;
    s.next();
  }
  const names = s.take<A.AttrName>(base);
  const node: A.AttrPath = { type: 'AttrPath', names, start: names.length ? start : s.lastEnd, end: s.lastEnd, parent: undefined };
  adoptAll(node, names);
  return node;
}

function attrDef(path: A.AttrPath, value: A.Expr, start: number, end: number): A.AttrDef {
  const node: A.AttrDef = { type: 'AttrDef', path, value, start, end, parent: undefined };
  path.parent = node;
  value.parent = node;
  return node;
}

function pathLabel(s: ParserState, path: A.AttrPath): string {
  return s.text.slice(path.start, path.end);
}

/**
 * Where recovery inside bindings stops: the next ';', or the end of the bindings ('}' or 'in',
 * whichever `closer` is). One array for every call: made per call, it was garbage for every set.
 */
const BIND_STOPS: readonly Tok[] = [Tok.SEMI, Tok.RBRACE, Tok.IN];

/** Bindings up to (not including) `closer` ('}' for sets, 'in' for let). */
export function parseBinds(s: ParserState, closer: Tok): A.Binding[] {
  // This frame is on the stack once per nesting level: what is not on the way down to a
  // binding's value (inherit, recovery, the missing-';' diagnosis) is in functions of its own.
  const base = s.mark();
  const stops = BIND_STOPS;
  for (;;) {
    s.steps++;
    const k = s.k();
    if (k === closer || k === Tok.EOF || k === Tok.RBRACE || k === Tok.IN) break;
    const start = s.start;
    if (k === Tok.INHERIT) {
      s.add(parseInherit(s, stops));
      continue;
    }
    if (!startsAttrName(k)) {
      skipNonBinding(s, k, closer, stops);
      continue;
    }
    const path = parseAttrPath(s);
    // `a.b.c = v` nests v as deep as `a = { b = { c = v; }; }` once desugared and evaluated, and
    // every later stage walks that nesting recursively: the dotted components count toward the
    // nesting limit like the braces they stand for (the binding is dropped when over it).
    const implied = 3 * (path.names.length - 1);
    if (s.depth + implied > MAX_DEPTH) {
      s.stopTooDeep(path.start, path.end, 'attribute path');
      break;
    }
    if (!s.eat(Tok.ASSIGN)) {
      s.add(valuelessBinding(s, path, start, stops));
      continue;
    }
    s.depth += implied;
    const value = parseExpr(s);
    s.depth -= implied;
    if (value.type === 'Error') s.unexpected(`a value after '${pathLabel(s, path)} ='`);
    s.add(attrDef(path, value, start, s.lastEnd));
    if (s.eat(Tok.SEMI)) {
      (s.last() as { end: number }).end = s.lastEnd;
      continue;
    }
    if (noSemicolon(s, path, value, closer, stops)) break;
  }
  return s.take<A.Binding>(base);
}

/** `inherit a b;` and `inherit (e) a b;`, at 'inherit'. */
function parseInherit(s: ParserState, stops: readonly Tok[]): A.Inherit {
  const start = s.start;
  s.next();
  let from: A.Expr | undefined;
  if (s.k() === Tok.LPAREN) {
    const open = s.start;
    s.next();
    from = parseExpr(s);
    if (!s.eat(Tok.RPAREN)) {
      if (s.k() === Tok.EOF) s.error(open, open + 1, "'(' is never closed: expected ')'");
      else s.unexpected("')'");
    }
  }
  const namesBase = s.mark();
  while (startsAttrName(s.k())) {
    const n = parseAttrName(s);
    if (n) s.add(n);
  }
  const names = s.take<A.AttrName>(namesBase);
  if (!s.eat(Tok.SEMI)) {
    s.unexpected("an attribute name or ';' after 'inherit'");
    s.skipTo(stops);
    s.eat(Tok.SEMI);
  }
  const inh: A.Inherit = { type: 'Inherit', from, names, start, end: s.lastEnd, parent: undefined };
  adopt(inh, from);
  adoptAll(inh, names);
  return inh;
}

/** Where a binding should start and something else is: reported, and skipped to the next ';'. */
function skipNonBinding(s: ParserState, k: Tok, closer: Tok, stops: readonly Tok[]): void {
  if (k >= Tok.IF && k <= Tok.REC) parseAttrName(s); // reports the keyword
  else s.unexpected(closer === Tok.IN ? "a binding like 'name = value;' or 'in'" : "a binding like 'name = value;' or '}'");
  const before = s.p;
  s.skipTo(stops);
  s.eat(Tok.SEMI);
  if (s.p === before) s.next();
}

/** `name` with no '=' after it: reported, kept with an Error value, skipped to the next ';'. */
function valuelessBinding(s: ParserState, path: A.AttrPath, start: number, stops: readonly Tok[]): A.AttrDef {
  const label = pathLabel(s, path);
  if (s.k() === Tok.EOF) s.error(path.start, path.end, `'${label}' has no value: expected '=' after it`);
  else s.unexpected(`'=' after '${label}'`);
  const value = errorNode(s);
  const def = attrDef(path, value, start, s.lastEnd);
  s.skipTo(stops);
  s.eat(Tok.SEMI);
  return def;
}

/** A binding's value not followed by ';': reports it and recovers; true when the bindings end here. */
function noSemicolon(s: ParserState, path: A.AttrPath, value: A.Expr, closer: Tok, stops: readonly Tok[]): boolean {
  if (s.k() === Tok.EOF) {
    s.error(value.end, value.end, `missing ';' after the value of '${pathLabel(s, path)}'`);
    return true;
  }
  const k2 = s.k();
  if (k2 === closer || k2 === Tok.RBRACE || startsAttrName(k2) || k2 === Tok.INHERIT) {
    // Most likely a forgotten ';' before the next binding or the closing brace.
    const at = s.lastEnd;
    const last = s.errors[s.errors.length - 1];
    // After an unterminated string (closed by the lexer at its line's end) the
    // missing ';' is part of the same mistake.
    const prev = s.p - 1;
    const recoveredString = s.t.kind[prev] === Tok.DQUOTE_CLOSE && s.t.start[prev] === s.t.end[prev];
    if (!recoveredString && !(last && last.span.start >= value.start)) {
      s.error(at, at, `missing ';' after the value of '${pathLabel(s, path)}'`);
    }
    return false;
  }
  s.unexpected(`';' after the value of '${pathLabel(s, path)}'`);
  s.skipTo(stops);
  s.eat(Tok.SEMI);
  return false;
}

/** At '{': does a function's argument set start here (rather than an attribute set)? */
export function looksLikeFormals(s: ParserState): boolean {
  const k1 = s.kAt(s.p + 1);
  if (k1 === Tok.ELLIPSIS) return true;
  if (k1 === Tok.RBRACE) {
    const k2 = s.kAt(s.p + 2);
    return k2 === Tok.COLON || k2 === Tok.AT;
  }
  if (k1 === Tok.ID) {
    const k2 = s.kAt(s.p + 2);
    if (k2 === Tok.COMMA || k2 === Tok.QUESTION) return true;
    if (k2 === Tok.RBRACE) {
      const k3 = s.kAt(s.p + 3);
      return k3 === Tok.COLON || k3 === Tok.AT;
    }
  }
  return false;
}

/** Formals after the '{' (already consumed; `start` is its offset), through '}'. */
export function parseFormals(s: ParserState, start: number): A.Formals {
  const base = s.mark();
  let ellipsis = false;
  for (;;) {
    s.steps++;
    if (s.k() === Tok.ELLIPSIS) {
      s.next();
      ellipsis = true;
      break;
    }
    if (s.k() !== Tok.ID) break;
    const i = s.next();
    const name: A.Ident = { type: 'Ident', name: s.tokWord(i), start: s.t.start[i], end: s.t.end[i], parent: undefined };
    let def: A.Expr | undefined;
    if (s.eat(Tok.QUESTION)) def = parseExpr(s);
    const formal: A.Formal = { type: 'Formal', name, default: def, start: name.start, end: s.lastEnd, parent: undefined };
    name.parent = formal;
    adopt(formal, def);
    s.add(formal);
    if (!s.eat(Tok.COMMA)) break;
  }
  const entries = s.take<A.Formal>(base);
  if (!s.eat(Tok.RBRACE)) {
    if (s.k() === Tok.EOF) s.error(start, start + 1, "'{' is never closed: expected '}'");
    else s.unexpected(ellipsis ? "'}' ('...' must come last)" : "',' or '}' in the function's arguments");
    s.skipTo([Tok.RBRACE, Tok.COLON]);
    s.eat(Tok.RBRACE);
  }
  const node: A.Formals = { type: 'Formals', entries, ellipsis, start, end: s.lastEnd, parent: undefined };
  adoptAll(node, entries);
  return node;
}

export function parseStr(s: ParserState): A.Str {
  const start = s.start;
  s.next();
  const base = s.mark();
  for (;;) {
    s.steps++;
    if (s.k() === Tok.STR) {
      const i = s.next();
      s.add({ type: 'Text', value: tokenValue(s.t, i) as string, start: s.t.start[i], end: s.t.end[i], parent: undefined });
    } else if (s.k() === Tok.DOLLAR_CURLY) s.add(parseInterp(s));
    else break;
  }
  const parts = s.take<A.StrPart>(base);
  if (!s.eat(Tok.DQUOTE_CLOSE)) {
    if (s.k() === Tok.EOF) s.error(start, start + 1, 'unterminated string: missing closing \'"\'');
    else s.unexpected("'\"' to close the string");
  }
  const node: A.Str = { type: 'Str', parts, start, end: s.lastEnd, parent: undefined };
  adoptAll(node, parts);
  return node;
}

export function parseIndStr(s: ParserState): A.IndStr {
  const start = s.start;
  s.next();
  const base = s.mark();
  for (;;) {
    s.steps++;
    if (s.k() === Tok.IND_STR || s.k() === Tok.IND_ESC) {
      const esc = s.k() === Tok.IND_ESC;
      const i = s.next();
      const text: A.Text = { type: 'Text', value: tokenValue(s.t, i) as string, start: s.t.start[i], end: s.t.end[i], parent: undefined };
      if (esc) text.escape = true;
      s.add(text);
    } else if (s.k() === Tok.DOLLAR_CURLY) s.add(parseInterp(s));
    else break;
  }
  const parts = s.take<A.StrPart>(base);
  if (!s.eat(Tok.IND_CLOSE)) {
    if (s.k() === Tok.EOF) s.error(start, start + 2, "unterminated indented string: missing closing \"''\"");
    else s.unexpected("\"''\" to close the string");
  }
  const node: A.IndStr = { type: 'IndStr', parts, start, end: s.lastEnd, parent: undefined };
  adoptAll(node, parts);
  return node;
}

export function parsePath(s: ParserState): A.Path {
  const start = s.start;
  const home = s.k() === Tok.HPATH;
  const first = s.tokText(s.next());
  const base = s.mark();
  for (;;) {
    s.steps++;
    if (s.k() === Tok.PATH_STR) {
      const i = s.next();
      s.add({ type: 'Text', value: tokenValue(s.t, i) as string, start: s.t.start[i], end: s.t.end[i], parent: undefined });
    } else if (s.k() === Tok.DOLLAR_CURLY) s.add(parseInterp(s));
    else break;
  }
  const parts = s.take<A.StrPart>(base);
  // Nix's grammar: what follows the first segment must begin with an interpolation
  // (at most one text piece before it).
  if (parts.length > 0 && parts[0].type === 'Text' && (parts.length < 2 || parts[1].type !== 'Interp')) {
    s.error(start, parts[0].end, "invalid path: '//' or a trailing '/' is not allowed inside a path");
  }
  s.eat(Tok.PATH_END);
  const node: A.Path = { type: 'Path', first, home, parts, start, end: s.lastEnd, parent: undefined };
  adoptAll(node, parts);
  return node;
}
