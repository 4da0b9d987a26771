// Builds the machine tree's nodes from the server's topology, as plain data
// (no vscode import) so the shape of the tree is unit-tested without an editor.
// Grouping by host: hosts (by kind) → machines → details; machines without
// a known host under "Unassigned". Grouping by network: networks → hosts and
// machines whose address lies in them.
import type { MachineNode, HomelabTopology, HostNode, NetworkNode, ServiceNode, Topology } from '../../../server/src/protocol/customMessages';
import type { ContainerLiveState, ProxmoxGuest } from '../../../server/src/protocol/proxmoxMessages';

export type Grouping = 'host' | 'network';

export type TreeNode =
  | { type: 'homelab'; id: string; homelab: HomelabTopology; label: string }
  | { type: 'host'; id: string; homelab: HomelabTopology; host: HostNode }
  | { type: 'unassigned'; id: string; homelab: HomelabTopology }
  /** Machines on no host of the inventory, by their first colmena tag or where they were found. */
  | { type: 'group'; id: string; homelab: HomelabTopology; group: string; label: string }
  | { type: 'network'; id: string; homelab: HomelabTopology; network: NetworkNode }
  | { type: 'container'; id: string; homelab: HomelabTopology; machine: MachineNode }
  | { type: 'detail'; id: string; label: string; description?: string; icon: string; target?: DetailTarget }
  /** A guest Proxmox has on a host that no inventory container declares. */
  | { type: 'unmanaged'; id: string; homelab: HomelabTopology; host: HostNode; guest: ProxmoxGuest }
  | { type: 'service'; id: string; homelab: HomelabTopology; machine: MachineNode; service: MachineNode['services'][number]; declared?: ServiceNode };

export type DetailTarget = { kind: 'open'; uri: string; line?: number; character?: number };

const hostKindOrder = ['proxmox', 'vps', 'nas', 'router', 'switch', 'access-point', 'workstation', 'other'];

export function rootNodes(topology: Topology, grouping: Grouping): TreeNode[] {
  if (topology.homelabs.length === 1) return homelabChildren(topology.homelabs[0], grouping);
  return topology.homelabs.map((h) => ({ type: 'homelab', id: `homelab:${h.rootUri}`, homelab: h, label: h.name }));
}

export function childNodes(node: TreeNode, grouping: Grouping): TreeNode[] {
  switch (node.type) {
    case 'homelab':
      return homelabChildren(node.homelab, grouping);
    case 'host':
      return [
        ...machinesOf(node.homelab, (c) => c.host === node.host.name, node.id),
        ...(node.host.live?.unmanaged ?? []).map((guest): TreeNode => ({
          type: 'unmanaged', id: `${node.id}/guest:${guest.node}:${guest.vmid}`, homelab: node.homelab, host: node.host, guest,
        })),
      ];
    case 'unassigned':
      return machinesOf(node.homelab, (c) => hostless(node.homelab, c) && !c.group, node.id);
    case 'group':
      return machinesOf(node.homelab, (c) => hostless(node.homelab, c) && c.group === node.group, node.id);
    case 'network': {
      const hosts: TreeNode[] = node.homelab.hosts
        .filter((h) => h.network === node.network.name)
        .map((host) => ({ type: 'host', id: `${node.id}/host:${host.name}`, homelab: node.homelab, host }));
      return [...hosts, ...machinesOf(node.homelab, (c) => c.network === node.network.name, node.id)];
    }
    case 'container':
      return machineDetails(node.homelab, node.machine, node.id);
    default:
      return [];
  }
}

function homelabChildren(homelab: HomelabTopology, grouping: Grouping): TreeNode[] {
  const base = `homelab:${homelab.rootUri}`;
  if (grouping === 'network') {
    const nodes: TreeNode[] = homelab.networks.map((network) => ({
      type: 'network', id: `${base}/net:${network.name}`, homelab, network,
    }));
    const outside = homelab.machines.filter((c) => !c.network);
    if (outside.length > 0) nodes.push({ type: 'unassigned', id: `${base}/net-unassigned`, homelab });
    return nodes;
  }
  const hosts = [...homelab.hosts]
    .filter((h) => h.kind === 'proxmox' || homelab.machines.some((c) => c.host === h.name))
    .sort((a, b) => hostKindOrder.indexOf(a.kind) - hostKindOrder.indexOf(b.kind) || a.name.localeCompare(b.name));
  const nodes: TreeNode[] = hosts.map((host) => ({ type: 'host', id: `${base}/host:${host.name}`, homelab, host }));
  const groups = [...new Set(homelab.machines.filter((c) => hostless(homelab, c) && c.group).map((c) => c.group as string))].sort();
  for (const group of groups) nodes.push({ type: 'group', id: `${base}/group:${group}`, homelab, group, label: groupLabel(group) });
  const unassigned = homelab.machines.some((c) => hostless(homelab, c) && !c.group);
  if (unassigned) nodes.push({ type: 'unassigned', id: `${base}/unassigned`, homelab });
  // Other devices (NAS, router, switches...) after the hypervisors.
  for (const host of homelab.hosts) {
    if (!hosts.includes(host)) nodes.push({ type: 'host', id: `${base}/device:${host.name}`, homelab, host });
  }
  return nodes;
}

function hostless(homelab: HomelabTopology, c: MachineNode): boolean {
  return !c.host || !homelab.hosts.some((h) => h.name === c.host);
}

const SOURCE_LABELS: Record<string, string> = {
  flake: 'nixosConfigurations',
  colmena: 'colmena hive',
  'deploy-rs': 'deploy-rs nodes',
  snowfall: 'snowfall systems',
  clan: 'clan machines',
  morph: 'morph / NixOps network',
  convention: 'found by convention',
  'nix-eval': 'from nix eval',
};

export function groupLabel(group: string): string {
  return SOURCE_LABELS[group] ?? group;
}

function machinesOf(homelab: HomelabTopology, keep: (c: MachineNode) => boolean, parentId: string): TreeNode[] {
  return homelab.machines
    .filter(keep)
    .sort((a, b) => (a.vmid ?? Infinity) - (b.vmid ?? Infinity) || a.name.localeCompare(b.name))
    .map((machine) => ({ type: 'container', id: `${parentId}/ct:${machine.name}`, homelab, machine }));
}

/** The machine line's first words: its address, or that the server is still reading it (a large fleet at start-up). */
export function machineSummary(c: MachineNode): string {
  return c.reading ? 'reading…' : (c.ip ?? 'no IP');
}

function machineDetails(homelab: HomelabTopology, c: MachineNode, parentId: string): TreeNode[] {
  const details: TreeNode[] = [];
  if (c.reading)
    details.push({ type: 'detail', id: `${parentId}/reading`, label: 'reading…', description: 'its modules are still being read', icon: 'loading~spin' });
  if (c.ip) details.push({ type: 'detail', id: `${parentId}/ip`, label: c.ip, description: c.network ? `network ${c.network}` : 'IP address', icon: 'globe' });
  // Listed by `nix eval` only: its name is all that is known.
  if (c.sources?.includes('nix-eval') && !c.ip && !c.deployTarget)
    details.push({ type: 'detail', id: `${parentId}/nix-eval`, label: 'from nix eval', description: 'no address known: nothing to deploy yet', icon: 'info' });
  if ((c.sources || c.deployTargets || c.group) && c.deployTarget) {
    const tries = c.deployTargets && c.deployTargets.length > 1 ? c.deployTargets : undefined;
    details.push({
      type: 'detail', id: `${parentId}/target`,
      label: `${c.deploy.user ? `${c.deploy.user}@` : ''}${tries ? tries.join(', ') : c.deployTarget}`,
      description: `deploy: ${c.deploy.method}${tries ? ', first that answers' : ''}`,
      icon: 'cloud-upload',
    });
  }
  if (c.configUri) {
    const kind = c.sources ? 'configuration' : 'profile';
    details.push({
      type: 'detail',
      id: `${parentId}/profile`,
      label: decodeURIComponent(c.sources ? c.configUri.split('/').slice(-2).join('/') : (c.configUri.split('/').pop() ?? c.configUri)),
      description: c.configExists ? kind : `${kind} (missing)`,
      icon: c.configExists ? 'file-code' : 'warning',
      target: c.configExists ? { kind: 'open', uri: c.configUri } : undefined,
    });
  }
  for (const b of c.baseProfiles ?? [])
    details.push({ type: 'detail', id: `${parentId}/base:${b.name}`, label: decodeURIComponent(b.uri.split('/').pop() ?? b.uri), description: 'base profile', icon: 'file-symlink-file', target: { kind: 'open', uri: b.uri } });
  for (const service of c.services) {
    const declared = homelab.services.find((s) => s.name === service.name);
    details.push({ type: 'service', id: `${parentId}/svc:${service.name}`, homelab, machine: c, service, declared });
  }
  if (c.flagsOn.length > 0) {
    details.push({ type: 'detail', id: `${parentId}/flags`, label: c.flagsOn.join(', '), description: 'flags on', icon: 'symbol-boolean' });
  }
  if (c.update) details.push({ type: 'detail', id: `${parentId}/update`, label: c.update, description: 'auto-update', icon: 'calendar' });
  if (c.tags?.length) details.push({ type: 'detail', id: `${parentId}/tags`, label: c.tags.join(', '), description: 'tags', icon: 'tag' });
  if (c.live && c.live.status !== 'missing') {
    const where = c.live.node ? `on ${c.live.node}` : undefined;
    details.push({ type: 'detail', id: `${parentId}/live`, label: liveSummary(c.live), description: ['Proxmox', where].filter(Boolean).join(' '), icon: 'pulse' });
    for (const address of c.live.liveAddresses ?? [])
      details.push({ type: 'detail', id: `${parentId}/live-ip:${address}`, label: address, description: 'live address', icon: 'radio-tower' });
  }
  return details;
}

/** `running · up 3h 12m · CPU 4% · 512/1024 MiB`, or `stopped`, or `not on Proxmox`. */
export function liveSummary(live: ContainerLiveState | ProxmoxGuest): string {
  if (live.status === 'missing') return 'not on Proxmox';
  const parts = [live.status];
  if (live.status === 'running' && live.uptimeSeconds !== undefined) parts.push(`up ${duration(live.uptimeSeconds)}`);
  if (live.status === 'running' && live.cpu !== undefined) parts.push(`CPU ${Math.round(live.cpu * 100)}%`);
  if (live.memoryBytes !== undefined && live.maxMemoryBytes)
    parts.push(`${Math.round(live.memoryBytes / 2 ** 20)}/${Math.round(live.maxMemoryBytes / 2 ** 20)} MiB`);
  return parts.join(' · ');
}

function duration(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  return `${minutes}m`;
}

/** A Proxmox host's line in the tree: its address, how many machines it holds, and its live read. */
export function hostDescription(host: HostNode, machines: number): string {
  const parts = [host.ip, machines > 0 ? `${machines} machine${machines === 1 ? '' : 's'}` : host.kind];
  if (host.live?.error) parts.push(`Proxmox: ${host.live.error}`);
  else if (host.live) {
    parts.push(`live ${host.live.readAt.slice(11, 16)}`);
    if (host.live.unmanaged.length) parts.push(`${host.live.unmanaged.length} unmanaged`);
  }
  return parts.filter(Boolean).join(' · ');
}

export function machineTooltip(c: MachineNode): string {
  const lines = [`**${c.name}**${c.description ? ` — ${c.description}` : ''}`, ''];
  if (c.ip) lines.push(`- IP: \`${c.ip}\`${c.network ? ` (${c.network})` : ''}`);
  if (c.host) lines.push(`- Host: ${c.host}${c.vmid !== undefined ? `, VMID ${c.vmid}` : ''}`);
  if (c.configUri) lines.push(`- Profile: \`${decodeURIComponent(c.configUri.split('/').slice(-2).join('/'))}\`${c.configExists ? '' : ' (missing)'}`);
  if (c.services.length) lines.push(`- Services: ${c.services.map((s) => (s.port ? `${s.name} (${s.port})` : s.name)).join(', ')}`);
  if (c.flagsOn.length) lines.push(`- Flags on: ${c.flagsOn.map((f) => `\`${f}\``).join(', ')}`);
  if (c.update) lines.push(`- Auto-update: \`${c.update}\``);
  if (c.os === 'darwin') lines.push('- macOS (nix-darwin)');
  if (c.sources?.length) lines.push(`- Found in: ${c.sources.map(groupLabel).join(', ')}`);
  if (c.baseProfiles?.length) lines.push(`- Base profiles: ${c.baseProfiles.map((b) => b.name).join(', ')}`);
  if (c.deployTargets?.length) lines.push(`- Tries in order: ${c.deployTargets.map((t) => `\`${t}\``).join(', ')}`);
  if (c.reading) lines.push('- Still being read: its address, services and deploy target follow');
  else lines.push(`- Deploy: ${c.deploy.method}${c.deploy.user ? ` as ${c.deploy.user}` : ''}${c.deployTarget ? ` to \`${c.deployTarget}\`` : ''}`);
  return lines.join('\n');
}
