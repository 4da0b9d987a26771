// Proxmox's JSON answers → ProxmoxGuest fields. Pure and tolerant: the API
// and `pvesh` are read from machines we do not control, so a field of the
// wrong type (or an item without its identity) is left out, never thrown on.
// The API wraps each answer as `{ "data": … }`; `pvesh get … --output-format
// json` prints the bare data: `unwrapApi` removes the wrapper, the parsers
// take the bare data.
import type { ProxmoxGuest } from '../../../server/src/protocol/proxmoxMessages';

type Json = Record<string, unknown>;

/** The fields a per-guest read may add to the resources entry. */
export type GuestDetails = Partial<Omit<ProxmoxGuest, 'vmid' | 'type' | 'node'>>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A finite number ≥ 0 (sizes, seconds, fractions); anything else is left out. */
function count(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function int(v: unknown): number | undefined {
  const n = count(v);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Drops keys whose value is undefined, so results compare whole with deepEqual. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** `{ data: X }` → X; anything else → undefined (an API answer always has the wrapper). */
export function unwrapApi(body: unknown): unknown {
  return isObject(body) && 'data' in body ? body.data : undefined;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** `a;b`, also `a,b` or spaces (Proxmox accepts all three separators). */
export function parseTags(v: unknown): string[] | undefined {
  if (typeof v !== 'string') return undefined;
  return v.split(/[;,\s]+/).filter((t) => t !== '');
}

/** An IPv4 address with an optional `/prefix`; undefined when it is not one. */
function splitCidr(v: string): { address: string; prefixLength?: number } | undefined {
  const m = /^([^/]+)(?:\/(\d{1,2}))?$/.exec(v);
  if (!m || !IPV4.test(m[1])) return undefined;
  const prefix = m[2] === undefined ? undefined : Number(m[2]);
  if (prefix !== undefined && prefix > 32) return undefined;
  return { address: m[1], prefixLength: prefix };
}

/**
 * A container's `net0` (`name=eth0,bridge=vmbr0,ip=192.168.8.85/24,gw=…`):
 * the static address and prefix, or `dhcp`, and the gateway. `ip=manual` (or
 * none) gives no address: the container configures itself.
 */
export function parseNet0(v: unknown): Pick<GuestDetails, 'staticAddress' | 'prefixLength' | 'gateway'> {
  if (typeof v !== 'string') return {};
  const fields = new Map<string, string>();
  for (const part of v.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const out: Pick<GuestDetails, 'staticAddress' | 'prefixLength' | 'gateway'> = {};
  const ip = fields.get('ip');
  if (ip === 'dhcp') out.staticAddress = 'dhcp';
  else if (ip !== undefined) {
    const c = splitCidr(ip);
    if (c) { out.staticAddress = c.address; out.prefixLength = c.prefixLength; }
  }
  const gw = fields.get('gw');
  if (gw !== undefined && IPV4.test(gw)) out.gateway = gw;
  return defined(out);
}

/** One `/cluster/resources?type=vm` item; undefined without vmid, type or node (nothing to name it by). */
export function parseResource(item: unknown): ProxmoxGuest | undefined {
  if (!isObject(item)) return undefined;
  const vmid = int(item.vmid);
  const type = item.type === 'lxc' || item.type === 'qemu' ? item.type : undefined;
  const node = text(item.node);
  if (vmid === undefined || type === undefined || node === undefined) return undefined;
  return defined<ProxmoxGuest>({
    vmid, type, node,
    // A guest whose status is missing is still listed, so it is not reported missing.
    status: text(item.status) ?? 'unknown',
    name: text(item.name),
    uptimeSeconds: count(item.uptime),
    cpu: count(item.cpu),
    cores: int(item.maxcpu),
    memoryBytes: count(item.mem),
    maxMemoryBytes: count(item.maxmem),
    tags: parseTags(item.tags),
  });
}

/** `/cluster/resources?type=vm`: every guest of the cluster; undefined when the answer is not a list. */
export function parseResources(data: unknown): ProxmoxGuest[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const out: ProxmoxGuest[] = [];
  for (const item of data) {
    const g = parseResource(item);
    if (g) out.push(g);
  }
  return out.sort((a, b) => a.vmid - b.vmid);
}

/**
 * `/nodes/{node}/lxc/{vmid}/config`. Proxmox leaves `tags` out when a guest
 * has none, so a config that was read and has no tags means "no tags" (an
 * empty list), unlike a config that could not be read (no field at all).
 */
export function parseLxcConfig(data: unknown): GuestDetails {
  if (!isObject(data)) return {};
  const memoryMiB = int(data.memory);
  return defined<GuestDetails>({
    hostname: text(data.hostname),
    cores: int(data.cores),
    maxMemoryBytes: memoryMiB === undefined ? undefined : memoryMiB * 1024 * 1024,
    tags: data.tags === undefined ? [] : parseTags(data.tags),
    ...parseNet0(data.net0),
  });
}

/** `/nodes/{node}/lxc/{vmid}/status/current`: the fresher run-time numbers. */
export function parseLxcStatus(data: unknown): GuestDetails {
  if (!isObject(data)) return {};
  return defined<GuestDetails>({
    status: text(data.status),
    uptimeSeconds: count(data.uptime),
    cpu: count(data.cpu),
    cores: int(data.cpus),
    memoryBytes: count(data.mem),
    maxMemoryBytes: count(data.maxmem),
  });
}

/**
 * `/nodes/{node}/lxc/{vmid}/interfaces` (running containers): the IPv4
 * addresses without prefix, loopback left out; undefined when not a list.
 */
export function parseInterfaces(data: unknown): string[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const out: string[] = [];
  for (const iface of data) {
    if (!isObject(iface) || iface.name === 'lo' || typeof iface.inet !== 'string') continue;
    const c = splitCidr(iface.inet);
    if (c && !c.address.startsWith('127.') && !out.includes(c.address)) out.push(c.address);
  }
  return out;
}

/**
 * A guest with its details: status/current's numbers are fresher than the
 * resources list; the config says what is configured (hostname, net0, cores,
 * memory, tags) and wins for those.
 */
export function mergeGuest(
  base: ProxmoxGuest,
  parts: { config?: GuestDetails; status?: GuestDetails; liveAddresses?: string[] },
): ProxmoxGuest {
  const { config = {}, status = {} } = parts;
  return defined<ProxmoxGuest>({
    ...base,
    ...status,
    ...config,
    status: status.status ?? base.status,
    cores: config.cores ?? status.cores ?? base.cores,
    maxMemoryBytes: status.maxMemoryBytes ?? config.maxMemoryBytes ?? base.maxMemoryBytes,
    tags: config.tags ?? base.tags,
    liveAddresses: parts.liveAddresses,
  });
}
