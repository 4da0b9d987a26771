// Rename a container, service, host or network across the inventory: the key
// and every reference to it (container service lists, `host:`, `proxy:`); the
// profile file keeps its name (an LSP rename cannot ask whether to move it).
// Rename a setting everywhere: its definition in lib/defaults.nix, every
// profile that sets it and every module that reads it, as one edit.
import type { Workspace } from '../model/workspace';
import { thingAt } from './locate';
import { innerSpan, nameOccurrences, settingOccurrences } from './references';
import { catalogFor } from './catalogView';
import type { Homelab } from '../model/homelab';
import type { SettingsBlock } from '../model/profiles';
import type { Location, WorkspaceEdit } from './types';
import type { Span } from '../syntax/value';

/** Where a rename applies and what it starts from; undefined where nothing can be renamed; an error for a name that cannot be. */
export function prepareRename(ws: Workspace, uri: string, offset: number): { span: Span; placeholder: string } | { error: string } | undefined {
  const h = ws.homelabFor(uri);
  const t = thingAt(ws, h, uri, offset);
  if (!t || !h) return undefined;
  if (t.kind === 'setting') return settingOccurrencesAll(ws, h, t.block, t.key).length ? { span: t.span, placeholder: t.key } : undefined;
  if (t.kind !== 'container' && t.kind !== 'service' && t.kind !== 'host' && t.kind !== 'network') return undefined;
  const occ = nameOccurrences(ws, h, t.kind, t.name);
  const here = occ.find((o) => o.uri === uri && o.span.start <= offset && offset <= o.span.end);
  if (!here) return { error: `\`${t.name}\` is not declared in the inventory.` };
  if (!h.inventory || !(t.kind === 'container' ? h.inventory.containers : t.kind === 'service' ? h.inventory.services : t.kind === 'host' ? h.inventory.hosts : h.inventory.networks).has(t.name))
    return { error: `\`${t.name}\` is not declared in the inventory (a built-in service cannot be renamed).` };
  return { span: here.span, placeholder: t.name };
}

/** A setting's every place: its definition in the defaults file, every profile that sets it, every module that reads it. */
function settingOccurrencesAll(ws: Workspace, h: Homelab, block: SettingsBlock, key: string): Location[] {
  const def = catalogFor(ws, h)[block].get(key)?.definition;
  const all = [...(def && def.uri === h.defaultsUri ? [def] : []), ...settingOccurrences(ws, h, block, key)];
  const seen = new Set<string>();
  return all
    .map((l) => ({ uri: l.uri, span: innerSpan(ws, l.uri, l.span) }))
    .filter((l) => {
      const id = `${l.uri}#${l.span.start}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}

export function rename(ws: Workspace, uri: string, offset: number, newName: string): WorkspaceEdit | { error: string } {
  const p = prepareRename(ws, uri, offset);
  if (!p) return { error: 'Nothing to rename here.' };
  if ('error' in p) return p;
  const h = ws.homelabFor(uri);
  const t = thingAt(ws, h, uri, offset);
  if (!h || !t) return { error: 'nothing to rename' };
  const changes = new Map<string, { span: Span; newText: string }[]>();
  const add = (o: Location): void => {
    const list = changes.get(o.uri) ?? [];
    list.push({ span: o.span, newText: newName });
    changes.set(o.uri, list);
  };
  if (t.kind === 'setting') {
    if (!/^[A-Za-z_][A-Za-z0-9_'-]*$/.test(newName)) return { error: `\`${newName}\` is not a valid setting name (a Nix identifier).` };
    if (newName !== t.key && catalogFor(ws, h)[t.block].has(newName)) return { error: `A setting named \`${newName}\` already exists in ${t.block}.` };
    for (const o of settingOccurrencesAll(ws, h, t.block, t.key)) add(o);
    return { changes };
  }
  if (t.kind !== 'container' && t.kind !== 'service' && t.kind !== 'host' && t.kind !== 'network') return { error: 'nothing to rename' };
  if (!/^[A-Za-z0-9_.-]+$/.test(newName)) return { error: `\`${newName}\` is not a valid name (letters, digits, \`_\`, \`-\`, \`.\`).` };
  const inv = h.inventory;
  const taken = t.kind === 'container' ? inv?.containers : t.kind === 'service' ? inv?.services : t.kind === 'host' ? inv?.hosts : inv?.networks;
  if (newName !== t.name && taken?.has(newName)) return { error: `A ${t.kind} named \`${newName}\` already exists.` };
  for (const o of nameOccurrences(ws, h, t.kind, t.name)) add(o);
  return { changes };
}
