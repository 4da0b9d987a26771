// Rename a container, service, host or network across the inventory: the key
// and every reference to it (container service lists, `host:`, `proxy:`). The
// profile file keeps its name (an LSP rename cannot ask whether to move it).
import type { Workspace } from '../model/workspace';
import { thingAt } from './locate';
import { nameOccurrences } from './references';
import type { WorkspaceEdit } from './types';
import type { Span } from '../syntax/value';

export function prepareRename(ws: Workspace, uri: string, offset: number): { span: Span; placeholder: string } | { error: string } {
  const h = ws.homelabFor(uri);
  const t = thingAt(ws, h, uri, offset);
  if (!t || !h || (t.kind !== 'container' && t.kind !== 'service' && t.kind !== 'host' && t.kind !== 'network'))
    return { error: 'Only container, service, host and network names of the inventory can be renamed.' };
  const occ = nameOccurrences(ws, h, t.kind, t.name);
  const here = occ.find((o) => o.uri === uri && o.span.start <= offset && offset <= o.span.end);
  if (!here) return { error: `\`${t.name}\` is not declared in the inventory.` };
  if (!h.inventory || !(t.kind === 'container' ? h.inventory.containers : t.kind === 'service' ? h.inventory.services : t.kind === 'host' ? h.inventory.hosts : h.inventory.networks).has(t.name))
    return { error: `\`${t.name}\` is not declared in the inventory (a built-in service cannot be renamed).` };
  return { span: here.span, placeholder: t.name };
}

export function rename(ws: Workspace, uri: string, offset: number, newName: string): WorkspaceEdit | { error: string } {
  const p = prepareRename(ws, uri, offset);
  if ('error' in p) return p;
  if (!/^[A-Za-z0-9_.-]+$/.test(newName)) return { error: `\`${newName}\` is not a valid name (letters, digits, \`_\`, \`-\`, \`.\`).` };
  const h = ws.homelabFor(uri);
  const t = thingAt(ws, h, uri, offset);
  if (!h || !t || (t.kind !== 'container' && t.kind !== 'service' && t.kind !== 'host' && t.kind !== 'network')) return { error: 'nothing to rename' };
  const inv = h.inventory;
  const taken = t.kind === 'container' ? inv?.containers : t.kind === 'service' ? inv?.services : t.kind === 'host' ? inv?.hosts : inv?.networks;
  if (newName !== t.name && taken?.has(newName)) return { error: `A ${t.kind} named \`${newName}\` already exists.` };
  const changes = new Map<string, { span: Span; newText: string }[]>();
  for (const o of nameOccurrences(ws, h, t.kind, t.name)) {
    const list = changes.get(o.uri) ?? [];
    list.push({ span: o.span, newText: newName });
    changes.set(o.uri, list);
  }
  return { changes };
}
