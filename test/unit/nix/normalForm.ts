// Comparing printed normal forms up to the one documented difference from Nix
// 2.8: the order of let bindings and function formals (Nix orders them by
// symbol address). Shared by the parser and pipe differential tests.
import { parseNix } from '../../../server/src/syntax/nix/parser';
import { forEachChild, type Node } from '../../../server/src/syntax/nix/ast';

/** A printed normal form parsed back, with let bindings and formals sorted, as comparable JSON. */
export function canonical(printed: string): string {
  const r = parseNix(printed);
  if (r.errors.length) return `<unparseable: ${printed}>`;
  const stack: Node[] = [r.root];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (n.type === 'Formals') n.entries.sort((a, b) => (a.name.name < b.name.name ? -1 : 1));
    if (n.type === 'Let') {
      const key = (b: Node) => printed.slice(b.start, b.end);
      n.bindings.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    }
    forEachChild(n, (c) => stack.push(c));
  }
  return JSON.stringify(r.root, (k, v) => (k === 'start' || k === 'end' || k === 'parent' || k === 'opSpan' ? undefined : v));
}

