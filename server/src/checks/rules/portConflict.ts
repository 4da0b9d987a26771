// port-conflict: two services on one container that claim the same port
// (explicit inventory ports, else the built-in catalog's usual ports).
import { serviceNamed } from '../../model/homelab';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, rel } from '../util';

export const portConflict: Rule = inSteps({
  id: 'port-conflict',
  defaultSeverity: 'warning',
  description: 'Two services on one container that claim the same port.',
  scope: 'homelab',
  *checkSteps({ homelab: h }) {
    const out: Finding[] = [];
    let n = 0;
    for (const c of h.machines.values()) {
      if (++n % (ITEMS_PER_STEP * 2) === 0) yield;
      const claimed = new Map<number, { name: string; origin: import('../../syntax/value').Origin }>();
      for (const ref of c.decl?.services ?? []) {
        const port = serviceNamed(h, ref.value)?.port;
        if (port === undefined) continue;
        const first = claimed.get(port);
        if (!first) {
          claimed.set(port, { name: ref.value, origin: ref.origin });
          continue;
        }
        if (first.name === ref.value) continue;
        out.push(
          at('port-conflict', ref.origin, `${ref.value} and ${first.name} both use port ${port} on ${c.name}`, {
            related: [rel(first.origin, `${first.name} uses port ${port}`)],
          }),
        );
      }
    }
    return out;
  },
});
