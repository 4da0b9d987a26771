// Token kinds of the Nix lexer, and the flat token table it fills. Tokens live in
// parallel arrays (not one object each) so a multi-megabyte file lexes quickly.

export enum Tok {
  EOF,
  ID,
  INT,
  FLOAT,
  /** First segment of a path literal (`./a`, `/abs`, `a/b/`). */
  PATH,
  /** First segment of a home path (`~/x`). */
  HPATH,
  /** `<nixpkgs>` */
  SPATH,
  URI,
  /** Literal text inside "..." (value is unescaped). */
  STR,
  /** Literal text inside a path after an interpolation. */
  PATH_STR,
  /** Zero-width end of an interpolated path. */
  PATH_END,
  /** Raw text inside ''...'' (subject to indentation stripping). */
  IND_STR,
  /** An escape (`''$`, `'''`, `''\x`) or a lone `$`/`'` inside ''...''. */
  IND_ESC,
  DQUOTE_OPEN,
  DQUOTE_CLOSE,
  IND_OPEN,
  IND_CLOSE,
  DOLLAR_CURLY,
  IF,
  THEN,
  ELSE,
  ASSERT,
  WITH,
  LET,
  IN,
  REC,
  INHERIT,
  OR_KW,
  ELLIPSIS,
  EQ,
  NEQ,
  LEQ,
  GEQ,
  AND,
  OR,
  IMPL,
  UPDATE,
  CONCAT,
  LBRACE,
  RBRACE,
  LBRACKET,
  RBRACKET,
  LPAREN,
  RPAREN,
  SEMI,
  COLON,
  COMMA,
  AT,
  DOT,
  QUESTION,
  ASSIGN,
  LT,
  GT,
  PLUS,
  MINUS,
  STAR,
  SLASH,
  BANG,
  /** Any other single character; the parser reports it. */
  CHAR,
  /** A lexical error (unterminated comment, trailing slash, bad number...). */
  ERROR,
}

export const KEYWORDS: ReadonlyMap<string, Tok> = new Map([
  ['if', Tok.IF],
  ['then', Tok.THEN],
  ['else', Tok.ELSE],
  ['assert', Tok.ASSERT],
  ['with', Tok.WITH],
  ['let', Tok.LET],
  ['in', Tok.IN],
  ['rec', Tok.REC],
  ['inherit', Tok.INHERIT],
  ['or', Tok.OR_KW],
]);

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
  kind: Tok[];
  start: number[];
  end: number[];
  /** Unescaped value of STR/IND_STR/IND_ESC/PATH_STR tokens, message of ERROR tokens. */
  value: (string | undefined)[];
  comments: Comment[];
  count: number;
}
