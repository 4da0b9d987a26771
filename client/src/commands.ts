// Registers the commands of the palette and the tree. Each command's work lives
// in its own module under commands/; this file only connects ids to them.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { HomelabTreeProvider } from './tree/homelabTreeProvider';
import type { ServerHealth } from './serverHealth';
import { copyIp, openProfile, revealInInventory } from './commands/navigation';
import { checkWorkspace, createInventory } from './commands/inventory';
import { registerDeployCommands } from './commands/deploy';
import type { ProxmoxLivePoller } from './tree/proxmoxLive';
import { clearProxmoxToken, proxmoxSshSettings, setProxmoxToken } from './commands/proxmoxToken';
import { newContainer, PROPOSAL_SCHEME, ProposalDocuments } from './commands/newContainer';
import { pctCreate } from './proxmox';

export interface CommandContext {
  client: LanguageClient;
  output: vscode.LogOutputChannel;
  tree: HomelabTreeProvider;
  health: ServerHealth;
  proxmox: ProxmoxLivePoller;
}

export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
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
    await ctx.tree.refresh();
    await Promise.all([ctx.tree.probe(), ctx.proxmox.readAll()]);
  });
  register('homelab.groupByNetwork', () => ctx.tree.setGrouping('network'));
  register('homelab.groupByHost', () => ctx.tree.setGrouping('host'));
  register('homelab.openProfile', (...args) => openProfile(ctx.tree, args));
  register('homelab.revealInInventory', (...args) => revealInInventory(ctx.tree, args));
  register('homelab.copyIp', (...args) => copyIp(ctx.tree, args));
  register('homelab.checkWorkspace', () => checkWorkspace(ctx.client));
  register('homelab.createInventory', () => createInventory(ctx.client));
  registerDeployCommands(context, ctx, register);
  register('homelab.setProxmoxToken', () => setProxmoxToken(ctx.tree, context.secrets));
  register('homelab.clearProxmoxToken', () => clearProxmoxToken(ctx.tree, context.secrets));
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
