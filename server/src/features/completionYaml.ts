// Completion inside the inventory: host names for `host:`, free addresses for
// `ip:`, machines for gateways and DNS, services (declared first, then the
// built-in catalog, offering to declare a new one), containers and hosts for
// `proxy:`, profile paths, enum values and a new container entry.
import type { Homelab } from '../model/homelab';
import { isParsed, parseAddress } from '../model/ip';
import { dirnameUri } from '../model/uri';
import type { Workspace } from '../model/workspace';
import { relPath } from './completionNix';
import { freeAddresses, addressedMachines, networkByName, networkForMachine, ipv4InNetwork } from './homelabInfo';
import type { CompletionItem, IsCancelled, TextEdit } from './types';
import { valueAt, yamlContextAt } from './yamlDoc';
import { snippetBody, snippetDescription, withDefault } from './snippets';

const ENUMS: Record<string, string[]> = {
  kind: ['proxmox', 'nas', 'router', 'switch', 'access-point', 'vps', 'workstation', 'other'],
  expose: ['local', 'tunnel', 'vpn', 'none'],
  method: ['ssh-script', 'nixos-rebuild', 'colmena', 'deploy-rs', 'command'],
};

const ENTRY_KEYS: Record<string, string[]> = {
  containers: ['host', 'vmid', 'ip', 'hostname', 'profile', 'services', 'update', 'description', 'deploy', 'tags'],
  hosts: ['kind', 'ip', 'description', 'proxmox'],
  networks: ['cidr', 'gateway', 'dns', 'description', 'isolated'],
  services: ['port', 'url', 'expose', 'proxy', 'protocol', 'description'],
};
const TOP_KEYS = ['version', 'domain', 'localDomain', 'networks', 'hosts', 'containers', 'services', 'deploy'];

/** An edit that declares a service at the end of the inventory's `services:` section. */
export function declareServiceEdit(h: Homelab, text: string, name: string, port: number | undefined): TextEdit {
  const entries = [...(h.inventory?.services.values() ?? [])];
  // Keep the file's own line endings (CRLF inventories stay CRLF).
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const body = (indent: string): string => `${indent}${name}:${nl}${indent}  port: ${port ?? 80}`;
  if (entries.length) {
    const last = entries[entries.length - 1];
    const col = last.keyOrigin.span.start - (text.lastIndexOf('\n', last.keyOrigin.span.start - 1) + 1);
    let end = Math.max(last.node.origin.span.end, last.keyOrigin.span.end);
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    const eol = text.indexOf('\n', end);
    const at = eol < 0 ? text.length : eol > 0 && text[eol - 1] === '\r' ? eol - 1 : eol;
    return { span: { start: at, end: at }, newText: `${nl}${body(' '.repeat(col))}` };
  }
  const m = /^services:[ \t]*(\{\s*\})?[ \t]*$/m.exec(text);
  if (m) return { span: { start: m.index, end: m.index + m[0].length }, newText: `services:${nl}${body('  ')}` };
  const sep = text.endsWith('\n') || text === '' ? '' : nl;
  return { span: { start: text.length, end: text.length }, newText: `${sep}${nl}services:${nl}${body('  ')}${nl}` };
}

export function completeYaml(ws: Workspace, h: Homelab, uri: string, text: string, offset: number, cancelled: IsCancelled): CompletionItem[] {
  if (cancelled()) return [];
  const ctx = yamlContextAt(text, offset);
  if (!ctx) return [];
  const out: CompletionItem[] = [];
  const add = (label: string, kind: CompletionItem['kind'], rank: number, extra: Partial<CompletionItem> = {}): void => {
    out.push({ label, kind, insertText: label, replace: ctx.replace, sortText: `${rank}_${String(out.length).padStart(4, '0')}`, ...extra });
  };
  const [section, name] = ctx.path;
  const inv = h.inventory;
  if (ctx.kind === 'value' || ctx.kind === 'item') {
    const key = ctx.key;
    if (section === 'containers' && name && key === 'host') {
      for (const host of inv?.hosts.values() ?? []) add(host.name, 'host', host.kind?.value === 'proxmox' ? 0 : 1, { detail: [host.kind?.value, host.ip?.value].filter(Boolean).join(' · ') });
      return out;
    }
    if ((section === 'containers' || section === 'hosts') && name && key === 'ip' && ctx.path.length === 2) {
      const c = section === 'containers' ? h.machines.get(name) : undefined;
      const own = section === 'containers' ? networkForMachine(h, c ? { ...c, ip: undefined } : { name, configExists: false, hostName: undefined }) : undefined;
      const nets = own ? [own, ...h.addresses.networks.filter((n) => n !== own)] : h.addresses.networks;
      nets.forEach((n, ni) => {
        freeAddresses(h, n, ni === 0 ? 5 : 2, [], (u) => ws.text(u)).forEach((a, i) =>
          add(a, 'address', ni === 0 ? 0 : 1, { detail: `free in ${n.name} (${n.cidr.key})`, preselect: ni === 0 && i === 0 ? true : undefined }),
        );
      });
      return out;
    }
    if (section === 'networks' && name && (key === 'gateway' || key === 'dns')) {
      const n = networkByName(h, name);
      for (const m of addressedMachines(h)) add(m.address, 'address', ipv4InNetwork(n, m.address) ? 0 : 1, { detail: `${m.name}${m.runs ? ` — ${m.runs}` : ''}` });
      return out;
    }
    if (section === 'containers' && name && key === 'services' && ctx.path.length === 2) {
      const listed = new Set(inv?.containers.get(name)?.services.map((s) => s.value) ?? []);
      const declared = [...h.services.values()].filter((s) => s.decl && !listed.has(s.name));
      const builtin = [...h.services.values()].filter((s) => !s.decl && s.builtin && !listed.has(s.name));
      for (const s of declared) add(s.name, 'service', 0, { detail: `declared${s.port !== undefined ? ` · port ${s.port}` : ''}`, documentation: s.decl?.description?.value ?? s.builtin?.description });
      for (const s of builtin)
        add(s.name, 'service', 1, {
          detail: `built-in${s.port !== undefined ? ` · usual port ${s.port}` : ''} · declares it in services:`,
          documentation: s.builtin?.description,
          additionalEdits: h.inventoryUri ? [{ uri: h.inventoryUri, edit: declareServiceEdit(h, text, s.name, s.port) }] : undefined,
        });
      return out;
    }
    if (section === 'services' && name && key === 'proxy') {
      for (const c of h.machines.values()) add(c.name, 'container', 0, { detail: c.ip?.value });
      for (const host of inv?.hosts.values() ?? []) add(host.name, 'host', 1, { detail: host.kind?.value });
      return out;
    }
    if (section === 'containers' && name && key === 'profile') {
      const dir = h.inventoryUri ? dirnameUri(h.inventoryUri) : h.root;
      for (const f of h.nixFiles) {
        if (!/\/profiles\//.test(f) && !f.endsWith('-config.nix')) continue;
        const rel = relPath(dir, f).replace(/^\.\//, '');
        add(rel, 'file', rel.includes(`${name}-config.nix`) ? 0 : 1);
      }
      return out;
    }
    if (key && ENUMS[key]) {
      for (const v of ENUMS[key]) add(v, 'enum', 0);
      return out;
    }
    return out;
  }
  // Keys.
  if (section === 'containers' && ctx.path.length === 1) {
    const vmids = [...(inv?.containers.values() ?? [])].map((c) => c.vmid?.value ?? 0);
    const pve = [...(inv?.hosts.values() ?? [])].find((x) => x.kind?.value === 'proxmox')?.name ?? 'pve';
    const net = networkForMachine(h, { name: '', configExists: false, hostName: pve });
    const ip = net ? freeAddresses(h, net, 1, [], (u) => ws.text(u))[0] ?? '' : '';
    const vmid = String(Math.max(100, ...vmids) + 1);
    let body = snippetBody('yaml', 'Container');
    if (body) {
      body = withDefault(body, 'host:', pve);
      body = withDefault(body, 'vmid:', vmid);
      if (ip) body = withDefault(body, 'ip:', ip);
      const update = nextUpdate(h);
      if (update) body = withDefault(body, 'update:', update);
    }
    const ind = ' '.repeat(2);
    add('new container', 'snippet', 0, {
      insertText:
        body ??
        [
          'LXC_${1:name}:',
          `${ind}host: ${pve}`,
          `${ind}vmid: \${2:${vmid}}`,
          `${ind}ip: \${3:${ip}}`,
          `${ind}profile: profiles/LXC_\${1:name}-config.nix`,
          `${ind}services: [$4]`,
          `${ind}update: "\${5:Sat *-*-* 07:00:00}"`,
        ].join('\n'),
      snippet: true,
      detail: `on ${pve}${ip ? `, ${ip} free` : ''}`,
    });
    return out;
  }
  if (section === 'services' && ctx.path.length === 1) {
    const body = snippetBody('yaml', 'Service');
    if (body) add('new service', 'snippet', 0, { insertText: body, snippet: true, detail: snippetDescription('yaml', 'Service') });
    return out;
  }
  if (section && ENTRY_KEYS[section] && name && ctx.path.length === 2) {
    const node = valueAt(inv?.value, [section, name]);
    const present = new Set(node?.kind === 'attrs' ? node.entries.keys() : []);
    const kind = node?.kind === 'attrs' ? node.entries.get('kind')?.value : undefined;
    // Only a Proxmox host is read live and gets new containers.
    const offered = ENTRY_KEYS[section].filter((k) => k !== 'proxmox' || (kind?.kind === 'string' && kind.value === 'proxmox'));
    for (const k of offered) if (!present.has(k)) add(k, 'key', 0, { insertText: `${k}: ` });
    return out;
  }
  if (ctx.path.length === 0 && ctx.indent === 0) {
    const present = new Set(inv?.value?.kind === 'attrs' ? inv.value.entries.keys() : []);
    for (const k of TOP_KEYS) if (!present.has(k)) add(k, 'key', 0, { insertText: `${k}: ` });
    return out;
  }
  return out;
}

/** The next auto-update slot: five minutes after the latest `update` of the inventory (same day and hour pattern). */
function nextUpdate(h: Homelab): string | undefined {
  let best: { text: string; minutes: number } | undefined;
  for (const c of h.inventory?.containers.values() ?? []) {
    const m = /^(.*\s)(\d{1,2}):(\d{2})(:\d{2})?$/.exec(c.update?.value ?? '');
    if (!m) continue;
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    if (!best || minutes > best.minutes) best = { text: c.update?.value ?? '', minutes };
  }
  if (!best) return undefined;
  const m = /^(.*\s)(\d{1,2}):(\d{2})(:\d{2})?$/.exec(best.text);
  if (!m) return undefined;
  const t = Math.min(best.minutes + 5, 23 * 60 + 55);
  return `${m[1]}${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}${m[4] ?? ''}`;
}

export function isAddress(text: string): boolean {
  return isParsed(parseAddress(text));
}
