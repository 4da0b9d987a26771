// Resolves the container(s) a command is about: the tree item it was invoked
// on, the items selected in the tree, or a quick pick when run from the palette.
import * as vscode from 'vscode';
import type { ContainerNode, HostNode } from '../../../server/src/protocol/customMessages';
import type { ContainerTreeProvider } from '../tree/containerTreeProvider';
import type { TreeNode } from '../tree/treeModel';

export interface PickedContainer {
  container: ContainerNode;
  rootUri: string;
}

export function containerFromArgs(tree: ContainerTreeProvider, args: unknown[]): PickedContainer[] {
  const [first, selection] = args;
  const nodes = (Array.isArray(selection) ? selection : first ? [first] : []) as TreeNode[];
  const picked: PickedContainer[] = [];
  for (const node of nodes) {
    if (node && typeof node === 'object' && node.type === 'container') {
      picked.push({ container: node.container, rootUri: node.homelab.rootUri });
    }
  }
  return picked;
}

export function hostFromArgs(args: unknown[]): HostNode | undefined {
  const node = args[0] as TreeNode | undefined;
  return node && typeof node === 'object' && node.type === 'host' ? node.host : undefined;
}

export async function pickContainers(
  tree: ContainerTreeProvider,
  title: string,
  canPickMany: boolean,
  filter: (c: ContainerNode) => boolean = () => true,
): Promise<PickedContainer[]> {
  await tree.ensureLoaded();
  const all = tree.containers().filter(({ container }) => filter(container));
  if (all.length === 0) {
    void vscode.window.showInformationMessage('Homelab: no containers found in this workspace.');
    return [];
  }
  const items = all.map((entry) => ({
    label: entry.container.name,
    description: [entry.container.ip, entry.container.host].filter(Boolean).join(' · '),
    detail: entry.container.description,
    entry,
  }));
  if (canPickMany) {
    const chosen = await vscode.window.showQuickPick(items, { title, canPickMany: true, matchOnDescription: true });
    return chosen?.map((c) => c.entry) ?? [];
  }
  const chosen = await vscode.window.showQuickPick(items, { title, matchOnDescription: true });
  return chosen ? [chosen.entry] : [];
}

export async function resolveOne(tree: ContainerTreeProvider, args: unknown[], title: string): Promise<PickedContainer | undefined> {
  const fromArgs = containerFromArgs(tree, args);
  if (fromArgs.length > 0) return fromArgs[0];
  return (await pickContainers(tree, title, false))[0];
}
