// Tidying a copied Nix file after its bindings were removed: blank lines
// left doubled or next to a brace, `let` bindings nothing uses any more,
// imports of files that were not copied, and the header comment.
import type * as A from '../../syntax/nix/ast';
import { forEachChild } from '../../syntax/nix/ast';
import { identName, parsedNix, unparen } from '../nixDoc';
import { applyEdits, Lines, removal, type Edit } from './textEdits';

/** Blank lines the removals left doubled, or left next to a brace, where the original had none such. */
export function tidyBlankLines(out: string, original: string): string {
  let t = out;
  if (!/\n[ \t]*\n[ \t]*\n/.test(original)) t = t.replace(/\n([ \t]*\n){2,}/g, '\n\n');
  if (!/[{[][ \t]*\n[ \t]*\n/.test(original)) t = t.replace(/([{[][ \t]*\n)([ \t]*\n)+/g, '$1');
  if (!/\n[ \t]*\n[ \t]*[}\]]/.test(original)) t = t.replace(/\n([ \t]*\n)+([ \t]*[}\]])/g, '\n$2');
  return t;
}

/** The file's top `let` without the bindings nothing refers to any more (`secrets` once nothing reads it). */
export function removeUnusedLetBindings(text: string): string {
  let cur = unparen(parsedNix('', text).root);
  while (cur.type === 'Lambda') cur = unparen(cur.body);
  if (cur.type !== 'Let') return text;
  const root = parsedNix('', text).root;
  const lines = new Lines(text);
  const edits: Edit[] = [];
  for (const b of cur.bindings) {
    if (b.type !== 'AttrDef' || b.path.names.length !== 1) continue;
    const name = identName(b.path.names[0]);
    if (!name) continue;
    let used = false;
    const walk = (n: A.Node): void => {
      if (used || n === b) return;
      if (n.type === 'Var' && n.name === name) used = true;
      else forEachChild(n, walk);
    };
    walk(root);
    if (!used) edits.push(removal(lines, b));
  }
  return edits.length ? applyEdits(text, edits) : text;
}

/** The lists without the given paths (imports of files that were not copied). */
export function dropImportItems(text: string, paths: string[]): string {
  if (paths.length === 0) return text;
  const lines = new Lines(text);
  const edits: Edit[] = [];
  const walk = (n: A.Node): void => {
    if (n.type === 'List')
      for (const item of n.items) {
        if (item.type === 'Path' && paths.includes(text.slice(item.start, item.end))) edits.push(removal(lines, item));
      }
    forEachChild(n, walk);
  };
  walk(parsedNix('', text).root);
  return edits.length ? applyEdits(text, edits) : text;
}

/** The file's first comment block replaced by one line. */
export function withHeader(text: string, header: string | undefined): string {
  if (header === undefined) return text;
  const m = /^(?:[ \t]*#[^\n]*\n)+/.exec(text);
  return m ? `# ${header}\n${text.slice(m[0].length)}` : text;
}
