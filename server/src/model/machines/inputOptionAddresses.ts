// A machine's address on an overlay network whose module comes from a flake
// input the reader does not fetch (`networking.retiolum.ipv4 = "10.243.0.7"`
// with `imports = [ inputs.retiolum.nixosModules.retiolum ]`): an address
// field (`ipv4`, `ipv6`, `ip`, `address`, `addresses`…) of a `networking.<name>`
// set that is no NixOS option and that no module read declares. The module
// turns it into the tunnel's address, so it is the machine's (a tunnel's
// end: not where it is deployed to). A value there not known statically is
// named.
import { knownListParts, type Value } from '../../syntax/value';
import { showAttrPath } from '../../syntax/valueText';
import { effectiveOption, optionKeys } from './moduleSystem';
import { splitAddress, type InterfaceAddress, type UnreadAddresses } from './networkAddresses';
import { declaredKeys } from './optionDefaults';

/** NixOS' own `networking.*` options (and those read elsewhere): never an input's overlay network. */
const NIXOS_NETWORKING = new Set([
  'bonds', 'bridges', 'defaultGateway', 'defaultGateway6', 'dhcpcd', 'domain', 'enableIPv6', 'extraHosts', 'firewall',
  'fooOverUDP', 'fqdn', 'fqdnOrHostName', 'getaddrinfo', 'greTunnels', 'hostFiles', 'hostId', 'hostName', 'hosts', 'interfaces',
  'iproute2', 'ipips', 'jool', 'localCommands', 'macvlans', 'modemmanager', 'nameservers', 'nat', 'networkmanager', 'nftables',
  'openconnect', 'proxy', 'resolvconf', 'rxe', 'search', 'sits', 'stevenblack', 'supplicant', 'tcpcrypt', 'tempAddresses',
  'timeServers', 'useDHCP', 'useHostResolvConf', 'useNetworkd', 'usePredictableInterfaceNames', 'vlans', 'vswitches',
  'wg-quick', 'wireguard', 'wireless', 'wlanInterfaces', 'ucarp', 'enableB43Firmware', 'enableIntel2200BGFirmware', 'dnsExtensionMechanism',
  'dnsSingleRequest', 'networkd',
]);

const ADDRESS_FIELD = /^(address|addresses|ip|ip4|ip6|ipv4|ipv6|ipAddress|ipv4Address|ipv6Address)$/;

function items(v: Value): Value[] {
  return v.kind === 'list' ? v.items : (knownListParts(v)?.items ?? [v]);
}

/** The addresses of the overlay networks set under `networking` by a module from an input, and those not known. */
export function inputOptionAddresses(configs: Value[], options: Value[] | undefined): { addresses: InterfaceAddress[]; unread: UnreadAddresses[] } {
  const addresses: InterfaceAddress[] = [];
  const unread: UnreadAddresses[] = [];
  const declared = new Set(declaredKeys(options, ['networking']));
  for (const net of optionKeys(configs, ['networking']) ?? []) {
    if (NIXOS_NETWORKING.has(net) || declared.has(net)) continue;
    for (const field of optionKeys(configs, ['networking', net])?.filter((k) => ADDRESS_FIELD.test(k)) ?? []) {
      const v = effectiveOption(configs, ['networking', net, field])?.value;
      if (!v) continue;
      const option = showAttrPath(['networking', net, field]);
      for (const item of items(v)) {
        if (item.kind === 'unknown') {
          if (!unread.some((u) => u.option === option)) unread.push({ option, origin: item.origin, reason: item.reason });
          continue;
        }
        const a = item.kind === 'string' ? splitAddress({ value: item.value, origin: item.origin }) : undefined;
        if (a) addresses.push({ interface: net, address: a.address, prefixLength: a.prefixLength, option, tunnel: true });
      }
    }
  }
  return { addresses, unread };
}
