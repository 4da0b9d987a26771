// A small Proxmox VE cluster as its API and `pvesh` describe it (Proxmox VE
// cannot run here, so the stand-ins answer from this): two nodes, `pve` and
// `pve2`; on `pve` a running container with a static address, a stopped one,
// a running DHCP one and a VM; on `pve2` one container. Shapes follow the
// API's documented answers (bare data, as `pvesh … --output-format json`
// prints it; the API wraps it in `{ "data": … }`).
import type { ProxmoxGuest } from '../../../server/src/protocol/proxmoxMessages';

const MiB = 1024 * 1024;

/** Bare answer per API path (`/cluster/resources` is asked with `type=vm`). */
export const ANSWERS: Record<string, unknown> = {
  '/cluster/resources': [
    {
      id: 'lxc/101', vmid: 101, type: 'lxc', node: 'pve', status: 'running', name: 'dns', uptime: 86400,
      cpu: 0.0123, maxcpu: 2, mem: 100 * MiB, maxmem: 512 * MiB, disk: 1073741824, maxdisk: 8589934592, tags: 'infra;dns', template: 0,
    },
    {
      id: 'lxc/102', vmid: 102, type: 'lxc', node: 'pve', status: 'stopped', name: 'media', uptime: 0,
      cpu: 0, maxcpu: 1, mem: 0, maxmem: 256 * MiB, template: 0,
    },
    {
      id: 'lxc/103', vmid: 103, type: 'lxc', node: 'pve', status: 'running', name: 'scratch', uptime: 3590,
      cpu: 0.4, maxcpu: 1, mem: 200 * MiB, maxmem: 512 * MiB, template: 0,
    },
    {
      id: 'qemu/200', vmid: 200, type: 'qemu', node: 'pve', status: 'running', name: 'homeassistant', uptime: 7200,
      cpu: 0.05, maxcpu: 2, mem: 2048 * MiB, maxmem: 4096 * MiB, tags: 'home', template: 0,
    },
    {
      id: 'lxc/110', vmid: 110, type: 'lxc', node: 'pve2', status: 'running', name: 'backup', uptime: 600,
      cpu: 0.01, maxcpu: 1, mem: 64 * MiB, maxmem: 256 * MiB, tags: 'backup', template: 0,
    },
    // An item without a vmid (not one Proxmox sends): skipped, not thrown on.
    { id: 'lxc/odd', type: 'lxc', node: 'pve', status: 'running' },
  ],
  '/nodes/pve/lxc/101/config': {
    arch: 'amd64', hostname: 'dns', cores: 2, memory: 512, swap: 512, ostype: 'nixos', unprivileged: 1,
    net0: 'name=eth0,bridge=vmbr0,firewall=1,gw=192.168.8.1,hwaddr=BC:24:11:AA:BB:01,ip=192.168.8.85/24,type=veth',
    rootfs: 'local-lvm:vm-101-disk-0,size=8G', tags: 'infra;dns', digest: '5f0c1e2d3b4a',
  },
  '/nodes/pve/lxc/101/status/current': {
    vmid: 101, name: 'dns', type: 'lxc', status: 'running', uptime: 86410, cpu: 0.02, cpus: 2,
    mem: 105 * MiB, maxmem: 512 * MiB, swap: 0, maxswap: 512 * MiB, ha: { managed: 0 },
  },
  '/nodes/pve/lxc/101/interfaces': [
    { name: 'lo', inet: '127.0.0.1/8', inet6: '::1/128', hwaddr: '00:00:00:00:00:00' },
    { name: 'eth0', inet: '192.168.8.85/24', inet6: 'fe80::be24:11ff:feaa:bb01/64', hwaddr: 'bc:24:11:aa:bb:01' },
  ],
  '/nodes/pve/lxc/102/config': {
    arch: 'amd64', hostname: 'media', cores: 1, memory: 256, ostype: 'nixos',
    net0: 'name=eth0,bridge=vmbr0,gw=192.168.8.1,hwaddr=BC:24:11:AA:BB:02,ip=192.168.8.86/24,type=veth',
    rootfs: 'local-lvm:vm-102-disk-0,size=8G', digest: '6a1d2e3f4b5c',
  },
  '/nodes/pve/lxc/102/status/current': {
    vmid: 102, name: 'media', type: 'lxc', status: 'stopped', uptime: 0, cpu: 0, cpus: 1, mem: 0, maxmem: 256 * MiB,
  },
  '/nodes/pve/lxc/103/config': {
    arch: 'amd64', hostname: 'scratch', cores: 1, memory: 512, ostype: 'nixos', tags: 'test',
    net0: 'name=eth0,bridge=vmbr0,hwaddr=BC:24:11:AA:BB:03,ip=dhcp,type=veth',
    rootfs: 'local-lvm:vm-103-disk-0,size=4G', digest: '7b2e3f4a5c6d',
  },
  '/nodes/pve/lxc/103/status/current': {
    vmid: 103, name: 'scratch', type: 'lxc', status: 'running', uptime: 3600, cpu: 0.5, cpus: 1, mem: 210 * MiB, maxmem: 512 * MiB,
  },
  '/nodes/pve/lxc/103/interfaces': [
    { name: 'lo', inet: '127.0.0.1/8', inet6: '::1/128', hwaddr: '00:00:00:00:00:00' },
    { name: 'eth0', inet: '192.168.8.140/24', hwaddr: 'bc:24:11:aa:bb:03' },
  ],
};

/** What reading host `pve` must give, whole (sorted by vmid). */
export const EXPECTED_PVE_GUESTS: ProxmoxGuest[] = [
  {
    vmid: 101, type: 'lxc', node: 'pve', status: 'running', name: 'dns', hostname: 'dns', uptimeSeconds: 86410, cpu: 0.02,
    cores: 2, memoryBytes: 105 * MiB, maxMemoryBytes: 512 * MiB, tags: ['infra', 'dns'],
    staticAddress: '192.168.8.85', prefixLength: 24, gateway: '192.168.8.1', liveAddresses: ['192.168.8.85'],
  },
  {
    vmid: 102, type: 'lxc', node: 'pve', status: 'stopped', name: 'media', hostname: 'media', uptimeSeconds: 0, cpu: 0,
    cores: 1, memoryBytes: 0, maxMemoryBytes: 256 * MiB, tags: [],
    staticAddress: '192.168.8.86', prefixLength: 24, gateway: '192.168.8.1',
  },
  {
    vmid: 103, type: 'lxc', node: 'pve', status: 'running', name: 'scratch', hostname: 'scratch', uptimeSeconds: 3600, cpu: 0.5,
    cores: 1, memoryBytes: 210 * MiB, maxMemoryBytes: 512 * MiB, tags: ['test'], staticAddress: 'dhcp', liveAddresses: ['192.168.8.140'],
  },
  // On the other node: listed from the resources only.
  {
    vmid: 110, type: 'lxc', node: 'pve2', status: 'running', name: 'backup', uptimeSeconds: 600, cpu: 0.01,
    cores: 1, memoryBytes: 64 * MiB, maxMemoryBytes: 256 * MiB, tags: ['backup'],
  },
  // A VM: its resources entry only.
  {
    vmid: 200, type: 'qemu', node: 'pve', status: 'running', name: 'homeassistant', uptimeSeconds: 7200, cpu: 0.05,
    cores: 2, memoryBytes: 2048 * MiB, maxMemoryBytes: 4096 * MiB, tags: ['home'],
  },
];

/** The paths a read of `pve` asks for, besides the resources (sorted). */
export const EXPECTED_GUEST_PATHS = [
  '/nodes/pve/lxc/101/config', '/nodes/pve/lxc/101/interfaces', '/nodes/pve/lxc/101/status/current',
  '/nodes/pve/lxc/102/config', '/nodes/pve/lxc/102/status/current',
  '/nodes/pve/lxc/103/config', '/nodes/pve/lxc/103/interfaces', '/nodes/pve/lxc/103/status/current',
];
