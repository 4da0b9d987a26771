// Going from an offset to the syntax under it and back up: the innermost node at
// an offset, and a binding's keys and attribute path (through enclosing sets).
// Doc comments are read from the text (model/nixText.ts docCommentAt).
import type * as A from './ast';
import { forEachChild } from './ast';

/** The innermost node whose span contains `offset` (end inclusive, so a cursor right after a word finds it). */
export function nodeAt(root: A.Node, offset: number): A.Node | undefined {
  if (offset < root.start || offset > root.end) return undefined;
  let cur: A.Node = root;
  for (;;) {
    let next: A.Node | undefined;
    forEachChild(cur, (c) => {
      if (!next && c.start <= offset && offset <= c.end && c.end > c.start) next = c;
    });
    if (!next) return cur;
    cur = next;
  }
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
