// What Proxmox last said about the inventory's Proxmox hosts (sent by the
// client, which reads the API or `pvesh`), kept in memory per folder and never
// written anywhere, and the pure matching of inventory containers to the guests
// Proxmox reports: by vmid on any node of the same read (a container that moved
// node is still matched), else by hostname or name. A host whose read failed
// is not judged at all. These shapes are also the message's (protocol/
// proxmoxMessages.ts re-exports them); the client's JSON is checked field by
// field, so a wrong shape is dropped, never trusted.
import type { ContainerDecl, HostDecl, Inventory } from './inventory';

/** One container or VM as Proxmox reports it. */
export interface LiveGuest {
  vmid: number;
  type: 'lxc' | 'qemu';
  /** The Proxmox node it runs on. */
  node: string;
  /** `running`, `stopped`, … */
  status: string;
  /** The guest's name in `/cluster/resources`. */
  name?: string;
  /** `hostname` of the container's config. */
  hostname?: string;
  uptimeSeconds?: number;
  /** CPU use as a fraction of its cores (0…1). */
  cpu?: number;
  cores?: number;
  memoryBytes?: number;
  maxMemoryBytes?: number;
  tags?: string[];
  /** net0's `ip=` without the prefix length, e.g. `192.168.8.85`, or `dhcp`. */
  staticAddress?: string;
  /** net0's prefix length, e.g. 24. */
  prefixLength?: number;
  /** net0's `gw=`. */
  gateway?: string;
  /** IPv4 addresses the running container reports (`/interfaces`), loopback left out. */
  liveAddresses?: string[];
}

/** What one read of one inventory Proxmox host found. */
export interface LiveHostState {
  /** The inventory host (kind proxmox) this state was read for. */
  host: string;
  via: 'api' | 'ssh';
  /** ISO time of the read. */
  readAt: string;
  /**
   * Why nothing could be read (unreachable, authentication failed, certificate
   * mismatch, no token set…). Drift is not judged for a host with an error:
   * its diagnostics disappear and the tree says why.
   */
  error?: string;
  guests: LiveGuest[];
}

/** A folder's live state: every host of the last round (a host left out has none). */
export interface FolderLiveState {
  hosts: ReadonlyMap<string, LiveHostState>;
}

/** Keeps the latest live state per folder root, in memory only. */
export class ProxmoxLiveStore {
  private readonly byFolder = new Map<string, { key: string; state: FolderLiveState }>();

  /** Replaces a folder's live state; false when it is the same as before (nothing to re-check). */
  set(root: string, hosts: readonly LiveHostState[]): boolean {
    const key = JSON.stringify(hosts);
    if (this.byFolder.get(root)?.key === key) return false;
    if (hosts.length === 0) return this.byFolder.delete(root);
    this.byFolder.set(root, { key, state: { hosts: new Map(hosts.map((h) => [h.host, h])) } });
    return true;
  }

  get(root: string): FolderLiveState | undefined {
    return this.byFolder.get(root)?.state;
  }

  delete(root: string): void {
    this.byFolder.delete(root);
  }
}

const MAX_GUESTS = 100_000;
type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max = 1000): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
const texts = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.slice(0, 1000).map((x) => text(x, 200)).filter((x): x is string => x !== undefined) : undefined;

function definedOnly<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function readGuest(v: unknown): LiveGuest | undefined {
  if (!isObj(v)) return undefined;
  const vmid = count(v.vmid);
  const node = text(v.node, 200);
  const type = v.type === 'lxc' || v.type === 'qemu' ? v.type : undefined;
  if (vmid === undefined || !Number.isInteger(vmid) || !node || !type) return undefined;
  return definedOnly<LiveGuest>({
    vmid,
    type,
    node,
    status: text(v.status, 100) ?? 'unknown',
    name: text(v.name, 200),
    hostname: text(v.hostname, 300),
    uptimeSeconds: count(v.uptimeSeconds),
    cpu: count(v.cpu),
    cores: count(v.cores),
    memoryBytes: count(v.memoryBytes),
    maxMemoryBytes: count(v.maxMemoryBytes),
    tags: texts(v.tags),
    staticAddress: text(v.staticAddress, 100),
    prefixLength: count(v.prefixLength),
    gateway: text(v.gateway, 100),
    liveAddresses: texts(v.liveAddresses),
  });
}

function readHost(v: unknown): LiveHostState | undefined {
  if (!isObj(v)) return undefined;
  const host = text(v.host, 200);
  const via = v.via === 'api' || v.via === 'ssh' ? v.via : undefined;
  if (!host || !via) return undefined;
  const guests = Array.isArray(v.guests) ? v.guests.slice(0, MAX_GUESTS).map(readGuest).filter((g): g is LiveGuest => g !== undefined) : [];
  const error = typeof v.error === 'string' ? v.error.slice(0, 2000) : undefined;
  return definedOnly<LiveHostState>({ host, via, readAt: text(v.readAt, 100) ?? '', error, guests });
}

/** The `homelab/proxmoxLiveState` parameters as sent, checked field by field (undefined: not that message). */
export function readLiveStateParams(v: unknown): { folderUri: string; hosts: LiveHostState[] } | undefined {
  if (!isObj(v) || typeof v.folderUri !== 'string' || !Array.isArray(v.hosts)) return undefined;
  return { folderUri: v.folderUri, hosts: v.hosts.map(readHost).filter((h): h is LiveHostState => h !== undefined) };
}

/** What one inventory container is on Proxmox: its guest, or missing (`guest` undefined). */
export interface ContainerLive {
  container: ContainerDecl;
  /** The inventory host it is declared on (read without error). */
  host: HostDecl;
  state: LiveHostState;
  guest?: LiveGuest;
  matchedBy?: 'vmid' | 'name';
}

/** One judged Proxmox host: its node and the guests there that no inventory container declares. */
export interface HostLive {
  host: HostDecl;
  node: string;
  state: LiveHostState;
  unmanaged: LiveGuest[];
}

export interface LiveMatch {
  containers: Map<string, ContainerLive>;
  hosts: Map<string, HostLive>;
  /** Proxmox node name → the inventory host of that node (every host with a `proxmox:` block). */
  hostOfNode: Map<string, string>;
}

/** The Proxmox node name of an inventory host (`proxmox.node`, else the host's name). */
export function nodeNameOf(h: HostDecl): string {
  return h.proxmox?.nodeName?.value ?? h.name;
}

const lower = (s: string | undefined): string | undefined => s?.toLowerCase();

/**
 * Matches the inventory against a folder's live state. Reads are grouped: hosts
 * behind one API, or whose reads report each other's nodes, are one cluster,
 * and a container is looked for on every node of its cluster.
 */
export function matchLive(inv: Inventory, live: FolderLiveState): LiveMatch {
  const proxmoxHosts = [...inv.hosts.values()].filter((h) => h.proxmox !== undefined);
  const hostOfNode = new Map<string, string>();
  for (const h of proxmoxHosts) if (!hostOfNode.has(nodeNameOf(h))) hostOfNode.set(nodeNameOf(h), h.name);
  const result: LiveMatch = { containers: new Map(), hosts: new Map(), hostOfNode };
  const read = proxmoxHosts.filter((h) => live.hosts.has(h.name));
  if (read.length === 0) return result;

  // Clusters: union of hosts sharing an API URL or seeing each other's nodes.
  const parent = new Map(read.map((h) => [h.name, h.name]));
  const find = (n: string): string => {
    let r = n;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  const union = (a: string, b: string): void => {
    parent.set(find(a), find(b));
  };
  const byApi = new Map<string, string>();
  for (const h of read) {
    const api = h.proxmox?.api?.value.trim().toLowerCase().replace(/\/+$/, '');
    if (api) {
      const other = byApi.get(api);
      if (other) union(h.name, other);
      else byApi.set(api, h.name);
    }
    const st = live.hosts.get(h.name);
    if (st && !st.error)
      for (const g of st.guests) {
        const other = hostOfNode.get(g.node);
        if (other && parent.has(other)) union(h.name, other);
      }
  }
  const groups = new Map<string, HostDecl[]>();
  for (const h of read) groups.set(find(h.name), [...(groups.get(find(h.name)) ?? []), h]);

  for (const members of groups.values()) {
    const names = new Set(members.map((m) => m.name));
    const judged = new Map<string, LiveHostState>();
    for (const m of members) {
      const st = live.hosts.get(m.name);
      if (st && !st.error) judged.set(m.name, st);
    }
    if (judged.size === 0) continue;
    // Every guest of the cluster's successful reads, once per node and vmid.
    const pool: LiveGuest[] = [];
    const seen = new Set<string>();
    for (const st of judged.values())
      for (const g of st.guests) {
        const k = `${g.node}\u0000${g.vmid}`;
        if (!seen.has(k)) {
          seen.add(k);
          pool.push(g);
        }
      }
    const taken = new Set<LiveGuest>();
    const nodeOfHost = new Map(members.map((m) => [m.name, nodeNameOf(m)]));
    // Candidates: the cluster's containers (those of a failed read only keep their guests from being "unmanaged"),
    // and containers on no host, matched by vmid only for the same reason.
    const candidates = [...inv.containers.values()].filter((c) => !c.host || names.has(c.host.value));
    const found = new Map<ContainerDecl, { guest: LiveGuest; by: 'vmid' | 'name' }>();
    const pick = (list: LiveGuest[], node: string | undefined): LiveGuest | undefined => {
      const own = list.filter((g) => g.node === node);
      if (own.length === 1) return own[0];
      return own.length === 0 && list.length === 1 ? list[0] : undefined;
    };
    for (const c of candidates) {
      if (!c.vmid) continue;
      const vmid = c.vmid.value;
      const g = pick(pool.filter((x) => x.vmid === vmid && !taken.has(x)), c.host ? nodeOfHost.get(c.host.value) : undefined);
      if (!g) continue;
      taken.add(g);
      found.set(c, { guest: g, by: 'vmid' });
    }
    for (const c of candidates) {
      if (found.has(c) || !c.host || !judged.has(c.host.value)) continue;
      const wanted = new Set([lower(c.hostname?.value), lower(c.name)].filter((s): s is string => s !== undefined));
      const list = pool.filter((g) => !taken.has(g) && (wanted.has(lower(g.hostname) ?? '') || wanted.has(lower(g.name) ?? '')));
      const g = pick(list, nodeOfHost.get(c.host.value));
      if (!g) continue;
      taken.add(g);
      found.set(c, { guest: g, by: 'name' });
    }
    for (const c of candidates) {
      const hostName = c.host?.value;
      const st = hostName ? judged.get(hostName) : undefined;
      const host = hostName ? inv.hosts.get(hostName) : undefined;
      if (!st || !host) continue;
      const f = found.get(c);
      result.containers.set(c.name, { container: c, host, state: st, ...(f ? { guest: f.guest, matchedBy: f.by } : {}) });
    }
    for (const m of members) {
      const st = judged.get(m.name);
      if (!st) continue;
      const node = nodeNameOf(m);
      const unmanaged = pool.filter((g) => g.node === node && !taken.has(g)).sort((a, b) => a.vmid - b.vmid);
      result.hosts.set(m.name, { host: m, node, state: st, unmanaged });
    }
  }
  return result;
}

const cache = new WeakMap<Inventory, { live: FolderLiveState; match: LiveMatch }>();

/** The match of an inventory with a live state, computed once per pair (both are replaced, never changed). */
export function liveMatchOf(inv: Inventory | undefined, live: FolderLiveState | undefined): LiveMatch | undefined {
  if (!inv || !live) return undefined;
  const c = cache.get(inv);
  if (c && c.live === live) return c.match;
  const match = matchLive(inv, live);
  cache.set(inv, { live, match });
  return match;
}
