// proxmox-vmid-drift: a container Proxmox has under another vmid than the
// inventory says (matched by its hostname or name, as no guest has the
// inventory's vmid). Quick fix: take Proxmox's vmid.
import { driftFindings } from '../proxmoxDrift';
import type { Rule } from '../types';

export const proxmoxVmidDrift: Rule = {
  id: 'proxmox-vmid-drift',
  defaultSeverity: 'warning',
  description: "A container's vmid in the inventory differs from the one Proxmox gives it (matched by name).",
  scope: 'homelab',
  check(ctx) {
    return driftFindings(ctx, 'proxmox-vmid-drift', ['vmid'], (d) => {
      const name = d.guest?.hostname ?? d.guest?.name;
      return {
        message: `${d.container}: the inventory says vmid ${d.inventory}, Proxmox says ${d.proxmox}${name ? ` for "${name}"` : ''}`,
        data: { container: d.container, field: 'vmid', inventory: d.inventory, proxmox: d.proxmox },
      };
    });
  },
};
