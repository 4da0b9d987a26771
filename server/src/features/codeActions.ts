// Quick fixes from diagnostics (their rule and `data`): a close match for an
// unknown name, the next free address for a duplicate or out-of-network IP, a
// missing firewall port, a missing scrape target, a missing service
// declaration, both directions of an inventory/profile disagreement, and
// Proxmox's value for drift against the live state (proxmoxFixes.ts).
// Every fix is a minimal edit; the rest of the file is untouched.
import type { Homelab } from '../model/homelab';
import { inventoryFromProfiles } from '../model/inventoryFromProfiles';
import { isParsed, parseAddress } from '../model/ip';
import { setting } from '../model/profiles';
import { encodeSegment } from '../model/uri';
import type { Workspace } from '../model/workspace';
import type { Span } from '../syntax/value';
import { declareServiceEdit } from './completionYaml';
import { addListEntryEdit, addPortEdit, scrapeEntryName } from './edits';
import { machineForConfig, freeAddresses, networkForMachine } from './homelabInfo';
import { setsOwnSetting } from './nixDoc';
import { proxmoxFixes } from './proxmoxFixes';
import { innerSpan } from './references';
import { settingChain } from './settingChain';
import type { Location, TextEdit, WorkspaceEdit } from './types';

export interface DiagnosticInput {
  rule: string;
  span: Span;
  message?: string;
  data?: Record<string, unknown>;
  related?: Location[];
}

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source' | 'refactor';
  /** Index into the diagnostics passed in (none for source actions). */
  diagnostic?: number;
  edit: WorkspaceEdit;
  preferred?: boolean;
}

function one(uri: string, edit: TextEdit): WorkspaceEdit {
  return { changes: new Map([[uri, [edit]]]) };
}

function quoteLike(ws: Workspace, uri: string, span: Span, value: string): TextEdit {
  const inner = innerSpan(ws, uri, span);
  return { span: inner, newText: value };
}

export function codeActions(ws: Workspace, uri: string, diagnostics: DiagnosticInput[], range?: Span): CodeAction[] {
  const h = ws.homelabFor(uri);
  const out: CodeAction[] = [];
  if (h && range && uri === h.inventoryUri) {
    const r = profileRename(ws, h, range);
    if (r) out.push(r);
  }
  // A homelab with profiles and no inventory: offer to write one from what the profiles say.
  if (h && !h.inventoryUri && uri.endsWith('.nix') && h.machines.size > 0) {
    const created = inventoryFromProfiles(ws, h.root);
    if (!ws.docs.exists(created.uri))
      out.push({ title: `Create inventory from profiles (${created.containers} containers)`, kind: 'source', edit: { changes: new Map(), creates: [{ uri: created.uri, text: created.text }] } });
  }
  diagnostics.forEach((d, i) => {
    if (!h) return;
    const data = d.data ?? {};
    const push = (title: string, edit: WorkspaceEdit | undefined, preferred = false): void => {
      if (edit) out.push({ title, kind: 'quickfix', diagnostic: i, edit, preferred: preferred || undefined });
    };
    const replacement = typeof data.replacement === 'string' ? data.replacement : undefined;
    if (replacement && d.rule !== 'unknown-setting' && d.rule !== 'deprecated-setting') push(`Replace with \`${replacement}\``, one(uri, quoteLike(ws, uri, d.span, replacement)), true);
    if (replacement && (d.rule === 'unknown-setting' || d.rule === 'deprecated-setting')) push(`Replace with \`${replacement}\``, one(uri, { span: d.span, newText: replacement }), true);
    if (d.rule.startsWith('proxmox-')) for (const f of proxmoxFixes(ws, h, d.rule, data)) push(f.title, f.edit, true);
    switch (d.rule) {
      case 'unknown-reference': {
        const service = typeof data.service === 'string' ? data.service : undefined;
        if (service && h.inventoryUri) {
          const text = ws.text(h.inventoryUri) ?? '';
          const known = h.services.get(service);
          push(`Declare service \`${service}\` in services${known?.port !== undefined ? ` (port ${known.port})` : ''}`, one(h.inventoryUri, declareServiceEdit(h, text, service, known?.port)), !replacement);
        }
        break;
      }
      case 'ip-duplicate':
      case 'ip-outside-network': {
        const fix = freeAddressFix(ws, h, uri, d.span);
        if (fix) push(`Use the free address ${fix.address} (${fix.network})`, one(uri, fix.edit), true);
        break;
      }
      case 'port-not-open': {
        const port = typeof data.port === 'number' ? data.port : undefined;
        const profileUri = typeof data.profileUri === 'string' ? data.profileUri : undefined;
        if (port !== undefined && profileUri) {
          const e = addPortEdit(ws, h, profileUri, port);
          if (e) push(`Open port ${port} in ${String(data.container ?? 'the profile')}'s allowedTCPPorts`, one(profileUri, e), true);
        }
        break;
      }
      case 'monitoring-coverage': {
        const machine = typeof data.container === 'string' ? data.container : undefined;
        const address = typeof data.address === 'string' ? data.address : undefined;
        const mon = monitoringProfile(ws, h);
        if (machine && address && mon) {
          const e = addListEntryEdit(ws, mon, 'prometheusRemoteTargets', { name: scrapeEntryName(machine), host: address, nodePort: 9100, cadvisorPort: 9092 });
          if (e) push(`Scrape ${machine} (${address}) from the monitoring profile`, one(mon, e), true);
        }
        break;
      }
      case 'inventory-profile-mismatch': {
        const field = typeof data.field === 'string' ? data.field : undefined;
        const invVal = typeof data.inventory === 'string' ? data.inventory : undefined;
        const profVal = typeof data.profile === 'string' ? data.profile : undefined;
        if (!field || invVal === undefined || profVal === undefined) break;
        const places = mismatchPlaces(ws, h, uri, d, field, invVal, profVal);
        if (places.inventory) push(`Set the inventory to \`${profVal}\` (as the profile says)`, one(places.inventory.uri, { span: innerSpan(ws, places.inventory.uri, places.inventory.span), newText: profVal }));
        if (places.profile) push(`Set the profile to \`${invVal}\` (as the inventory says)`, one(places.profile.uri, { span: innerSpan(ws, places.profile.uri, places.profile.span), newText: invVal }));
        break;
      }
    }
  });
  return out;
}

/**
 * After renaming a container: move its profile file to `<name>-config.nix`
 * (and update `profile:`), offered on the container's key as an explicit step.
 */
function profileRename(ws: Workspace, h: Homelab, range: Span): CodeAction | undefined {
  for (const c of h.machines.values()) {
    const k = c.decl?.keyOrigin;
    if (!k || k.uri !== h.inventoryUri || range.start > k.span.end || range.end < k.span.start) continue;
    if (!c.configUri || !c.configExists) return undefined;
    const file = c.configUri.slice(c.configUri.lastIndexOf('/') + 1);
    const want = `${encodeSegment(c.name)}-config.nix`;
    if (file === want || !/-config\.nix$/.test(file)) return undefined;
    const to = `${c.configUri.slice(0, c.configUri.lastIndexOf('/') + 1)}${want}`;
    if (ws.docs.exists(to)) return undefined;
    const changes = new Map<string, TextEdit[]>();
    const p = c.decl?.profile;
    if (p) {
      const inner = innerSpan(ws, p.origin.uri, p.origin.span);
      const text = (ws.text(p.origin.uri) ?? '').slice(inner.start, inner.end);
      const i = text.lastIndexOf(decodeURIComponent(file));
      if (i >= 0) changes.set(p.origin.uri, [{ span: { start: inner.start + i, end: inner.start + i + decodeURIComponent(file).length }, newText: decodeURIComponent(want) }]);
    }
    return { title: `Rename profile ${decodeURIComponent(file)} to ${decodeURIComponent(want)}`, kind: 'refactor', edit: { changes, renames: [{ from: c.configUri, to }] } };
  }
  return undefined;
}

/** The next free address of the right network for the address at `span`. */
function freeAddressFix(ws: Workspace, h: Homelab, uri: string, span: Span): { address: string; network: string; edit: TextEdit } | undefined {
  const inner = innerSpan(ws, uri, span);
  let machine = uri.endsWith('.nix') ? machineForConfig(h, uri) : undefined;
  if (!machine) for (const c of h.machines.values()) if (c.decl?.ip && c.decl.ip.origin.uri === uri && c.decl.ip.origin.span.start === span.start) machine = c;
  let hostName: string | undefined;
  for (const x of h.inventory?.hosts.values() ?? []) if (x.ip && x.ip.origin.uri === uri && x.ip.origin.span.start === span.start) hostName = x.name;
  const text = (ws.text(uri) ?? '').slice(inner.start, inner.end);
  const own = parseAddress(text);
  // Keep the container in its host's network; an address outside every network does not count.
  const net = machine ? networkForMachine(h, { ...machine, ip: undefined }, isParsed(own) ? own.key : undefined) : hostName ? networkForMachine(h, undefined, isParsed(own) ? own.key : undefined) : networkForMachine(h, undefined);
  if (!net) return undefined;
  const address = freeAddresses(h, net, 1, [], (u) => ws.text(u))[0];
  return address ? { address, network: net.name, edit: { span: inner, newText: address } } : undefined;
}

/** The profile that scrapes the others (sets prometheusRemoteTargets in its own text). */
function monitoringProfile(ws: Workspace, h: Homelab): string | undefined {
  const candidates = [...h.profiles.keys(), ...h.nixFiles].filter((u) => u !== h.defaultsUri);
  return candidates.find((u) => setsOwnSetting(u, ws.text(u) ?? '', 'prometheusRemoteTargets'));
}

function mismatchPlaces(ws: Workspace, h: Homelab, uri: string, d: DiagnosticInput, field: string, invVal: string, profVal: string): { inventory?: Location; profile?: Location } {
  const invField = field === 'ipAddress' ? 'ip' : field === 'autoSystemUpdateOnCalendar' ? 'update' : 'hostname';
  for (const c of h.machines.values()) {
    const decl = c.decl;
    const inv = decl ? (invField === 'ip' ? decl.ip : invField === 'update' ? decl.update : decl.hostname) : undefined;
    if (!inv || inv.value !== invVal || !c.configUri) continue;
    const hit = setting(c.profile, field);
    let profile: Location | undefined = hit && hit.entry.value.kind === 'string' && hit.entry.value.value === profVal ? hit.entry.value.origin : undefined;
    if (!profile) {
      const link = settingChain(ws, h, c.configUri, 'systemSettings', field)[0];
      if (link && link.valueText.replace(/^"|"$/g, '') === profVal) profile = { uri: link.valueUri, span: link.valueSpan };
    }
    if (profile && (uri === inv.origin.uri || uri === profile.uri)) return { inventory: inv.origin, profile };
  }
  const other = d.related?.[0];
  if (!other) return {};
  const here: Location = { uri, span: d.span };
  return uri === h.inventoryUri ? { inventory: here, profile: other } : { inventory: other, profile: here };
}
