// vmid-duplicate: two containers of one Proxmox host with the same vmid.
import type { Num } from '../../model/inventory';
import type { Finding, Rule } from '../types';
import { at, rel } from '../util';

export const vmidDuplicate: Rule = {
  id: 'vmid-duplicate',
  defaultSeverity: 'error',
  description: 'Two containers on the same host with the same vmid.',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    const seen = new Map<string, { name: string; vmid: Num }>();
    for (const c of h.inventory?.containers.values() ?? []) {
      if (!c.vmid) continue;
      const key = `${c.host?.value ?? ''}\u0000${c.vmid.value}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { name: c.name, vmid: c.vmid });
        continue;
      }
      const where = c.host ? `host ${c.host.value}` : 'the same host';
      out.push(
        at('vmid-duplicate', c.vmid.origin, `vmid ${c.vmid.value} is already used by ${first.name} on ${where}`, {
          related: [rel(first.vmid.origin, `vmid ${c.vmid.value} of ${first.name}`)],
        }),
      );
    }
    return out;
  },
};
