// The Proxmox scenario's world: a copy of the example homelab whose host `pve`
// is read through the API stand-in on 127.0.0.1 (Proxmox VE cannot run here),
// and the stand-in's cluster made from that inventory with planted drift:
// LXC_monitoring got another address, LXC_proxy is stopped, and a container
// the inventory does not declare runs as 150.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const MiB = 1024 * 1024;

export const DRIFTED = { container: 'LXC_monitoring', liveAddress: '192.168.8.95', stopped: 'LXC_proxy', unmanaged: { vmid: 150, name: 'scratch' } };

interface InventoryContainer { host?: string; vmid?: number; ip?: string; hostname?: string }

/** Bare API answers per path for the containers of `pve` in the inventory, with the drift above. */
export function clusterFromInventory(folder: string): Record<string, unknown> {
  const inventory = parse(readFileSync(join(folder, 'homelab.yaml'), 'utf8')) as { containers: Record<string, InventoryContainer> };
  const answers: Record<string, unknown> = {};
  const resources: unknown[] = [];
  const guests = Object.entries(inventory.containers)
    .filter(([, c]) => c.host === 'pve' && c.vmid !== undefined && c.ip)
    .map(([name, c]) => ({ name, vmid: c.vmid as number, hostname: c.hostname ?? name, ip: c.ip as string }));
  guests.push({ name: DRIFTED.unmanaged.name, vmid: DRIFTED.unmanaged.vmid, hostname: DRIFTED.unmanaged.name, ip: '192.168.8.150' });
  for (const g of guests) {
    const running = g.name !== DRIFTED.stopped;
    const ip = g.name === DRIFTED.container ? DRIFTED.liveAddress : g.ip;
    resources.push({
      id: `lxc/${g.vmid}`, vmid: g.vmid, type: 'lxc', node: 'pve', status: running ? 'running' : 'stopped', name: g.hostname,
      uptime: running ? 3600 * 26 : 0, cpu: running ? 0.03 : 0, maxcpu: 2, mem: running ? 300 * MiB : 0, maxmem: 1024 * MiB, template: 0,
    });
    answers[`/nodes/pve/lxc/${g.vmid}/config`] = {
      arch: 'amd64', hostname: g.hostname, cores: 2, memory: 1024, ostype: 'nixos', unprivileged: 1,
      net0: `name=eth0,bridge=vmbr0,gw=192.168.8.1,hwaddr=BC:24:11:00:00:${(g.vmid % 100).toString().padStart(2, '0')},ip=${ip}/24,type=veth`,
    };
    answers[`/nodes/pve/lxc/${g.vmid}/status/current`] = {
      vmid: g.vmid, name: g.hostname, type: 'lxc', status: running ? 'running' : 'stopped', uptime: running ? 3600 * 26 : 0,
      cpu: running ? 0.03 : 0, cpus: 2, mem: running ? 300 * MiB : 0, maxmem: 1024 * MiB,
    };
    if (running) answers[`/nodes/pve/lxc/${g.vmid}/interfaces`] = [{ name: 'lo', inet: '127.0.0.1/8' }, { name: 'eth0', inet: `${ip}/24` }];
  }
  answers['/cluster/resources'] = resources;
  return answers;
}

/** Gives host `pve` of the copy's inventory a `proxmox:` block pointing at the stand-in (comments kept). */
export function pointPveAt(folder: string, api: string, tokenId: string, fingerprint: string): void {
  const file = join(folder, 'homelab.yaml');
  const text = readFileSync(file, 'utf8');
  const anchor = /\n  pve:\n    kind: proxmox\n    ip: [0-9.]+\n/;
  const match = anchor.exec(text);
  if (!match) throw new Error('host pve not found in the example inventory');
  const block = ['    proxmox:', `      api: ${api}`, `      tokenId: "${tokenId}"`, `      fingerprint: "${fingerprint}"`, ''].join('\n');
  const at = match.index + match[0].length;
  writeFileSync(file, text.slice(0, at) + block + text.slice(at));
}
