// network-overlap: two declared networks whose address ranges overlap.
import { overlaps } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at, rel } from '../util';

export const networkOverlap: Rule = {
  id: 'network-overlap',
  defaultSeverity: 'warning',
  description: 'Two declared networks whose ranges overlap.',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    const nets = h.addresses.networks;
    for (let i = 0; i < nets.length; i++)
      for (let j = 0; j < i; j++) {
        const a = nets[i];
        const b = nets[j];
        if (overlaps(a.cidr, b.cidr))
          out.push(at('network-overlap', a.origin, `network ${a.name} (${a.cidr.key}) overlaps network ${b.name} (${b.cidr.key})`, { related: [rel(b.origin, `network ${b.name}`)] }));
      }
    return out;
  },
};
