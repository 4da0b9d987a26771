// A fast reader for the block YAML that inventories are written in: nested
// block mappings and sequences, single-line plain and quoted scalars, flow
// sequences and mappings on one line, comments and blank lines. It builds the
// same value tree, with the same origins, as the general path (the `yaml`
// package, then convertYaml.ts) in a single pass over the lines, several
// times faster. Anything else (anchors, tags, block scalars, flow collections
// over several lines, multi-line scalars, explicit keys, empty values,
// duplicate keys, documents markers, tabs, CR, any error) makes it give up and return undefined, and
// the general path reads the file: it never guesses. test/unit/yaml/fastYaml
// compares the two on every repository file and on generated documents.
import { type Entry, type Origin, Place, placed, placedEntry, type Value } from '../value';
import { ESCAPES, NotSimple, plainValue, scalarValue } from './yamlScalars';

/** Flow collections nested deeper than this on one line are left to the general path. */
const MAX_FLOW_DEPTH = 64;

interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset of the line's newline (or the text's end). */
  end: number;
  indent: number;
}

interface Node {
  value: Value;
  /** Where a parent collection's range ends when this is its last item (the package's `range[2]`). */
  end2: number;
}

/** Characters that may not start a plain scalar here (indicators), or that make it ambiguous. */
const BAD_PLAIN_START = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** The document's value and the number of values built, or undefined: not simple, read it the general way. */
export function readSimpleYaml(text: string, uri: string): { value: Value; nodeCount: number } | undefined {
  if (text.length === 0 || /[\r\t\uFEFF]/.test(text)) return undefined;
  try {
    const reader = new Reader(text, uri);
    const value = reader.document();
    return value ? { value, nodeCount: reader.nodeCount } : undefined;
  } catch (e) {
    if (e instanceof NotSimple) return undefined;
    throw e;
  }
}

class Reader {
  nodeCount = 0;
  private readonly lines: Line[] = [];
  /**
   * One string per distinct key: an inventory of 10,000 machines repeats
   * `host`, `ip`, `hostname`... in every entry, each a string of its own.
   */
  private readonly keyNames = new Map<string, string>();
  /** Index of the next content line. */
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly uri: string,
  ) {
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let indent = 0;
      while (text.charCodeAt(start + indent) === 32) indent++;
      // Content lines only: blank lines and whole-line comments are skipped (but count for ranges).
      const c = text[start + indent];
      if (start + indent < end && c !== '#') this.lines.push({ start, end, indent });
      if (end === text.length) break;
      start = end + 1;
    }
  }

  document(): Value | undefined {
    if (this.lines.length === 0) return undefined;
    const first = this.lines[0];
    if (first.indent !== 0 || /^(---|\.\.\.|%)/.test(this.text.slice(first.start, first.start + 3))) return undefined;
    const root = this.block(0);
    if (this.i < this.lines.length) throw new NotSimple();
    return root.value;
  }

  private keyName(name: string): string {
    const known = this.keyNames.get(name);
    if (known !== undefined) return known;
    this.keyNames.set(name, name);
    return name;
  }

  private origin(start: number, end: number): Origin {
    this.nodeCount++;
    return new Place(this.uri, start, end);
  }

  /** After the line's newline: where a value on that line ends for its parent. */
  private lineEnd2(line: Line): number {
    return line.end < this.text.length ? line.end + 1 : line.end;
  }

  /**
   * Where a collection at `indent` that ends at `end1` ends for its parent:
   * the `yaml` package gives the comment lines after a collection (and the
   * blank lines among and after them, up to the next content line) to the
   * innermost collection closing there, not at column 0, whose column is at
   * most the deepest comment's column. Called innermost first: a claimed run moves the
   * parent's own end past it, so no one claims it twice.
   */
  private claimTrailingComments(end1: number, indent: number): number {
    let pos = end1;
    let deepest = -1;
    while (pos < this.text.length) {
      let eol = this.text.indexOf('\n', pos);
      if (eol < 0) eol = this.text.length;
      let col = 0;
      while (this.text.charCodeAt(pos + col) === 32) col++;
      if (pos + col < eol && this.text[pos + col] !== '#') {
        // A claimed run reaches the next content itself, past its indentation.
        pos += col;
        break;
      }
      if (pos + col < eol) deepest = Math.max(deepest, col);
      pos = eol < this.text.length ? eol + 1 : eol;
    }
    // As the package's parser pops a collection: it keeps the run unless it is at column 0 or
    // every comment is less indented than it; else the run passes to its parent.
    return indent > 0 && deepest >= indent ? pos : end1;
  }

  /** The block collection whose first line is the next line, at `indent`. */
  private block(indent: number): Node {
    const line = this.lines[this.i];
    if (!line || line.indent !== indent) throw new NotSimple();
    return this.isSeqItem(line, line.start + indent) ? this.seq(indent, line.start + indent) : this.map(indent, line.start + indent);
  }

  private isSeqItem(line: Line, at: number): boolean {
    return this.text[at] === '-' && (at + 1 === line.end || this.text[at + 1] === ' ');
  }

  /** A block mapping whose keys start at column `indent` (the first at `firstAt`, after `- ` maybe). */
  private map(indent: number, firstAt: number): Node {
    const entries = new Map<string, Entry>();
    let at = firstAt;
    let last: Node | undefined;
    for (;;) {
      const line = this.lines[this.i];
      const { name: read, end: colon } = this.key(line, at);
      const name = this.keyName(read);
      if (entries.has(name) || name === '<<') throw new NotSimple();
      const keyOrigin = this.origin(at, colon);
      this.i++;
      const valueNode = this.valueAfter(line, colon + 1, indent);
      entries.set(name, placedEntry(name, keyOrigin, valueNode.value));
      last = valueNode;
      const next = this.lines[this.i];
      if (!next || next.indent < indent) break;
      if (next.indent > indent) throw new NotSimple();
      // A sequence item at the map's own column ends it (a parent sequence, or nothing: then an error).
      if (this.isSeqItem(next, next.start + indent)) break;
      at = next.start + indent;
    }
    const end1 = last.end2;
    return { value: placed.attrs(entries, this.origin(firstAt, end1)), end2: this.claimTrailingComments(end1, indent) };
  }

  /** A block sequence whose dashes are at column `indent`. */
  private seq(indent: number, firstAt: number): Node {
    const items: Value[] = [];
    let last: Node | undefined;
    for (;;) {
      const line = this.lines[this.i];
      const dash = line.start + indent;
      if (!this.isSeqItem(line, dash)) throw new NotSimple();
      let content = dash + 1;
      while (this.text[content] === ' ') content++;
      let node: Node;
      if (content >= line.end || this.text[content] === '#') {
        // `-` alone: the item is the block below it.
        this.i++;
        const next = this.lines[this.i];
        if (!next || next.indent <= indent) throw new NotSimple();
        node = this.block(next.indent);
      } else if (this.looksLikeKey(line, content)) {
        // `- key: value`: a mapping whose column is that of its first key.
        node = this.map(content - line.start, content);
      } else {
        this.i++;
        node = this.inlineValue(line, content, indent);
      }
      items.push(node.value);
      last = node;
      const next = this.lines[this.i];
      if (!next || next.indent < indent) break;
      if (next.indent !== indent) throw new NotSimple();
      if (!this.isSeqItem(next, next.start + indent)) break; // the parent mapping's next key, at the same column
    }
    const end1 = last.end2;
    return { value: placed.list(items, this.origin(firstAt, end1)), end2: this.claimTrailingComments(end1, indent) };
  }

  /** Whether a `key:` starts at `at` (a plain or quoted scalar followed by `: ` or `:` at the end). */
  private looksLikeKey(line: Line, at: number): boolean {
    const c = this.text[at];
    if (c === '"' || c === "'") {
      const close = this.quotedEnd(line, at);
      return this.text[close] === ':';
    }
    const colon = this.keyColon(line, at);
    return colon >= 0;
  }

  /** The `:` ending a plain key starting at `at` on the line, or -1. */
  private keyColon(line: Line, at: number): number {
    for (let p = at; p < line.end; p++) {
      const c = this.text[p];
      if (c === ':' && (p + 1 === line.end || this.text[p + 1] === ' ')) return p;
      if (c === '#' && this.text[p - 1] === ' ') return -1;
    }
    return -1;
  }

  /** The key at `at`: its name (as the general path names it), and the offset of its end (the `:`). */
  private key(line: Line, at: number): { name: string; end: number } {
    const c = this.text[at];
    if (c === '"' || c === "'") {
      const close = this.quotedEnd(line, at);
      if (this.text[close] !== ':' || (close + 1 < line.end && this.text[close + 1] !== ' ')) throw new NotSimple();
      return { name: this.unquote(at, close), end: close };
    }
    if (BAD_PLAIN_START.has(c)) throw new NotSimple();
    const colon = this.keyColon(line, at);
    if (colon < 0) throw new NotSimple();
    const raw = this.text.slice(at, colon);
    if (raw !== raw.trimEnd() || raw.includes(': ')) throw new NotSimple();
    // convertYaml names a scalar key by String(value): `1`, `0x1` and `"1"` are all `1`.
    return { name: String(plainValue(raw)), end: colon };
  }

  /**
   * The value after a key's `:` at `from` on `line` (already consumed): on the
   * same line, or the block below (more indented, or a sequence at the key's column).
   */
  private valueAfter(line: Line, from: number, keyIndent: number): Node {
    let p = from;
    while (this.text[p] === ' ') p++;
    if (p < line.end && this.text[p] !== '#') return this.inlineValue(line, p, keyIndent);
    const next = this.lines[this.i];
    if (next && next.indent > keyIndent) return this.block(next.indent);
    if (next && next.indent === keyIndent && this.isSeqItem(next, next.start + keyIndent)) return this.seq(keyIndent, next.start + keyIndent);
    throw new NotSimple(); // an empty value
  }

  /** A scalar or a flow collection starting at `p` on `line` (consumed), ending the line. */
  private inlineValue(line: Line, p: number, ownerIndent: number): Node {
    const c = this.text[p];
    let value: Value;
    let end: number;
    if (c === '[' || c === '{') {
      const r = this.flow(line, p, 0);
      value = r.value;
      end = r.end;
    } else if (c === '"' || c === "'") {
      end = this.quotedEnd(line, p);
      if (end > line.end) throw new NotSimple();
      value = placed.string(this.unquote(p, end), this.origin(p, end));
    } else {
      if (BAD_PLAIN_START.has(c) && !(c === '-' && this.text[p + 1] !== ' ' && p + 1 < line.end)) throw new NotSimple();
      end = this.plainEnd(line, p);
      const raw = this.text.slice(p, end);
      if (raw.includes(': ') || raw.endsWith(':')) throw new NotSimple();
      value = scalarValue(plainValue(raw), this.origin(p, end));
    }
    this.restOfLine(line, end);
    // A more indented line after it would continue the scalar over lines (or be an error).
    const next = this.lines[this.i];
    if (next && next.indent > ownerIndent) throw new NotSimple();
    return { value, end2: this.commentsBelowValue(this.lineEnd2(line), ownerIndent) };
  }

  /**
   * A value on its line also owns the comment lines right below it that are
   * indented deeper than its owner (with blank lines among them): the
   * package's range for the value ends after the last of them.
   */
  private commentsBelowValue(from: number, ownerIndent: number): number {
    let end = from;
    let pos = from;
    while (pos < this.text.length) {
      let eol = this.text.indexOf('\n', pos);
      if (eol < 0) eol = this.text.length;
      let col = 0;
      while (this.text.charCodeAt(pos + col) === 32) col++;
      const blank = pos + col >= eol;
      if (!blank && (this.text[pos + col] !== '#' || col <= ownerIndent)) break;
      pos = eol < this.text.length ? eol + 1 : eol;
      if (!blank) end = pos;
    }
    return end;
  }

  /** Only spaces, then an optional comment, may follow a value on its line. */
  private restOfLine(line: Line, from: number): void {
    let p = from;
    while (this.text[p] === ' ') p++;
    if (p < line.end && !(this.text[p] === '#' && p > from)) throw new NotSimple();
  }

  /** End of a plain scalar starting at `p`: before ` #` or trailing spaces. */
  private plainEnd(line: Line, p: number): number {
    let end = p;
    // Within the line only (an indexOf over the rest of the text would make the reader quadratic).
    while (end < line.end && !(this.text.charCodeAt(end) === 35 && this.text.charCodeAt(end - 1) === 32)) end++;
    while (end > p && this.text[end - 1] === ' ') end--;
    return end;
  }

  /** Offset after the closing quote of a quoted scalar at `p` on the line (beyond the line: give up). */
  private quotedEnd(line: Line, p: number): number {
    const q = this.text[p];
    for (let k = p + 1; k < line.end; k++) {
      const c = this.text[k];
      if (q === '"' && c === '\\') {
        k++;
        continue;
      }
      if (c === q) {
        if (q === "'" && this.text[k + 1] === "'") {
          k++;
          continue;
        }
        return k + 1;
      }
    }
    throw new NotSimple(); // unterminated on this line: multi-line quoted scalars are not read here
  }

  private unquote(p: number, end: number): string {
    const body = this.text.slice(p + 1, end - 1);
    if (this.text[p] === "'") return body.replace(/''/g, "'");
    if (!body.includes('\\')) return body;
    return body.replace(/\\(.)/g, (_m, e: string) => {
      const simple = ESCAPES[e];
      if (simple === undefined) throw new NotSimple(); // \x, \u, line continuations...: the general path
      return simple;
    });
  }

  /**
   * `[a, "b", 3]` or `{a: 1, b: [x, {c: d}]}` on one line: scalars and nested
   * collections, every map entry `key: value`. Implicit keys and values, a
   * trailing comma, duplicate or merge keys: not simple.
   */
  private flow(line: Line, open: number, depth: number): { value: Value; end: number } {
    if (depth > MAX_FLOW_DEPTH) throw new NotSimple();
    const isMap = this.text[open] === '{';
    const close = isMap ? '}' : ']';
    const items: Value[] = [];
    const entries = new Map<string, Entry>();
    let p = open + 1;
    const skip = (): void => {
      while (this.text[p] === ' ') p++;
    };
    const done = (): { value: Value; end: number } => {
      const origin = this.origin(open, p + 1);
      return { value: isMap ? placed.attrs(entries, origin) : placed.list(items, origin), end: p + 1 };
    };
    skip();
    if (this.text[p] === close) return done();
    for (;;) {
      skip();
      if (p >= line.end) throw new NotSimple();
      if (isMap) {
        const key = this.flowKey(line, p);
        if (entries.has(key.name) || key.name === '<<') throw new NotSimple();
        p = key.end + 1;
        skip();
        const item = this.flowItem(line, p, depth, close);
        entries.set(key.name, placedEntry(key.name, this.origin(key.start, key.end), item.value));
        p = item.end;
      } else {
        const item = this.flowItem(line, p, depth, close);
        items.push(item.value);
        p = item.end;
      }
      skip();
      if (this.text[p] === ',') {
        p++;
        skip();
        if (this.text[p] === close) throw new NotSimple(); // a trailing comma: leave it to the general path
        continue;
      }
      if (this.text[p] === close) return done();
      throw new NotSimple();
    }
  }

  /** A flow map's key at `p`: a plain or quoted scalar, then `: ` (returned `end` is the colon). */
  private flowKey(line: Line, p: number): { name: string; start: number; end: number } {
    const c = this.text[p];
    if (c === '"' || c === "'") {
      const end = this.quotedEnd(line, p);
      if (this.text[end] !== ':' || this.text[end + 1] !== ' ') throw new NotSimple();
      return { name: this.unquote(p, end), start: p, end };
    }
    if (BAD_PLAIN_START.has(c)) throw new NotSimple();
    let end = p;
    while (end < line.end && !',[]{}#:'.includes(this.text[end])) end++;
    if (this.text[end] !== ':' || this.text[end + 1] !== ' ' || this.text[end - 1] === ' ') throw new NotSimple();
    return { name: String(plainValue(this.text.slice(p, end))), start: p, end };
  }

  /** A flow collection's item (a map's value) at `p`: a scalar or a nested collection. */
  private flowItem(line: Line, p: number, depth: number, close: string): { value: Value; end: number } {
    const c = this.text[p];
    if (c === '[' || c === '{') return this.flow(line, p, depth + 1);
    if (c === '"' || c === "'") {
      const end = this.quotedEnd(line, p);
      return { value: placed.string(this.unquote(p, end), this.origin(p, end)), end };
    }
    if (BAD_PLAIN_START.has(c) && !(c === '-' && /[^\s,\]}]/.test(this.text[p + 1] ?? ''))) throw new NotSimple();
    let end = p;
    while (end < line.end && !',[]{}#'.includes(this.text[end])) end++;
    if (this.text[end] === '#' || (this.text[end] !== ',' && this.text[end] !== close)) throw new NotSimple();
    while (end > p && this.text[end - 1] === ' ') end--;
    const raw = this.text.slice(p, end);
    if (raw === '' || raw.includes(': ') || raw.endsWith(':')) throw new NotSimple();
    return { value: scalarValue(plainValue(raw), this.origin(p, end)), end };
  }
}
