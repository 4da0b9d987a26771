// Markdown descriptions of the homelab's things (containers, hosts, services,
// networks, addresses), shared by hover and completion documentation.
import type { Homelab } from '../model/homelab';
import type { Workspace } from '../model/workspace';
import { relativeUri } from '../model/uri';
import { LineIndex } from '../syntax/lineIndex';
import { addressInfo } from './homelabInfo';

export function fileLine(ws: Workspace, h: Homelab | undefined, uri: string, offset: number): string {
  const text = ws.text(uri) ?? '';
  const line = new LineIndex(text).positionAt(offset).line + 1;
  const name = h ? relativeUri(h.root, uri) : uri.slice(uri.lastIndexOf('/') + 1);
  return `${name.slice(name.lastIndexOf('/') + 1)}:${line}`;
}

export function describeMachine(h: Homelab, name: string): string | undefined {
  const c = h.machines.get(name);
  if (!c) return undefined;
  const lines = [`**${name}** · container${c.decl?.description ? ` — ${c.decl.description.value}` : ''}`, ''];
  if (c.ip) lines.push(`- IP: \`${c.ip.value}\``);
  if (c.hostName) lines.push(`- Host: \`${c.hostName}\``);
  if (c.decl?.vmid) lines.push(`- VMID: ${c.decl.vmid.value}`);
  if (c.configUri) lines.push(`- Profile: \`${relativeUri(h.root, c.configUri)}\`${c.configExists ? '' : ' (missing)'}`);
  const services = c.decl?.services.map((s) => s.value) ?? [];
  if (services.length) lines.push(`- Services: ${services.map((s) => `\`${s}\`${h.services.get(s)?.port !== undefined ? ` (${h.services.get(s)?.port})` : ''}`).join(', ')}`);
  if (c.decl?.update) lines.push(`- Update: \`${c.decl.update.value}\``);
  const evaluated = h.nixEval?.added.find((a) => a.name === name);
  if (evaluated)
    lines.push(
      `- From nix eval: listed by \`nix eval\` of ${evaluated.outputs.map((o) => `\`${o}\``).join(', ')}, not found by the static reading`,
      `- Deploy: nothing deployable until an address is known`,
    );
  return lines.join('\n');
}

export function describeHost(h: Homelab, name: string): string | undefined {
  const host = h.inventory?.hosts.get(name);
  if (!host) return undefined;
  const lines = [`**${name}** · ${host.kind?.value ?? 'host'}${host.description ? ` — ${host.description.value}` : ''}`, ''];
  if (host.ip) lines.push(`- IP: \`${host.ip.value}\``);
  const on = [...h.machines.values()].filter((c) => c.hostName === name).map((c) => `\`${c.name}\``);
  if (on.length) lines.push(`- Containers: ${on.join(', ')}`);
  return lines.join('\n');
}

export function describeService(h: Homelab, name: string): string | undefined {
  const s = h.services.get(name);
  const runners = [...h.machines.values()].filter((c) => c.decl?.services.some((x) => x.value === name));
  if (!s && !runners.length) return undefined;
  const desc = s?.decl?.description?.value ?? s?.builtin?.description;
  const lines = [`**${name}** · service${s?.decl ? '' : s?.builtin ? ' (built-in catalog)' : ' (not declared)'}${desc ? ` — ${desc}` : ''}`, ''];
  if (s?.port !== undefined) lines.push(`- Port: ${s.port}${s.decl?.port ? '' : ' (usual port)'}`);
  const url = s?.decl?.url?.value ?? s?.builtin?.url;
  if (url) lines.push(`- URL: ${url}`);
  if (s?.decl?.expose) lines.push(`- Exposed: ${s.decl.expose.value}`);
  if (s?.decl?.proxy) lines.push(`- Proxied by: \`${s.decl.proxy.value}\``);
  if (runners.length) lines.push(`- Runs on: ${runners.map((c) => `\`${c.name}\`${c.ip ? ` (${c.ip.value})` : ''}`).join(', ')}`);
  return lines.join('\n');
}

export function describeNetwork(h: Homelab, name: string): string | undefined {
  const n = h.inventory?.networks.get(name);
  if (!n) return undefined;
  const lines = [`**${name}** · network${n.description ? ` — ${n.description.value}` : ''}`, ''];
  if (n.cidr) lines.push(`- CIDR: \`${n.cidr.value}\``);
  if (n.gateway) lines.push(`- Gateway: \`${n.gateway.value}\``);
  if (n.dns.length) lines.push(`- DNS: ${n.dns.map((d) => `\`${d.value}\``).join(', ')}`);
  return lines.join('\n');
}

export function describeAddress(h: Homelab, text: string): string | undefined {
  const info = addressInfo(h, text);
  if (!info) return undefined;
  const net = info.network ? `network \`${info.network.name}\` (${info.network.cidr.key})` : 'no declared network';
  const head = info.owner
    ? `**${info.key}** · ${info.owner.kind} \`${info.owner.name}\` on ${net}`
    : `**${info.key}** · ${info.free ? 'free address' : 'no owner declared'} in ${net}`;
  const lines = [head, ''];
  if (info.runs.length) lines.push(`- Runs: ${info.runs.join(', ')}`);
  if (info.uses) lines.push(`- Used in ${info.uses} place${info.uses === 1 ? '' : 's'} (gateways, DNS, scrape targets, relays…)`);
  if (!info.owner && !info.free) lines.push('- Mentioned, but no host or container declares it');
  return lines.join('\n');
}
