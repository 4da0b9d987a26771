// proxmox-container-stopped: an inventory container that Proxmox has but
// does not run (stopped, paused…): deploys and health checks will not reach it.
import { driftFindings } from '../proxmoxDrift';
import type { Rule } from '../types';

export const proxmoxContainerStopped: Rule = {
  id: 'proxmox-container-stopped',
  defaultSeverity: 'info',
  description: 'An inventory container that Proxmox has but does not run.',
  scope: 'homelab',
  check(ctx) {
    return driftFindings(ctx, 'proxmox-container-stopped', ['stopped'], (d) => ({
      message: `${d.container}: Proxmox says vmid ${d.guest?.vmid} is ${d.guest?.status ?? 'not running'} on node ${d.guest?.node}`,
      data: { container: d.container, vmid: d.guest?.vmid, status: d.guest?.status },
    }));
  },
};
