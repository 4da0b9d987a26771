// What every command may use: the language client, the output channel, the
// topology store (the fleet and what is known of each machine), the server's
// health and the readers that reach out (probes, Proxmox). Its own file, so
// the commands import it without importing the module that registers them.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { MachineProbes } from '../probes/machineProbes';
import type { ProxmoxLivePoller } from '../probes/proxmoxLive';
import type { ServerHealth } from '../serverHealth';
import type { TopologyStore } from '../store/topologyStore';

export interface CommandContext {
  client: LanguageClient;
  output: vscode.LogOutputChannel;
  store: TopologyStore;
  health: ServerHealth;
  proxmox: ProxmoxLivePoller;
  probes: MachineProbes;
}
