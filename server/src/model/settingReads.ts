// Finds where Nix files read profile settings (`systemSettings.x`,
// `userSettings.x or <default>`), so settings that lib/defaults.nix never
// declares still enter the catalog, and so unused settings can be told apart.
import type { Origin, Span } from '../syntax/value';
import { maskNix } from './nixText';
import type { SettingsBlock } from './profiles';

export interface SettingRead {
  block: SettingsBlock;
  key: string;
  /** The key's text (`x` of `systemSettings.x`). */
  origin: Origin;
  /** The `or` default's source text and span, when there is one. */
  orDefault?: { text: string; span: Span };
  /** Read through `?` (`userSettings ? x`): the module handles the key being absent. */
  guarded?: boolean;
  /** The read is compared with `null` (`x != null`, `(s.x or null) == null`): null is a value its reader handles. */
  nullTested?: boolean;
}

const READ = /(?<![\w'-])(systemSettings|userSettings)\.([A-Za-z_][A-Za-z0-9_'-]*)/g;
const HAS = /(?<![\w'-])(systemSettings|userSettings)\s*\?\s*([A-Za-z_][A-Za-z0-9_'-]*)/g;
/** After the read (and a closing parenthesis): a comparison with null. */
const NULL_AFTER = /^[\w'.-]*\s*\)?\s*(==|!=)\s*null\b/;
/** Before the read: `null ==` / `null !=`. */
const NULL_BEFORE = /\bnull\s*(==|!=)\s*\(?\s*$/;

export function scanSettingReads(text: string, uri: string): SettingRead[] {
  // Both patterns name a block literally, and masking only blanks text: a file that names neither reads
  // nothing (every module of a flake fleet), and is not masked for it.
  if (!text.includes('systemSettings') && !text.includes('userSettings')) return [];
  const masked = maskNix(text);
  const out: SettingRead[] = [];
  for (const m of masked.matchAll(READ)) {
    const keyStart = (m.index ?? 0) + m[1].length + 1;
    const key = m[2];
    const after = keyStart + key.length;
    const read: SettingRead = { block: m[1] as SettingsBlock, key, origin: { uri, span: { start: keyStart, end: after } } };
    // `a.b.c` reads of nested settings still count as a read of `b`.
    const orm = /^\s+or\s+/.exec(masked.slice(after, after + 40));
    let tail = after;
    if (orm) {
      const start = after + orm[0].length;
      const end = literalEnd(masked, start);
      if (end > start) read.orDefault = { text: text.slice(start, end), span: { start, end } };
      tail = end;
    }
    const readStart = m.index ?? 0;
    if (read.orDefault?.text.trim() === 'null' || NULL_AFTER.test(masked.slice(tail, tail + 40)) || NULL_BEFORE.test(masked.slice(Math.max(0, readStart - 20), readStart)))
      read.nullTested = true;
    out.push(read);
  }
  for (const m of masked.matchAll(HAS)) {
    const keyStart = (m.index ?? 0) + m[0].length - m[2].length;
    out.push({ block: m[1] as SettingsBlock, key: m[2], origin: { uri, span: { start: keyStart, end: keyStart + m[2].length } }, guarded: true });
  }
  return out;
}

/** End offset of the simple literal starting at `i` (bool, number, string, list, set, null, path). */
function literalEnd(t: string, i: number): number {
  const c = t[i];
  if (c === '"') {
    let j = i + 1;
    while (j < t.length && t[j] !== '"') j += t[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, t.length);
  }
  if (c === '[' || c === '{' || c === '(') {
    const close = c === '[' ? ']' : c === '{' ? '}' : ')';
    let depth = 0;
    for (let j = i; j < t.length; j++) {
      if (t[j] === c) depth++;
      else if (t[j] === close && --depth === 0) return j + 1;
      else if (t[j] === '"') {
        j++;
        while (j < t.length && t[j] !== '"') j += t[j] === '\\' ? 2 : 1;
      }
    }
    return i;
  }
  const m = /^(-?\d+(\.\d+)?|[A-Za-z_][\w'.-]*|\.{0,2}\/[\w./-]+)/.exec(t.slice(i, i + 200));
  return m ? i + m[0].length : i;
}

/** Reads a simple Nix literal (an `or` default) into plain data; undefined when not a literal. */
export function literalValue(text: string): { value: unknown } | undefined {
  const t = text.trim();
  if (t === 'true' || t === 'false') return { value: t === 'true' };
  if (t === 'null') return { value: null };
  if (/^-?\d+$/.test(t)) return { value: Number(t) };
  if (/^-?\d+\.\d+$/.test(t)) return { value: Number(t) };
  if (/^"([^"\\$]|\\.)*"$/.test(t)) return { value: t.slice(1, -1).replace(/\\(.)/g, '$1') };
  if (/^\[[\s\S]*\]$/.test(t)) {
    const inner = t.slice(1, -1).trim();
    if (inner === '') return { value: [] };
    const items = inner.match(/"(?:[^"\\]|\\.)*"|[^\s]+/g) ?? [];
    const vals = items.map((x) => literalValue(x));
    return vals.every((v) => v !== undefined) ? { value: vals.map((v) => v?.value) } : { value: [] };
  }
  if (/^\{\s*\}$/.test(t)) return { value: {} };
  return undefined;
}
