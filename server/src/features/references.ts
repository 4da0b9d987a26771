// Find references (and the occurrence lists rename and definition build on):
// where a setting is set across all profiles (and read by modules), where an
// address is declared and used, where a service, container, host or network
// name appears in the inventory.
import type { Homelab } from '../model/homelab';
import { isParsed, parseAddress } from '../model/ip';
import type { SettingsBlock } from '../model/profiles';
import type { Workspace } from '../model/workspace';
import type { Span } from '../syntax/value';
import { catalogFor } from './catalogView';
import { thingAt, type Thing } from './locate';
import { keysOf, parsedNix, settingsSets } from './nixDoc';
import type { Location } from './types';
import { neverCancelled, type IsCancelled } from './types';
import { spanOf } from '../syntax/value';

function dedupe(list: Location[]): Location[] {
  const seen = new Set<string>();
  return list.filter((l) => {
    const k = `${l.uri}#${l.span.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The scalar's text without its quotes (YAML origins of quoted scalars include them). */
export function innerSpan(ws: Workspace, uri: string, span: Span): Span {
  const t = ws.text(uri) ?? '';
  const c = t[span.start];
  if ((c === '"' || c === "'") && t[span.end - 1] === c && span.end - span.start >= 2) return { start: span.start + 1, end: span.end - 1 };
  return span;
}

export function settingOccurrences(ws: Workspace, h: Homelab, block: SettingsBlock, key: string, cancelled: IsCancelled = neverCancelled): Location[] {
  const out: Location[] = [];
  for (const uri of h.nixFiles) {
    if (cancelled()) break;
    if (uri === h.defaultsUri) continue;
    const text = ws.text(uri);
    if (text === undefined || text.includes('\0') || !text.includes(key)) continue;
    for (const s of settingsSets(parsedNix(uri, text).root)) if (s.block === block) for (const k of keysOf(s.set)) if (k.key === key) out.push({ uri, span: spanOf(k.name) });
  }
  for (const r of h.reads) if (r.block === block && r.key === key) out.push(r.origin);
  return dedupe(out);
}

export function addressOccurrences(ws: Workspace, h: Homelab, text: string): Location[] {
  const a = parseAddress(text);
  if (!isParsed(a)) return [];
  const out: Location[] = [];
  for (const p of h.addresses.byKey.get(a.key) ?? []) out.push({ uri: p.origin.uri, span: innerSpan(ws, p.origin.uri, p.origin.span) });
  for (const uri of h.nixFiles) {
    const t = ws.text(uri);
    if (!t || !t.includes(a.key)) continue;
    for (const m of t.matchAll(/"([0-9a-fA-F:.]+)"/g)) if (m[1] === a.key) out.push({ uri, span: { start: (m.index ?? 0) + 1, end: (m.index ?? 0) + 1 + m[1].length } });
  }
  return dedupe(out).sort((x, y) => (x.uri === y.uri ? x.span.start - y.span.start : x.uri < y.uri ? -1 : 1));
}

type NameKind = 'service' | 'container' | 'host' | 'network';

/** Where the inventory declares a name: its key under services, containers, hosts or networks. */
function nameDeclaration(ws: Workspace, h: Homelab, kind: NameKind, name: string): Location | undefined {
  const inv = h.inventory;
  const d = kind === 'service' ? inv?.services.get(name) : kind === 'container' ? inv?.containers.get(name) : kind === 'host' ? inv?.hosts.get(name) : inv?.networks.get(name);
  return d && { uri: d.keyOrigin.uri, span: innerSpan(ws, d.keyOrigin.uri, d.keyOrigin.span) };
}

/** Every place of a name in the inventory (declaration first). */
export function nameOccurrences(ws: Workspace, h: Homelab, kind: NameKind, name: string): Location[] {
  const inv = h.inventory;
  if (!inv) return [];
  const out: Location[] = [];
  const at = (o: { uri: string; span: Span }): void => {
    out.push({ uri: o.uri, span: innerSpan(ws, o.uri, o.span) });
  };
  const d = nameDeclaration(ws, h, kind, name);
  if (d) out.push(d);
  if (kind === 'service') {
    for (const c of inv.containers.values()) for (const s of c.services) if (s.value === name) at(s.origin);
  }
  if (kind === 'container') {
    for (const s of inv.services.values()) if (s.proxy?.value === name) at(s.proxy.origin);
  }
  if (kind === 'host') {
    for (const c of inv.containers.values()) if (c.host?.value === name) at(c.host.origin);
    for (const s of inv.services.values()) if (s.proxy?.value === name) at(s.proxy.origin);
  }
  return dedupe(out);
}

export function occurrences(ws: Workspace, h: Homelab, t: Thing, cancelled: IsCancelled = neverCancelled): Location[] {
  switch (t.kind) {
    case 'setting':
      return settingOccurrences(ws, h, t.block, t.key, cancelled);
    case 'address':
      return addressOccurrences(ws, h, t.text);
    case 'service':
    case 'container':
    case 'host':
    case 'network':
      return nameOccurrences(ws, h, t.kind, t.name);
    default:
      return [];
  }
}

export function references(ws: Workspace, uri: string, offset: number, includeDeclaration: boolean, cancelled: IsCancelled = neverCancelled): Location[] {
  const h = ws.homelabFor(uri);
  const t = thingAt(ws, h, uri, offset);
  if (!t || !h) return [];
  let out = occurrences(ws, h, t, cancelled);
  if (!includeDeclaration && (t.kind === 'service' || t.kind === 'container' || t.kind === 'host' || t.kind === 'network')) {
    const d = nameDeclaration(ws, h, t.kind, t.name);
    if (d) out = out.filter((l) => l.uri !== d.uri || l.span.start !== d.span.start);
  }
  if (t.kind === 'setting' && includeDeclaration) {
    const def = catalogFor(ws, h)[t.block].get(t.key)?.definition;
    if (def) out.unshift(def);
  }
  return dedupe(out);
}
