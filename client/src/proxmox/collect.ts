// One read of a Proxmox host, whatever carries it (the HTTPS API or `pvesh`
// over ssh): the cluster's guests first, then for each container on this
// host's node its config, status and (when running) interfaces, a few at a
// time. Only the guest list is essential: a failed per-guest read leaves that
// guest without the field, it does not fail the host.
import type { ProxmoxAccess, ProxmoxGuest, ProxmoxHostState } from '../../../server/src/protocol/proxmoxMessages';
import { checkIdentifier } from '../deploy/validate';
import {
  mergeGuest, parseInterfaces, parseLxcConfig, parseLxcStatus, parseResources, type GuestDetails,
} from './parse';

/** How many per-guest reads run at once: enough to be quick, few enough not to load the host. */
export const GUEST_CONCURRENCY = 4;

/** A failure with a message fit for the user (never holding a secret). */
export class ProxmoxReadError extends Error {
  override name = 'ProxmoxReadError';
}

/**
 * Reads one API path (`/cluster/resources`) with optional parameters
 * (`{ type: 'vm' }`) and returns the bare data. Throws ProxmoxReadError.
 */
export type ProxmoxGet = (path: string, params?: Record<string, string>) => Promise<unknown>;

/** `1.5 s`, `30 s`: a timeout as the user set it. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** The state of a host nothing could be read from. */
export function errorState(access: ProxmoxAccess, error: string): ProxmoxHostState {
  return { host: access.host, via: access.via, readAt: new Date().toISOString(), error, guests: [] };
}

/** Why the declared `node` cannot be used (it selects guests and is checked like every name). */
export function checkNode(access: ProxmoxAccess): string | undefined {
  if (access.node === undefined) return undefined;
  const bad = checkIdentifier(access.node);
  return bad ? `\`node\` ${bad}` : undefined;
}

/** Runs `fn` over `items`, at most `limit` at a time, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The node(s) whose containers get details: the declared `node`, else the
 * inventory host's name. A standalone host whose node is named differently
 * and that declares no `node` is still read: when no guest is on the assumed
 * node and the whole list names one node, that node is this host.
 */
export function hostNodes(access: ProxmoxAccess, guests: readonly ProxmoxGuest[]): Set<string> {
  const declared = access.node ?? access.host;
  const all = new Set(guests.map((g) => g.node));
  if (access.node === undefined && !all.has(declared) && all.size === 1) return all;
  return new Set([declared]);
}

/** Resolves to undefined instead of rejecting: a per-guest read that failed is a missing field. */
async function optional(read: () => Promise<unknown>, signal?: AbortSignal): Promise<unknown> {
  try {
    return await read();
  } catch (e) {
    // A cancelled read ends the whole read, not just this field.
    if (signal?.aborted) throw e;
    return undefined;
  }
}

async function detailsOf(get: ProxmoxGet, guest: ProxmoxGuest, signal?: AbortSignal): Promise<ProxmoxGuest> {
  // Both values are checked again here although Proxmox produced them: they
  // become a URL path or ssh arguments.
  if (guest.type !== 'lxc' || checkIdentifier(guest.node) !== undefined || !Number.isSafeInteger(guest.vmid)) return guest;
  const base = `/nodes/${guest.node}/lxc/${guest.vmid}`;
  // One after the other: the guests already run GUEST_CONCURRENCY at a time,
  // so at most that many requests are in flight.
  const config = await optional(() => get(`${base}/config`), signal);
  const status = await optional(() => get(`${base}/status/current`), signal);
  const parts: { config?: GuestDetails; status?: GuestDetails; liveAddresses?: string[] } = {};
  if (config !== undefined) parts.config = parseLxcConfig(config);
  if (status !== undefined) parts.status = parseLxcStatus(status);
  // Only a running container has interfaces to report (Proxmox answers an error otherwise).
  if ((parts.status?.status ?? guest.status) === 'running') {
    const ifaces = await optional(() => get(`${base}/interfaces`), signal);
    if (ifaces !== undefined) parts.liveAddresses = parseInterfaces(ifaces);
  }
  return mergeGuest(guest, parts);
}

/**
 * Every guest of the cluster (each names its node), the containers of this
 * host's node with their details. Guests on other nodes are listed from the
 * resources alone: their own host's read details them, and the server can
 * still tell "moved to another node" from "missing".
 */
export async function collectGuests(
  access: ProxmoxAccess, get: ProxmoxGet, options: { concurrency?: number; signal?: AbortSignal } = {},
): Promise<ProxmoxGuest[]> {
  const data = await get('/cluster/resources', { type: 'vm' });
  const guests = parseResources(data);
  if (!guests) throw new ProxmoxReadError('unexpected answer for /cluster/resources: not a list of guests');
  const nodes = hostNodes(access, guests);
  return mapLimit(guests, options.concurrency ?? GUEST_CONCURRENCY, (g) =>
    nodes.has(g.node) ? detailsOf(get, g, options.signal) : Promise.resolve(g));
}

/** Runs `read` and turns any failure into the host's error (a message for the user). */
export async function readState(
  access: ProxmoxAccess, read: () => Promise<ProxmoxGuest[]>, clean: (message: string) => string,
): Promise<ProxmoxHostState> {
  try {
    const guests = await read();
    return { host: access.host, via: access.via, readAt: new Date().toISOString(), guests };
  } catch (e) {
    const message = e instanceof ProxmoxReadError ? e.message : `unexpected failure: ${e instanceof Error ? e.message : String(e)}`;
    return errorState(access, clean(message));
  }
}
