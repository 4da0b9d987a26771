// proxmox-unmanaged-container: Proxmox runs a container or VM on a host's node
// that no inventory container declares (by vmid, hostname or name); reported
// on the host's key, once per guest. Quick fix: add it to the inventory.
import { guestLabel } from '../../model/proxmoxDrift';
import { driftFindings } from '../proxmoxDrift';
import type { Rule } from '../types';

export const proxmoxUnmanagedContainer: Rule = {
  id: 'proxmox-unmanaged-container',
  defaultSeverity: 'info',
  description: 'Proxmox has a container or VM on a host that the inventory does not declare.',
  scope: 'homelab',
  check(ctx) {
    return driftFindings(ctx, 'proxmox-unmanaged-container', ['unmanaged'], (d) =>
      d.guest
        ? {
            message: `Proxmox has ${guestLabel(d.guest)} on ${d.host} that the inventory does not declare`,
            data: { host: d.host, vmid: d.guest.vmid, node: d.guest.node },
          }
        : undefined,
    );
  },
};
