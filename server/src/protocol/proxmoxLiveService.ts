// Receives `homelab/proxmoxLiveState` (what the client read from each Proxmox
// host) and hands it to the model; when it changed, the drift rules run again,
// their diagnostics are republished and the tree is told to refresh. The live
// state is kept in memory only (model/proxmoxLive.ts), never written to disk.
import { readLiveStateParams } from '../model/proxmoxLive';
import type { ServerContext } from './context';
import { ProxmoxLiveStateNotification } from './proxmoxMessages';

export function registerProxmoxLiveState(ctx: ServerContext, changed: () => void): void {
  ctx.connection.onNotification(ProxmoxLiveStateNotification, (params: unknown) => {
    const p = readLiveStateParams(params);
    if (!p) {
      ctx.connection.console.warn('homelab: a Proxmox live state of the wrong shape was ignored');
      return;
    }
    if (ctx.workspace.setProxmoxLive(p.folderUri, p.hosts)) changed();
  });
}
