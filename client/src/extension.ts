// Entry point of the VS Code extension: starts the language server and wires
// the topology store, the Homelab view that draws it, the probes that write
// into it and the commands that read it. Activation does no heavy work here:
// everything about the homelab is computed by the server and fetched lazily.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerHealth } from './serverHealth';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands/register';
import { HomelabTreeProvider } from './tree/homelabTreeProvider';
import { Topology, TopologyChangedNotification, TopologyRequest, WorkspaceTrustNotification } from '../../server/src/protocol/customMessages';
import { ProxmoxLiveStateNotification } from '../../server/src/protocol/proxmoxMessages';
import { MachineProbes } from './probes/machineProbes';
import { ProxmoxLivePoller } from './probes/proxmoxLive';
import { readHost } from './proxmox';
import { proxmoxSshSettings } from './commands/proxmoxToken';
import { settings } from './settings';
import { TopologyStore } from './store/topologyStore';
import { onTrustGranted } from './trust';

let client: LanguageClient | undefined;

/** What activate() returns: used by the integration tests. */
export interface HomelabApi {
  activationMs: number;
  client: LanguageClient;
  /** The Homelab view's data provider: its nodes are what the tree passes to commands. */
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
  const store = new TopologyStore(() => languageClient.sendRequest<Topology>(TopologyRequest, {}), (message) => output.appendLine(message));
  const tree = new HomelabTreeProvider(store);
  const view = vscode.window.createTreeView('homelab.containers', {
    treeDataProvider: tree,
    showCollapseAll: true,
    canSelectMany: true,
  });
  tree.attach(view);
  const probes = new MachineProbes(store, () => view.visible, output);
  const proxmox = new ProxmoxLivePoller(
    store,
    () => view.visible,
    context.secrets,
    (access, secret) => readHost(access, { secret, ssh: proxmoxSshSettings(), timeoutMs: settings()['proxmox.timeoutSeconds'] * 1000 }),
    (params) => languageClient.sendNotification(ProxmoxLiveStateNotification, params),
    output,
  );
  // The readers reach out only while the view is shown: showing it starts them.
  context.subscriptions.push(tree, view, probes, proxmox, view.onDidChangeVisibility(() => {
    probes.schedule();
    proxmox.schedule();
  }));
  probes.schedule();
  void vscode.commands.executeCommand('setContext', 'homelab.grouping', 'host');

  const health = new ServerHealth(languageClient, output, () => void store.refresh());
  context.subscriptions.push(health);
  registerCommands(context, { client: languageClient, output, store, health, proxmox, probes }, tree);

  // The server starts in the background so activation returns at once.
  const ready = languageClient.start().then(
    async () => {
      // The hosts to read come with the topology: a new or changed `proxmox:` block is read at once (the poller listens to the store).
      context.subscriptions.push(
        languageClient.onNotification(TopologyChangedNotification, () => void store.refresh()),
        onTrustGranted(() => void languageClient.sendNotification(WorkspaceTrustNotification, { trusted: true })),
      );
      await store.refresh();
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

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
