// Minimal text edits into Nix profiles used by quick fixes: adding a port to a
// list, a binding to a settings block, an entry to a list of attribute sets.
// Only the inserted text is new; everything else stays byte for byte.
import type * as A from '../syntax/nix/ast';
import type { Workspace } from '../model/workspace';
import type { Homelab } from '../model/homelab';
import { keysOf, parsedNix, settingsSets, unparen, type SettingsSet } from './nixDoc';
import { settingChain } from './settingChain';
import type { TextEdit } from './types';
import { spanOf } from '../syntax/value';

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, offset: number): string {
  const s = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(s))?.[0] ?? '';
}

/** The profile's own settings set of `block` that a new binding goes into (the last literal one). */
export function ownSet(uri: string, text: string, block: 'systemSettings' | 'userSettings'): SettingsSet | undefined {
  const sets = settingsSets(parsedNix(uri, text).root).filter((s) => s.block === block);
  return sets[sets.length - 1];
}

/** Inserts `line` (without indentation or newline) as the last binding of a settings set. */
export function addBinding(text: string, set: A.AttrSet, line: string): TextEdit {
  const close = set.end - 1; // the `}`
  const keys = keysOf(set);
  const indent = keys.length ? indentAt(text, keys[0].def.start) : indentAt(text, set.start) + '  ';
  const closeLine = lineStartOf(text, close);
  if (text.slice(closeLine, close).trim() === '') return { span: { start: closeLine, end: closeLine }, newText: `${indent}${line}\n` };
  // `{ }` or `{ a = 1; }` on one line: insert before the brace.
  const before = text.slice(set.start + 1, close);
  return { span: { start: close, end: close }, newText: `${before.trim() === '' ? ' ' : before.endsWith(' ') ? '' : ' '}${line} ` };
}

/** Adds `port` to the profile's `listKey` (allowedTCPPorts): into its own list, or as a new binding extending the inherited one. */
export function addPortEdit(ws: Workspace, h: Homelab, uri: string, port: number, listKey = 'allowedTCPPorts'): TextEdit | undefined {
  const text = ws.text(uri);
  if (text === undefined) return undefined;
  for (const s of [...settingsSets(parsedNix(uri, text).root)].reverse()) {
    if (s.block !== 'systemSettings') continue;
    const k = keysOf(s.set).find((x) => x.key === listKey);
    if (!k) continue;
    const list = findList(k.def.value);
    if (!list) return undefined;
    const ints = list.items.filter((i): i is A.Int => i.type === 'Int');
    if (ints.some((i) => Number(i.raw) === port)) return undefined;
    const next = ints.find((i) => Number(i.raw) > port);
    if (next) return { span: { start: next.start, end: next.start }, newText: `${port} ` };
    const last = list.items[list.items.length - 1];
    if (last) return { span: { start: last.end, end: last.end }, newText: ` ${port}` };
    const inner = text.slice(list.start + 1, list.end - 1);
    return { span: { start: list.start + 1, end: list.end - 1 }, newText: inner.trim() === '' ? ` ${port} ` : `${inner}${port} ` };
  }
  const set = ownSet(uri, text, 'systemSettings');
  if (!set) return undefined;
  const inherited = settingChain(ws, h, uri, 'systemSettings', listKey)[0];
  const hasBase = set.base !== undefined && inherited !== undefined && inherited.uri !== uri;
  const line = hasBase && set.base ? `${listKey} = ${text.slice(set.base.start, set.base.end)}.${listKey} ++ [ ${port} ];` : `${listKey} = [ ${port} ];`;
  return addBinding(text, set.set, line);
}

function findList(e: A.Expr): A.List | undefined {
  const u = unparen(e);
  if (u.type === 'List') return u;
  if (u.type === 'Binary' && u.op === '++') return findList(u.right) ?? findList(u.left);
  return undefined;
}

/** Adds an entry to a list setting of attribute sets (a scrape target), shaped like the list's last entry. */
/** How a scrape entry names a container: `LXC_liftcraftTEST` → `lxc_liftcraft_test`. */
export function scrapeEntryName(machine: string): string {
  return machine.replace(/^LXC_/, 'lxc_').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

export function addListEntryEdit(ws: Workspace, uri: string, key: string, entry: Record<string, string | number>): TextEdit | undefined {
  const text = ws.text(uri);
  if (text === undefined) return undefined;
  const nix = (v: string | number): string => (typeof v === 'number' ? String(v) : JSON.stringify(v));
  for (const s of [...settingsSets(parsedNix(uri, text).root)].reverse()) {
    const k = keysOf(s.set).find((x) => x.key === key);
    if (!k) continue;
    const list = findList(k.def.value);
    if (!list) return undefined;
    const last = list.items[list.items.length - 1];
    if (last && last.type === 'AttrSet') {
      // Same keys and layout as the last entry, with this entry's values.
      let shape = text.slice(last.start, last.end);
      const lastVals = new Map<string, A.Expr>();
      for (const b of last.bindings) if (b.type === 'AttrDef' && b.path.names[0]?.type === 'Ident') lastVals.set(b.path.names[0].name, b.value);
      const repl: { span: { start: number; end: number }; text: string }[] = [];
      for (const [name, v] of lastVals) if (entry[name] !== undefined) repl.push({ span: spanOf(v), text: nix(entry[name]) });
      repl.sort((a, b) => b.span.start - a.span.start);
      for (const r of repl) shape = shape.slice(0, r.span.start - last.start) + r.text + shape.slice(r.span.end - last.start);
      const sameLine = text.slice(last.end, list.end).includes('\n');
      if (sameLine) return { span: { start: last.end, end: last.end }, newText: `\n${indentAt(text, last.start)}${shape}` };
      return { span: { start: last.end, end: last.end }, newText: ` ${shape}` };
    }
    const body = `{ ${Object.entries(entry).map(([n, v]) => `${n} = ${nix(v)};`).join(' ')} }`;
    if (last) return { span: { start: last.end, end: last.end }, newText: ` ${body}` };
    return { span: { start: list.start + 1, end: list.end - 1 }, newText: ` ${body} ` };
  }
  return undefined;
}
