// gateway-outside-network: a network's `gateway` that does not lie inside its
// own `cidr`, or a NixOS machine's `networking.defaultGateway` outside the
// networks of its interface addresses.
import { contains, isParsed, parseAddress, parseCidr } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at, rel } from '../util';

export const gatewayOutsideNetwork: Rule = {
  id: 'gateway-outside-network',
  defaultSeverity: 'error',
  description: "A network's gateway that is not inside the network's own CIDR.",
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    for (const n of h.inventory?.networks.values() ?? []) {
      if (!n.cidr || !n.gateway) continue;
      const c = parseCidr(n.cidr.value);
      const g = parseAddress(n.gateway.value);
      if (!isParsed(c) || !isParsed(g)) continue;
      if (!contains(c, g.addr)) out.push(at('gateway-outside-network', n.gateway.origin, `gateway \`${n.gateway.value}\` is outside network ${n.name} (${c.key})`));
    }
    // A NixOS machine's default gateway must lie in the network of one of its interface addresses.
    for (const m of h.machines.values()) {
      const gw = m.config?.gateway;
      const g = gw ? parseAddress(gw.value) : undefined;
      if (!gw || !g || !isParsed(g)) continue;
      const nets = (m.config?.addresses ?? []).flatMap((a) => {
        const cidr = a.prefixLength !== undefined ? parseCidr(`${a.address.value}/${a.prefixLength}`) : undefined;
        return cidr && isParsed(cidr) ? [cidr] : [];
      });
      if (nets.length === 0 || nets.some((c) => c.addr.kind() === g.addr.kind() && contains(c, g.addr))) continue;
      const first = m.config?.addresses[0];
      out.push(
        at('gateway-outside-network', gw.origin, `${m.name}'s default gateway \`${gw.value}\` is outside the networks of its addresses (${nets.map((c) => c.key).join(', ')})`, {
          related: first ? [rel(first.address.origin, `${m.name}'s address ${first.address.value}/${first.prefixLength}`)] : [],
        }),
      );
    }
    return out;
  },
};
