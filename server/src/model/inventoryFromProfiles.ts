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
import { effectiveMachine, type EffectiveMachine } from './effectiveMachine';
import type { Str } from './inventory';
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
function machineEntry(m: NixosMachine, effective: EffectiveMachine | undefined, root: string, networks: NetworkGuess, sharedMethod: string | undefined): string {
  const shown = effective?.address;
  const cfg = m.config;
  const first = primaryAddress(cfg?.addresses) ?? cfg?.addresses[0];
  // The address every reader shows (effectiveMachine.ts: a profile's `ipAddress` before the configured interfaces).
  const ip = shown?.value ?? first?.address.value ?? (m.deploy?.host && networkOf(m.deploy.host.value) ? m.deploy.host.value : undefined);
  const block = [`  ${y(m.name)}:`];
  const found = m.sources.map((s) => `${s.kind} ${relativeUri(root, s.origin.uri)}`).join(', ');
  block[0] += `   # ${found}${m.tags.length ? `; tags: ${m.tags.map((t) => t.value).join(', ')}` : ''}`;
  if (ip) block.push(`    ip: ${y(ip)}`);
  // Every network the machine has an address in (a router's second LAN, a tunnel), so none of its addresses is outside.
  const configured = (cfg?.addresses ?? []).map((a) => ({ ip: a.address.value, prefix: a.prefixLength }));
  const own = ip && !configured.some((a) => a.ip === ip) ? [{ ip, prefix: undefined }, ...configured] : configured;
  for (const a of own) networks.add(a.ip, a.prefix);
  if (cfg?.hostName && cfg.hostName.value !== m.name) block.push(`    hostname: ${y(cfg.hostName.value)}`);
  if (cfg?.autoUpgrade?.dates) block.push(`    update: ${y(cfg.autoUpgrade.dates.value)}`);
  const open = (cfg?.tcpPorts ?? []).map((p) => p.value).filter((p) => p !== 22);
  block.push(`    services: []${open.length ? `   # open TCP ports: ${[...new Set(open)].join(', ')}` : ''}`);
  const method = writtenMethod(effective) ?? m.deploy?.method;
  if (method && method !== sharedMethod) block.push('    deploy:', `      method: ${y(method)}`);
  return ip ? block.join('\n') : withoutAddress(m.name, block);
}

/** The method a source gave the machine (not the format's default, which needs no line). */
function writtenMethod(e: EffectiveMachine | undefined): string | undefined {
  return e && e.deploy.methodFrom !== 'default' ? e.deploy.method : undefined;
}

/**
 * A container needs its `ip` (the schema requires it): with none found, the
 * entry is written commented out, ready to complete, so the new inventory is
 * valid and the machine still comes from where it was found.
 */
function withoutAddress(name: string, block: string[]): string {
  return [`  # ${y(name)}: no address found; add its \`ip:\` and uncomment`, ...block.map((l) => `  #${l.slice(1)}`)].join('\n');
}

/**
 * The networks to write: each address's own prefix where a configuration gives
 * one, else the /24 (or /64) around it, left out when a network with a known
 * prefix already holds the address (so no two written networks overlap).
 */
class NetworkGuess {
  private readonly exact: string[] = [];
  private readonly guessed: { ip: string; cidr: string }[] = [];

  add(ip: string, prefix: number | undefined): void {
    const cidr = prefix !== undefined ? cidrAround(ip, prefix) : networkOf(ip);
    if (!cidr) return;
    if (prefix !== undefined) {
      if (!this.exact.includes(cidr)) this.exact.push(cidr);
    } else if (!this.guessed.some((g) => g.cidr === cidr)) this.guessed.push({ ip, cidr });
  }

  cidrs(): string[] {
    const holds = (cidr: string, ip: string): boolean => {
      try {
        const addr = ipaddr.parse(ip);
        const range = ipaddr.parseCIDR(cidr);
        return addr.kind() === range[0].kind() && addr.match(range);
      } catch {
        return false;
      }
    };
    const exact = this.exact.filter((c, i) => !this.exact.some((o, j) => j !== i && holds(o, c.split('/')[0]) && Number(o.split('/')[1]) < Number(c.split('/')[1])));
    return [...exact, ...this.guessed.filter((g) => !exact.some((c) => holds(c, g.ip))).map((g) => g.cidr)];
  }
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
  const networks = new NetworkGuess();
  const entries: string[] = [];
  let count = 0;
  const effective = new Map(homelab ? machines.map((c) => [c.name, effectiveMachine(homelab, c)]) : []);
  // The method each machine deploys by now (a deploy list's ssh-script, say), so the new inventory keeps it.
  const methods = new Set(machines.flatMap((c) => { const m = c.nixos && (writtenMethod(effective.get(c.name)) ?? c.nixos.deploy?.method); return m ? [m] : []; }));
  const sharedMethod = methods.size === 1 ? [...methods][0] : undefined;
  for (const c of machines.sort((a, b) => a.name.localeCompare(b.name))) {
    if (c.nixos) {
      const entry = machineEntry(c.nixos, effective.get(c.name), root, networks, sharedMethod);
      entries.push(entry);
      if (!entry.startsWith('  # ')) count++;
      continue;
    }
    const profile = c.profile ?? (c.configUri ? workspace.evaluate(c.configUri) : undefined);
    const ip = c.ip?.value ?? scalar(settingValue(profile, 'ipAddress'));
    const hostname = scalar(settingValue(profile, 'hostname'));
    if (!ip && !hostname) continue;
    const block = [`  ${y(c.name)}:`];
    if (ip) {
      block.push(`    ip: ${y(ip)}`);
      networks.add(ip, undefined);
    }
    if (hostname && hostname !== c.name) block.push(`    hostname: ${y(hostname)}`);
    if (c.configUri) block.push(`    profile: ${y(relativeUri(root, c.configUri))}`);
    const update = scalar(settingValue(profile, 'autoSystemUpdateOnCalendar'));
    if (update) block.push(`    update: ${y(update)}`);
    const open = ports(settingValue(profile, 'allowedTCPPorts')).filter((p) => p !== 22);
    block.push(`    services: []${open.length ? `   # open TCP ports: ${open.join(', ')}` : ''}`);
    if (ip) count++;
    entries.push(ip ? block.join('\n') : withoutAddress(c.name, block));
  }
  const cidrs = networks.cidrs();
  if (cidrs.length > 0) {
    lines.push('networks:');
    cidrs.forEach((cidr, i) => lines.push(`  net${i + 1}:`, `    cidr: ${y(cidr)}`));
    lines.push('');
  }
  if (sharedMethod) lines.push('deploy:', `  method: ${y(sharedMethod)}`, '');
  lines.push('hosts: {}', '');
  // With every entry commented out, `{}` keeps the inventory valid until the first is completed.
  lines.push(count ? 'containers:' : entries.length ? 'containers: {}   # remove the {} once an entry below is uncommented' : 'containers: {}');
  if (entries.length) lines.push(entries.join('\n'));
  lines.push('', 'services: {}', '');
  return { uri: joinUri(root, 'homelab.yaml'), text: lines.join('\n'), containers: count };
}
