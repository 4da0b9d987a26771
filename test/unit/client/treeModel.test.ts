// The container tree's shape from a topology: hosts by kind with their
// containers, "Unassigned" for containers without a known host, grouping by
// network, container details (IP, profile, services, flags, update).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childNodes, machineSummary, machineTooltip, hostDescription, rootNodes, TreeNode } from '../../../client/src/tree/treeModel';
import type { MachineNode, Topology } from '../../../server/src/protocol/customMessages';

const container = (name: string, extra: Partial<MachineNode>): MachineNode => ({
  name, configExists: true, services: [], flagsOn: [], deploy: { method: 'ssh-script', user: 'akunito' }, ...extra,
});

const topology: Topology = {
  homelabs: [{
    rootUri: 'file:///lab', name: 'lab',
    networks: [{ name: 'home', cidr: '192.168.8.0/24' }, { name: 'storage', cidr: '192.168.20.0/24' }],
    hosts: [
      { name: 'truenas', kind: 'nas', ip: '192.168.20.200', network: 'storage' },
      { name: 'pve', kind: 'proxmox', ip: '192.168.8.82', network: 'home' },
    ],
    machines: [
      container('LXC_mailer', { host: 'pve', vmid: 109, ip: '192.168.8.89', network: 'home', services: [{ name: 'postfix', port: 25 }] }),
      container('LXC_monitoring', { host: 'pve', vmid: 105, ip: '192.168.8.85', network: 'home', flagsOn: ['grafanaEnable'], update: 'Sat *-*-* 07:10:00', configUri: 'file:///lab/profiles/LXC_monitoring-config.nix' }),
      container('LXC_orphan', { ip: '192.168.8.99', network: 'home', configExists: false, configUri: 'file:///lab/profiles/LXC_orphan-config.nix' }),
    ],
    services: [{ name: 'postfix', port: 25, machines: ['LXC_mailer'], builtIn: false, location: { uri: 'file:///lab/homelab.yaml', line: 40, character: 2 } }],
  }],
};

const labels = (nodes: TreeNode[]): string[] =>
  nodes.map((n) => (n.type === 'host' ? n.host.name : n.type === 'container' ? n.machine.name : n.type === 'network' ? n.network.name : n.type === 'service' ? `svc:${n.service.name}` : n.type === 'detail' ? n.label : n.type));

test('by host: hypervisors first with containers by vmid, then Unassigned, then other devices', () => {
  const roots = rootNodes(topology, 'host');
  assert.deepEqual(labels(roots), ['pve', 'unassigned', 'truenas']);
  assert.deepEqual(labels(childNodes(roots[0], 'host')), ['LXC_monitoring', 'LXC_mailer']);
  assert.deepEqual(labels(childNodes(roots[1], 'host')), ['LXC_orphan']);
  assert.deepEqual(labels(childNodes(roots[2], 'host')), []);
});

test('container details: IP, profile, services, flags and update', () => {
  const pve = rootNodes(topology, 'host')[0];
  const [monitoring, mailer] = childNodes(pve, 'host');
  assert.deepEqual(labels(childNodes(monitoring, 'host')), ['192.168.8.85', 'LXC_monitoring-config.nix', 'grafanaEnable', 'Sat *-*-* 07:10:00']);
  const mailerDetails = childNodes(mailer, 'host');
  assert.deepEqual(labels(mailerDetails), ['192.168.8.89', 'svc:postfix']);
  const service = mailerDetails[1];
  assert.equal(service.type === 'service' && service.declared?.location?.line, 40);
  const orphanProfile = childNodes(childNodes(rootNodes(topology, 'host')[1], 'host')[0], 'host')[1];
  assert.equal(orphanProfile.type === 'detail' && orphanProfile.target, undefined, 'a missing profile is not a link');
});

test('by network: networks hold their hosts and containers', () => {
  const roots = rootNodes(topology, 'network');
  assert.deepEqual(labels(roots), ['home', 'storage']);
  assert.deepEqual(labels(childNodes(roots[0], 'network')), ['pve', 'LXC_monitoring', 'LXC_mailer', 'LXC_orphan']);
  assert.deepEqual(labels(childNodes(roots[1], 'network')), ['truenas']);
});

test('several homelabs (multi-root) get one root node each', () => {
  const two: Topology = { homelabs: [topology.homelabs[0], { ...topology.homelabs[0], rootUri: 'file:///other', name: 'other' }] };
  const roots = rootNodes(two, 'host');
  assert.deepEqual(roots.map((r) => r.type), ['homelab', 'homelab']);
  assert.deepEqual(labels(childNodes(roots[1], 'host')), ['pve', 'unassigned', 'truenas']);
});

test('the tooltip summarises the container in Markdown', () => {
  const text = machineTooltip(topology.homelabs[0].machines[1]);
  assert.match(text, /\*\*LXC_monitoring\*\*/);
  assert.match(text, /IP: `192\.168\.8\.85` \(home\)/);
  assert.match(text, /Host: pve, VMID 105/);
  assert.match(text, /Flags on: `grafanaEnable`/);
});

test('a machine only nix eval lists: grouped "from nix eval", a detail saying nothing is deployable yet', () => {
  const lab: Topology = {
    homelabs: [{
      rootUri: 'file:///lab', name: 'lab', networks: [], hosts: [], services: [],
      machines: [
        container('alpha', { configExists: false, sources: ['nix-eval'], group: 'nix-eval', tags: [] }),
        container('web', { ip: '10.0.0.5', configExists: false, sources: ['deploy-rs'], group: 'deploy-rs', tags: [], deployTarget: '10.0.0.5' }),
      ],
    }],
  };
  const roots = rootNodes(lab, 'host');
  assert.deepEqual(roots.map((n) => (n.type === 'group' ? n.label : n.type)), ['deploy-rs nodes', 'from nix eval']);
  const [alpha] = childNodes(roots[1], 'host');
  const details = childNodes(alpha, 'host');
  assert.deepEqual(details.map((d) => (d.type === 'detail' ? [d.label, d.description] : d.type)), [['from nix eval', 'no address known: nothing to deploy yet']]);
  assert.match(machineTooltip((alpha as { machine: MachineNode }).machine), /Found in: from nix eval/);
  // A machine the static reading found gets no such detail.
  const [web] = childNodes(roots[0], 'host');
  assert.ok(!childNodes(web, 'host').some((d) => d.type === 'detail' && d.label === 'from nix eval'));
});

test('a host row counts its machines in the product’s noun, singular and plural', () => {
  const pve = topology.homelabs[0].hosts[1];
  assert.equal(hostDescription(pve, 1), '192.168.8.82 · 1 machine');
  assert.equal(hostDescription(pve, 2), '192.168.8.82 · 2 machines');
  assert.equal(hostDescription(pve, 0), '192.168.8.82 · proxmox');
});

test('a machine known by name only (the server still reading a large fleet) says so in its line, details and tooltip', () => {
  const reading = container('web-01', { reading: true, sources: ['flake'], group: 'flake', configUri: 'file:///lab/hosts/web-01/configuration.nix', deploy: { method: 'nixos-rebuild' } });
  const built = container('web-01', { sources: ['flake'], group: 'flake', ip: '10.0.0.5', deployTarget: '10.0.0.5', configUri: 'file:///lab/hosts/web-01/configuration.nix', deploy: { method: 'nixos-rebuild' } });
  assert.equal(machineSummary(reading), 'reading…');
  assert.equal(machineSummary(built), '10.0.0.5');
  assert.equal(machineSummary(container('x', {})), 'no IP');
  const lab = (m: MachineNode): Topology => ({ homelabs: [{ rootUri: 'file:///lab', name: 'lab', networks: [], hosts: [], machines: [m], services: [] }] });
  const details = (t: Topology): TreeNode[] => childNodes(childNodes(rootNodes(t, 'host')[0], 'host')[0], 'host');
  assert.deepEqual(labels(details(lab(reading))), ['reading…', 'web-01/configuration.nix']);
  assert.deepEqual(labels(details(lab(built))), ['10.0.0.5', '10.0.0.5', 'web-01/configuration.nix']);
  assert.match(machineTooltip(reading), /Still being read/);
  assert.doesNotMatch(machineTooltip(reading), /- Deploy:/);
  assert.doesNotMatch(machineTooltip(built), /Still being read/);
});
