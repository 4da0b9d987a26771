// The Proxmox parts of the topology: how to read a host (its inventory
// `proxmox:` block with defaults filled in and paths made absolute), what its
// last read found (time, error, unmanaged guests) and each container's live
// state (`missing` when the read host does not have it).
import * as path from 'node:path';
import type { Homelab } from '../model/homelab';
import type { HostDecl } from '../model/inventory';
import { liveMatchOf, nodeNameOf, type LiveGuest, type LiveMatch } from '../model/proxmoxLive';
import { dirnameUri, uriToPath } from '../model/uri';
import type { Workspace } from '../model/workspace';
import type { HostLiveState } from './customMessages';
import type { ContainerLiveState, ProxmoxAccess, ProxmoxGuest } from './proxmoxMessages';

/** The match of a homelab's inventory with its live state, when it has both. */
export function liveMatchFor(ws: Workspace, h: Homelab): LiveMatch | undefined {
  return liveMatchOf(h.inventory, ws.proxmoxLiveFor(h.root));
}

/** How to read a Proxmox host, from its `proxmox:` block (undefined without one). */
export function proxmoxAccess(h: Homelab, host: HostDecl): ProxmoxAccess | undefined {
  const p = host.proxmox;
  if (!p) return undefined;
  const api = p.api?.value;
  const via = p.via?.value === 'api' || p.via?.value === 'ssh' ? p.via.value : api ? 'api' : 'ssh';
  let caFile = p.caFile?.value;
  if (caFile && !path.isAbsolute(caFile) && h.inventoryUri?.startsWith('file:')) caFile = path.resolve(uriToPath(dirnameUri(h.inventoryUri)), caFile);
  const access: ProxmoxAccess = { host: host.name, via, node: nodeNameOf(host), user: p.user?.value ?? 'root' };
  if (api) access.api = api;
  if (p.tokenId) access.tokenId = p.tokenId.value;
  if (p.fingerprint) access.fingerprint = p.fingerprint.value;
  if (caFile) access.caFile = caFile;
  if (host.ip) access.address = host.ip.value;
  return access;
}

function guest(g: LiveGuest): ProxmoxGuest {
  return { ...g, ...(g.tags ? { tags: [...g.tags] } : {}), ...(g.liveAddresses ? { liveAddresses: [...g.liveAddresses] } : {}) };
}

/** A read host's last state for the tree (only hosts with a `proxmox:` block and a state). */
export function hostLive(ws: Workspace, h: Homelab, host: HostDecl, match: LiveMatch | undefined): HostLiveState | undefined {
  if (!host.proxmox) return undefined;
  const state = ws.proxmoxLiveFor(h.root)?.hosts.get(host.name);
  if (!state) return undefined;
  const judged = match?.hosts.get(host.name);
  return {
    via: state.via,
    readAt: state.readAt,
    ...(state.error !== undefined ? { error: state.error } : {}),
    unmanaged: (judged?.unmanaged ?? []).map(guest),
  };
}

/** A container's live state, when its host was read. */
export function containerLive(match: LiveMatch | undefined, name: string): ContainerLiveState | undefined {
  const c = match?.containers.get(name);
  if (!c) return undefined;
  const g = c.guest;
  if (!g) return { status: 'missing' };
  const live: ContainerLiveState = { status: g.status, node: g.node };
  if (g.uptimeSeconds !== undefined) live.uptimeSeconds = g.uptimeSeconds;
  if (g.cpu !== undefined) live.cpu = g.cpu;
  if (g.memoryBytes !== undefined) live.memoryBytes = g.memoryBytes;
  if (g.maxMemoryBytes !== undefined) live.maxMemoryBytes = g.maxMemoryBytes;
  if (g.liveAddresses) live.liveAddresses = [...g.liveAddresses];
  return live;
}
