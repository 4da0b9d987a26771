// The new machine's entry where the flake (or hive) names each machine: a
// copy of the closest sibling's `nixosConfigurations.<name> = …;` binding with
// the name changed (also in the paths and strings inside it:
// `./hosts/dns/configuration.nix` → `./hosts/dns2/configuration.nix`),
// inserted after the last sibling and separated as the siblings are; or the
// name added to a list of names (`genAttrs [ "a" "b" ] mkHost`) the way the
// list is written. Machines named by a folder listing (`readDir ./hosts`)
// need no entry: their folder is enough.
import type * as A from '../../syntax/nix/ast';
import { forEachChild } from '../../syntax/nix/ast';
import type { Machine } from '../../model/homelab';
import type { Origin } from '../../syntax/value';
import { relativeUri } from '../../model/uri';
import type { Workspace } from '../../model/workspace';
import { parsedNix } from '../nixDoc';
import type { TextEdit } from '../types';
import { applyEdits, substitutions } from './textEdits';

export interface FlakeEntry {
  uri?: string;
  edit?: TextEdit;
  summary: string;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

function sourceOf(c: Machine): Origin | undefined {
  return c.nixos?.sources.find((s) => s.kind === 'flake' || s.kind === 'colmena')?.origin;
}

type Place = { kind: 'def'; def: A.AttrDef; name: A.AttrName } | { kind: 'item'; list: A.List; item: A.Str };

/** What names a machine at `origin`: an attribute binding, or a string in a list of names. */
function placeOf(root: A.Node, origin: Origin): Place | undefined {
  let found: Place | undefined;
  const walk = (n: A.Node, depth: number): void => {
    if (found || depth > 400 || n.start > origin.span.start || n.end < origin.span.end) return;
    if (n.type === 'AttrDef') {
      const name = n.path.names.find((x) => x.start === origin.span.start && x.end === origin.span.end);
      if (name) {
        found = { kind: 'def', def: n, name };
        return;
      }
    }
    if (n.type === 'List') {
      const item = n.items.find((i): i is A.Str => i.type === 'Str' && i.start === origin.span.start && i.end === origin.span.end);
      if (item) {
        found = { kind: 'item', list: n, item };
        return;
      }
    }
    forEachChild(n, (c) => walk(c, depth + 1));
  };
  walk(root, 0);
  return found;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const e = text.indexOf('\n', offset);
  return e < 0 ? text.length : e;
}

export function flakeEntry(ws: Workspace, root: string, template: Machine, siblings: Machine[], name: string): FlakeEntry | undefined {
  const origin = sourceOf(template);
  if (!origin) return undefined;
  const text = ws.text(origin.uri);
  if (text === undefined) return undefined;
  const file = relativeUri(root, origin.uri);
  const tree = parsedNix(origin.uri, text).root;
  const place = placeOf(tree, origin);
  if (!place) return { summary: `${file}: ${template.name} is named by what the flake computes (a folder listing or a function), so ${name} needs no entry` };
  const others = siblings
    .map((s) => sourceOf(s))
    .filter((o): o is Origin => o !== undefined && o.uri === origin.uri)
    .map((o) => placeOf(tree, o))
    .filter((p): p is Place => p !== undefined);

  if (place.kind === 'item') {
    const items = others.filter((p): p is Extract<Place, { kind: 'item' }> => p.kind === 'item' && p.list === place.list).map((p) => p.item);
    const last = items.reduce((a, b) => (b.end > a.end ? b : a), place.item);
    const i = place.list.items.indexOf(last);
    const sep = i > 0 ? text.slice(place.list.items[i - 1].end, last.start) : ' ';
    return { uri: origin.uri, edit: { span: { start: last.end, end: last.end }, newText: `${sep}${JSON.stringify(name)}` }, summary: `${file}: ${JSON.stringify(name)} added to the list of machines after ${text.slice(last.start, last.end)}` };
  }

  const { def } = place;
  const defs = others.filter((p): p is Extract<Place, { kind: 'def' }> => p.kind === 'def' && p.def.parent === def.parent).map((p) => p.def);
  const sorted = [...new Set([def, ...defs])].sort((a, b) => a.start - b.start);
  const last = sorted[sorted.length - 1];
  const start = lineStart(text, def.start);
  const ownLine = text.slice(start, def.start).trim() === '';
  const from = ownLine ? start : def.start;
  const nameText = IDENT.test(name) ? name : JSON.stringify(name);
  const words: [string, string][] = [[template.name, name]];
  const edits = [{ start: place.name.start, end: place.name.end, text: nameText }, ...substitutions(text, def.value, new Map(), words)]
    .filter((e) => e.start >= from && e.end <= def.end)
    .map((e) => ({ start: e.start - from, end: e.end - from, text: e.text }));
  const copy = applyEdits(text.slice(from, def.end), edits);
  const prev = sorted[sorted.length - 2];
  const blank = prev !== undefined && /\n[ \t]*\r?\n/.test(text.slice(prev.end, last.start));
  const at = ownLine ? lineEnd(text, last.end) : last.end;
  const newText = ownLine ? `\n${blank ? '\n' : ''}${copy}` : ` ${copy}`;
  const lastName = text.slice(last.path.start, last.path.end);
  return { uri: origin.uri, edit: { span: { start: at, end: at }, newText }, summary: `${file}: an entry for ${name} like ${template.name}'s, after ${lastName}` };
}
