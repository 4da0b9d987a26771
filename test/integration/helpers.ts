// Small helpers the integration suites share: the extension under test, the
// open workspace folder and polling for state that settles asynchronously
// (activation, diagnostics from the language server).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'homelab-profiles.homelab-profiles';

/** The part of the extension's activate() result the suites use. */
export interface HomelabApi {
  activationMs: number;
  /** Resolves once the language server runs and the first topology is shown. */
  ready: Promise<void>;
}

export function extension(): vscode.Extension<HomelabApi> {
  const ext = vscode.extensions.getExtension<HomelabApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
  return ext;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), ...segments));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined, or fails with `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** The command ids the manifest contributes. */
export function contributedCommands(): string[] {
  // packageJSON is untyped in the API; only contributes.commands is read.
  const manifest = extension().packageJSON as { contributes?: { commands?: { command: string }[] } };
  return (manifest.contributes?.commands ?? []).map((c) => c.command);
}
