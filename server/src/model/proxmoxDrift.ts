// Drift between the inventory and Proxmox's live state, as plain items: what
// the inventory says, what Proxmox says, and where in the inventory it shows
// (the value that differs, the container's key, or the host's key). The rules
// turn the items into findings and the quick fixes take Proxmox's value from
// the same items, recomputed from the server's own model.
import type { Origin, Value } from '../syntax/value';
import type { ContainerDecl, Inventory } from './inventory';
import { isParsed, parseAddress } from './ip';
import { liveMatchOf, nodeNameOf, type FolderLiveState, type LiveGuest, type LiveHostState, type LiveMatch } from './proxmoxLive';

export type DriftKind = 'vmid' | 'node' | 'hostname' | 'address' | 'live-address' | 'tags' | 'stopped' | 'missing' | 'unmanaged';

export interface DriftItem {
  kind: DriftKind;
  /** Where it shows in the inventory. */
  origin: Origin;
  /** The inventory host whose read this is. */
  host: string;
  state: LiveHostState;
  /** The inventory container (all kinds but `unmanaged`). */
  container?: string;
  guest?: LiveGuest;
  /** The inventory's value and Proxmox's (vmid, node, hostname, address, tags). */
  inventory?: string | number | string[];
  proxmox?: string | number | string[];
  /** `node`: the inventory host of the guest's node, when the inventory has one. */
  targetHost?: string;
}

function entryOf(node: Value, key: string): Value | undefined {
  return node.kind === 'attrs' ? node.entries.get(key)?.value : undefined;
}

function addressKey(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const p = parseAddress(s);
  return isParsed(p) ? p.key : undefined;
}

function tagSet(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))].sort();
}

function containerDrift(c: ContainerDecl, guest: LiveGuest, base: Pick<DriftItem, 'host' | 'state' | 'container' | 'guest'>, match: LiveMatch, ownNode: string): DriftItem[] {
  const out: DriftItem[] = [];
  if (c.vmid && c.vmid.value !== guest.vmid) out.push({ ...base, kind: 'vmid', origin: c.vmid.origin, inventory: c.vmid.value, proxmox: guest.vmid });
  if (c.host && guest.node !== ownNode) {
    const target = match.hostOfNode.get(guest.node);
    out.push({ ...base, kind: 'node', origin: c.host.origin, inventory: ownNode, proxmox: guest.node, ...(target ? { targetHost: target } : {}) });
  }
  if (c.hostname && guest.hostname && c.hostname.value.toLowerCase() !== guest.hostname.toLowerCase())
    out.push({ ...base, kind: 'hostname', origin: c.hostname.origin, inventory: c.hostname.value, proxmox: guest.hostname });
  const ip = c.ip ? addressKey(c.ip.value) : undefined;
  if (c.ip && ip) {
    const configured = addressKey(guest.staticAddress);
    const staticDrift = configured !== undefined && configured !== ip;
    if (staticDrift) out.push({ ...base, kind: 'address', origin: c.ip.origin, inventory: c.ip.value, proxmox: configured });
    // The running container's own addresses (IPv4 only): when none is the inventory's, unless the static one said it already.
    const reported = (guest.liveAddresses ?? []).map(addressKey).filter((a): a is string => a !== undefined);
    const isV4 = ip.includes('.') && !ip.includes(':');
    if (isV4 && guest.status === 'running' && reported.length > 0 && !reported.includes(ip) && !(staticDrift && configured !== undefined && reported.includes(configured)))
      out.push({ ...base, kind: 'live-address', origin: c.ip.origin, inventory: c.ip.value, proxmox: reported.length === 1 ? reported[0] : reported });
  }
  const tagsNode = entryOf(c.node, 'tags');
  if (tagsNode) {
    const mine = tagSet(c.tags.map((t) => t.value));
    const theirs = tagSet(guest.tags ?? []);
    if (mine.join(',') !== theirs.join(',')) out.push({ ...base, kind: 'tags', origin: tagsNode.origin, inventory: mine, proxmox: theirs });
  }
  if (guest.status !== 'running') out.push({ ...base, kind: 'stopped', origin: c.keyOrigin });
  return out;
}

/** Every drift of an inventory against a live state, in inventory order. */
export function driftOf(match: LiveMatch): DriftItem[] {
  const out: DriftItem[] = [];
  for (const cl of match.containers.values()) {
    const c = cl.container;
    const base = { host: cl.host.name, state: cl.state, container: c.name, ...(cl.guest ? { guest: cl.guest } : {}) };
    if (!cl.guest) out.push({ ...base, kind: 'missing', origin: c.keyOrigin });
    else out.push(...containerDrift(c, cl.guest, base, match, nodeNameOf(cl.host)));
  }
  for (const hl of match.hosts.values())
    for (const g of hl.unmanaged) out.push({ kind: 'unmanaged', origin: hl.host.keyOrigin, host: hl.host.name, state: hl.state, guest: g });
  return out.sort((a, b) => a.origin.span.start - b.origin.span.start);
}

const driftCache = new WeakMap<LiveMatch, DriftItem[]>();

/** The drift of a folder's inventory against its live state (cached per match). */
export function proxmoxDriftOf(inv: Inventory | undefined, live: FolderLiveState | undefined): DriftItem[] {
  const match = liveMatchOf(inv, live);
  if (!inv || !match) return [];
  let items = driftCache.get(match);
  if (!items) driftCache.set(match, (items = driftOf(match)));
  return items;
}

/** `12:03` (local time) of a read, or the text as sent when it is no date. */
export function readTime(readAt: string): string {
  const d = new Date(readAt);
  if (!readAt || Number.isNaN(d.getTime())) return readAt || 'at an unknown time';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** How a guest is named in messages: `container 120 "test"`, `VM 130 "win"`. */
export function guestLabel(g: LiveGuest): string {
  const name = g.name ?? g.hostname;
  return `${g.type === 'qemu' ? 'VM' : 'container'} ${g.vmid}${name ? ` "${name}"` : ''}`;
}
