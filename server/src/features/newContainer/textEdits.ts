// Text edits for the copied Nix files: a line view of a text, what removing
// a binding takes away (its lines and the comments above it), renaming inside
// strings and paths, and applying non-overlapping edits. Offsets throughout.
import type * as A from '../../syntax/nix/ast';
import { forEachChild } from '../../syntax/nix/ast';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A text seen by lines: starts, ends, the line above, indentation. */
export class Lines {
  constructor(readonly text: string) {}
  start(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }
  end(offset: number): number {
    const e = this.text.indexOf('\n', offset);
    return e < 0 ? this.text.length : e;
  }
  /** The line before the one starting at `lineStart`, or undefined at the top. */
  previous(lineStart: number): { start: number; text: string } | undefined {
    if (lineStart === 0) return undefined;
    const start = this.start(lineStart - 1);
    return { start, text: this.text.slice(start, lineStart - 1) };
  }
  indent(offset: number): string {
    return /^[ \t]*/.exec(this.text.slice(this.start(offset)))?.[0] ?? '';
  }
}

/** The full-line comments right above the line at `lineStart` (no blank line between). */
export function commentsAbove(lines: Lines, lineStart: number): number {
  let start = lineStart;
  for (let prev = lines.previous(start); prev && prev.text.trim().startsWith('#'); prev = lines.previous(start)) start = prev.start;
  return start;
}

/** What removing a binding takes away: its whole lines and the comments above, or only its text when it shares a line. */
export function removal(lines: Lines, b: { start: number; end: number }): Edit & { whole: boolean } {
  const { start, end } = b;
  const ls = lines.start(start);
  const le = lines.end(end);
  const rest = lines.text.slice(end, le).trim();
  if (lines.text.slice(ls, start).trim() !== '' || (rest !== '' && !rest.startsWith('#'))) {
    const spaces = /^[ \t]*/.exec(lines.text.slice(end))?.[0].length ?? 0;
    return { start, end: end + spaces, text: '', whole: false };
  }
  return { start: commentsAbove(lines, ls), end: le < lines.text.length ? le + 1 : le, text: '', whole: true };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces whole words (not inside a longer name) in `s`. */
export function replaceWords(s: string, words: [string, string][]): string {
  let out = s;
  for (const [from, to] of words) if (from !== '') out = out.replace(new RegExp(`(?<![A-Za-z0-9_-])${escapeRe(from)}(?![A-Za-z0-9_-])`, 'g'), to);
  return out;
}

/** Edits that rename inside the strings and paths under `node`. */
export function substitutions(text: string, node: A.Node, strings: Map<string, string>, words: [string, string][]): Edit[] {
  const out: Edit[] = [];
  const walk = (n: A.Node, depth: number): void => {
    if (depth > 200) return;
    if (n.type === 'Str' && n.parts.every((p) => p.type === 'Text')) {
      const content = n.parts.map((p) => (p as A.Text).value).join('');
      const whole = strings.get(content);
      if (whole !== undefined && text[n.start] === '"') {
        out.push({ start: n.start + 1, end: n.end - 1, text: whole });
        return;
      }
    }
    if (n.type === 'Text' && text.slice(n.start, n.end) === n.value) {
      const t = replaceWords(n.value, words);
      if (t !== n.value) out.push({ start: n.start, end: n.end, text: t });
      return;
    }
    if (n.type === 'Path' && n.parts.length === 0) {
      const raw = text.slice(n.start, n.end);
      const t = replaceWords(raw, words);
      if (t !== raw) out.push({ start: n.start, end: n.end, text: t });
      return;
    }
    forEachChild(n, (c) => walk(c, depth + 1));
  };
  walk(node, 0);
  return out;
}

/** Applies edits that do not overlap an earlier one (earlier ones win). */
export function applyEdits(text: string, edits: Edit[]): string {
  const accepted: Edit[] = [];
  for (const e of edits) {
    const clash = accepted.some((a) => (e.start < a.end && a.start < e.end) || (e.start === e.end && e.start > a.start && e.start < a.end) || (a.start === a.end && a.start > e.start && a.start < e.end));
    if (!clash) accepted.push(e);
  }
  accepted.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of accepted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
