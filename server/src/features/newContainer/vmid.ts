// The new container's vmid: one past the highest vmid in use on its Proxmox
// host, counting the inventory's containers of that host and the vmids
// Proxmox reports live, and skipping any vmid another inventory container
// already has (Proxmox numbers guests cluster-wide). Proxmox starts at 100.
import type { Homelab } from '../../model/homelab';

export interface VmidChoice {
  vmid: number;
  reason: string;
}

export function nextVmid(h: Homelab, host: string, liveVmids: readonly number[] = []): VmidChoice {
  const live = liveVmids.filter((v) => Number.isInteger(v) && v > 0);
  const onHost: number[] = [];
  const anywhere = new Set<number>(live);
  for (const c of h.inventory?.containers.values() ?? []) {
    if (!c.vmid) continue;
    anywhere.add(c.vmid.value);
    if (c.host?.value === host) onHost.push(c.vmid.value);
  }
  const inUse = [...onHost, ...live];
  const highest = inUse.length ? Math.max(...inUse) : undefined;
  let vmid = Math.max(100, (highest ?? 99) + 1);
  while (anywhere.has(vmid)) vmid++;
  const where = live.length ? `${host} (inventory and live)` : host;
  const reason =
    highest === undefined
      ? `vmid ${vmid}: the first Proxmox vmid, nothing is in use on ${host}`
      : `vmid ${vmid}: the next after the highest vmid in use on ${where}, ${highest}`;
  return { vmid, reason };
}
