// proxmox-hostname-drift: a container's `hostname` in the inventory differs
// from the hostname of its Proxmox configuration. Quick fix: take Proxmox's.
import { driftFindings } from '../proxmoxDrift';
import type { Rule } from '../types';

export const proxmoxHostnameDrift: Rule = {
  id: 'proxmox-hostname-drift',
  defaultSeverity: 'info',
  description: "A container's hostname in the inventory differs from the hostname of its Proxmox configuration.",
  scope: 'homelab',
  check(ctx) {
    return driftFindings(ctx, 'proxmox-hostname-drift', ['hostname'], (d) => ({
      message: `${d.container}: the inventory says hostname ${d.inventory}, Proxmox says ${d.proxmox}`,
      data: { container: d.container, field: 'hostname', inventory: d.inventory, proxmox: d.proxmox },
    }));
  },
};
