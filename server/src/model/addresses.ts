// Every IP address of a homelab with the place that declares it (a host's or
// container's `ip`, a profile's `ipAddress`) and the places that use it
// (gateways, DNS servers, scrape targets, SMTP relays...), for duplicate and
// membership rules, hover, references and completion of free addresses.
import { Place, type Entry, type Origin, type Value } from '../syntax/value';
import type { Homelab } from './homelab';
import type { NixosMachine } from './machines/machine';
import type { Inventory } from './inventory';
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
/**
 * The index of a homelab's addresses. Its places come from per-source lists
 * cached by the source's object (the inventory, each evaluated profile, each
 * NixOS machine), so after a keystroke in one profile only that profile's
 * addresses are parsed again, and the other places are the same objects as
 * before: the index's equality (early cut-off) compares them by identity.
 */
/** Profiles or machines indexed between two pauses of the whole check (`buildAddressIndex` in steps). */
const ADDRESS_ITEMS_PER_STEP = 128;

export function* buildAddressIndex(h: Omit<Homelab, 'addresses'>): Generator<void, AddressIndex> {
  const places: AddressPlace[] = [];
  // A place is indexed once, first come: by its file and start offset (the same place met again, through a
  // base profile's entry or a second reading of one setting, is often another origin object).
  const seen = new Map<string, Set<number>>();
  const addOne = (place: AddressPlace): void => {
    const o = place.origin;
    const start = o instanceof Place ? o.start : o.span.start;
    let starts = seen.get(o.uri);
    if (!starts) seen.set(o.uri, (starts = new Set()));
    else if (starts.has(start)) return;
    starts.add(start);
    places.push(place);
  };
  const add = (list: readonly AddressPlace[]): void => {
    for (const place of list) addOne(place);
  };
  let n = 0;
  // Indexed loops, not iterators: in a generator each step of an iterator left an object, a fleet's worth after each edit.
  const inv = h.inventory ? inventoryAddresses(h.inventory) : undefined;
  // The inventory's addresses (one per machine of a fleet) in steps too.
  const invPlaces = inv?.places ?? [];
  for (let i = 0; i < invPlaces.length; i++) {
    if (++n % (ADDRESS_ITEMS_PER_STEP * 8) === 0) yield;
    addOne(invPlaces[i]);
  }
  // Profiles of containers: their own address declares; every other address-valued setting uses.
  const machines = [...h.machines.values()];
  const ownerByProfile = new Map<string, string>();
  for (let i = 0; i < machines.length; i++) {
    if (++n % (ADDRESS_ITEMS_PER_STEP * 4) === 0) yield;
    const c = machines[i];
    if (c.configUri) ownerByProfile.set(c.configUri, c.name);
  }
  const profiles = [...h.profiles.values()];
  for (let i = 0; i < profiles.length; i++) {
    if (++n % ADDRESS_ITEMS_PER_STEP === 0) yield;
    add(profileAddresses(profiles[i], ownerByProfile.get(profiles[i].uri)));
  }
  // NixOS machines: interface addresses declare; gateway, name servers, scrape targets and deploy targets use.
  for (let i = 0; i < machines.length; i++) {
    if (++n % ADDRESS_ITEMS_PER_STEP === 0) yield;
    const c = machines[i];
    if (c.nixos) add(nixosAddresses(c.name, c.nixos));
  }
  const byKey = new Map<string, AddressPlace[]>();
  for (let i = 0; i < places.length; i++) {
    if (++n % (ADDRESS_ITEMS_PER_STEP * 16) === 0) yield;
    const p = places[i];
    const list = byKey.get(p.key);
    if (list) list.push(p);
    else byKey.set(p.key, [p]);
  }
  return { places, byKey, networks: inv?.networks ?? [] };
}

/** `text` as a place of the index, or nothing when it is no address. */
function placed(out: AddressPlace[], text: string, origin: Origin, role: AddressPlace['role'], field: string, owner?: AddressOwner): void {
  const a = parseAddress(text);
  if (!isParsed(a)) return;
  out.push({ key: a.key, text, origin, role, owner, field });
}

/** The inventory's networks and its addresses (gateways, DNS servers, hosts' and containers' `ip`), per inventory object. */
const inventoryCache = new WeakMap<Inventory, { networks: NetworkInfo[]; places: AddressPlace[] }>();

function inventoryAddresses(inv: Inventory): { networks: NetworkInfo[]; places: AddressPlace[] } {
  const cached = inventoryCache.get(inv);
  if (cached) return cached;
  const networks: NetworkInfo[] = [];
  const places: AddressPlace[] = [];
  for (const n of inv.networks.values()) {
    if (n.cidr) {
      const c = parseCidr(n.cidr.value);
      if (isParsed(c)) networks.push({ name: n.name, cidr: c, origin: n.cidr.origin });
    }
    if (n.gateway) placed(places, n.gateway.value, n.gateway.origin, 'uses', 'gateway');
    for (const d of n.dns) placed(places, d.value, d.origin, 'uses', 'dns');
  }
  for (const host of inv.hosts.values()) if (host.ip) placed(places, host.ip.value, host.ip.origin, 'declares', 'ip', { kind: 'host', name: host.name });
  for (const c of inv.containers.values()) if (c.ip) placed(places, c.ip.value, c.ip.origin, 'declares', 'ip', { kind: 'container', name: c.name });
  const out = { networks, places };
  inventoryCache.set(inv, out);
  return out;
}

/** A NixOS machine's interface addresses (declared) and the addresses its configuration uses, per machine object. */
const nixosCache = new WeakMap<NixosMachine, { name: string; places: AddressPlace[] }>();

function nixosAddresses(name: string, m: NixosMachine): AddressPlace[] {
  const cached = nixosCache.get(m);
  if (cached && cached.name === name) return cached.places;
  const places: AddressPlace[] = [];
  const cfg = m.config;
  const owner: AddressOwner = { kind: 'container', name };
  for (const a of cfg?.addresses ?? []) placed(places, a.address.value, a.address.origin, 'declares', a.option, owner);
  for (const g of cfg?.gateways ?? []) placed(places, g.value, g.origin, 'uses', 'gateway');
  for (const n of cfg?.nameservers ?? []) placed(places, n.value, n.origin, 'uses', 'name server');
  for (const t of cfg?.scrapeTargets ?? []) placed(places, t.value.replace(/:\d+$/, ''), t.origin, 'uses', 'services.prometheus.scrapeConfigs');
  const target = m.deploy?.host;
  if (target) placed(places, target.value, target.origin, 'uses', 'deploy target');
  nixosCache.set(m, { name, places });
  return places;
}

/**
 * The address-valued settings of one evaluated profile. Cached per profile
 * object (the workspace keeps it while no file it read changed), so a keystroke
 * in one profile re-walks that profile only, not every profile of the homelab.
 */
const profileCache = new WeakMap<Profile, { owner: string | undefined; list: AddressPlace[] }>();

function profileAddresses(p: Profile, ownerName: string | undefined): AddressPlace[] {
  const cached = profileCache.get(p);
  if (cached && cached.owner === ownerName) return cached.list;
  const list: AddressPlace[] = [];
  const owner: AddressOwner = ownerName ? { kind: 'container', name: ownerName } : { kind: 'profile', name: p.name };
  // Its own addresses first (a `/24` suffix, a bond's or VLAN's `address`): the places below that repeat them are the same text.
  for (const a of profileOwnAddresses(p)) placed(list, a.address, a.origin, 'declares', a.field, owner);
  for (const block of BLOCKS) {
    const b = blockOf(p, block);
    if (!b) continue;
    for (const [key, e] of b.entries) {
      if (OWN_ADDRESS_SETTINGS.has(key)) {
        // Only the container's own file declares its address (a base profile's does not).
        // A profile no container uses still declares what it sets: a stale copy reusing an address is found.
        if (e.value.kind === 'string' && e.value.value !== '' && e.value.origin.uri === p.uri) placed(list, e.value.value, e.value.origin, 'declares', key, owner);
        continue;
      }
      if (e.value.origin.uri === p.uri) walkUses(e.value, key, (text, origin, field) => placed(list, text, origin, 'uses', field));
      else for (const place of inheritedUses(key, e)) list.push(place);
    }
  }
  profileCache.set(p, { owner: ownerName, list });
  return list;
}

/**
 * The addresses a setting set in another file uses, per entry object: a base
 * profile's entries are the same objects in every profile layered over it, so
 * a fleet's profiles share one list of the base's places (each made its own:
 * 30,000 places at 10,000 machines, of which the index kept the first).
 */
const NO_PLACES: readonly AddressPlace[] = Object.freeze([]);
const inheritedUsesCache = new WeakMap<Entry, { key: string; places: readonly AddressPlace[] }>();

function inheritedUses(key: string, e: Entry): readonly AddressPlace[] {
  const cached = inheritedUsesCache.get(e);
  if (cached && cached.key === key) return cached.places;
  const places: AddressPlace[] = [];
  walkUses(e.value, key, (text, origin, field) => placed(places, text, origin, 'uses', field));
  inheritedUsesCache.set(e, { key, places: places.length ? places : NO_PLACES });
  return places;
}

function walkUses(v: Value, field: string, f: (text: string, origin: Origin, field: string) => void, depth = 0): void {
  if (depth > 6) return;
  if (v.kind === 'string') f(v.value, v.origin, field);
  else if (v.kind === 'list') for (const it of v.items) walkUses(it, field, f, depth + 1);
  else if (v.kind === 'attrs') for (const [k, e] of v.entries) walkUses(e.value, `${field}.${k}`, f, depth + 1);
}
