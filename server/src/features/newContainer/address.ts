// The new container's address: a free address of the chosen network, found
// with the same free-address logic IP completion uses (homelabInfo's
// freeAddresses: never the network, broadcast, gateway or DNS addresses, nor
// one any host, container or profile of the model mentions), with the live
// addresses avoided too. Where the host's containers already live in that
// network, the search starts at the lowest of their addresses, so the new one
// joins their range (192.168.8.80 and up) instead of landing among routers and
// access points at the bottom of the network.
import * as ipaddr from 'ipaddr.js';
import type { NetworkInfo } from '../../model/addresses';
import type { Machine, Homelab } from '../../model/homelab';
import type { NetworkDecl } from '../../model/inventory';
import { contains, isParsed, parseAddress } from '../../model/ip';
import type { Workspace } from '../../model/workspace';
import { freeAddresses } from '../homelabInfo';

export interface AddressChoice {
  address: string;
  reason: string;
}

function toNumber(key: string): number {
  const b = ipaddr.IPv4.parse(key).toByteArray();
  return ((b[0] << 24) >>> 0) + (b[1] << 16) + (b[2] << 8) + b[3];
}

export function nextAddress(
  ws: Workspace,
  h: Homelab,
  decl: NetworkDecl,
  net: NetworkInfo,
  siblings: Machine[],
  liveAddresses: readonly string[] = [],
): AddressChoice | { error: string } {
  if (net.cidr.addr.kind() !== 'ipv4') return { error: `network ${net.name} is IPv6: New Container only picks IPv4 addresses` };
  const avoid: string[] = [];
  for (const t of [...liveAddresses, ...(decl.gateway ? [decl.gateway.value] : []), ...decl.dns.map((d) => d.value)]) {
    const a = parseAddress(t);
    if (isParsed(a)) avoid.push(a.key);
  }
  const size = 2 ** (32 - net.cidr.prefix);
  const free = freeAddresses(h, net, size, avoid, (u) => ws.text(u));
  if (free.length === 0) return { error: `network ${net.name} (${net.cidr.key}) has no free address left` };
  let floor: string | undefined;
  for (const c of siblings) {
    const a = c.ip ? parseAddress(c.ip.value) : undefined;
    if (!a || !isParsed(a) || a.addr.kind() !== 'ipv4' || !contains(net.cidr, a.addr)) continue;
    if (floor === undefined || toNumber(a.key) < toNumber(floor)) floor = a.key;
  }
  const from = floor === undefined ? undefined : toNumber(floor);
  const inRange = from === undefined ? undefined : free.find((f) => toNumber(f) >= from);
  const address = inRange ?? free[0];
  const live = liveAddresses.length ? ', live addresses avoided' : '';
  const reason =
    inRange !== undefined && floor !== undefined
      ? `address ${address}/${net.cidr.prefix}: the lowest free address of ${net.name} in its host's containers' range (${floor} and up)${live}`
      : `address ${address}/${net.cidr.prefix}: the lowest free address of ${net.name}${live}`;
  return { address, reason };
}
