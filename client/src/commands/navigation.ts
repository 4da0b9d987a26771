// Commands that open or copy things: a container's profile, its declaration in
// the inventory, its IP address.
import * as vscode from 'vscode';
import type { Located } from '../../../server/src/protocol/customMessages';
import type { TopologyStore } from '../store/topologyStore';
import type { TreeNode } from '../tree/treeModel';
import { hostFromArgs, resolveOne } from './pickMachine';

export async function openProfile(store: TopologyStore, args: unknown[]): Promise<void> {
  const picked = await resolveOne(store, args, 'Open the profile of which container?');
  if (!picked) return;
  const { machine } = picked;
  if (!machine.configUri || !machine.configExists) {
    void vscode.window.showWarningMessage(
      `Homelab: ${machine.name} has no profile file${machine.configUri ? ` (${vscode.Uri.parse(machine.configUri).fsPath} does not exist)` : ''}.`,
    );
    return;
  }
  await vscode.window.showTextDocument(vscode.Uri.parse(machine.configUri));
}

export async function revealInInventory(store: TopologyStore, args: unknown[]): Promise<void> {
  const node = args[0] as TreeNode | undefined;
  let location: Located['location'];
  let name: string | undefined;
  if (node && typeof node === 'object' && node.type === 'service') {
    location = node.declared?.location ?? node.service.location;
    name = node.service.name;
  } else if (hostFromArgs(args)) {
    location = hostFromArgs(args)?.location;
    name = hostFromArgs(args)?.name;
  } else {
    const picked = await resolveOne(store, args, 'Reveal which container in the inventory?');
    location = picked?.machine.location;
    name = picked?.machine.name;
    if (!picked) return;
  }
  if (!location) {
    void vscode.window.showInformationMessage(`Homelab: ${name ?? 'this item'} is not declared in an inventory.`);
    return;
  }
  const position = new vscode.Position(location.line, location.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: new vscode.Range(position, position) });
}

export async function copyIp(store: TopologyStore, args: unknown[]): Promise<void> {
  const host = hostFromArgs(args);
  const ip = host ? host.ip : (await resolveOne(store, args, 'Copy the IP address of which container?'))?.machine.ip;
  if (!ip) {
    void vscode.window.showInformationMessage('Homelab: no IP address known for it.');
    return;
  }
  await vscode.env.clipboard.writeText(ip);
  void vscode.window.setStatusBarMessage(`Copied ${ip}`, 3000);
}
