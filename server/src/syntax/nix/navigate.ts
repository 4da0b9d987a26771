// Going from an offset to the syntax under it and back up: the innermost node at
// an offset, its ancestors, a binding's attribute path (through enclosing sets),
// and the comments that document a binding (the block right above it, or one
// on the same line after it).
import type * as A from './ast';
import { forEachChild } from './ast';
import type { ParseResult } from './parser';
import type { Span } from '../value';
import type { Comment } from './tokens';

/** The innermost node whose span contains `offset` (end inclusive, so a cursor right after a word finds it). */
export function nodeAt(root: A.Node, offset: number): A.Node | undefined {
  if (offset < root.span.start || offset > root.span.end) return undefined;
  let cur: A.Node = root;
  for (;;) {
    let next: A.Node | undefined;
    forEachChild(cur, (c) => {
      if (!next && c.span.start <= offset && offset <= c.span.end && c.span.end > c.span.start) next = c;
    });
    if (!next) return cur;
    cur = next;
  }
}

/** The node's ancestors, innermost first. */
export function ancestors(node: A.Node): A.Node[] {
  const out: A.Node[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The binding (`name = value;` or `inherit`) containing the node, if any. */
export function enclosingBinding(node: A.Node): A.Binding | undefined {
  for (let n: A.Node | undefined = node; n; n = n.parent) if (n.type === 'AttrDef' || n.type === 'Inherit') return n;
  return undefined;
}

/** A static attribute name's text; undefined for `${...}` and interpolated strings. */
export function attrNameText(a: A.AttrName): string | undefined {
  if (a.type === 'Ident') return a.name;
  if (a.type === 'Str') {
    if (a.parts.length === 0) return '';
    if (a.parts.length === 1 && a.parts[0].type === 'Text') return a.parts[0].value;
  }
  return undefined;
}

/** The binding's own key path (`a.b.c = ...` gives ['a','b','c']); undefined if any part is dynamic. */
export function bindingKeys(b: A.AttrDef): string[] | undefined {
  const out: string[] = [];
  for (const a of b.path.names) {
    const t = attrNameText(a);
    if (t === undefined) return undefined;
    out.push(t);
  }
  return out;
}

/**
 * The full attribute path of a binding from the outermost set: in
 * `{ systemSettings = base // { hostname = "x"; }; }` the path of `hostname` is
 * ['systemSettings', 'hostname'] (sets joined by `//`, `let ... in`, function
 * bodies and parentheses are looked through). Undefined when a key is dynamic.
 */
export function bindingPath(b: A.AttrDef): string[] | undefined {
  const own = bindingKeys(b);
  if (!own) return undefined;
  const out = [...own];
  let child: A.Node = b;
  for (let n = b.parent; n; child = n, n = n.parent) {
    switch (n.type) {
      case 'AttrDef': {
        const k = bindingKeys(n);
        if (!k) return undefined;
        out.unshift(...k);
        break;
      }
      case 'List':
        // An element of a list: marked '[]' (its index is not part of the path).
        out.unshift('[]');
        break;
      case 'Let':
        if ((n.bindings as A.Node[]).includes(child)) return out; // a let binding: relative to the let
        break;
      case 'LegacyLet':
      case 'Inherit':
      case 'Formal':
      case 'Select':
      case 'HasAttr':
      case 'Interp':
        return out;
    }
  }
  return out;
}

export function keySpan(b: A.AttrDef): Span {
  return b.path.span;
}
export function valueSpan(b: A.AttrDef): Span {
  return b.value.span;
}

function lowerBound(comments: Comment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function onlyBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Comments documenting a node (usually a binding): the contiguous comments
 * directly above it (no blank line in between, nothing else on their lines) and
 * a comment on the same line right after it.
 */
export function docComments(parsed: ParseResult, node: A.Node): { above: Comment[]; trailing?: Comment } {
  const { comments, text } = parsed;
  const above: Comment[] = [];
  let i = lowerBound(comments, node.span.start) - 1;
  let boundary = node.span.start;
  while (i >= 0) {
    const c = comments[i];
    if (!onlyBlank(text, c.end, boundary) || newlines(text, c.end, boundary) > 1) break;
    // The comment must start its own line (not trail some earlier code).
    const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
    if (!onlyBlank(text, lineStart, c.start)) break;
    above.unshift(c);
    boundary = c.start;
    i--;
  }
  let trailing: Comment | undefined;
  const j = lowerBound(comments, node.span.end);
  const t = comments[j];
  if (t && newlines(text, node.span.end, t.start) === 0 && onlyBlank(text, node.span.end, t.start)) trailing = t;
  return { above, trailing };
}

/** Comment text without its markers (`#`, `/*`, `*\/`, leading `*` of block lines), lines joined by \n. */
export function commentText(parsed: ParseResult, c: Comment): string {
  const raw = parsed.text.slice(c.start, c.end);
  if (!c.block) return raw.replace(/^#+ ?/, '');
  return raw
    .replace(/^\/\*+/, '')
    .replace(/\*+\/$/, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*\* ?/, '').trim())
    .join('\n')
    .trim();
}

/** The documentation of a binding: its comments above, else its trailing comment, as plain text. */
export function bindingDoc(parsed: ParseResult, b: A.Binding): string | undefined {
  const { above, trailing } = docComments(parsed, b);
  const parts = above.length ? above : trailing ? [trailing] : [];
  if (!parts.length) return undefined;
  return parts.map((c) => commentText(parsed, c)).join('\n');
}
