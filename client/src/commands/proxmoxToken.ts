// Homelab: Set / Clear Proxmox API Token. The secret goes to VS Code's
// SecretStorage under the host's API URL and token id, never to settings, a
// file or a log; the inventory names only the token id.
import * as vscode from 'vscode';
import { settings } from '../settings';
import type { TopologyStore } from '../store/topologyStore';
import type { ProxmoxAccess } from '../../../server/src/protocol/proxmoxMessages';
import { tokenKey } from '../probes/proxmoxLive';
import type { ProxmoxSshSettings } from '../proxmox';

/** `pvesh` and `pct` over SSH use the deploy's ssh settings. */
export function proxmoxSshSettings(): ProxmoxSshSettings {
  const s = settings();
  return { sshCommand: s['deploy.sshCommand'], connectTimeout: s['deploy.connectTimeout'], sshOptions: s['deploy.sshOptions'] };
}

async function pickApiHost(store: TopologyStore, placeHolder: string): Promise<ProxmoxAccess | undefined> {
  await store.ensureLoaded();
  const accesses = store.topology.homelabs.flatMap((h) => h.hosts.flatMap((host) => (host.proxmox?.via === 'api' ? [host.proxmox] : [])));
  if (accesses.length === 0) {
    void vscode.window.showInformationMessage(
      'No Proxmox host of the inventory is read through the API. Add `proxmox: { api: https://…:8006, tokenId: user@pam!name }` to the host in homelab.yaml.',
    );
    return undefined;
  }
  if (accesses.length === 1) return accesses[0];
  const picked = await vscode.window.showQuickPick(
    accesses.map((access) => ({ label: access.host, description: `${access.tokenId ?? 'no tokenId'} · ${access.api ?? ''}`, access })),
    { placeHolder },
  );
  return picked?.access;
}

export async function setProxmoxToken(store: TopologyStore, secrets: vscode.SecretStorage): Promise<void> {
  const access = await pickApiHost(store, 'The Proxmox host whose API token to set');
  if (!access) return;
  if (!access.tokenId) {
    void vscode.window.showWarningMessage(`The inventory gives host ${access.host} no \`proxmox.tokenId\` (USER@REALM!TOKENID); add it first.`);
    return;
  }
  const secret = await vscode.window.showInputBox({
    title: `Proxmox API token secret for ${access.tokenId}`,
    prompt: `Kept in VS Code's secret storage for ${access.api ?? access.host}; never written to a file or a log.`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (/^[A-Za-z0-9-]+$/.test(value.trim()) ? undefined : 'A Proxmox token secret is a UUID (letters, digits and dashes).'),
  });
  if (secret === undefined) return;
  await secrets.store(tokenKey(access), secret.trim());
  void vscode.window.showInformationMessage(`Proxmox API token for ${access.host} saved.`);
}

export async function clearProxmoxToken(store: TopologyStore, secrets: vscode.SecretStorage): Promise<void> {
  const access = await pickApiHost(store, 'The Proxmox host whose API token to forget');
  if (!access) return;
  await secrets.delete(tokenKey(access));
  void vscode.window.showInformationMessage(`Proxmox API token for ${access.host} removed.`);
}
