// Workspace-level commands answered by the server: check every file, and write
// a starting homelab.yaml from what the profiles say.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CheckWorkspaceRequest,
  CheckWorkspaceResult,
  CreateInventoryRequest,
  CreateInventoryResult,
} from '../../../server/src/protocol/customMessages';

export async function checkWorkspace(client: LanguageClient): Promise<CheckWorkspaceResult | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Homelab: checking the workspace…', cancellable: true },
    (_progress, token) => client.sendRequest<CheckWorkspaceResult>(CheckWorkspaceRequest, {}, token),
  );
  if (!result) return undefined;
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const summary = `Homelab: checked ${result.files} files: ${result.errors} errors, ${result.warnings} warnings, ${result.infos} infos.`;
  if (result.errors > 0) void vscode.window.showWarningMessage(summary);
  else void vscode.window.showInformationMessage(summary);
  return result;
}

export async function createInventory(client: LanguageClient): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return;
  const result = await client.sendRequest<CreateInventoryResult>(CreateInventoryRequest, { folderUri: folder.uri.toString() });
  const target = vscode.Uri.parse(result.uri);
  try {
    await vscode.workspace.fs.stat(target);
    // Never overwrite: show the proposal beside the existing file instead.
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: result.text });
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage(
      `Homelab: ${vscode.workspace.asRelativePath(target)} already exists; the inventory made from the profiles is shown in a new editor instead.`,
    );
    return;
  } catch {
    // The file does not exist: create it.
  }
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { ignoreIfExists: true });
  edit.insert(target, new vscode.Position(0, 0), result.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Homelab: could not create ${target.fsPath}.`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  await doc.save();
  await vscode.window.showTextDocument(doc);
  void vscode.window.showInformationMessage(
    `Homelab: created ${vscode.workspace.asRelativePath(target)} with ${result.containers} containers from the profiles. Complete hosts and services.`,
  );
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Homelab: open a folder first.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the inventory in which folder?' });
}
