// Go to definition: a setting → its line in lib/defaults.nix and the base
// profile's; `import ./X.nix` and `profile:` → the file; `secrets.x` → the
// secrets file (its binding when readable); inventory names → their
// declaration; a container → its profile; an address → who declares it; a
// NixOS option a module sets → its declaration in the option index. A
// setting no defaults file declares (a module reads it with an `or` default)
// → the profiles that set it, its only definitions.
import type { Workspace } from '../model/workspace';
import { catalogFor } from './catalogView';
import { thingAt } from './locate';
import { optionAt } from './nixosOptions';
import { identName, keysOf, parsedNix, topSet } from './nixDoc';
import { innerSpan, settingOccurrences } from './references';
import { settingChain } from './settingChain';
import { isParsed, parseAddress } from '../model/ip';
import type { Location } from './types';
import { spanOf } from '../syntax/value';

export function definition(ws: Workspace, uri: string, offset: number): Location[] {
  const h = ws.homelabFor(uri);
  // A NixOS / Home Manager option a module sets → its declaration in the module tree.
  const option = h && ws.optionIndex ? optionAt(ws, h, uri, offset) : undefined;
  const declared = option?.index?.declaration(option.path);
  if (declared) return [declared];
  const t = thingAt(ws, h, uri, offset);
  if (!t) return [];
  const start = { start: 0, end: 0 };
  switch (t.kind) {
    case 'file':
      return ws.docs.exists(t.target) ? [{ uri: t.target, span: start }] : [];
    case 'secret': {
      if (!ws.docs.exists(t.file)) return [];
      const text = ws.text(t.file);
      if (text !== undefined && !text.includes('\0')) {
        const top = topSet(parsedNix(t.file, text).root);
        const k = top ? keysOf(top).find((x) => x.key === t.name) : undefined;
        if (k) return [{ uri: t.file, span: spanOf(k.name) }];
      }
      return [{ uri: t.file, span: start }];
    }
    case 'setting': {
      if (!h) return [];
      const here = (l: Location): boolean => l.uri === uri && l.span.start <= offset && offset <= l.span.end;
      const reads = h.reads.filter((r) => r.block === t.block && r.key === t.key).map((r) => r.origin);
      const isRead = (l: Location): boolean => reads.some((r) => r.uri === l.uri && r.span.start === l.span.start);
      const out: Location[] = [];
      const def = catalogFor(ws, h)[t.block].get(t.key)?.definition;
      // A setting only modules know (their `or` default is its catalog entry) is defined where profiles set it.
      const declared = def && !isRead(def) ? def : undefined;
      if (declared) out.push(declared);
      for (const l of settingChain(ws, h, uri, t.block, t.key))
        if (!(l.uri === uri && l.keySpan.start <= offset && offset <= l.keySpan.end) && !out.some((o) => o.uri === l.uri && o.span.start === l.keySpan.start))
          out.push({ uri: l.uri, span: l.keySpan });
      if (out.length === 0 && !declared) {
        const sets = settingOccurrences(ws, h, t.block, t.key).filter((l) => !isRead(l) && !here(l));
        if (sets.length) return sets;
        if (def && !here(def)) return [def];
      }
      return out;
    }
    case 'container': {
      if (!h) return [];
      const c = h.machines.get(t.name);
      if (t.isDeclaration) return c?.configUri && c.configExists ? [{ uri: c.configUri, span: start }] : [];
      return c?.decl ? [c.decl.keyOrigin] : [];
    }
    case 'host': {
      const d = h?.inventory?.hosts.get(t.name);
      return d && !t.isDeclaration ? [d.keyOrigin] : [];
    }
    case 'service': {
      const d = h?.inventory?.services.get(t.name);
      return d && !t.isDeclaration ? [d.keyOrigin] : [];
    }
    case 'network': {
      return [];
    }
    case 'address': {
      if (!h) return [];
      const a = parseAddress(t.text);
      if (!isParsed(a)) return [];
      const places = h.addresses.byKey.get(a.key) ?? [];
      const here = (o: { uri: string; span: { start: number; end: number } }): boolean => o.uri === uri && o.span.start <= offset && offset <= o.span.end;
      const decl = places.filter((p) => p.role === 'declares' && !here(p.origin));
      // The inventory's declaration first, then profiles'.
      decl.sort((x, y) => (x.origin.uri === h.inventoryUri ? -1 : 0) - (y.origin.uri === h.inventoryUri ? -1 : 0));
      if (decl.length) return decl.map((p) => ({ uri: p.origin.uri, span: innerSpan(ws, p.origin.uri, p.origin.span) }));
      for (const c of h.machines.values()) if (c.decl?.ip?.value === a.key && !here(c.decl.ip.origin)) return [c.decl.ip.origin];
      for (const x of h.inventory?.hosts.values() ?? []) if (x.ip?.value === a.key && !here(x.ip.origin)) return [x.ip.origin];
      return [];
    }
  }
  return [];
}

export { identName };
