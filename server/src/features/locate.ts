// "What is at this offset", for hover, definition, references and rename: a
// setting key, an address, a service, container, host or network name, an
// import path, a `secrets.x` read, a profile path — with the span it covers.
import type * as A from '../syntax/nix/ast';
import type { Homelab } from '../model/homelab';
import type { SettingsBlock } from '../model/profiles';
import type { Workspace } from '../model/workspace';
import { dirnameUri, joinUri } from '../model/uri';
import type { Span } from '../syntax/value';
import { isAddress } from './completionYaml';
import { identName, inComment, letImports, nodeAt, parsedNix, settingsSets, unparen } from './nixDoc';
import { yamlHitAt } from './yamlDoc';
import { spanOf } from '../syntax/value';

export type Thing =
  | { kind: 'setting'; block: SettingsBlock; key: string; span: Span }
  | { kind: 'address'; text: string; span: Span }
  | { kind: 'service' | 'container' | 'host' | 'network'; name: string; span: Span; isDeclaration: boolean }
  | { kind: 'file'; target: string; span: Span }
  | { kind: 'secret'; file: string; name: string; span: Span };

export function thingAt(ws: Workspace, h: Homelab | undefined, uri: string, offset: number): Thing | undefined {
  const text = ws.text(uri);
  if (text === undefined || text.includes('\0')) return undefined;
  if (uri.endsWith('.nix')) return nixThing(uri, text, offset, h);
  if (h && (h.inventoryUri === uri || /\.ya?ml$/.test(uri))) return yamlThing(ws, h, uri, offset);
  return undefined;
}

function nixThing(uri: string, text: string, offset: number, h?: Homelab): Thing | undefined {
  const p = parsedNix(uri, text);
  if (inComment(p, offset)) return undefined;
  const node = nodeAt(p.root, offset);
  if (!node) return undefined;
  const str = node.type === 'Str' ? node : node.type === 'Text' && node.parent?.type === 'Str' ? node.parent : undefined;
  if (str && str.parts.length === 1 && str.parts[0].type === 'Text') {
    const t = str.parts[0];
    if (isAddress(t.value)) return { kind: 'address', text: t.value, span: spanOf(t) };
    // `"10.0.0.5/24"` (networkd, WireGuard): the address part is the machine's address.
    const cidr = /^([^/\s]+)\/\d{1,3}$/.exec(t.value);
    if (cidr && isAddress(cidr[1]) && t.end - t.start === t.value.length)
      return { kind: 'address', text: cidr[1], span: { start: t.start, end: t.start + cidr[1].length } };
    // A name only `nix eval` lists, written as a string the static reading could not follow (`mkHosts [ "a" ]`).
    if (h?.nixEval?.added.some((x) => x.name === t.value)) return { kind: 'container', name: t.value, span: spanOf(t), isDeclaration: false };
  }
  if (node.type === 'Path') {
    const imp = node.parts.length === 0 ? node.first : undefined;
    if (imp) return { kind: 'file', target: joinUri(dirnameUri(uri), imp), span: spanOf(node) };
  }
  // `secrets.alertEmail`: the name after a variable bound to an import.
  if (node.type === 'Ident' && node.parent?.type === 'AttrPath' && node.parent.parent?.type === 'Select') {
    const sel = node.parent.parent;
    const target = unparen(sel.target);
    if (target.type === 'Var') {
      const imp = letImports(p.root).get(target.name);
      if (imp && sel.path.names[0] === node && target.name !== 'base') return { kind: 'secret', file: joinUri(dirnameUri(uri), imp.path), name: node.name, span: spanOf(node) };
    }
  }
  if (node.type === 'Ident' && node.parent?.type === 'AttrPath' && node.parent.parent?.type === 'AttrDef') {
    const def = node.parent.parent;
    const s = settingsSets(p.root).find((x) => x.set === def.parent);
    if (s && def.path.names[0] === node) return { kind: 'setting', block: s.block, key: node.name, span: spanOf(node) };
  }
  // A setting read through `base.systemSettings.x` (e.g. `base.systemSettings.allowedTCPPorts ++ [ … ]`).
  if (node.type === 'Ident' && node.parent?.type === 'AttrPath') {
    const names = node.parent.names;
    const i = names.indexOf(node as A.AttrName);
    const prev = i > 0 ? identName(names[i - 1]) : undefined;
    if (prev === 'systemSettings' || prev === 'userSettings') return { kind: 'setting', block: prev, key: node.name, span: spanOf(node) };
    // A module's read `systemSettings.x or default`, `systemSettings` being the module's argument.
    const sel = node.parent.parent;
    if (i === 0 && (sel?.type === 'Select' || sel?.type === 'HasAttr')) {
      const target = unparen(sel.target);
      if (target.type === 'Var' && (target.name === 'systemSettings' || target.name === 'userSettings'))
        return { kind: 'setting', block: target.name, key: node.name, span: spanOf(node) };
    }
  }
  return undefined;
}

function yamlThing(ws: Workspace, h: Homelab, uri: string, offset: number): Thing | undefined {
  const hit = yamlHitAt(ws.yaml(uri)?.value, offset);
  if (!hit) return undefined;
  const [section, name, field, idx] = hit.path;
  const span = hit.span;
  if (hit.isKey && hit.path.length === 2) {
    if (section === 'containers') return { kind: 'container', name, span, isDeclaration: true };
    if (section === 'services') return { kind: 'service', name, span, isDeclaration: true };
    if (section === 'hosts') return { kind: 'host', name, span, isDeclaration: true };
    if (section === 'networks') return { kind: 'network', name, span, isDeclaration: true };
  }
  if (hit.isKey) return undefined;
  if (section === 'containers' && field === 'host' && hit.path.length === 3) return { kind: 'host', name: hit.text, span, isDeclaration: false };
  if (section === 'containers' && field === 'services' && idx !== undefined) return { kind: 'service', name: hit.text, span, isDeclaration: false };
  if (section === 'containers' && field === 'profile') {
    const dir = h.inventoryUri ? dirnameUri(h.inventoryUri) : h.root;
    return { kind: 'file', target: joinUri(dir, hit.text), span };
  }
  if (section === 'services' && field === 'proxy') {
    const kind = h.machines.has(hit.text) ? 'container' : h.inventory?.hosts.has(hit.text) ? 'host' : 'container';
    return { kind, name: hit.text, span, isDeclaration: false };
  }
  if (isAddress(hit.text)) return { kind: 'address', text: hit.text, span };
  return undefined;
}
