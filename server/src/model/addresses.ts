// Every IP address of a homelab with the place that declares it (a host's or
// container's `ip`, a profile's `ipAddress`) and the places that use it
// (gateways, DNS servers, scrape targets, SMTP relays...), for duplicate and
// membership rules, hover, references and completion of free addresses.
import type { Origin, Value } from '../syntax/value';
import type { Homelab } from './homelab';
import { isParsed, parseAddress, parseCidr, type ParsedCidr } from './ip';
import { BLOCKS, blockOf, type Profile } from './profiles';
import { profileOwnAddresses } from './profileAddresses';

/** `profile`: a profile file no container uses (a stale copy still declares its address). */
export type AddressOwner = { kind: 'container' | 'host' | 'profile'; name: string };

export interface AddressPlace {
  /** Canonical address text. */
  key: string;
  text: string;
  origin: Origin;
  role: 'declares' | 'uses';
  owner?: AddressOwner;
  /** The field that holds it (`ip`, `ipAddress`, `gateway`, `nameServers`, `prometheusRemoteTargets.host`...). */
  field: string;
}

export interface NetworkInfo {
  name: string;
  cidr: ParsedCidr;
  origin: Origin;
}

export interface AddressIndex {
  places: AddressPlace[];
  byKey: Map<string, AddressPlace[]>;
  networks: NetworkInfo[];
}

/** Profile settings that hold this machine's own address. */
export const OWN_ADDRESS_SETTINGS = new Set(['ipAddress', 'wifiIpAddress']);

export function networkOf(idx: AddressIndex, key: string): NetworkInfo | undefined {
  const a = parseAddress(key);
  if (!isParsed(a)) return undefined;
  let best: NetworkInfo | undefined;
  for (const n of idx.networks) if (n.cidr.addr.kind() === a.addr.kind() && a.addr.match(n.cidr.addr, n.cidr.prefix) && (!best || n.cidr.prefix > best.cidr.prefix)) best = n;
  return best;
}
export function buildAddressIndex(h: Omit<Homelab, 'addresses'>): AddressIndex {
  const places: AddressPlace[] = [];
  const seen = new Set<string>();
  const add = (text: string, origin: Origin, role: AddressPlace['role'], field: string, owner?: AddressOwner): void => {
    const a = parseAddress(text);
    if (!isParsed(a)) return;
    const id = `${origin.uri}#${origin.span.start}`;
    if (seen.has(id)) return;
    seen.add(id);
    places.push({ key: a.key, text, origin, role, owner, field });
  };
  const networks: NetworkInfo[] = [];
  const inv = h.inventory;
  if (inv) {
    for (const n of inv.networks.values()) {
      if (n.cidr) {
        const c = parseCidr(n.cidr.value);
        if (isParsed(c)) networks.push({ name: n.name, cidr: c, origin: n.cidr.origin });
      }
      if (n.gateway) add(n.gateway.value, n.gateway.origin, 'uses', 'gateway');
      for (const d of n.dns) add(d.value, d.origin, 'uses', 'dns');
    }
    for (const host of inv.hosts.values()) if (host.ip) add(host.ip.value, host.ip.origin, 'declares', 'ip', { kind: 'host', name: host.name });
    for (const c of inv.containers.values()) if (c.ip) add(c.ip.value, c.ip.origin, 'declares', 'ip', { kind: 'container', name: c.name });
  }
  // Profiles of containers: their own address declares; every other address-valued setting uses.
  const ownerByProfile = new Map<string, string>();
  for (const c of h.machines.values()) if (c.configUri) ownerByProfile.set(c.configUri, c.name);
  for (const p of h.profiles.values()) {
    for (const use of profileAddresses(p, ownerByProfile.get(p.uri))) add(use.text, use.origin, use.role, use.field, use.owner);
  }
  // NixOS machines: interface addresses declare; gateway, name servers, scrape targets and deploy targets use.
  for (const c of h.machines.values()) {
    const cfg = c.nixos?.config;
    if (!c.nixos) continue;
    const owner: AddressOwner = { kind: 'container', name: c.name };
    for (const a of cfg?.addresses ?? []) add(a.address.value, a.address.origin, 'declares', a.option, owner);
    for (const g of cfg?.gateways ?? []) add(g.value, g.origin, 'uses', 'gateway');
    for (const n of cfg?.nameservers ?? []) add(n.value, n.origin, 'uses', 'name server');
    for (const t of cfg?.scrapeTargets ?? []) add(t.value.replace(/:\d+$/, ''), t.origin, 'uses', 'services.prometheus.scrapeConfigs');
    const target = c.nixos.deploy?.host;
    if (target) add(target.value, target.origin, 'uses', 'deploy target');
  }
  const byKey = new Map<string, AddressPlace[]>();
  for (const p of places) {
    const list = byKey.get(p.key) ?? [];
    list.push(p);
    byKey.set(p.key, list);
  }
  return { places, byKey, networks };
}

interface ProfileAddress {
  text: string;
  origin: Origin;
  role: AddressPlace['role'];
  field: string;
  owner?: AddressOwner;
}

/**
 * The address-valued settings of one evaluated profile. Cached per profile
 * object (the workspace keeps it while no file it read changed), so a keystroke
 * in one profile re-walks that profile only, not every profile of the homelab.
 */
const profileCache = new WeakMap<Profile, { owner: string | undefined; list: ProfileAddress[] }>();

function profileAddresses(p: Profile, ownerName: string | undefined): ProfileAddress[] {
  const cached = profileCache.get(p);
  if (cached && cached.owner === ownerName) return cached.list;
  const list: ProfileAddress[] = [];
  const owner: AddressOwner = ownerName ? { kind: 'container', name: ownerName } : { kind: 'profile', name: p.name };
  // Its own addresses first (a `/24` suffix, a bond's or VLAN's `address`): the places below that repeat them are the same text.
  for (const a of profileOwnAddresses(p)) list.push({ text: a.address, origin: a.origin, role: 'declares', field: a.field, owner });
  for (const block of BLOCKS) {
    const b = blockOf(p, block);
    if (!b) continue;
    for (const [key, e] of b.entries) {
      if (OWN_ADDRESS_SETTINGS.has(key)) {
        // Only the container's own file declares its address (a base profile's does not).
        // A profile no container uses still declares what it sets: a stale copy reusing an address is found.
        if (e.value.kind === 'string' && e.value.value !== '' && e.value.origin.uri === p.uri)
          list.push({ text: e.value.value, origin: e.value.origin, role: 'declares', field: key, owner });
        continue;
      }
      walkUses(e.value, key, (text, origin, field) => {
        if (isParsed(parseAddress(text))) list.push({ text, origin, role: 'uses', field });
      });
    }
  }
  profileCache.set(p, { owner: ownerName, list });
  return list;
}

function walkUses(v: Value, field: string, f: (text: string, origin: Origin, field: string) => void, depth = 0): void {
  if (depth > 6) return;
  if (v.kind === 'string') f(v.value, v.origin, field);
  else if (v.kind === 'list') for (const it of v.items) walkUses(it, field, f, depth + 1);
  else if (v.kind === 'attrs') for (const [k, e] of v.entries) walkUses(e.value, `${field}.${k}`, f, depth + 1);
}
