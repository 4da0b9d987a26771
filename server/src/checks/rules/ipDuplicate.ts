// ip-duplicate: one address declared by two different hosts/containers; every
// place is reported and points at the others as related information.
import type { AddressPlace } from '../../model/addresses';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, rel } from '../util';

/** Other places named by one finding. */
const MAX_OTHERS = 20;

function ownerLabel(p: AddressPlace): string {
  if (!p.owner) return 'another machine';
  return p.owner.kind === 'profile' ? `profile ${p.owner.name} (no container uses it)` : `${p.owner.kind} ${p.owner.name}`;
}

export const ipDuplicate: Rule = inSteps({
  id: 'ip-duplicate',
  defaultSeverity: 'error',
  description: 'One IP address used by two hosts or containers (both places are reported).',
  scope: 'homelab',
  *checkSteps({ homelab: h }) {
    const out: Finding[] = [];
    let n = 0;
    for (const [key, places] of h.addresses.byKey) {
      if (++n % (ITEMS_PER_STEP * 4) === 0) yield;
      const decl = places.filter((p) => p.role === 'declares' && p.owner);
      const owners = new Set(decl.map((p) => `${p.owner?.kind}:${p.owner?.name}`));
      if (owners.size < 2) continue;
      // Each place names the others; past a few dozen (a whole fleet on one address) the
      // lists are cut, so the work stays linear in the places instead of their square.
      const named = decl.slice(0, MAX_OTHERS + 1);
      for (const p of decl) {
        const self = `${p.owner?.kind}:${p.owner?.name}`;
        const others = named.filter((o) => `${o.owner?.kind}:${o.owner?.name}` !== self).slice(0, MAX_OTHERS);
        const labels = [...new Set(others.map(ownerLabel))];
        const more = owners.size - 1 - labels.length;
        const finding = at('ip-duplicate', p.origin, `\`${key}\` is also used by ${labels.join(', ')}${more > 0 ? ` and ${more} more` : ''}`, {
          related: others.map((o) => rel(o.origin, `\`${key}\` is also used by ${ownerLabel(o)}`)),
          data: { address: key },
        });
        // A profile that no container uses is probably a stale copy: worth a look, not an error.
        if (decl.some((o) => o.owner?.kind === 'profile')) finding.severity = 'warning';
        out.push(finding);
      }
    }
    return out;
  },
});
