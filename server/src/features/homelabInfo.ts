// Questions about the homelab that several features ask: which machine a
// configuration file belongs to, which network it lives in, the free addresses of a
// network, who owns an address and what runs there.
import type { Machine, Homelab } from '../model/homelab';
import { networkOf, type AddressOwner, type NetworkInfo } from '../model/addresses';
import { contains as cidrContains, isParsed, parseAddress, reservedRole } from '../model/ip';
import * as ipaddr from 'ipaddr.js';
import { profileNameOf } from '../model/profiles';

export function machineForConfig(h: Homelab, uri: string): Machine | undefined {
  for (const c of h.machines.values()) if (c.configUri === uri) return c;
  return h.machines.get(profileNameOf(uri));
}

export function networkByName(h: Homelab, name: string): NetworkInfo | undefined {
  return h.addresses.networks.find((n) => n.name === name);
}

/** The network a machine lives in: its address, else its host's, else the one most machines use. */
export function networkForMachine(h: Homelab, c: Machine | undefined, hint?: string): NetworkInfo | undefined {
  const byAddr = (text: string | undefined): NetworkInfo | undefined => {
    if (!text) return undefined;
    const a = parseAddress(text);
    return isParsed(a) ? networkOf(h.addresses, a.key) : undefined;
  };
  const own = byAddr(c?.ip?.value);
  if (own) return own;
  const hostIp = c?.hostName ? h.inventory?.hosts.get(c.hostName)?.ip?.value : undefined;
  const viaHost = byAddr(hostIp);
  if (viaHost) return viaHost;
  const viaHint = byAddr(hint);
  if (viaHint) return viaHint;
  const counts = new Map<NetworkInfo, number>();
  for (const x of h.machines.values()) {
    const n = byAddr(x.ip?.value);
    if (n) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: NetworkInfo | undefined;
  for (const [n, k] of counts) if (!best || k > (counts.get(best) ?? 0)) best = n;
  return best ?? h.addresses.networks[0];
}

const takenCache = new WeakMap<Homelab, Set<string>>();
const fileScan = new Map<string, { text: string; keys: string[] }>();

/** Quoted addresses of one file, cached per text (a keystroke rescans one file, not all). */
function quotedAddresses(uri: string, text: string): string[] {
  const c = fileScan.get(uri);
  if (c && c.text === text) return c.keys;
  const keys: string[] = [];
  for (const m of text.matchAll(/"(\d{1,3}(?:\.\d{1,3}){3})"/g)) {
    const a = parseAddress(m[1]);
    if (isParsed(a)) keys.push(a.key);
  }
  fileScan.set(uri, { text, keys });
  return keys;
}

/**
 * Every address the homelab mentions, canonical keys: the address index, plus
 * quoted addresses in the Nix files' text (what the evaluator may not reach).
 * Cached per homelab object, i.e. per model generation.
 */
export function takenAddresses(h: Homelab, textOf?: (uri: string) => string | undefined): Set<string> {
  const c = takenCache.get(h);
  if (c) return new Set(c);
  const out = new Set(h.addresses.byKey.keys());
  if (textOf)
    for (const u of h.nixFiles) {
      const t = textOf(u);
      if (!t || t.includes('\0')) continue;
      for (const k of quotedAddresses(u, t)) out.add(k);
    }
  takenCache.set(h, out);
  return new Set(out);
}

/** The lowest free addresses of an IPv4 network (never the network, broadcast or a taken one). */
export function freeAddresses(h: Homelab, n: NetworkInfo, count: number, alsoTaken: Iterable<string> = [], textOf?: (uri: string) => string | undefined): string[] {
  if (n.cidr.addr.kind() !== 'ipv4') return [];
  const taken = takenAddresses(h, textOf);
  for (const t of alsoTaken) taken.add(t);
  const base = ipaddr.IPv4.parse(n.cidr.network).toByteArray();
  let num = ((base[0] << 24) >>> 0) + (base[1] << 16) + (base[2] << 8) + base[3];
  const size = 2 ** (32 - n.cidr.prefix);
  const out: string[] = [];
  for (let i = 0; i < size && i < 65536 && out.length < count; i++, num++) {
    const text = [(num >>> 24) & 255, (num >>> 16) & 255, (num >>> 8) & 255, num & 255].join('.');
    const a = ipaddr.IPv4.parse(text);
    if (!cidrContains(n.cidr, a) || reservedRole(n.cidr, a) || taken.has(text)) continue;
    out.push(text);
  }
  return out;
}

export interface AddressInfo {
  key: string;
  network?: NetworkInfo;
  owner?: AddressOwner;
  /** Services the owner runs (machines), or the host's kind/description. */
  runs: string[];
  free: boolean;
  uses: number;
}

export function addressInfo(h: Homelab, text: string): AddressInfo | undefined {
  const a = parseAddress(text);
  if (!isParsed(a)) return undefined;
  const places = h.addresses.byKey.get(a.key) ?? [];
  const decl = places.find((p) => p.role === 'declares' && p.owner);
  let owner = decl?.owner;
  if (!owner) {
    for (const host of h.inventory?.hosts.values() ?? []) if (host.ip && host.ip.value === a.key) owner = { kind: 'host', name: host.name };
    for (const c of h.machines.values()) if (c.ip && c.ip.value === a.key) owner = { kind: 'container', name: c.name };
  }
  const runs: string[] = [];
  if (owner?.kind === 'container') {
    const c = h.machines.get(owner.name);
    runs.push(...(c?.decl?.services.map((s) => s.value) ?? c?.nixos?.config?.services.map((s) => s.name) ?? []));
  }
  if (owner?.kind === 'host') {
    const host = h.inventory?.hosts.get(owner.name);
    if (host?.description) runs.push(host.description.value);
    else if (host?.kind) runs.push(host.kind.value);
  }
  return { key: a.key, network: networkOf(h.addresses, a.key), owner, runs, free: places.length === 0 && !owner, uses: places.filter((p) => p.role === 'uses').length };
}

/** Hosts and machines with an address, for fields that point at another machine. */
export function addressedMachines(h: Homelab): { name: string; kind: 'host' | 'container'; address: string; runs: string }[] {
  const out: { name: string; kind: 'host' | 'container'; address: string; runs: string }[] = [];
  for (const host of h.inventory?.hosts.values() ?? [])
    if (host.ip) out.push({ name: host.name, kind: 'host', address: host.ip.value, runs: host.description?.value ?? host.kind?.value ?? '' });
  for (const c of h.machines.values())
    if (c.ip)
      out.push({
        name: c.name,
        kind: 'container',
        address: c.ip.value,
        runs: c.decl?.services.map((s) => s.value).join(', ') ?? c.decl?.description?.value ?? c.nixos?.config?.services.map((s) => s.name).join(', ') ?? '',
      });
  return out;
}

/** Services a machine runs with their ports. */
export function machineServices(h: Homelab, c: Machine | undefined): { name: string; port?: number }[] {
  return (c?.decl?.services ?? []).map((s) => ({ name: s.value, port: h.services.get(s.value)?.port }));
}

export function ipv4InNetwork(n: NetworkInfo | undefined, text: string): boolean {
  const a = parseAddress(text);
  return !!n && isParsed(a) && cidrContains(n.cidr, a.addr);
}
