// ip-outside-network: a host's or container's address that lies in no declared
// network, or that is the network or broadcast address of its network. Only
// machines the inventory declares are judged: one it does not know (a laptop's
// profile, a machine at another site) gets information at most, since the
// inventory's networks need not be its networks.
import { networkOf } from '../../model/addresses';
import { isParsed, parseAddress, reservedRole } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP } from '../util';

export const ipOutsideNetwork: Rule = inSteps({
  id: 'ip-outside-network',
  defaultSeverity: 'error',
  description: 'An address outside every declared network, or the network/broadcast address of its network.',
  scope: 'homelab',
  *checkSteps({ homelab: h }) {
    const out: Finding[] = [];
    const idx = h.addresses;
    if (idx.networks.length === 0) return out;
    let n = 0;
    for (const p of idx.places) {
      if (++n % (ITEMS_PER_STEP * 4) === 0) yield;
      if (p.role !== 'declares') continue;
      // A VPS lives on the internet, outside the homelab's networks.
      if (p.owner?.kind === 'host' && h.inventory?.hosts.get(p.owner.name)?.kind?.value === 'vps') continue;
      const a = parseAddress(p.key);
      if (!isParsed(a)) continue;
      const net = networkOf(idx, p.key);
      const declared = p.owner?.kind === 'host' || (p.owner?.kind === 'container' && h.inventory?.containers.has(p.owner.name) === true);
      if (!net) {
        const list = idx.networks.map((n) => `${n.name} ${n.cidr.key}`).join(', ');
        if (declared) out.push(at('ip-outside-network', p.origin, `\`${p.text}\` is outside every declared network (${list})`));
        else
          out.push({
            ...at('ip-outside-network', p.origin, `\`${p.text}\` is outside every network of the inventory (${list}); ${p.owner?.name ?? 'this machine'} is not in the inventory, so its networks may be others (another site)`),
            severity: 'info',
          });
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
});
