// Token kinds of the Nix lexer, and the flat token table it fills. Tokens live in
// parallel arrays (not one object each) so a multi-megabyte file lexes quickly.

// A plain object, not a TypeScript enum: enum objects carry a reverse mapping
// that makes property reads slow in the lexer's hot loop.
export const Tok = {
  EOF: 0,
  ID: 1,
  INT: 2,
  FLOAT: 3,
  /** First segment of a path literal (`./a`, `/abs`, `a/b/`). */
  PATH: 4,
  /** First segment of a home path (`~/x`). */
  HPATH: 5,
  /** `<nixpkgs>` */
  SPATH: 6,
  URI: 7,
  /** Literal text inside "..." (value is unescaped). */
  STR: 8,
  /** Literal text inside a path after an interpolation. */
  PATH_STR: 9,
  /** Zero-width end of an interpolated path. */
  PATH_END: 10,
  /** Raw text inside ''...'' (subject to indentation stripping). */
  IND_STR: 11,
  /** An escape (`''$`, `'''`, `''\x`) or a lone `$`/`'` inside ''...''. */
  IND_ESC: 12,
  DQUOTE_OPEN: 13,
  DQUOTE_CLOSE: 14,
  IND_OPEN: 15,
  IND_CLOSE: 16,
  DOLLAR_CURLY: 17,
  IF: 18,
  THEN: 19,
  ELSE: 20,
  ASSERT: 21,
  WITH: 22,
  LET: 23,
  IN: 24,
  REC: 25,
  INHERIT: 26,
  OR_KW: 27,
  ELLIPSIS: 28,
  EQ: 29,
  NEQ: 30,
  LEQ: 31,
  GEQ: 32,
  AND: 33,
  OR: 34,
  IMPL: 35,
  UPDATE: 36,
  CONCAT: 37,
  LBRACE: 38,
  RBRACE: 39,
  LBRACKET: 40,
  RBRACKET: 41,
  LPAREN: 42,
  RPAREN: 43,
  SEMI: 44,
  COLON: 45,
  COMMA: 46,
  AT: 47,
  DOT: 48,
  QUESTION: 49,
  ASSIGN: 50,
  LT: 51,
  GT: 52,
  PLUS: 53,
  MINUS: 54,
  STAR: 55,
  SLASH: 56,
  BANG: 57,
  /** Any other single character; the parser reports it. */
  CHAR: 58,
  /** A lexical error (unterminated comment, trailing slash, bad number...). */
  ERROR: 59,
  /** `|>` (experimental `pipe-operators`): `x |> f` is `f x`. */
  PIPE_INTO: 60,
  /** `<|` (experimental `pipe-operators`): `f <| x` is `f x`. */
  PIPE_FROM: 61,
} as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

/** What a person reads for each token kind in "expected X, found Y" messages. */
export function describeTok(kind: Tok, text: string): string {
  switch (kind) {
    case Tok.EOF:
      return 'end of file';
    case Tok.ID:
      return `'${text}'`;
    case Tok.INT:
    case Tok.FLOAT:
      return `number ${text}`;
    case Tok.PATH:
    case Tok.HPATH:
    case Tok.SPATH:
      return `path ${text}`;
    case Tok.URI:
      return `URI ${text}`;
    case Tok.STR:
    case Tok.IND_STR:
    case Tok.IND_ESC:
    case Tok.PATH_STR:
      return 'text';
    case Tok.PATH_END:
      return 'end of path';
    case Tok.DQUOTE_OPEN:
    case Tok.DQUOTE_CLOSE:
      return "'\"'";
    case Tok.IND_OPEN:
    case Tok.IND_CLOSE:
      return "\"''\"";
    default:
      return `'${text}'`;
  }
}

export interface Comment {
  start: number;
  end: number;
  /** `#` line comment or `/* *\/` block comment. */
  block: boolean;
}

/** The lexer's output: token i spans [start[i], end[i]). */
export interface TokenTable {
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** For token i, 1 + the index of its value in `values`, or 0 when it has none (read with tokenValue). */
  valueAt: Int32Array;
  /** Unescaped values of the STR/IND_STR/IND_ESC/PATH_STR tokens, in token order. */
  values: string[];
  comments: Comment[];
  count: number;
}

/**
 * Token arrays reused from one lexing to the next: the parser's, whose token table is read
 * while the tree is built and never after (a ParseResult does not hold it). A fleet's ten
 * thousand small files each took four fresh typed arrays, buffers outside V8's heap that
 * lived until a collection found them dead: ~26 MB of the start-up's peak at 10,000
 * machines. Reused, a file's table costs nothing; the lexer writes every slot of a token
 * (valueAt too) before anything reads it. Arrays past MAX_SCRATCH_TOKENS are not kept, so
 * one large file does not pin its table. A result lexed with it is valid until its next use.
 */
export class LexScratch {
  kind: Uint8Array = new Uint8Array(0);
  start: Int32Array = new Int32Array(0);
  end: Int32Array = new Int32Array(0);
  valueAt: Int32Array = new Int32Array(0);

  /** Takes a lexer's new arrays as its own, unless they are too large to keep. */
  keep(kind: Uint8Array, start: Int32Array, end: Int32Array, valueAt: Int32Array): void {
    if (kind.length > MAX_SCRATCH_TOKENS) return;
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.valueAt = valueAt;
  }
}

/** Tokens a LexScratch keeps room for (13 bytes each). */
const MAX_SCRATCH_TOKENS = 1 << 16;

/** The unescaped value of token i (a STR, IND_STR, IND_ESC or PATH_STR token), if it has one. */
export function tokenValue(t: TokenTable, i: number): string | undefined {
  const at = t.valueAt[i];
  return at === 0 ? undefined : t.values[at - 1];
}
