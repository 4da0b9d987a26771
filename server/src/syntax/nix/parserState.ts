// Cursor over the token table shared by the parser's modules, with the error
// policy: one error per position, one error at end of file, nothing after the
// nesting limit, so a half-typed file gets a few useful errors, not a cascade.
import type { Span } from '../value';
import type { Node } from './ast';
import type { LexResult } from './lexer';
import { Tok as TokEnum, describeTok } from './tokens';
// A local alias: reading an imported binding goes through a getter (slow in the hot loop).
const Tok = TokEnum;
type Tok = TokEnum;

export interface ParseError {
  span: Span;
  message: string;
}

/** Nesting units (roughly three per bracket level) before the parser stops descending. */
export const MAX_DEPTH = 1500;

/** Size of ParserState's table of shared words (a power of two). */
const WORDS = 1024;
/**
 * The table itself, emptied for each parse (one parse at a time; a file's words are not
 * shared with the next file's): 8 KB made for each of a fleet's ten thousand small files
 * was a twelfth of what their evaluation allocates.
 */
const WORD_TABLE: (string | undefined)[] = new Array<string | undefined>(WORDS).fill(undefined);

export class ParserState {
  p = 0;
  depth = 0;
  tooDeep = false;
  eofReported = false;
  /** End offset of the last consumed token. */
  lastEnd = 0;
  readonly errors: ParseError[] = [];
  /** Work counter: tokens consumed plus loop iterations, for linearity tests. */
  steps = 0;
  /**
   * One stack for the children of every list being read (bindings, list items, the names of
   * a path, the parts of a string): a list is copied out of it at its exact length when it
   * ends. Growing each list by `push` from empty gives it room for 17 elements, and most hold
   * one or two: on a large file that was a fifth of the tree's memory.
   */
  private readonly scratch: Node[] = [];
  private top = 0;

  constructor(
    readonly text: string,
    readonly t: LexResult,
  ) {}

  /** Where a list being read starts on the scratch stack. */
  mark(): number {
    return this.top;
  }
  add(n: Node): void {
    this.scratch[this.top++] = n;
  }
  /** The last element added (the list being read is not empty). */
  last(): Node {
    return this.scratch[this.top - 1];
  }
  /**
   * The elements added since `base`, as an array of their exact length; pops them. Most lists
   * hold one to four elements: those are array literals, whose allocation V8 moves to the old
   * generation once it sees that they live long (it does so for literals, not for `slice`).
   */
  take<T extends Node>(base: number): T[] {
    const top = this.top;
    const sc = this.scratch;
    this.top = base;
    switch (top - base) {
      case 0:
        return [];
      case 1:
        return [sc[base]] as T[];
      case 2:
        return [sc[base], sc[base + 1]] as T[];
      case 3:
        return [sc[base], sc[base + 1], sc[base + 2]] as T[];
      case 4:
        return [sc[base], sc[base + 1], sc[base + 2], sc[base + 3]] as T[];
      default:
        return sc.slice(base, top) as T[];
    }
  }

  /**
   * Names and numbers as written, shared: a file says `enable`, `lib` or `22` many times, and
   * one string each is less to allocate and keep (an 8 MB file has 400,000 of them). A small
   * direct-mapped table; a hit compares the text in place, so it allocates nothing.
   */
  private readonly words: (string | undefined)[] = WORD_TABLE.fill(undefined);

  word(start: number, end: number): string {
    const text = this.text;
    const len = end - start;
    if (len > 32) return text.slice(start, end);
    const h = (text.charCodeAt(start) * 31 + text.charCodeAt(start + (len >> 1)) * 7 + text.charCodeAt(end - 1) + len * 131) & (WORDS - 1);
    const w = this.words[h];
    if (w !== undefined && w.length === len && text.startsWith(w, start)) return w;
    const v = text.slice(start, end);
    this.words[h] = v;
    return v;
  }

  k(): Tok {
    return this.t.kind[this.p] as Tok;
  }
  kAt(i: number): Tok {
    return this.t.kind[Math.min(i, this.t.count - 1)] as Tok;
  }
  get start(): number {
    return this.t.start[this.p];
  }
  get end(): number {
    return this.t.end[this.p];
  }
  tokText(i = this.p): string {
    return this.text.slice(this.t.start[i], this.t.end[i]);
  }
  /** The text of token i, shared (a name). */
  tokWord(i: number): string {
    return this.word(this.t.start[i], this.t.end[i]);
  }
  /** Consumes the current token and returns its index. */
  next(): number {
    const i = this.p;
    this.steps++;
    if (this.t.kind[i] !== Tok.EOF) {
      this.lastEnd = this.t.end[i];
      this.p++;
    }
    return i;
  }
  eat(k: Tok): boolean {
    if (this.k() !== k) return false;
    this.next();
    return true;
  }
  describe(i = this.p): string {
    return describeTok(this.t.kind[i] as Tok, this.tokText(i));
  }

  error(start: number, end: number, message: string): void {
    if (this.tooDeep) return;
    if (this.k() === Tok.EOF) {
      if (this.eofReported) return;
      this.eofReported = true;
    }
    const last = this.errors[this.errors.length - 1];
    if (last && last.span.start === start) return;
    this.errors.push({ span: { start, end }, message });
  }
  /** Reports "unexpected <current token>" with what was expected. */
  unexpected(expected: string): void {
    const what = this.k() === Tok.EOF ? 'unexpected end of file' : `unexpected ${this.describe()}`;
    this.error(this.start, Math.max(this.end, this.start), `${what}: expected ${expected}`);
  }

  /**
   * Enters one nesting unit; false (after reporting once) when too deep. Callers pair it with
   * `leave` (and `depth +=` with `depth -=`) without try/finally: the parser never throws, and a
   * parse that did would throw its state away. The finally blocks in the recursive functions
   * were optimising-compiler work paid in every fresh process (~2% of its instructions on a
   * 2 MB file).
   */
  enter(): boolean {
    if (this.tooDeep) return false;
    if (++this.depth > MAX_DEPTH) {
      this.stopTooDeep(this.start, this.end, 'expression');
      return false;
    }
    return true;
  }
  /** Reports the nesting limit once and skips to the end: nothing after it is parsed. */
  stopTooDeep(start: number, end: number, what: string): void {
    this.error(start, end, `${what} nested too deeply (more than ${MAX_DEPTH / 3} levels); the rest of the file is not analysed`);
    this.tooDeep = true;
    this.p = this.t.count - 1;
  }
  leave(): void {
    this.depth--;
  }
  /** For left-nested chains (a + b + c..., f a b c...) that the parser builds in a loop. */
  chainTooDeep(chain: number): boolean {
    if (this.depth + chain <= MAX_DEPTH) return false;
    this.depth += chain;
    this.enter();
    this.depth -= chain + 1;
    return true;
  }

  /**
   * Skips tokens until one of `stops` at bracket depth 0 (not consumed) or EOF.
   * Brackets opened while skipping are skipped whole.
   */
  skipTo(stops: readonly Tok[]): void {
    let level = 0;
    for (;;) {
      const k = this.k();
      this.steps++;
      if (k === Tok.EOF) return;
      if (level === 0 && stops.includes(k)) return;
      if (k === Tok.LBRACE || k === Tok.LBRACKET || k === Tok.LPAREN || k === Tok.DOLLAR_CURLY) level++;
      else if (k === Tok.RBRACE || k === Tok.RBRACKET || k === Tok.RPAREN) {
        if (level === 0) return;
        level--;
      }
      this.next();
    }
  }
}
