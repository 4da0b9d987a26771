// Writes a new machine's Nix file from a sibling's, as a person copying it
// would: the same layout, comments and order, with the machine's own values
// replaced (host name, address, ports, update slot), the bindings that belong
// to the sibling alone removed together with the comments above them, new
// bindings added as a paragraph of their own, and what the removals leave
// behind tidied (doubled blank lines, a `let` binding nothing uses any more,
// an import of a file that was not copied). The caller decides, leaf by leaf,
// what stays: this file only edits text.
import type * as A from '../../syntax/nix/ast';
import { identName, unparen } from '../nixDoc';
import { dropImportItems, removeUnusedLetBindings, tidyBlankLines, withHeader } from './nixTidy';
import { applyEdits, Lines, removal, substitutions, type Edit } from './textEdits';
import { spanOf } from '../../syntax/value';

/** A binding whose value is not a set written in place, with its full attribute path from a root set. */
export interface Leaf {
  path: string[];
  binding: A.Binding;
  value?: A.Expr;
}

export type Decision = { kind: 'keep' } | { kind: 'drop' } | { kind: 'replace'; text: string };

export interface Addition {
  root: A.AttrSet;
  /** Bindings without indentation (`uptimeKumaEnable = true;`). */
  lines: string[];
  /** Right after this leaf's binding, in its paragraph (when it stays). */
  after?: string[];
  /** Where there is no removed binding to take the place of: before the paragraph of this leaf. */
  before?: string[];
}

export interface CopySpec {
  text: string;
  /** Sets of `parsedNix(text).root` whose bindings are judged, each with the path its leaves start with. */
  roots: { set: A.AttrSet; prefix: string[] }[];
  decide: (leaf: Leaf) => Decision;
  /** Whole string contents to replace (the sibling's address → the new one). */
  strings: Map<string, string>;
  /** Whole words to replace inside strings and paths (the sibling's name → the new one). */
  words: [string, string][];
  /** The first comment block is replaced by this line (without `# `). */
  header?: string;
  additions: Addition[];
  /** Import paths (`./hardware-configuration.nix`) to leave out of the copy's lists. */
  dropImports: string[];
}

interface Node {
  binding: A.Binding;
  path: string[];
  children?: Node[];
}

function bindingPath(b: A.Binding, prefix: string[]): string[] {
  if (b.type === 'Inherit') return [...prefix, `inherit ${b.names.map((n) => identName(n) ?? '?').join(' ')}`];
  return [...prefix, ...b.path.names.map((n) => identName(n) ?? '?')];
}

/** The bindings of a set as a tree: sets written in place are opened, up to a sane depth. */
function nodesOf(set: A.AttrSet, prefix: string[], depth = 0): Node[] {
  return set.bindings.map((b) => {
    const path = bindingPath(b, prefix);
    const v = b.type === 'AttrDef' ? unparen(b.value) : undefined;
    if (v && v.type === 'AttrSet' && !v.rec && v.bindings.length > 0 && depth < 8) return { binding: b, path, children: nodesOf(v, path, depth + 1) };
    return { binding: b, path };
  });
}

/** Every leaf of a root set. */
export function leavesOf(set: A.AttrSet, prefix: string[] = []): Leaf[] {
  const out: Leaf[] = [];
  const walk = (nodes: Node[]): void => {
    for (const n of nodes) {
      if (n.children) walk(n.children);
      else out.push({ path: n.path, binding: n.binding, value: n.binding.type === 'AttrDef' ? n.binding.value : undefined });
    }
  };
  walk(nodesOf(set, prefix));
  return out;
}

/** Source text of a leaf's value with whitespace runs made one space: what "the same binding" means across siblings. */
export function normalizedValue(text: string, leaf: Leaf): string {
  const span = leaf.value ?? leaf.binding;
  return text.slice(span.start, span.end).replace(/\s+/g, ' ');
}

/** Where added bindings go: next to a binding, in place of a removed one, before a paragraph, or at the end. */
function additionEdit(lines: Lines, add: Addition, dropped: Map<A.Binding, Edit & { whole: boolean }>, leafs: Leaf[]): Edit | undefined {
  const { root } = add;
  const text = lines.text;
  const open = root.start;
  const close = root.end - 1;
  if (lines.start(open) === lines.start(close)) {
    const inner = text.slice(open + 1, close);
    const body = add.lines.join(' ');
    return inner.trim() === '' ? { start: open + 1, end: close, text: ` ${body} ` } : { start: close, end: close, text: `${inner.endsWith(' ') ? '' : ' '}${body} ` };
  }
  const first = root.bindings[0];
  const indent = first ? lines.indent(first.start) : `${lines.indent(open)}  `;
  const block = add.lines.map((l) => `${indent}${l}\n`).join('');
  const topOf = (path: string[] | undefined): A.Binding | undefined => {
    const leaf = path ? leafs.find((l) => l.path.join('.') === path.join('.')) : undefined;
    return leaf ? root.bindings.find((b) => b.start <= leaf.binding.start && leaf.binding.end <= b.end) : undefined;
  };
  // Right after a binding, in its paragraph (a port list next to the other one).
  const after = topOf(add.after);
  if (after && !dropped.has(after)) {
    const at = Math.min(lines.end(after.end) + 1, text.length);
    return { start: at, end: at, text: block };
  }
  // A paragraph of its own in place of the first binding of this set that was removed whole.
  for (const b of root.bindings) {
    const r = dropped.get(b);
    if (r && r.whole) {
      const above = lines.previous(r.start)?.text.trim() ?? '';
      const below = text.slice(r.end, lines.end(r.end)).trim();
      r.text = `${above === '' || above.endsWith('{') ? '' : '\n'}${block}${below === '' || below.startsWith('}') ? '' : '\n'}`;
      return undefined;
    }
  }
  // Else a paragraph before the one holding `before`, else at the end of the set.
  const before = topOf(add.before);
  if (before) {
    let start = lines.start(before.start);
    for (let prev = lines.previous(start); prev && prev.text.trim() !== '' && prev.start > lines.start(open); prev = lines.previous(start)) start = prev.start;
    return { start, end: start, text: `${block}\n` };
  }
  const closeLine = lines.start(close);
  return { start: closeLine, end: closeLine, text: root.bindings.length ? `\n${block}` : block };
}

/** The copy: the sibling's text with the caller's decisions applied. */
export function copyNixFile(spec: CopySpec): string {
  const { text } = spec;
  const lines = new Lines(text);
  const removals: Edit[] = [];
  const dropped = new Map<A.Binding, Edit & { whole: boolean }>();
  const changes: Edit[] = [];
  const allLeaves: Leaf[] = [];
  /** Judges one leaf; true when it goes. */
  const judge = (n: Node): boolean => {
    const leaf: Leaf = { path: n.path, binding: n.binding, value: n.binding.type === 'AttrDef' ? n.binding.value : undefined };
    allLeaves.push(leaf);
    const d = spec.decide(leaf);
    if (d.kind === 'drop') return true;
    if (d.kind === 'replace' && leaf.value) {
      changes.push({ start: leaf.value.start, end: leaf.value.end, text: d.text });
      // The comment above a replaced value spoke of the sibling's value.
      const r = removal(lines, leaf.binding);
      const ls = lines.start(leaf.binding.start);
      if (r.whole && r.start < ls) changes.push({ start: r.start, end: ls, text: '' });
    } else if (leaf.binding.type === 'AttrDef') changes.push(...substitutions(text, leaf.binding, spec.strings, spec.words));
    return false;
  };
  /** Whether everything under a node goes (a set written in place goes when all its leaves do). */
  const gone = new Map<Node, boolean>();
  const record = (n: Node): boolean => {
    const g = n.children ? n.children.map(record).every((x) => x) : judge(n);
    gone.set(n, g);
    return g;
  };
  /** Removals top-down: a binding that goes entirely is removed once, whole. */
  const mark = (nodes: Node[]): void => {
    for (const n of nodes) {
      if (gone.get(n)) {
        const r = removal(lines, n.binding);
        dropped.set(n.binding, r);
        removals.push(r);
      } else if (n.children) {
        // A kept set's own name may name the sibling (`virtualHosts."apps.lab.home.arpa"`).
        if (n.binding.type === 'AttrDef') changes.push(...substitutions(text, n.binding.path, spec.strings, spec.words));
        mark(n.children);
      }
    }
  };
  const trees = spec.roots.map((r) => nodesOf(r.set, r.prefix));
  for (const t of trees) t.forEach(record);
  trees.forEach((t, i) => {
    const set = spec.roots[i].set;
    // A set left with nothing and given nothing is written `{ }`, as the siblings write an empty one.
    if (t.length > 0 && t.every((n) => gone.get(n)) && !spec.additions.some((a) => a.root === set)) changes.push({ start: set.start + 1, end: set.end - 1, text: ' ' });
    else mark(t);
  });
  const adds = spec.additions.map((a) => additionEdit(lines, a, dropped, allLeaves)).filter((e): e is Edit => e !== undefined);
  let out = applyEdits(text, [...removals, ...changes, ...adds]);
  out = tidyBlankLines(out, text);
  out = removeUnusedLetBindings(out);
  out = dropImportItems(out, spec.dropImports);
  out = tidyBlankLines(out, text);
  return withHeader(out, spec.header);
}
