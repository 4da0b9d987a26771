// ip-outside-network: a host's or container's address that lies in no declared
// network, or that is the network or broadcast address of its network.
import { networkOf } from '../../model/addresses';
import { isParsed, parseAddress, reservedRole } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at } from '../util';

export const ipOutsideNetwork: Rule = {
  id: 'ip-outside-network',
  defaultSeverity: 'error',
  description: 'An address outside every declared network, or the network/broadcast address of its network.',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    const idx = h.addresses;
    if (idx.networks.length === 0) return out;
    for (const p of idx.places) {
      if (p.role !== 'declares') continue;
      // A VPS lives on the internet, outside the homelab's networks.
      if (p.owner?.kind === 'host' && h.inventory?.hosts.get(p.owner.name)?.kind?.value === 'vps') continue;
      const a = parseAddress(p.key);
      if (!isParsed(a)) continue;
      const net = networkOf(idx, p.key);
      if (!net) {
        const list = idx.networks.map((n) => `${n.name} ${n.cidr.key}`).join(', ');
        out.push(at('ip-outside-network', p.origin, `\`${p.text}\` is outside every declared network (${list})`));
        continue;
      }
      const role = reservedRole(net.cidr, a.addr);
      if (role)
        out.push(
          at('ip-outside-network', p.origin, `\`${p.text}\` is the ${role} address of network ${net.name} (${net.cidr.key}), not usable by a ${p.owner?.kind ?? 'machine'}`),
        );
    }
    return out;
  },
};
