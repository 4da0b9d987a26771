// ip-duplicate: one address declared by two different hosts/containers; every
// place is reported and points at the others as related information.
import type { AddressPlace } from '../../model/addresses';
import type { Finding, Rule } from '../types';
import { at, rel } from '../util';

function ownerLabel(p: AddressPlace): string {
  return p.owner ? `${p.owner.kind} ${p.owner.name}` : 'another machine';
}

export const ipDuplicate: Rule = {
  id: 'ip-duplicate',
  defaultSeverity: 'error',
  description: 'One IP address used by two hosts or containers (both places are reported).',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    for (const [key, places] of h.addresses.byKey) {
      const decl = places.filter((p) => p.role === 'declares' && p.owner);
      const owners = new Set(decl.map((p) => `${p.owner?.kind}:${p.owner?.name}`));
      if (owners.size < 2) continue;
      for (const p of decl) {
        const others = decl.filter((o) => `${o.owner?.kind}:${o.owner?.name}` !== `${p.owner?.kind}:${p.owner?.name}`);
        out.push(
          at('ip-duplicate', p.origin, `\`${key}\` is also used by ${[...new Set(others.map(ownerLabel))].join(', ')}`, {
            related: others.map((o) => rel(o.origin, `\`${key}\` is also used by ${ownerLabel(o)}`)),
            data: { address: key },
          }),
        );
      }
    }
    return out;
  },
};
