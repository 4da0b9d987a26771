// Hand-written Nix lexer, a transcription of the rules of Nix 2.x's flex lexer
// (longest match wins, ties go to the earlier rule; the same mode stack for
// strings, indented strings and interpolated paths). Never throws: lexical
// problems are recorded as errors and lexing goes on.
import { KEYWORDS, Tok as TokEnum, type Comment, type TokenTable } from './tokens';
import { ID_CHAR, ID_START, PATH_CHAR, URI_CHAR, URI_SCHEME, cls, floatLen, isDigit, unescapeChar } from './lexChars';
// A local alias: reading an imported binding goes through a getter (slow in the hot loop).
const Tok = TokEnum;
type Tok = TokEnum;

export interface LexError {
  start: number;
  end: number;
  message: string;
}

const enum Mode {
  INITIAL,
  DEFAULT,
  STRING,
  IND,
  INPATH,
  INPATH_SLASH,
}

const MAX_INT = 9223372036854775807n;

export interface LexResult extends TokenTable {
  errors: LexError[];
  /** Characters scanned by the path and URI-scheme look-aheads: part of the parser's work figure. */
  scanned: number;
}

/** `strict`: strings may not span lines (used to recover from an unterminated one). */
export function lex(text: string, strict = false): LexResult {
  const n = text.length;
  // Typed arrays (grown by doubling): millions of tokens without GC pressure.
  let cap = Math.max(64, (n >> 2) + 16);
  let kind = new Uint8Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let count = 0;
  // Few tokens have a value (string pieces): the values are kept densely, each token holding
  // its value's place plus one (0: none). One pointer per token, most of them undefined,
  // grown by push, was the lexer's costliest line.
  let valueAt = new Int32Array(cap);
  const values: string[] = [];
  const comments: Comment[] = [];
  const errors: LexError[] = [];
  const modes: Mode[] = [Mode.INITIAL];
  // For each open "..." string: token index of its quote and the mode depth.
  const openStrings: { depth: number; pos: number }[] = [];
  let i = 0;

  const grow = () => {
    cap *= 2;
    const k2 = new Uint8Array(cap);
    k2.set(kind);
    kind = k2;
    const s2 = new Int32Array(cap);
    s2.set(start);
    start = s2;
    const e2 = new Int32Array(cap);
    e2.set(end);
    end = e2;
    const v2 = new Int32Array(cap);
    v2.set(valueAt);
    valueAt = v2;
  };
  const push = (k: Tok, s: number, e: number, v?: string) => {
    if (count === cap) grow();
    kind[count] = k;
    start[count] = s;
    end[count] = e;
    if (v !== undefined) valueAt[count] = values.push(v);
    count++;
  };
  const top = () => modes[modes.length - 1];

  // Length of {PATH_CHAR}* then /-separated segments from p (0 if no segment), and
  // whether it ends in a slash; also the PATH_SEG${ form.
  // Every word-like token start rescans the run of path (or URI scheme) characters after it, and
  // `a.a.a.…` is one such run of many tokens: remembering where the last run ended keeps the
  // lexer linear (inside a known run, the run ends at the same place).
  let scanned = 0;
  let pathRunFrom = -1;
  let pathRunEnd = -1;
  const pathChars = (p: number) => {
    if (p >= pathRunFrom && p <= pathRunEnd) return pathRunEnd;
    let j = p;
    while (j < n && cls(PATH_CHAR, text.charCodeAt(j))) j++;
    scanned += j - p;
    pathRunFrom = p;
    pathRunEnd = j;
    return j;
  };
  let schemeRunFrom = -1;
  let schemeRunEnd = -1;
  const schemeChars = (p: number) => {
    if (p >= schemeRunFrom && p <= schemeRunEnd) return schemeRunEnd;
    let j = p;
    while (j < n && cls(URI_SCHEME, text.charCodeAt(j))) j++;
    scanned += j - p;
    schemeRunFrom = p;
    schemeRunEnd = j;
    return j;
  };

  while (i < n || modes.length > 0) {
    const mode = top();
    if (i >= n) break;
    const c = text.charCodeAt(i);

    if (mode === Mode.STRING) {
      if (c === 34 /* " */) {
        push(Tok.DQUOTE_CLOSE, i, i + 1);
        modes.pop();
        openStrings.pop();
        i++;
        continue;
      }
      if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123) {
        push(Tok.DOLLAR_CURLY, i, i + 2);
        modes.push(Mode.DEFAULT);
        i += 2;
        continue;
      }
      let j = i;
      let seg = i;
      let out = '';
      let eof = false;
      let lineEnd = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 34) break;
        if (strict && (d === 10 || d === 13)) {
          lineEnd = true;
          break;
        }
        if (d === 92 /* \ */) {
          if (j + 1 >= n) { eof = true; break; }
          out += text.slice(seg, j) + unescapeChar(text.charCodeAt(j + 1), text[j + 1]);
          j += 2;
          seg = j;
          continue;
        }
        if (d === 36) {
          const e = text.charCodeAt(j + 1);
          if (e === 123) break;
          if (j + 1 >= n) { eof = true; break; }
          if (e === 34) { j++; continue; }
          if (e === 92) {
            if (j + 2 >= n) { eof = true; break; }
            out += text.slice(seg, j) + '$' + unescapeChar(text.charCodeAt(j + 2), text[j + 2]);
            j += 3;
            seg = j;
            continue;
          }
          j += 2;
          continue;
        }
        if (d === 13) {
          out += text.slice(seg, j) + '\n';
          j += text.charCodeAt(j + 1) === 10 ? 2 : 1;
          seg = j;
          continue;
        }
        j++;
      }
      if (j > i) push(Tok.STR, i, j, out + text.slice(seg, j));
      i = j;
      if (eof) i = n;
      if (i >= n || lineEnd) {
        // Unterminated string. Most are being typed: lex again with strings
        // confined to one line, so the rest of the file still parses and the
        // error lands on the quote that was not closed.
        if (!strict) return lex(text, true);
        const open = openStrings.pop();
        const at = open ? open.pos : i;
        errors.push({ start: at, end: at + 1, message: 'unterminated string: missing closing \'"\'' });
        push(Tok.DQUOTE_CLOSE, i, i);
        if (open) modes.length = open.depth;
        else modes.pop();
      }
      continue;
    }

    if (mode === Mode.IND) {
      if (c === 39 /* ' */ && text.charCodeAt(i + 1) === 39) {
        const e = text.charCodeAt(i + 2);
        if (e === 39) { push(Tok.IND_ESC, i, i + 3, "''"); i += 3; continue; }
        if (e === 36) { push(Tok.IND_ESC, i, i + 3, '$'); i += 3; continue; }
        if (e === 92 && i + 3 < n) {
          push(Tok.IND_ESC, i, i + 4, unescapeChar(text.charCodeAt(i + 3), text[i + 3]));
          i += 4;
          continue;
        }
        push(Tok.IND_CLOSE, i, i + 2);
        modes.pop();
        i += 2;
        continue;
      }
      if (c === 36 && text.charCodeAt(i + 1) === 123) {
        push(Tok.DOLLAR_CURLY, i, i + 2);
        modes.push(Mode.DEFAULT);
        i += 2;
        continue;
      }
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 36) {
          const e = text.charCodeAt(j + 1);
          if (j + 1 >= n || e === 123 || e === 39) break;
          j += 2;
        } else if (d === 39) {
          const e = text.charCodeAt(j + 1);
          if (j + 1 >= n || e === 39 || e === 36) break;
          j += 2;
        } else j++;
      }
      if (j > i) {
        push(Tok.IND_STR, i, j, text.slice(i, j));
        i = j;
      } else {
        push(Tok.IND_ESC, i, i + 1, text[i]);
        i++;
      }
      continue;
    }

    if (mode === Mode.INPATH || mode === Mode.INPATH_SLASH) {
      if (c === 36 && text.charCodeAt(i + 1) === 123) {
        push(Tok.DOLLAR_CURLY, i, i + 2);
        modes.pop();
        modes.push(Mode.INPATH, Mode.DEFAULT);
        i += 2;
        continue;
      }
      let j = pathChars(i);
      while (j < n && text.charCodeAt(j) === 47) {
        j++;
        if (!cls(PATH_CHAR, text.charCodeAt(j))) break;
        j = pathChars(j);
      }
      if (j > i) {
        push(Tok.PATH_STR, i, j, text.slice(i, j));
        modes[modes.length - 1] = text.charCodeAt(j - 1) === 47 ? Mode.INPATH_SLASH : Mode.INPATH;
        i = j;
        continue;
      }
      if (mode === Mode.INPATH_SLASH) errors.push({ start: i - 1, end: i, message: 'path has a trailing slash' });
      push(Tok.PATH_END, i, i);
      modes.pop();
      continue;
    }

    // DEFAULT / INITIAL
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d !== 32 && d !== 9 && d !== 10 && d !== 13) break;
        i++;
      }
      continue;
    }
    if (c === 35 /* # */) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 10 || d === 13) break;
        j++;
      }
      comments.push({ start: i, end: j, block: false });
      i = j;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        errors.push({ start: i, end: i + 2, message: "unterminated comment: missing '*/'" });
        comments.push({ start: i, end: n, block: true });
        i = n;
      } else {
        comments.push({ start: i, end: close + 2, block: true });
        i = close + 2;
      }
      continue;
    }

    // Longest match among the word-like rules; ties go to the earlier rule.
    let bestLen = 0;
    let bestKind: Tok = Tok.CHAR;
    let tokLen = 0; // token length when it differs from the match length (PATH_SEG${)
    if (cls(ID_START, c)) {
      let j = i + 1;
      while (j < n && cls(ID_CHAR, text.charCodeAt(j))) j++;
      bestLen = j - i;
      bestKind = KEYWORDS.get(text.slice(i, j)) ?? Tok.ID;
    }
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (j - i > bestLen) { bestLen = j - i; bestKind = Tok.INT; }
    }
    if (isDigit(c) || c === 46) {
      const fl = floatLen(text, i);
      if (fl > bestLen) { bestLen = fl; bestKind = Tok.FLOAT; }
    }
    if (cls(PATH_CHAR, c) || c === 47) {
      const j0 = pathChars(i);
      let j = j0;
      let segs = 0;
      while (text.charCodeAt(j) === 47 && cls(PATH_CHAR, text.charCodeAt(j + 1))) {
        j = pathChars(j + 1);
        segs++;
      }
      if (segs > 0) {
        if (text.charCodeAt(j) === 47) j++;
        if (j - i > bestLen) { bestLen = j - i; bestKind = Tok.PATH; tokLen = 0; }
      } else if (text.charCodeAt(j0) === 47 && text.charCodeAt(j0 + 1) === 36 && text.charCodeAt(j0 + 2) === 123) {
        if (j0 + 3 - i > bestLen) { bestLen = j0 + 3 - i; bestKind = Tok.PATH; tokLen = j0 + 1 - i; }
      }
    }
    if (c === 126 /* ~ */ && text.charCodeAt(i + 1) === 47) {
      let j = i + 1;
      let segs = 0;
      while (text.charCodeAt(j) === 47 && cls(PATH_CHAR, text.charCodeAt(j + 1))) {
        j = pathChars(j + 1);
        segs++;
      }
      if (segs > 0) {
        if (text.charCodeAt(j) === 47) j++;
        bestLen = j - i; bestKind = Tok.HPATH; tokLen = 0;
      } else if (text.charCodeAt(i + 2) === 36 && text.charCodeAt(i + 3) === 123) {
        bestLen = 4; bestKind = Tok.HPATH; tokLen = 2;
      }
    }
    if (c === 60 /* < */ && cls(PATH_CHAR, text.charCodeAt(i + 1))) {
      let j = pathChars(i + 1);
      while (text.charCodeAt(j) === 47 && cls(PATH_CHAR, text.charCodeAt(j + 1))) j = pathChars(j + 1);
      if (text.charCodeAt(j) === 62 && j + 1 - i > bestLen) { bestLen = j + 1 - i; bestKind = Tok.SPATH; tokLen = 0; }
    }
    if (c < 128 && ID_START[c] === 1 && c !== 95) {
      let j = schemeChars(i + 1);
      if (text.charCodeAt(j) === 58 && cls(URI_CHAR, text.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && cls(URI_CHAR, text.charCodeAt(j))) j++;
        if (j - i > bestLen) { bestLen = j - i; bestKind = Tok.URI; tokLen = 0; }
      }
    }
    // Operators and punctuation (earlier rules than the words, so they win ties).
    let opLen = 1;
    let opKind: Tok = Tok.CHAR;
    const c1 = text.charCodeAt(i + 1);
    switch (c) {
      case 46: if (c1 === 46 && text.charCodeAt(i + 2) === 46) { opLen = 3; opKind = Tok.ELLIPSIS; } else opKind = Tok.DOT; break;
      case 61: if (c1 === 61) { opLen = 2; opKind = Tok.EQ; } else opKind = Tok.ASSIGN; break;
      case 33: if (c1 === 61) { opLen = 2; opKind = Tok.NEQ; } else opKind = Tok.BANG; break;
      case 60: if (c1 === 61) { opLen = 2; opKind = Tok.LEQ; } else if (c1 === 124) { opLen = 2; opKind = Tok.PIPE_FROM; } else opKind = Tok.LT; break;
      case 62: if (c1 === 61) { opLen = 2; opKind = Tok.GEQ; } else opKind = Tok.GT; break;
      case 38: if (c1 === 38) { opLen = 2; opKind = Tok.AND; } else opLen = 0; break;
      case 124: if (c1 === 124) { opLen = 2; opKind = Tok.OR; } else if (c1 === 62) { opLen = 2; opKind = Tok.PIPE_INTO; } else opLen = 0; break;
      case 45: if (c1 === 62) { opLen = 2; opKind = Tok.IMPL; } else opKind = Tok.MINUS; break;
      case 47: if (c1 === 47) { opLen = 2; opKind = Tok.UPDATE; } else opKind = Tok.SLASH; break;
      case 43: if (c1 === 43) { opLen = 2; opKind = Tok.CONCAT; } else opKind = Tok.PLUS; break;
      case 36: if (c1 === 123) { opLen = 2; opKind = Tok.DOLLAR_CURLY; } else opLen = 0; break;
      case 39: if (c1 === 39) { opLen = 2; opKind = Tok.IND_OPEN; } else opLen = 0; break;
      case 123: opKind = Tok.LBRACE; break;
      case 125: opKind = Tok.RBRACE; break;
      case 91: opKind = Tok.LBRACKET; break;
      case 93: opKind = Tok.RBRACKET; break;
      case 40: opKind = Tok.LPAREN; break;
      case 41: opKind = Tok.RPAREN; break;
      case 59: opKind = Tok.SEMI; break;
      case 58: opKind = Tok.COLON; break;
      case 44: opKind = Tok.COMMA; break;
      case 64: opKind = Tok.AT; break;
      case 63: opKind = Tok.QUESTION; break;
      case 42: opKind = Tok.STAR; break;
      case 34: opKind = Tok.DQUOTE_OPEN; break;
      default: opLen = 0;
    }
    if (opLen > 0 && opLen >= bestLen) {
      bestLen = opLen;
      bestKind = opKind;
      tokLen = 0;
    }

    if (bestLen === 0) {
      // Any other character (a whole surrogate pair counts as one).
      const w = c >= 0xd800 && c < 0xdc00 && i + 1 < n ? 2 : 1;
      push(Tok.CHAR, i, i + w);
      i += w;
      continue;
    }
    const tEnd = i + (tokLen || bestLen);
    switch (bestKind) {
      case Tok.LBRACE:
      case Tok.DOLLAR_CURLY:
        modes.push(Mode.DEFAULT);
        break;
      case Tok.RBRACE:
        if (modes.length > 1) modes.pop();
        break;
      case Tok.DQUOTE_OPEN:
        openStrings.push({ depth: modes.length, pos: i });
        modes.push(Mode.STRING);
        break;
      case Tok.IND_OPEN: {
        // ''(\ *\n)? : the opening may swallow spaces and one newline.
        let j = i + 2;
        while (text.charCodeAt(j) === 32) j++;
        push(Tok.IND_OPEN, i, text.charCodeAt(j) === 10 ? j + 1 : i + 2);
        i = text.charCodeAt(j) === 10 ? j + 1 : i + 2;
        modes.push(Mode.IND);
        continue;
      }
      case Tok.PATH:
      case Tok.HPATH:
        modes.push(text.charCodeAt(tEnd - 1) === 47 ? Mode.INPATH_SLASH : Mode.INPATH);
        break;
      case Tok.INT: {
        if (tEnd - i >= 19) {
          const digits = text.slice(i, tEnd);
          if (BigInt(digits) > MAX_INT) errors.push({ start: i, end: tEnd, message: `invalid integer '${digits}' (too large)` });
        }
        break;
      }
    }
    push(bestKind, i, tEnd);
    i = tEnd;
  }
  if (top() === Mode.IND) {
    let k = count - 1;
    while (k >= 0 && kind[k] !== Tok.IND_OPEN) k--;
    const s = k >= 0 ? start[k] : n;
    errors.push({ start: s, end: s + 2, message: "unterminated indented string: missing closing \"''\"" });
  } else if (top() === Mode.INPATH || top() === Mode.INPATH_SLASH) {
    if (top() === Mode.INPATH_SLASH) errors.push({ start: n - 1, end: n, message: 'path has a trailing slash' });
    push(Tok.PATH_END, n, n);
  }
  push(Tok.EOF, n, n);
  return { kind: kind.subarray(0, count), start: start.subarray(0, count), end: end.subarray(0, count), valueAt: valueAt.subarray(0, count), values, comments, errors, count, scanned };
}
