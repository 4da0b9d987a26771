// proxmox-address-drift: a container's `ip` differs from the static address
// of its Proxmox network device (net0's `ip=`), or the running container
// reports addresses none of which is the inventory's. Quick fix: take
// Proxmox's address (the live one only when it reports exactly one).
import { driftFindings, shown } from '../proxmoxDrift';
import type { Rule } from '../types';

export const proxmoxAddressDrift: Rule = {
  id: 'proxmox-address-drift',
  defaultSeverity: 'warning',
  description: "A container's ip differs from its Proxmox static address (net0) or from the addresses it reports running.",
  scope: 'homelab',
  check(ctx) {
    return driftFindings(ctx, 'proxmox-address-drift', ['address', 'live-address'], (d) => {
      const live = d.kind === 'live-address';
      const said = live ? `the running container reports ${shown(d.proxmox).replace(/^\[|\]$/g, '')}` : `Proxmox's net0 says ip=${d.proxmox}`;
      return {
        message: `${d.container}: the inventory says ip ${d.inventory}, ${said}`,
        data: { container: d.container, field: 'ip', source: live ? 'interfaces' : 'net0', inventory: d.inventory, proxmox: d.proxmox },
      };
    });
  },
};
