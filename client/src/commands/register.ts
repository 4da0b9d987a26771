// Registers the commands of the palette and the tree. Each command's work lives
// in its own module in this folder; this file only connects ids to them.
import * as vscode from 'vscode';
import type { HomelabTreeProvider } from '../tree/homelabTreeProvider';
import type { CommandContext } from './context';
import { copyIp, openProfile, revealInInventory } from './navigation';
import { checkWorkspace, createInventory } from './inventory';
import { registerDeployCommands } from './deploy';
import { clearProxmoxToken, proxmoxSshSettings, setProxmoxToken } from './proxmoxToken';
import { newContainer, PROPOSAL_SCHEME, ProposalDocuments } from './newContainer';
import { pctCreate } from '../proxmox';

/** `tree` is the view: only its own commands (grouping) touch it; the others read the store. */
export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext, tree: HomelabTreeProvider): void {
  const register = (id: string, run: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };

  register('homelab.openInventory', () => openInventory());
  register('homelab.openSettings', () =>
    vscode.commands.executeCommand('workbench.action.openSettings', '@ext:homelab-profiles.homelab-profiles'),
  );
  register('homelab.showOutput', () => ctx.output.show(true));
  register('homelab.restartServer', async () => {
    ctx.health.expectStop();
    await ctx.client.restart();
    void vscode.window.showInformationMessage('Homelab Profiles: language server restarted.');
  });
  register('homelab.refresh', async () => {
    await ctx.store.refresh();
    await Promise.all([ctx.probes.probe(), ctx.proxmox.readAll()]);
  });
  register('homelab.groupByNetwork', () => tree.setGrouping('network'));
  register('homelab.groupByHost', () => tree.setGrouping('host'));
  register('homelab.openProfile', (...args) => openProfile(ctx.store, args));
  register('homelab.revealInInventory', (...args) => revealInInventory(ctx.store, args));
  register('homelab.copyIp', (...args) => copyIp(ctx.store, args));
  register('homelab.checkWorkspace', () => checkWorkspace(ctx.client));
  register('homelab.createInventory', () => createInventory(ctx.client));
  registerDeployCommands(context, ctx, register);
  register('homelab.setProxmoxToken', () => setProxmoxToken(ctx.store, context.secrets));
  register('homelab.clearProxmoxToken', () => clearProxmoxToken(ctx.store, context.secrets));
  register('homelab.refreshProxmox', () => ctx.proxmox.readAll());
  const proposals = new ProposalDocuments();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, proposals));
  register('homelab.newContainer', (...args) =>
    newContainer(ctx, proposals, (access, pctArgs, onOutput) => pctCreate(access, pctArgs, proxmoxSshSettings(), { timeoutMs: 120_000, onOutput }), args),
  );
}

async function openInventory(): Promise<void> {
  const found = await vscode.workspace.findFiles('{homelab.yaml,homelab.yml}', '**/node_modules/**', 5);
  if (found.length === 0) {
    const choice = await vscode.window.showInformationMessage(
      'No homelab.yaml in this workspace.',
      'Create Inventory from Machines',
    );
    if (choice) await vscode.commands.executeCommand('homelab.createInventory');
    return;
  }
  await vscode.window.showTextDocument(found[0]);
}
