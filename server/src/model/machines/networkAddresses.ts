// A NixOS machine's own addresses, gateways and name servers wherever its
// modules write them: `networking.interfaces.<if>` (ipv4/ipv6 `addresses`,
// the older `ip4`/`ip6` lists and `ipAddress`), systemd-networkd networks
// (`address`, `addresses[].Address` / `addressConfig.Address`,
// `networkConfig.Address`, `gateway`, `networkConfig.Gateway`,
// `routes[].Gateway`, `dns`, `networkConfig.DNS`) and WireGuard
// (`networking.wireguard.interfaces.<if>.ips`, `networking.wg-quick.interfaces.<if>.address`),
// and a k3s node's `--node-ip` / `--node-external-ip` flags.
// `10.0.0.5/24` is split into address and prefix; each keeps the origin of
// the text that wrote it. Anything that is not an IP address (`dhcp`, a
// host name, an unknown value) is left out, never guessed; an option where
// addresses are written whose value is not known is listed as unread.
import { knownAttrParts, knownListParts, valueAt, type Entry, type Origin, type Value } from '../../syntax/value';
import { showAttrPath } from '../../syntax/valueText';
import type { Str } from '../inventory';
import { isParsed, parseAddress } from '../ip';

export interface InterfaceAddress {
  interface: string;
  address: Str;
  prefixLength?: number;
  /** The option that sets it, for hover and the address index (`systemd.network.networks."30-lan".address`). */
  option: string;
  /** A tunnel's own end (WireGuard): the machine's address, but not where it is reached for a deploy. */
  tunnel?: true;
  /**
   * Read from the machine's own record in an option of its repository
   * (ownHostRecord.ts), not from an interface: one address of the machine,
   * not all of them (its interfaces may take others by DHCP).
   */
  record?: true;
}

/** The address a machine is reached at: its first address that is not a tunnel's. */
export function primaryAddress(addresses: InterfaceAddress[] | undefined): InterfaceAddress | undefined {
  return addresses?.find((a) => !a.tunnel);
}

export interface MachineNetworkConfig {
  addresses: InterfaceAddress[];
  gateways: Str[];
  nameservers: Str[];
  /**
   * Destinations routed straight onto a link (`networking.interfaces.<if>.ipv4.routes` without `via`,
   * networkd's routes with `GatewayOnLink`): a gateway there is reachable outside the address's network
   * (a cloud's /32 address with a host route to its gateway).
   */
  onLink: { address: string; prefixLength: number }[];
  /** Options where addresses are written whose value is not known statically: what is written there is not read. */
  unread: UnreadAddresses[];
}

export interface UnreadAddresses {
  option: string;
  origin: Origin;
  reason: string;
}

/**
 * Why a value is not known, for the user: a function the reader does not
 * evaluate is named (`lib.net.cidr.host`), rather than the unknown argument
 * it was selected from.
 */
function unreadReason(v: Extract<Value, { kind: 'unknown' }>): string {
  if (v.call && !['++', '//'].includes(v.call.fn)) return `\`${v.call.fn}\` is not evaluated statically`;
  return v.reason;
}

/** A string or a list of strings, each with its own origin. */
function strings(v: Value | undefined): Str[] {
  if (v?.kind === 'string') return [{ value: v.value, origin: v.origin }];
  if (v?.kind === 'list') return v.items.flatMap((i) => (i.kind === 'string' ? [{ value: i.value, origin: i.origin }] : []));
  return [];
}

/** `10.0.0.5/24` → address and prefix; undefined when the text is no IP address. */
export function splitAddress(s: Str): { address: Str; prefixLength?: number } | undefined {
  const text = s.value.trim();
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const prefix = slash < 0 ? undefined : Number(text.slice(slash + 1));
  if (!isParsed(parseAddress(addr))) return undefined;
  if (prefix !== undefined && !Number.isInteger(prefix)) return undefined;
  return { address: { value: addr, origin: s.origin }, ...(prefix !== undefined ? { prefixLength: prefix } : {}) };
}

/** `opt(path)` gives the effective value of an option path (the module system's merge). */
export function readMachineNetwork(opt: (path: string) => Value | undefined): MachineNetworkConfig {
  const addresses: InterfaceAddress[] = [];
  const gateways: Str[] = [];
  const nameservers: Str[] = [];
  const onLink: MachineNetworkConfig['onLink'] = [];
  const unread: UnreadAddresses[] = [];
  // A value not known, an unknown side of a set merged with `//`, or an item of an address list that is not known.
  const unknown = (option: string, v: Value | undefined): void => {
    if (v?.kind !== 'unknown') return;
    const parts = knownAttrParts(v) ?? knownListParts(v);
    // One place per option: a list's second unknown item says nothing more.
    if (!parts) {
      if (!unread.some((u) => u.option === option)) unread.push({ option, origin: v.origin, reason: unreadReason(v) });
    }
    else if ('unknown' in parts) for (const side of parts.unknown) unknown(option, side);
  };
  const unknownItems = (option: string, v: Value | undefined): void => {
    if (v?.kind === 'list') for (const i of v.items) unknown(option, i);
    else unknown(option, v);
  };
  /** The entries of a set option, the known sides of a partly known one too. */
  const entriesOf = (v: Value | undefined): ReadonlyMap<string, Entry> => (v ? (knownAttrParts(v)?.entries ?? new Map()) : new Map());
  for (const path of ['networking.interfaces', 'systemd.network.networks', 'networking.wireguard.interfaces', 'networking.wg-quick.interfaces', 'services.k3s.extraFlags']) unknown(path, opt(path));
  const add = (iface: string, option: string, s: Str, prefixLength?: number, tunnel?: true): void => {
    const a = splitAddress(s);
    if (a) addresses.push({ interface: iface, address: a.address, prefixLength: a.prefixLength ?? prefixLength, option, ...(tunnel ? { tunnel } : {}) });
  };
  const ips = (list: Str[], into: Str[]): void => {
    // networkd's DNS= takes several addresses separated by spaces in one string.
    for (const s of list) for (const part of s.value.split(/\s+/)) if (part && isParsed(parseAddress(part))) into.push({ value: part, origin: s.origin });
  };

  // networking.interfaces.<if>: ipv4/ipv6 address lists, the older ip4/ip6 lists and ipAddress/prefixLength.
  for (const [name, iface] of entriesOf(opt('networking.interfaces'))) {
    for (const key of ['ipv4', 'ipv6', 'ip4', 'ip6']) {
      const list = key.startsWith('ipv') ? valueAt(iface.value, key, 'addresses') : valueAt(iface.value, key);
      const option = showAttrPath(['networking', 'interfaces', name, ...(key.startsWith('ipv') ? [key, 'addresses'] : [key])]);
      unknownItems(option, list);
      for (const a of list?.kind === 'list' ? list.items : []) {
        const address = valueAt(a, 'address');
        unknown(option, address);
        const prefix = valueAt(a, 'prefixLength');
        if (address?.kind === 'string') add(name, option, { value: address.value, origin: address.origin }, prefix?.kind === 'number' ? prefix.value : undefined);
      }
    }
    for (const key of ['ipv4', 'ipv6']) {
      const routes = valueAt(iface.value, key, 'routes');
      for (const r of routes?.kind === 'list' ? routes.items : []) {
        const dest = valueAt(r, 'address');
        const prefix = valueAt(r, 'prefixLength');
        if (dest?.kind === 'string' && prefix?.kind === 'number' && valueAt(r, 'via') === undefined) onLink.push({ address: dest.value, prefixLength: prefix.value });
      }
    }
    for (const [key, prefixKey] of [['ipAddress', 'prefixLength'], ['ipv6Address', 'ipv6PrefixLength']]) {
      const v = valueAt(iface.value, key);
      const p = valueAt(iface.value, prefixKey);
      if (v?.kind === 'string') add(name, showAttrPath(['networking', 'interfaces', name, key]), { value: v.value, origin: v.origin }, p?.kind === 'number' ? p.value : undefined);
    }
  }

  // systemd-networkd: the interface is the network's `matchConfig.Name` when it is one name, else the network's name.
  for (const [name, net] of entriesOf(opt('systemd.network.networks'))) {
    const match = valueAt(net.value, 'matchConfig', 'Name');
    const iface = match?.kind === 'string' && /^[^\s*?[]+$/.test(match.value) ? match.value : name;
    const base = ['systemd', 'network', 'networks', name];
    unknownItems(showAttrPath([...base, 'address']), valueAt(net.value, 'address'));
    for (const s of strings(valueAt(net.value, 'address'))) add(iface, showAttrPath([...base, 'address']), s);
    const list = valueAt(net.value, 'addresses');
    for (const a of list?.kind === 'list' ? list.items : []) {
      for (const path of [['Address'], ['addressConfig', 'Address']])
        for (const s of strings(valueAt(a, ...path))) add(iface, showAttrPath([...base, 'addresses', ...path]), s);
    }
    for (const s of strings(valueAt(net.value, 'networkConfig', 'Address'))) add(iface, showAttrPath([...base, 'networkConfig', 'Address']), s);
    ips(strings(valueAt(net.value, 'gateway')), gateways);
    ips(strings(valueAt(net.value, 'networkConfig', 'Gateway')), gateways);
    const routes = valueAt(net.value, 'routes');
    for (const r of routes?.kind === 'list' ? routes.items : []) {
      for (const at of [[], ['routeConfig']]) {
        ips(strings(valueAt(r, ...at, 'Gateway')), gateways);
        const onLinkFlag = valueAt(r, ...at, 'GatewayOnLink');
        if (onLinkFlag?.kind === 'boolean' ? onLinkFlag.value : onLinkFlag?.kind === 'string' && /^(yes|true|on|1)$/.test(onLinkFlag.value))
          for (const g of strings(valueAt(r, ...at, 'Gateway'))) onLink.push({ address: g.value, prefixLength: g.value.includes(':') ? 128 : 32 });
      }
    }
    ips(strings(valueAt(net.value, 'dns')), nameservers);
    ips(strings(valueAt(net.value, 'networkConfig', 'DNS')), nameservers);
  }

  // WireGuard: the tunnel addresses are the machine's own too (after its LAN addresses).
  for (const [name, wg] of entriesOf(opt('networking.wireguard.interfaces'))) {
    const option = showAttrPath(['networking', 'wireguard', 'interfaces', name, 'ips']);
    unknownItems(option, valueAt(wg.value, 'ips'));
    for (const s of strings(valueAt(wg.value, 'ips'))) add(name, option, s, undefined, true);
  }
  for (const [name, wg] of entriesOf(opt('networking.wg-quick.interfaces'))) {
    const option = showAttrPath(['networking', 'wg-quick', 'interfaces', name, 'address']);
    unknownItems(option, valueAt(wg.value, 'address'));
    for (const s of strings(valueAt(wg.value, 'address'))) add(name, option, s, undefined, true);
  }

  // k3s: `--node-ip` / `--node-external-ip` in the service's flags name the node's own addresses (comma-separated).
  for (const s of strings(opt('services.k3s.extraFlags')))
    for (const m of s.value.matchAll(/--node-(?:external-)?ip[= ]([^\s"']+)/g))
      for (const part of m[1].split(',')) add('k3s', 'services.k3s.extraFlags', { value: part, origin: s.origin });

  return { addresses, gateways, nameservers, onLink, unread };
}
