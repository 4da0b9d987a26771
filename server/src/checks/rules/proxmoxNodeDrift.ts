// proxmox-node-drift: Proxmox runs a container on another node than the one
// of the inventory host its `host` names (it was migrated). Quick fix: set
// `host` to the inventory host of that node, when the inventory has one.
import { driftFindings } from '../proxmoxDrift';
import type { Rule } from '../types';

export const proxmoxNodeDrift: Rule = {
  id: 'proxmox-node-drift',
  defaultSeverity: 'warning',
  description: 'Proxmox runs a container on another node than the inventory host its `host` names.',
  scope: 'homelab',
  check(ctx) {
    return driftFindings(ctx, 'proxmox-node-drift', ['node'], (d) => {
      // A node no inventory host claims is most often the host itself under its Proxmox name.
      const where = d.targetHost
        ? `, which is inventory host ${d.targetHost}`
        : `, which no inventory host has as its node (if ${d.host} is that node, set \`proxmox.node: ${d.proxmox}\` on it)`;
      return {
        message: `${d.container}: the inventory says host ${d.host} (node ${d.inventory}), Proxmox runs vmid ${d.guest?.vmid} on node ${d.proxmox}${where}`,
        data: { container: d.container, field: 'host', inventory: d.host, node: d.proxmox, ...(d.targetHost ? { proxmox: d.targetHost } : {}) },
      };
    });
  },
};
