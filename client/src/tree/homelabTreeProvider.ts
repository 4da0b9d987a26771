// The Homelab view: draws the topology store (store/topologyStore.ts) as a
// tree (see treeModel.ts), with each machine's IP, problem counts,
// reachability and health. It redraws when the store or the diagnostics
// change; it holds only what is the view's own: the grouping and the badge.
import * as vscode from 'vscode';
import type { MachineNode, HostKind } from '../../../server/src/protocol/customMessages';
import type { Reachability } from '../probes/reachability';
import type { TopologyStore } from '../store/topologyStore';
import { childNodes, machineSummary, machineTooltip, Grouping, hostDescription, liveSummary, rootNodes, TreeNode } from './treeModel';

const STATUS_LABELS: Record<Reachability, string> = { reachable: 'reachable', unreachable: 'no answer', 'not-ssh': 'answers, not SSH', unknown: 'unknown' };
const hostIcons: Record<HostKind, string> = {
  proxmox: 'server-environment',
  nas: 'database',
  router: 'shield',
  switch: 'circuit-board',
  'access-point': 'broadcast',
  vps: 'cloud',
  workstation: 'device-desktop',
  other: 'server',
};

export class HomelabTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private grouping: Grouping = 'host';
  private view: vscode.TreeView<TreeNode> | undefined;
  private readonly disposables: { dispose(): void }[] = [];

  constructor(private readonly store: TopologyStore) {
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics(() => this.changed.fire(undefined)),
      store.onDidChange((change) => {
        if (change === 'topology') {
          void vscode.commands.executeCommand('setContext', 'homelab.hasContainers', store.machines().length > 0);
          this.updateBadge();
        }
        this.changed.fire(undefined);
      }),
    );
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
  }

  setGrouping(grouping: Grouping): void {
    this.grouping = grouping;
    void vscode.commands.executeCommand('setContext', 'homelab.grouping', grouping);
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    const topology = this.store.topology;
    if (topology.homelabs.every((h) => h.machines.length === 0 && h.hosts.length === 0)) {
      // Never a silent zero: where reading the fleet stopped, each place opening its line (else the welcome text).
      if (node) return [];
      return topology.homelabs.flatMap((h) =>
        (h.stopped ?? []).map((st, i): TreeNode => ({
          type: 'detail',
          id: `stopped:${h.rootUri}:${i}`,
          label: `No machine found: reading stopped at ${st.place}`,
          description: `${st.reason}. What to do: ${st.hint}`,
          icon: 'info',
          ...(st.location ? { target: { kind: 'open' as const, uri: st.location.uri, line: st.location.line, character: st.location.character } } : {}),
        })),
      );
    }
    return node ? childNodes(node, this.grouping) : rootNodes(topology, this.grouping);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.type) {
      case 'homelab': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('home');
        item.contextValue = 'homelab';
        return withId(item, node.id);
      }
      case 'host': {
        const count = node.homelab.machines.filter((c) => c.host === node.host.name).length;
        const unmanaged = node.host.live?.unmanaged.length ?? 0;
        const item = new vscode.TreeItem(
          node.host.name,
          count + unmanaged > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
        );
        item.description = hostDescription(node.host, count);
        item.iconPath = node.host.live?.error
          ? new vscode.ThemeIcon(hostIcons[node.host.kind] ?? 'server', new vscode.ThemeColor('problemsWarningIcon.foreground'))
          : new vscode.ThemeIcon(hostIcons[node.host.kind] ?? 'server');
        const tooltip = new vscode.MarkdownString(
          `**${node.host.name}** (${node.host.kind})${node.host.description ? ` — ${node.host.description}` : ''}${node.host.ip ? `\n\nIP: \`${node.host.ip}\`` : ''}`,
        );
        const live = node.host.live;
        if (live) {
          tooltip.appendMarkdown(`\n\nProxmox (via ${live.via === 'api' ? 'the API' : 'pvesh over SSH'}), read ${live.readAt}: `);
          tooltip.appendText(live.error ?? `${unmanaged} guests not in the inventory`);
        }
        item.tooltip = tooltip;
        item.contextValue = node.host.kind === 'proxmox' ? 'proxmoxHost' : 'host';
        return withId(item, node.id);
      }
      case 'unmanaged': {
        const guest = node.guest;
        const item = new vscode.TreeItem(`${guest.vmid} ${guest.name ?? guest.hostname ?? ''}`.trim(), vscode.TreeItemCollapsibleState.None);
        item.description = ['unmanaged', guest.type === 'qemu' ? 'VM' : undefined, guest.staticAddress, liveSummary(guest)].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(guest.status === 'running' ? 'vm-running' : 'vm-outline', new vscode.ThemeColor('disabledForeground'));
        item.tooltip = `Proxmox has ${guest.type === 'qemu' ? 'VM' : 'container'} ${guest.vmid} on ${guest.node}, which the inventory does not declare. The inventory's host line offers a quick fix to add it.`;
        item.contextValue = 'unmanaged';
        return withId(item, node.id);
      }
      case 'unassigned': {
        const item = new vscode.TreeItem('Unassigned', vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('question');
        item.tooltip = 'Containers whose host the inventory does not name (or that come from profiles alone)';
        return withId(item, node.id);
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(node.group === node.label ? 'tag' : 'symbol-namespace');
        item.tooltip = node.group === node.label ? `Machines tagged ${node.group}` : `Machines found in ${node.label}`;
        item.contextValue = 'group';
        return withId(item, node.id);
      }
      case 'network': {
        const item = new vscode.TreeItem(node.network.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.network.cidr;
        item.iconPath = new vscode.ThemeIcon('type-hierarchy');
        item.tooltip = node.network.description;
        item.contextValue = 'network';
        return withId(item, node.id);
      }
      case 'container':
        return withId(this.machineItem(node.machine), node.id);
      case 'service': {
        const item = new vscode.TreeItem(node.service.name, vscode.TreeItemCollapsibleState.None);
        const port = node.service.port ?? node.declared?.port;
        item.description = [port ? `port ${port}` : undefined, node.declared?.builtIn ? 'catalog' : undefined].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('plug');
        item.contextValue = 'service';
        const location = node.declared?.location ?? node.service.location;
        if (location) item.command = openCommand(location.uri, location.line, location.character);
        if (node.declared?.url) item.tooltip = node.declared.url;
        return withId(item, node.id);
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        if (node.target) item.command = openCommand(node.target.uri, node.target.line, node.target.character);
        return withId(item, node.id);
      }
    }
  }

  private machineItem(c: MachineNode): vscode.TreeItem {
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.Collapsed);
    const problems = c.configUri ? countProblems(vscode.Uri.parse(c.configUri)) : { errors: 0, warnings: 0 };
    const status = this.store.reachabilityOf(c);
    const parts = [machineSummary(c)];
    if (problems.errors) parts.push(`${problems.errors} error${problems.errors > 1 ? 's' : ''}`);
    if (problems.warnings) parts.push(`${problems.warnings} warning${problems.warnings > 1 ? 's' : ''}`);
    if (c.live) parts.push(c.live.status === 'missing' ? 'not on Proxmox' : c.live.status);
    else if (status !== 'unknown') {
      const via = this.store.answeredVia(c);
      parts.push(via && via !== c.ip ? `${STATUS_LABELS[status]} via ${via}` : STATUS_LABELS[status]);
    }
    const health = this.store.healthOf(c.name);
    if (health) parts.push(`health ${health.status}`);
    item.description = parts.join(' · ');
    item.iconPath =
      c.live && c.live.status !== 'running' && health?.status !== 'failed'
        ? new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor(c.live.status === 'missing' ? 'problemsWarningIcon.foreground' : 'disabledForeground'))
        : health?.status === 'failed'
        ? new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('testing.iconFailed'))
        : status === 'reachable'
          ? new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed'))
          : status === 'unreachable'
            ? new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('testing.iconFailed'))
            : status === 'not-ssh'
              ? new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('problemsWarningIcon.foreground'))
              : new vscode.ThemeIcon('vm');
    const tooltip = new vscode.MarkdownString(machineTooltip(c));
    if (problems.errors || problems.warnings) tooltip.appendMarkdown(`\n- Problems: ${problems.errors} errors, ${problems.warnings} warnings`);
    if (status !== 'unknown') tooltip.appendMarkdown(`\n- Status: ${status === 'not-ssh' ? 'answers, but not SSH' : status}`);
    if (c.live) tooltip.appendMarkdown(`\n- Proxmox: ${liveSummary(c.live)}${c.live.node ? ` on ${c.live.node}` : ''}`);
    if (health) tooltip.appendMarkdown(`\n- Health after the last deploy: ${health.status} (${health.summary})`);
    item.tooltip = tooltip;
    item.contextValue = c.configExists ? 'container' : 'container-noprofile';
    if (c.configUri && c.configExists) item.command = openCommand(c.configUri);
    return item;
  }

  private updateBadge(): void {
    if (!this.view) return;
    let errors = 0;
    for (const { machine } of this.store.machines()) {
      if (machine.configUri) errors += countProblems(vscode.Uri.parse(machine.configUri)).errors;
    }
    this.view.badge = errors > 0 ? { value: errors, tooltip: `${errors} errors in container profiles` } : undefined;
  }

  dispose(): void {
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function withId(item: vscode.TreeItem, id: string): vscode.TreeItem {
  item.id = id;
  return item;
}

function countProblems(uri: vscode.Uri): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
  }
  return { errors, warnings };
}

function openCommand(uri: string, line?: number, character?: number): vscode.Command {
  const selection = line !== undefined ? new vscode.Range(line, character ?? 0, line, character ?? 0) : undefined;
  return { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(uri), selection ? { selection } : undefined] };
}
