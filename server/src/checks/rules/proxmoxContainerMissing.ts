// proxmox-container-missing: an inventory container on a Proxmox host that was
// read, which Proxmox does not have (no guest with its vmid on any node of
// that read, nor with its hostname or name).
import { driftFindings } from '../proxmoxDrift';
import type { Rule } from '../types';

export const proxmoxContainerMissing: Rule = {
  id: 'proxmox-container-missing',
  defaultSeverity: 'warning',
  description: 'An inventory container on a Proxmox host that was read, which Proxmox does not have.',
  scope: 'homelab',
  check(ctx) {
    const decls = ctx.homelab.inventory?.containers;
    return driftFindings(ctx, 'proxmox-container-missing', ['missing'], (d) => {
      const c = d.container ? decls?.get(d.container) : undefined;
      const looked = [c?.vmid ? `vmid ${c.vmid.value}` : undefined, c?.hostname ? `hostname ${c.hostname.value}` : `name ${d.container}`].filter(Boolean).join(' or ');
      return {
        message: `${d.container}: Proxmox has no guest with ${looked} on ${d.host}`,
        data: { container: d.container, host: d.host },
      };
    });
  },
};
