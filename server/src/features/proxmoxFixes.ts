// Quick fixes for drift against Proxmox's live state: "Take Proxmox's value"
// (vmid, host, hostname, ip, tags: only that value of the inventory is
// replaced, quotes and layout kept) and, for a guest no container declares,
// "Add <name> to the inventory" (a new `containers:` entry after the last one,
// indented like it). The value written is never the client's: the drift is
// recomputed from the server's own model and must still say what the
// diagnostic's data says.
import type { Homelab } from '../model/homelab';
import { isParsed, parseAddress } from '../model/ip';
import { proxmoxDriftOf, type DriftItem, type DriftKind } from '../model/proxmoxDrift';
import type { LiveGuest } from '../model/proxmoxLive';
import type { Workspace } from '../model/workspace';
import { innerSpan } from './references';
import type { TextEdit, WorkspaceEdit } from './types';

export interface ProxmoxFix {
  title: string;
  edit: WorkspaceEdit;
}

const KINDS: Record<string, DriftKind[]> = {
  'proxmox-vmid-drift': ['vmid'],
  'proxmox-node-drift': ['node'],
  'proxmox-hostname-drift': ['hostname'],
  'proxmox-address-drift': ['address', 'live-address'],
  'proxmox-tags-drift': ['tags'],
  'proxmox-unmanaged-container': ['unmanaged'],
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fixes of one drift diagnostic (rule and data as published). */
export function proxmoxFixes(ws: Workspace, h: Homelab, rule: string, data: Record<string, unknown>): ProxmoxFix[] {
  const kinds = KINDS[rule];
  const inv = h.inventory;
  if (!kinds || !inv || !h.inventoryUri) return [];
  const items = proxmoxDriftOf(inv, ws.proxmoxLiveFor(h.root)).filter((d) => kinds.includes(d.kind));
  if (rule === 'proxmox-unmanaged-container') {
    const item = items.find((d) => d.host === data.host && d.guest?.vmid === data.vmid && d.guest?.node === data.node);
    const fix = item?.guest ? addGuestFix(ws, h, item, item.guest) : undefined;
    return fix ? [fix] : [];
  }
  const item = items.find(
    (d) =>
      d.container === data.container &&
      (rule === 'proxmox-node-drift' ? same(d.targetHost, data.proxmox) : same(d.proxmox, data.proxmox)) &&
      (rule !== 'proxmox-address-drift' || (d.kind === 'live-address') === (data.source === 'interfaces')),
  );
  const decl = item?.container ? inv.containers.get(item.container) : undefined;
  if (!item || !decl) return [];
  const uri = h.inventoryUri;
  const replace = (origin: { uri: string; span: { start: number; end: number } } | undefined, value: string): WorkspaceEdit | undefined =>
    origin && origin.uri === uri ? { changes: new Map([[uri, [{ span: innerSpan(ws, uri, origin.span), newText: value }]]]) } : undefined;
  let edit: WorkspaceEdit | undefined;
  let shown = '';
  switch (item.kind) {
    case 'vmid':
      shown = `vmid ${item.proxmox}`;
      edit = typeof item.proxmox === 'number' ? replace(decl.vmid?.origin, String(item.proxmox)) : undefined;
      break;
    case 'node':
      shown = `host ${item.targetHost} (node ${item.proxmox})`;
      edit = item.targetHost ? replace(decl.host?.origin, item.targetHost) : undefined;
      break;
    case 'hostname':
      shown = `hostname ${item.proxmox}`;
      edit = typeof item.proxmox === 'string' ? replace(decl.hostname?.origin, item.proxmox) : undefined;
      break;
    case 'address':
    case 'live-address':
      shown = `ip ${item.proxmox}`;
      edit = typeof item.proxmox === 'string' ? replace(decl.ip?.origin, item.proxmox) : undefined;
      break;
    case 'tags':
      shown = `tags [${Array.isArray(item.proxmox) ? item.proxmox.join(', ') : ''}]`;
      edit = Array.isArray(item.proxmox) ? tagsEdit(ws, uri, item, item.proxmox) : undefined;
      break;
  }
  return edit ? [{ title: `Take Proxmox's value (${shown})`, edit }] : [];
}

/** A YAML scalar written plainly when it reads back as the same string, else quoted. */
function scalar(s: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.+-]*$/.test(s) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}

/** Replaces a container's `tags` list with Proxmox's, in the list's own style (flow `[a, b]` or block `- a`). */
function tagsEdit(ws: Workspace, uri: string, item: DriftItem, tags: string[]): WorkspaceEdit | undefined {
  const text = ws.text(uri);
  if (text === undefined || item.origin.uri !== uri) return undefined;
  let { start, end } = item.origin.span;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const flow = text[start] === '[' || start === end;
  let newText: string;
  if (flow || tags.length === 0) newText = `[${tags.map(scalar).join(', ')}]`;
  else {
    const indent = ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1));
    newText = tags.map((t) => `- ${scalar(t)}`).join(`${nl}${indent}`);
  }
  if (start === end) start = end = item.origin.span.start;
  return { changes: new Map([[uri, [{ span: { start, end }, newText }]]]) };
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** A container name for a guest: its name (letters, digits, `_`, `-`, `.`), not one the inventory has. */
function entryName(h: Homelab, g: LiveGuest): string {
  const base = (g.name ?? g.hostname ?? `ct${g.vmid}`).replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[-.]+/, '') || `ct${g.vmid}`;
  const taken = h.inventory?.containers;
  return taken?.has(base) ? `${base}-${g.vmid}` : base;
}

/** "Add <name> to the inventory": a new entry with host, vmid, address, hostname and tags. */
function addGuestFix(ws: Workspace, h: Homelab, item: DriftItem, g: LiveGuest): ProxmoxFix | undefined {
  const uri = h.inventoryUri;
  const text = uri ? ws.text(uri) : undefined;
  if (!uri || text === undefined || !h.inventory) return undefined;
  const name = entryName(h, g);
  const hostOfNode = [...h.inventory.hosts.values()].find((x) => x.proxmox && (x.proxmox.nodeName?.value ?? x.name) === g.node)?.name;
  const address = [g.staticAddress, ...(g.liveAddresses?.length === 1 ? g.liveAddresses : [])].find((a) => a !== undefined && isParsed(parseAddress(a)));
  const fields: [string, string][] = [['host', hostOfNode ?? item.host], ['vmid', String(g.vmid)]];
  if (address) fields.push(['ip', address]);
  if (g.hostname && /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(g.hostname)) fields.push(['hostname', g.hostname]);
  if (g.tags?.length) fields.push(['tags', `[${g.tags.map(scalar).join(', ')}]`]);
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const entries = [...h.inventory.containers.values()].filter((c) => c.keyOrigin.uri === uri);
  const body = (keyCol: number, childCol: number): string =>
    [`${' '.repeat(keyCol)}${scalar(name)}:`, ...fields.map(([k, v]) => `${' '.repeat(childCol)}${k}: ${v}`)].join(nl);
  let edit: TextEdit;
  const last = entries[entries.length - 1];
  if (last) {
    const keyCol = columnOf(text, last.keyOrigin.span.start);
    const firstChild = last.node.kind === 'attrs' ? [...last.node.entries.values()][0] : undefined;
    const childCol = firstChild && firstChild.keyOrigin.uri === uri ? columnOf(text, firstChild.keyOrigin.span.start) : keyCol + 2;
    let end = Math.max(last.node.origin.span.end, last.keyOrigin.span.end);
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    const eol = text.indexOf('\n', end);
    const at = eol < 0 ? text.length : eol > 0 && text[eol - 1] === '\r' ? eol - 1 : eol;
    edit = { span: { start: at, end: at }, newText: `${nl}${body(keyCol, childCol)}` };
  } else {
    const m = /^containers:[ \t]*(\{\s*\})?[ \t]*$/m.exec(text);
    if (m) edit = { span: { start: m.index, end: m.index + m[0].length }, newText: `containers:${nl}${body(2, 4)}` };
    else {
      const sep = text.endsWith('\n') || text === '' ? '' : nl;
      edit = { span: { start: text.length, end: text.length }, newText: `${sep}${nl}containers:${nl}${body(2, 4)}${nl}` };
    }
  }
  return { title: `Add ${name} to the inventory`, edit: { changes: new Map([[uri, [edit]]]) } };
}
