// Workspace Trust, in one place. Nothing that runs a command on a machine
// (deploy, rollback, an SSH terminal, `pct create`) runs in an untrusted
// workspace: each of those entry points asks `refuseUntrusted` first. The
// readers that reach out by themselves (reachability probes, Proxmox reads,
// the server's `nix eval`) ask `workspaceTrusted` and wait for the grant.
import * as vscode from 'vscode';

export function workspaceTrusted(): boolean {
  return vscode.workspace.isTrusted;
}

export function onTrustGranted(run: () => void): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(run);
}

/** What the user can do instead, when the action does not run: e.g. copy the command to run it by hand. */
interface Instead {
  message: string;
  copy: string;
}

/**
 * True (and the user told why) when the workspace is not trusted and
 * `action` must not run. With `instead`, its message is shown with a Copy
 * Command button in place of the standard warning.
 */
export async function refuseUntrusted(action: string, instead?: Instead): Promise<boolean> {
  if (workspaceTrusted()) return false;
  if (instead) {
    const copy = await vscode.window.showInformationMessage(instead.message, 'Copy Command');
    if (copy) await vscode.env.clipboard.writeText(instead.copy);
    return true;
  }
  void vscode.window.showWarningMessage(
    `Homelab: ${action} is disabled in an untrusted workspace. Trust this folder (Manage Workspace Trust) to deploy; validation keeps working meanwhile.`,
  );
  return true;
}
