// Hand-written Nix lexer, a transcription of the rules of Nix 2.x's flex lexer
// (longest match wins, ties go to the earlier rule; the same mode stack for
// strings, indented strings and interpolated paths). Never throws: lexical
// problems are recorded as errors and lexing goes on.
//
// One method per mode (and one for the word-like rules): V8 optimises each hot piece on
// its own. As one function of a few hundred lines, optimising the lexer took longer than
// lexing an 8 MB file, and a rarely taken branch threw that work away.
import { Tok as TokEnum, type Comment, type LexScratch, type TokenTable } from './tokens';
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

/** `strict`: strings may not span lines (used to recover from an unterminated one). With `scratch` the arrays are its (tokens.ts). */
export function lex(text: string, strict = false, scratch?: LexScratch): LexResult {
  // Unterminated string. Most are being typed: lex again with strings confined to one
  // line, so the rest of the file still parses and the error lands on the quote that
  // was not closed.
  return new Lexer(text, strict, scratch).run() ?? new Lexer(text, true, scratch).run() as LexResult;
}

class Lexer {
  private readonly n: number;
  private i = 0;
  // Typed arrays (grown by doubling): millions of tokens without GC pressure.
  private cap: number;
  private kind: Uint8Array;
  private start: Int32Array;
  private end: Int32Array;
  // Few tokens have a value (string pieces): the values are kept densely, each token holding
  // its value's place plus one (0: none). One pointer per token, most of them undefined,
  // grown by push, was the lexer's costliest line.
  private valueAt: Int32Array;
  private count = 0;
  private readonly values: string[] = [];
  private readonly comments: Comment[] = [];
  private readonly errors: LexError[] = [];
  private readonly modes: Mode[] = [Mode.INITIAL];
  // For each open "..." string: the offset of its quote and the mode depth, as pairs of numbers
  // (an object per string was garbage for every string of a file).
  private readonly openStrings: number[] = [];
  // Every word-like token start rescans the run of path (or URI scheme) characters after it, and
  // `a.a.a.…` is one such run of many tokens: remembering where the last run ended keeps the
  // lexer linear (inside a known run, the run ends at the same place).
  private scanned = 0;
  private pathRunFrom = -1;
  private pathRunEnd = -1;
  private schemeRunFrom = -1;
  private schemeRunEnd = -1;

  constructor(
    private readonly text: string,
    private readonly strict: boolean,
    private readonly scratch?: LexScratch,
  ) {
    this.n = text.length;
    const cap = Math.max(64, (this.n >> 2) + 16);
    const reuse = scratch !== undefined && scratch.kind.length >= cap;
    this.cap = reuse ? scratch.kind.length : cap;
    this.kind = reuse ? scratch.kind : new Uint8Array(cap);
    this.start = reuse ? scratch.start : new Int32Array(cap);
    this.end = reuse ? scratch.end : new Int32Array(cap);
    this.valueAt = reuse ? scratch.valueAt : new Int32Array(cap);
    if (!reuse) scratch?.keep(this.kind, this.start, this.end, this.valueAt);
  }

  private grow(): void {
    this.cap *= 2;
    const k2 = new Uint8Array(this.cap);
    k2.set(this.kind);
    this.kind = k2;
    const s2 = new Int32Array(this.cap);
    s2.set(this.start);
    this.start = s2;
    const e2 = new Int32Array(this.cap);
    e2.set(this.end);
    this.end = e2;
    const v2 = new Int32Array(this.cap);
    v2.set(this.valueAt);
    this.valueAt = v2;
    this.scratch?.keep(this.kind, this.start, this.end, this.valueAt);
  }

  private push(k: Tok, s: number, e: number, v?: string): void {
    const c = this.count;
    if (c === this.cap) this.grow();
    this.kind[c] = k;
    this.start[c] = s;
    this.end[c] = e;
    this.valueAt[c] = v === undefined ? 0 : this.values.push(v); // a reused array holds another file's
    this.count = c + 1;
  }

  private top(): Mode {
    return this.modes[this.modes.length - 1];
  }

  /** End of the run of {PATH_CHAR} from p. */
  private pathChars(p: number): number {
    if (p >= this.pathRunFrom && p <= this.pathRunEnd) return this.pathRunEnd;
    const text = this.text;
    const n = this.n;
    let j = p;
    while (j < n && cls(PATH_CHAR, text.charCodeAt(j))) j++;
    this.scanned += j - p;
    this.pathRunFrom = p;
    this.pathRunEnd = j;
    return j;
  }

  private schemeChars(p: number): number {
    if (p >= this.schemeRunFrom && p <= this.schemeRunEnd) return this.schemeRunEnd;
    const text = this.text;
    const n = this.n;
    let j = p;
    while (j < n && cls(URI_SCHEME, text.charCodeAt(j))) j++;
    this.scanned += j - p;
    this.schemeRunFrom = p;
    this.schemeRunEnd = j;
    return j;
  }

  /** The token table, or undefined when a string is unterminated outside strict mode (lex again, strict). */
  run(): LexResult | undefined {
    const n = this.n;
    while (this.i < n) {
      const mode = this.top();
      if (mode === Mode.STRING) {
        if (!this.string()) return undefined;
      } else if (mode === Mode.IND) this.indented();
      else if (mode === Mode.INPATH || mode === Mode.INPATH_SLASH) this.inPath(mode);
      else this.code();
    }
    const top = this.top();
    if (top === Mode.IND) {
      let k = this.count - 1;
      while (k >= 0 && this.kind[k] !== Tok.IND_OPEN) k--;
      const s = k >= 0 ? this.start[k] : n;
      this.errors.push({ start: s, end: s + 2, message: "unterminated indented string: missing closing \"''\"" });
    } else if (top === Mode.INPATH || top === Mode.INPATH_SLASH) {
      if (top === Mode.INPATH_SLASH) this.errors.push({ start: n - 1, end: n, message: 'path has a trailing slash' });
      this.push(Tok.PATH_END, n, n);
    }
    this.push(Tok.EOF, n, n);
    const count = this.count;
    return {
      kind: this.kind.subarray(0, count),
      start: this.start.subarray(0, count),
      end: this.end.subarray(0, count),
      valueAt: this.valueAt.subarray(0, count),
      values: this.values,
      comments: this.comments,
      errors: this.errors,
      count,
      scanned: this.scanned,
    };
  }

  /** Inside "...": one token. False when the string is unterminated and lexing must start again, strict. */
  private string(): boolean {
    const text = this.text;
    const n = this.n;
    const i = this.i;
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      this.push(Tok.DQUOTE_CLOSE, i, i + 1);
      this.modes.pop();
      this.openStrings.pop();
      this.openStrings.pop();
      this.i = i + 1;
      return true;
    }
    if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123) {
      this.push(Tok.DOLLAR_CURLY, i, i + 2);
      this.modes.push(Mode.DEFAULT);
      this.i = i + 2;
      return true;
    }
    const strict = this.strict;
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
    if (j > i) this.push(Tok.STR, i, j, out + text.slice(seg, j));
    this.i = eof ? n : j;
    if (this.i >= n || lineEnd) {
      if (!strict) return false;
      const known = this.openStrings.length > 0;
      const at = known ? (this.openStrings.pop() as number) : this.i;
      const depth = known ? (this.openStrings.pop() as number) : 0;
      this.errors.push({ start: at, end: at + 1, message: 'unterminated string: missing closing \'"\'' });
      this.push(Tok.DQUOTE_CLOSE, this.i, this.i);
      if (known) this.modes.length = depth;
      else this.modes.pop();
    }
    return true;
  }

  /** Inside ''...'': one token. */
  private indented(): void {
    const text = this.text;
    const n = this.n;
    const i = this.i;
    const c = text.charCodeAt(i);
    if (c === 39 /* ' */ && text.charCodeAt(i + 1) === 39) {
      const e = text.charCodeAt(i + 2);
      if (e === 39) { this.push(Tok.IND_ESC, i, i + 3, "''"); this.i = i + 3; return; }
      if (e === 36) { this.push(Tok.IND_ESC, i, i + 3, '$'); this.i = i + 3; return; }
      if (e === 92 && i + 3 < n) {
        this.push(Tok.IND_ESC, i, i + 4, unescapeChar(text.charCodeAt(i + 3), text[i + 3]));
        this.i = i + 4;
        return;
      }
      this.push(Tok.IND_CLOSE, i, i + 2);
      this.modes.pop();
      this.i = i + 2;
      return;
    }
    if (c === 36 && text.charCodeAt(i + 1) === 123) {
      this.push(Tok.DOLLAR_CURLY, i, i + 2);
      this.modes.push(Mode.DEFAULT);
      this.i = i + 2;
      return;
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
      this.push(Tok.IND_STR, i, j, text.slice(i, j));
      this.i = j;
    } else {
      this.push(Tok.IND_ESC, i, i + 1, text[i]);
      this.i = i + 1;
    }
  }

  /** After a path's first segment: its further pieces, up to a zero-width PATH_END. */
  private inPath(mode: Mode): void {
    const text = this.text;
    const n = this.n;
    const i = this.i;
    if (text.charCodeAt(i) === 36 && text.charCodeAt(i + 1) === 123) {
      this.push(Tok.DOLLAR_CURLY, i, i + 2);
      this.modes.pop();
      this.modes.push(Mode.INPATH, Mode.DEFAULT);
      this.i = i + 2;
      return;
    }
    let j = this.pathChars(i);
    while (j < n && text.charCodeAt(j) === 47) {
      j++;
      if (!cls(PATH_CHAR, text.charCodeAt(j))) break;
      j = this.pathChars(j);
    }
    if (j > i) {
      this.push(Tok.PATH_STR, i, j, text.slice(i, j));
      this.modes[this.modes.length - 1] = text.charCodeAt(j - 1) === 47 ? Mode.INPATH_SLASH : Mode.INPATH;
      this.i = j;
      return;
    }
    if (mode === Mode.INPATH_SLASH) this.errors.push({ start: i - 1, end: i, message: 'path has a trailing slash' });
    this.push(Tok.PATH_END, i, i);
    this.modes.pop();
  }

  /** Code (DEFAULT / INITIAL): blanks and comments, then one token (they leave the mode as it is). */
  private code(): void {
    const text = this.text;
    const n = this.n;
    let i = this.i;
    let c = text.charCodeAt(i);
    for (;;) {
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d !== 32 && d !== 9 && d !== 10 && d !== 13) break;
          i++;
        }
      } else if (c === 35 /* # */) {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 10 || d === 13) break;
          j++;
        }
        this.comments.push({ start: i, end: j, block: false });
        i = j;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) {
          this.errors.push({ start: i, end: i + 2, message: "unterminated comment: missing '*/'" });
          this.comments.push({ start: i, end: n, block: true });
          i = n;
        } else {
          this.comments.push({ start: i, end: close + 2, block: true });
          i = close + 2;
        }
      } else break;
      if (i >= n) {
        this.i = i;
        return;
      }
      c = text.charCodeAt(i);
    }
    this.i = i;
    // Punctuation no word-like rule can start (not a name, number or path character): the
    // token is the character itself. About half the tokens of a file; the rest go through
    // the longest-match rules.
    let k: Tok;
    switch (c) {
      case 123: k = Tok.LBRACE; this.modes.push(Mode.DEFAULT); break;
      case 125: k = Tok.RBRACE; if (this.modes.length > 1) this.modes.pop(); break;
      case 91: k = Tok.LBRACKET; break;
      case 93: k = Tok.RBRACKET; break;
      case 40: k = Tok.LPAREN; break;
      case 41: k = Tok.RPAREN; break;
      case 59: k = Tok.SEMI; break;
      case 58: k = Tok.COLON; break;
      case 44: k = Tok.COMMA; break;
      case 64: k = Tok.AT; break;
      case 63: k = Tok.QUESTION; break;
      case 42: k = Tok.STAR; break;
      case 34: k = Tok.DQUOTE_OPEN; this.openStrings.push(this.modes.length, i); this.modes.push(Mode.STRING); break;
      case 61:
        if (text.charCodeAt(i + 1) === 61) return this.token(c);
        k = Tok.ASSIGN;
        break;
      default:
        return this.token(c);
    }
    this.push(k, i, i + 1);
    this.i = i + 1;
  }

  /** One token of code by the word-like rules and the operators (longest match). */
  private token(c: number): void {
    const text = this.text;
    const n = this.n;
    const i = this.i;
    if (c < 128 && ID_START[c] === 1) {
      // A name, unless a path or a URI goes on further: a path needs a '/' after its run of
      // path characters, and a URI a ':' after its scheme, which is where that same run ends
      // (scheme characters are path characters, and ':' is neither). That run goes past the
      // name only over '.' or '+' (it stops at a name's "'"). Most tokens are names.
      let j = i + 1;
      while (j < n && cls(ID_CHAR, text.charCodeAt(j))) j++;
      const d = text.charCodeAt(j);
      let name = d !== 46 && d !== 43 && d !== 47 && d !== 58;
      if (!name) {
        const after = text.charCodeAt(this.pathChars(i));
        name = after !== 47 && after !== 58;
      }
      if (name) {
        this.push(keyword(text, i, j - i), i, j);
        this.i = j;
        return;
      }
    }
    // Longest match among the word-like rules; ties go to the earlier rule.
    let bestLen = 0;
    let bestKind: Tok = Tok.CHAR;
    let tokLen = 0; // token length when it differs from the match length (PATH_SEG${)
    if (cls(ID_START, c)) {
      let j = i + 1;
      while (j < n && cls(ID_CHAR, text.charCodeAt(j))) j++;
      bestLen = j - i;
      bestKind = keyword(text, i, j - i);
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
      const j0 = this.pathChars(i);
      let j = j0;
      let segs = 0;
      while (text.charCodeAt(j) === 47 && cls(PATH_CHAR, text.charCodeAt(j + 1))) {
        j = this.pathChars(j + 1);
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
        j = this.pathChars(j + 1);
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
      let j = this.pathChars(i + 1);
      while (text.charCodeAt(j) === 47 && cls(PATH_CHAR, text.charCodeAt(j + 1))) j = this.pathChars(j + 1);
      if (text.charCodeAt(j) === 62 && j + 1 - i > bestLen) { bestLen = j + 1 - i; bestKind = Tok.SPATH; tokLen = 0; }
    }
    if (c < 128 && ID_START[c] === 1 && c !== 95) {
      let j = this.schemeChars(i + 1);
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
      this.push(Tok.CHAR, i, i + w);
      this.i = i + w;
      return;
    }
    const tEnd = i + (tokLen || bestLen);
    switch (bestKind) {
      case Tok.LBRACE:
      case Tok.DOLLAR_CURLY:
        this.modes.push(Mode.DEFAULT);
        break;
      case Tok.RBRACE:
        if (this.modes.length > 1) this.modes.pop();
        break;
      case Tok.DQUOTE_OPEN:
        this.openStrings.push(this.modes.length, i);
        this.modes.push(Mode.STRING);
        break;
      case Tok.IND_OPEN: {
        // ''(\ *\n)? : the opening may swallow spaces and one newline.
        let j = i + 2;
        while (text.charCodeAt(j) === 32) j++;
        this.push(Tok.IND_OPEN, i, text.charCodeAt(j) === 10 ? j + 1 : i + 2);
        this.i = text.charCodeAt(j) === 10 ? j + 1 : i + 2;
        this.modes.push(Mode.IND);
        return;
      }
      case Tok.PATH:
      case Tok.HPATH:
        this.modes.push(text.charCodeAt(tEnd - 1) === 47 ? Mode.INPATH_SLASH : Mode.INPATH);
        break;
      case Tok.INT: {
        if (tEnd - i >= 19) {
          const digits = text.slice(i, tEnd);
          if (BigInt(digits) > MAX_INT) this.errors.push({ start: i, end: tEnd, message: `invalid integer '${digits}' (too large)` });
        }
        break;
      }
    }
    this.push(bestKind, i, tEnd);
    this.i = tEnd;
  }
}

/** The keyword written at i (len characters), or ID: compared in place, since a name is not sliced out of the text here. */
function keyword(text: string, i: number, len: number): Tok {
  switch (len) {
    case 2:
      if (text.charCodeAt(i) === 105 /* i */) {
        const d = text.charCodeAt(i + 1);
        if (d === 102) return Tok.IF;
        if (d === 110) return Tok.IN;
      } else if (text.startsWith('or', i)) return Tok.OR_KW;
      return Tok.ID;
    case 3:
      return text.startsWith('let', i) ? Tok.LET : text.startsWith('rec', i) ? Tok.REC : Tok.ID;
    case 4:
      return text.startsWith('then', i) ? Tok.THEN : text.startsWith('else', i) ? Tok.ELSE : text.startsWith('with', i) ? Tok.WITH : Tok.ID;
    case 6:
      return text.startsWith('assert', i) ? Tok.ASSERT : Tok.ID;
    case 7:
      return text.startsWith('inherit', i) ? Tok.INHERIT : Tok.ID;
    default:
      return Tok.ID;
  }
}
