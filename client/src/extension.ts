// Entry point of the VS Code extension: starts the language server and wires
// the commands and the container tree. Activation does no heavy work here:
// everything about the homelab is computed by the server and fetched lazily.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerHealth } from './serverHealth';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';
import { HomelabTreeProvider } from './tree/homelabTreeProvider';
import { Topology, TopologyChangedNotification, TopologyRequest, WorkspaceTrustNotification } from '../../server/src/protocol/customMessages';
import { ProxmoxLiveStateNotification } from '../../server/src/protocol/proxmoxMessages';
import { ProxmoxLivePoller } from './tree/proxmoxLive';
import { readHost } from './proxmox';
import { proxmoxSshSettings } from './commands/proxmoxToken';

let client: LanguageClient | undefined;

/** What activate() returns: used by the integration tests. */
export interface HomelabApi {
  activationMs: number;
  client: LanguageClient;
  tree: HomelabTreeProvider;
  /** Resolves once the server is running and the first topology is shown. */
  ready: Promise<void>;
  /** How many times the server was restarted after it stopped unexpectedly. */
  restarts(): number;
  proxmox: ProxmoxLivePoller;
}

export function activate(context: vscode.ExtensionContext): HomelabApi {
  const activationStarted = performance.now();
  const output = vscode.window.createOutputChannel('Homelab Profiles', { log: true });
  context.subscriptions.push(output);

  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  const tree = new HomelabTreeProvider(
    () => languageClient.sendRequest<Topology>(TopologyRequest, {}),
    output,
  );
  const view = vscode.window.createTreeView('homelab.containers', {
    treeDataProvider: tree,
    showCollapseAll: true,
    canSelectMany: true,
  });
  tree.attach(view);
  const proxmox = new ProxmoxLivePoller(
    () => tree.current,
    () => view.visible,
    context.secrets,
    (access, secret) => readHost(access, { secret, ssh: proxmoxSshSettings(), timeoutMs: proxmoxTimeoutMs() }),
    (params) => languageClient.sendNotification(ProxmoxLiveStateNotification, params),
    output,
  );
  context.subscriptions.push(tree, view, proxmox, view.onDidChangeVisibility(() => proxmox.schedule()));
  void vscode.commands.executeCommand('setContext', 'homelab.grouping', 'host');


  const health = new ServerHealth(languageClient, output, () => void tree.refresh());
  context.subscriptions.push(health);
  registerCommands(context, { client: languageClient, output, tree, health, proxmox });

  // The server starts in the background so activation returns at once.
  const ready = languageClient.start().then(
    async () => {
      // The hosts to read come with the topology: a new or changed `proxmox:` block is read at once.
      context.subscriptions.push(
        languageClient.onNotification(TopologyChangedNotification, () => void tree.refresh().then(() => proxmox.topologyChanged())),
      );
      context.subscriptions.push(
        vscode.workspace.onDidGrantWorkspaceTrust(() => void languageClient.sendNotification(WorkspaceTrustNotification, { trusted: true })),
      );
      await tree.refresh();
      proxmox.topologyChanged();
    },
    (error: unknown) => {
      output.error(`The Homelab language server could not start: ${String(error)}`);
      void vscode.window.showErrorMessage('Homelab Profiles: the language server could not start. See the Homelab Profiles output.');
    },
  );
  const activationMs = performance.now() - activationStarted;
  output.info(`Homelab Profiles activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, client: languageClient, tree, ready, restarts: () => health.restarts, proxmox };
}

function proxmoxTimeoutMs(): number {
  return Math.max(1, vscode.workspace.getConfiguration('homelab').get<number>('proxmox.timeoutSeconds', 10)) * 1000;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
