// Document symbols (the outline of a profile: settings blocks and their keys;
// of the inventory: sections and their entries) and workspace symbols
// (containers, hosts, services, networks of every homelab).
import type { Workspace } from '../model/workspace';
import { spanOf, type Entry, type Value } from '../syntax/value';
import { keysOf, parsedNix, settingsSets, topSet } from './nixDoc';
import type { DocumentSymbol, SymbolKind, WorkspaceSymbol } from './types';

function short(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

export function documentSymbols(ws: Workspace, uri: string): DocumentSymbol[] {
  const text = ws.text(uri);
  if (text === undefined || text.includes('\0')) return [];
  if (uri.endsWith('.nix')) {
    const p = parsedNix(uri, text);
    const sets = settingsSets(p.root);
    if (sets.length) {
      const byDef = new Map<unknown, DocumentSymbol>();
      const out: DocumentSymbol[] = [];
      for (const s of sets) {
        let sym = byDef.get(s.def);
        if (!sym) {
          sym = { name: s.block, kind: 'block', span: spanOf(s.def), selection: spanOf(s.def.path), children: [] };
          if (s.base) sym.detail = `${short(text.slice(s.base.start, s.base.end))} // { … }`;
          byDef.set(s.def, sym);
          out.push(sym);
        }
        for (const k of keysOf(s.set))
          sym.children.push({ name: k.key, kind: 'setting', detail: short(text.slice(k.def.value.start, k.def.value.end)), span: spanOf(k.def), selection: spanOf(k.name), children: [] });
      }
      return out;
    }
    const top = topSet(p.root);
    return top ? keysOf(top).map((k) => ({ name: k.key, kind: 'key' as const, span: spanOf(k.def), selection: spanOf(k.name), children: [] })) : [];
  }
  const root = ws.yaml(uri)?.value;
  if (!root || root.kind !== 'attrs') return [];
  const kinds: Record<string, SymbolKind> = { networks: 'network', hosts: 'host', containers: 'container', services: 'service' };
  const out: DocumentSymbol[] = [];
  for (const [key, e] of root.entries) {
    const sym: DocumentSymbol = { name: key, kind: kinds[key] ? 'section' : 'key', span: entrySpan(e), selection: e.keyOrigin.span, children: [] };
    if (e.value.kind !== 'attrs' && e.value.kind !== 'list') sym.detail = short(scalarText(e.value));
    const kind = kinds[key];
    if (kind && e.value.kind === 'attrs')
      for (const [name, c] of e.value.entries) {
        const detail = field(c.value, kind === 'network' ? 'cidr' : kind === 'service' ? 'port' : 'ip');
        sym.children.push({ name, kind, detail, span: entrySpan(c), selection: c.keyOrigin.span, children: [] });
      }
    out.push(sym);
  }
  return out;
}

function entrySpan(e: Entry): { start: number; end: number } {
  return { start: e.keyOrigin.span.start, end: Math.max(e.keyOrigin.span.end, e.value.origin.span.end) };
}

function scalarText(v: Value): string {
  return v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean' || v.kind === 'path' ? String(v.value) : '';
}

function field(v: Value, k: string): string | undefined {
  const f = v.kind === 'attrs' ? v.entries.get(k)?.value : undefined;
  return f ? scalarText(f) || undefined : undefined;
}

/** Case-insensitive subsequence match, as editors filter symbol lists. */
export function fuzzy(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) if (ch === q[i]) i++;
  return i >= q.length;
}

export function workspaceSymbols(ws: Workspace, query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const h of ws.homelabs()) {
    const inv = h.inventory;
    for (const c of h.machines.values()) {
      const location = c.decl ? c.decl.keyOrigin : c.configUri ? { uri: c.configUri, span: { start: 0, end: 0 } } : undefined;
      if (location && fuzzy(query, c.name)) out.push({ name: c.name, kind: 'container', container: c.ip?.value, location });
    }
    for (const x of inv?.hosts.values() ?? []) if (fuzzy(query, x.name)) out.push({ name: x.name, kind: 'host', container: x.kind?.value, location: x.keyOrigin });
    for (const s of inv?.services.values() ?? []) if (fuzzy(query, s.name)) out.push({ name: s.name, kind: 'service', container: s.port ? `port ${s.port.value}` : undefined, location: s.keyOrigin });
    for (const n of inv?.networks.values() ?? []) if (fuzzy(query, n.name)) out.push({ name: n.name, kind: 'network', container: n.cidr?.value, location: n.keyOrigin });
  }
  return out;
}
