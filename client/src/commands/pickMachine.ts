// Resolves the machine(s) a command is about: the tree item it was invoked
// on, the items selected in the tree, or a quick pick when run from the palette.
import * as vscode from 'vscode';
import type { MachineNode, HostNode } from '../../../server/src/protocol/customMessages';
import type { MachineInFolder, TopologyStore } from '../store/topologyStore';
import type { TreeNode } from '../tree/treeModel';

export function machineFromArgs(args: unknown[]): MachineInFolder[] {
  const [first, selection] = args;
  const nodes = (Array.isArray(selection) ? selection : first ? [first] : []) as TreeNode[];
  const picked: MachineInFolder[] = [];
  for (const node of nodes) {
    if (node && typeof node === 'object' && node.type === 'container') {
      picked.push({ machine: node.machine, rootUri: node.homelab.rootUri });
    }
  }
  return picked;
}

export function hostFromArgs(args: unknown[]): HostNode | undefined {
  const node = args[0] as TreeNode | undefined;
  return node && typeof node === 'object' && node.type === 'host' ? node.host : undefined;
}

export async function pickMachines(
  store: TopologyStore,
  title: string,
  canPickMany: boolean,
  filter: (c: MachineNode) => boolean = () => true,
): Promise<MachineInFolder[]> {
  await store.ensureLoaded();
  const all = store.machines().filter(({ machine }) => filter(machine));
  if (all.length === 0) {
    void vscode.window.showInformationMessage('Homelab: no containers found in this workspace.');
    return [];
  }
  const items = all.map((entry) => ({
    label: entry.machine.name,
    description: [entry.machine.ip, entry.machine.host].filter(Boolean).join(' · '),
    detail: entry.machine.description,
    entry,
  }));
  if (canPickMany) {
    const chosen = await vscode.window.showQuickPick(items, { title, canPickMany: true, matchOnDescription: true });
    return chosen?.map((c) => c.entry) ?? [];
  }
  const chosen = await vscode.window.showQuickPick(items, { title, matchOnDescription: true });
  return chosen ? [chosen.entry] : [];
}

export async function resolveOne(store: TopologyStore, args: unknown[], title: string): Promise<MachineInFolder | undefined> {
  const fromArgs = machineFromArgs(args);
  if (fromArgs.length > 0) return fromArgs[0];
  return (await pickMachines(store, title, false))[0];
}
