// gateway-outside-network: a network's `gateway` that does not lie inside its own `cidr`.
import { contains, isParsed, parseAddress, parseCidr } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at } from '../util';

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
    return out;
  },
};
