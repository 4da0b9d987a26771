// Writes a starting homelab.yaml from what the profiles and the discovered
// NixOS machines say, for a workspace without an inventory: each machine of a
// flake, hive or deploy-rs nodes (its configured address, host name, upgrade
// schedule, deploy method, where it was found and its colmena tags), and each
// profile that sets a hostname or an IP, becomes a container; networks are the /24 (or /64) around the addresses;
// the auto-update calendar and open ports are carried over. Hosts, vmids and
// services are left for the user to complete (said in comments).
import * as ipaddr from 'ipaddr.js';
import { stringify } from 'yaml';
import type { Value } from '../syntax/value';
import { settingValue } from './profiles';
import { joinUri, normalizeUri, relativeUri } from './uri';
import type { Workspace } from './workspace';
import type { NixosMachine } from './machines/machine';
import { primaryAddress } from './machines/networkAddresses';

export interface CreatedInventory {
  uri: string;
  text: string;
  containers: number;
}

function scalar(v: Value | undefined): string | undefined {
  return v && (v.kind === 'string' || v.kind === 'path') ? v.value : undefined;
}

function ports(v: Value | undefined): number[] {
  if (!v || v.kind !== 'list') return [];
  return v.items.flatMap((i) => (i.kind === 'number' && i.integer ? [i.value] : []));
}

/** A YAML scalar, quoted only when plain would be misread. */
function y(value: string | number | boolean): string {
  return stringify(value).trimEnd();
}

function networkOf(ip: string): string | undefined {
  try {
    const addr = ipaddr.parse(ip);
    if (addr.kind() === 'ipv4') {
      const [a, b, c] = (addr as ipaddr.IPv4).octets;
      return `${a}.${b}.${c}.0/24`;
    }
    const parts = (addr as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
    return `${parts.join(':')}::/64`;
  } catch {
    return undefined;
  }
}

/** A NixOS machine's entry: its configured address, host name, schedule, deploy method and where it was found. */
function machineEntry(m: NixosMachine, root: string, networks: Map<string, string>, sharedMethod: string | undefined): string {
  const cfg = m.config;
  const first = primaryAddress(cfg?.addresses) ?? cfg?.addresses[0];
  const ip = first?.address.value ?? (m.deploy?.host && networkOf(m.deploy.host.value) ? m.deploy.host.value : undefined);
  const block = [`  ${y(m.name)}:`];
  const found = m.sources.map((s) => `${s.kind} ${relativeUri(root, s.origin.uri)}`).join(', ');
  block[0] += `   # ${found}${m.tags.length ? `; tags: ${m.tags.map((t) => t.value).join(', ')}` : ''}`;
  if (ip) block.push(`    ip: ${y(ip)}`);
  // Every network the machine has an address in (a router's second LAN, a tunnel), so none of its addresses is outside.
  const own = cfg?.addresses.length ? cfg.addresses.map((a) => ({ ip: a.address.value, prefix: a.prefixLength })) : ip ? [{ ip, prefix: undefined }] : [];
  for (const a of own) {
    const cidr = a.prefix !== undefined ? cidrAround(a.ip, a.prefix) : networkOf(a.ip);
    if (cidr && ![...networks.values()].includes(cidr)) networks.set(`net${networks.size + 1}`, cidr);
  }
  if (cfg?.hostName && cfg.hostName.value !== m.name) block.push(`    hostname: ${y(cfg.hostName.value)}`);
  if (cfg?.autoUpgrade?.dates) block.push(`    update: ${y(cfg.autoUpgrade.dates.value)}`);
  const open = (cfg?.tcpPorts ?? []).map((p) => p.value).filter((p) => p !== 22);
  block.push(`    services: []${open.length ? `   # open TCP ports: ${[...new Set(open)].join(', ')}` : ''}`);
  if (m.deploy && m.deploy.method !== sharedMethod) block.push('    deploy:', `      method: ${y(m.deploy.method)}`);
  return block.join('\n');
}

/** The network of `ip` with that prefix length (`192.168.1.0/24`). */
function cidrAround(ip: string, prefix: number): string | undefined {
  try {
    const addr = ipaddr.parse(ip);
    const bytes = addr.toByteArray();
    const bits = bytes.length * 8;
    if (prefix < 0 || prefix > bits) return undefined;
    for (let i = 0; i < bytes.length; i++) {
      const keep = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
    }
    return `${ipaddr.fromByteArray(bytes).toString()}/${prefix}`;
  } catch {
    return undefined;
  }
}

export function inventoryFromProfiles(workspace: Workspace, folderUri: string): CreatedInventory {
  const root = normalizeUri(folderUri).replace(/\/$/, '');
  const homelab = workspace.homelabFor(root + '/homelab.yaml');
  const machines = homelab ? [...homelab.machines.values()] : [];
  const lines: string[] = [
    '# Inventory written by Homelab Profiles from the machines and profiles of this folder.',
    '# Complete it: the Proxmox host of each container (hosts:), vmids, and the',
    '# services each container runs. See the inventory format in the README.',
    'version: 1',
    '',
  ];
  const networks = new Map<string, string>();
  const entries: string[] = [];
  let count = 0;
  const methods = new Set(machines.flatMap((c) => (c.nixos?.deploy ? [c.nixos.deploy.method] : [])));
  const sharedMethod = methods.size === 1 ? [...methods][0] : undefined;
  for (const c of machines.sort((a, b) => a.name.localeCompare(b.name))) {
    if (c.nixos) {
      entries.push(machineEntry(c.nixos, root, networks, sharedMethod));
      count++;
      continue;
    }
    const profile = c.profile ?? (c.configUri ? workspace.evaluate(c.configUri) : undefined);
    const ip = c.ip?.value ?? scalar(settingValue(profile, 'ipAddress'));
    const hostname = scalar(settingValue(profile, 'hostname'));
    if (!ip && !hostname) continue;
    count++;
    const block = [`  ${y(c.name)}:`];
    if (ip) {
      block.push(`    ip: ${y(ip)}`);
      const cidr = networkOf(ip);
      if (cidr && ![...networks.values()].includes(cidr)) networks.set(`net${networks.size + 1}`, cidr);
    }
    if (hostname && hostname !== c.name) block.push(`    hostname: ${y(hostname)}`);
    if (c.configUri) block.push(`    profile: ${y(relativeUri(root, c.configUri))}`);
    const update = scalar(settingValue(profile, 'autoSystemUpdateOnCalendar'));
    if (update) block.push(`    update: ${y(update)}`);
    const open = ports(settingValue(profile, 'allowedTCPPorts')).filter((p) => p !== 22);
    block.push(`    services: []${open.length ? `   # open TCP ports: ${open.join(', ')}` : ''}`);
    entries.push(block.join('\n'));
  }
  if (networks.size > 0) {
    lines.push('networks:');
    for (const [name, cidr] of networks) lines.push(`  ${name}:`, `    cidr: ${y(cidr)}`);
    lines.push('');
  }
  if (sharedMethod) lines.push('deploy:', `  method: ${y(sharedMethod)}`, '');
  lines.push('hosts: {}', '');
  lines.push(entries.length ? 'containers:' : 'containers: {}');
  if (entries.length) lines.push(entries.join('\n'));
  lines.push('', 'services: {}', '');
  return { uri: joinUri(root, 'homelab.yaml'), text: lines.join('\n'), containers: count };
}
