// A profile's own addresses beyond `ipAddress`: the settings a repository's
// own modules turn into interface, bond, VLAN or tunnel addresses. They are
// known by how they are named and shaped, never by a guess at a value:
// - a setting named as an address of this machine (`ipAddress`,
//   `wifiIpAddress`, `wolStaticIp`, `wireguardServerIp`: a name ending in `Ip`
//   or `IpAddress`) holding an address, with or without `/prefix`;
// - a set under such a name with an `address` field (`networkBondingStaticIp =
//   { address = "10.0.0.5/24"; gateway = …; }`: the gateway is not its own);
// - a list of sets each with an `address` field (`networkBondingVlans = [ {
//   id = 20; address = "10.0.20.5/24"; } ]`).
// Names that say the address is another party's or only where a service
// listens (gateway, DNS, peer, endpoint, target, listen, bind, remote) are not
// the machine's; nor is a wildcard address, and only what the profile's own
// file writes counts (a base profile's value is no machine's).
import type { Origin, Value } from '../syntax/value';
import { splitAddress } from './machines/networkAddresses';
import type { Profile } from './profiles';

export interface ProfileAddress {
  address: string;
  prefixLength?: number;
  origin: Origin;
  /** The setting's path: `systemSettings.networkBondingVlans.address`. */
  field: string;
}

const OWN_NAME = /^(ip|ipAddress|ipv6|ipv6Address)$|(Ip|IpAddress|Ipv6|Ipv6Address)$/;
const OTHERS = /gateway|dns|nameserver|peer|endpoint|target|listen|bind|remote|allowed|upstream|proxy/i;

/** `10.0.0.5/24` → the address and its prefix (splitAddress); undefined for anything else or a wildcard address. */
function ownAddress(v: Value | undefined): { address: string; prefixLength?: number; origin: Origin } | undefined {
  if (v?.kind !== 'string') return undefined;
  const a = splitAddress({ value: v.value, origin: v.origin });
  if (!a || a.address.value === '0.0.0.0' || a.address.value === '::') return undefined;
  return { address: a.address.value, ...(a.prefixLength !== undefined ? { prefixLength: a.prefixLength } : {}), origin: v.origin };
}

export function profileOwnAddresses(p: Profile): ProfileAddress[] {
  const out: ProfileAddress[] = [];
  const push = (field: string, v: Value | undefined): void => {
    const a = ownAddress(v);
    if (a && a.origin.uri === p.uri) out.push({ ...a, field });
  };
  for (const [key, e] of p.system?.entries ?? []) {
    if (OTHERS.test(key)) continue;
    const field = `systemSettings.${key}`;
    const v = e.value;
    if (OWN_NAME.test(key)) {
      if (v.kind === 'string') push(field, v);
      else if (v.kind === 'attrs') push(`${field}.address`, v.entries.get('address')?.value);
    } else if (v.kind === 'list' && v.items.length && v.items.every((i) => i.kind === 'attrs' && i.entries.has('address'))) {
      for (const i of v.items) push(`${field}.address`, i.kind === 'attrs' ? i.entries.get('address')?.value : undefined);
    }
  }
  return out;
}
