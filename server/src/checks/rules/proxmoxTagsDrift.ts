// proxmox-tags-drift: the tags a container declares in the inventory are not
// the tags Proxmox has on it (compared as sets, without case). Only judged
// where the inventory declares `tags`. Quick fix: take Proxmox's tags.
import { driftFindings, shown } from '../proxmoxDrift';
import type { Rule } from '../types';

export const proxmoxTagsDrift: Rule = {
  id: 'proxmox-tags-drift',
  defaultSeverity: 'info',
  description: "A container's declared tags differ from its tags on Proxmox.",
  scope: 'homelab',
  check(ctx) {
    return driftFindings(ctx, 'proxmox-tags-drift', ['tags'], (d) => ({
      message: `${d.container}: the inventory says tags ${shown(d.inventory)}, Proxmox says ${shown(d.proxmox)}`,
      data: { container: d.container, field: 'tags', inventory: d.inventory, proxmox: d.proxmox },
    }));
  },
};
