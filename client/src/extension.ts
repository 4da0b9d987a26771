// Entry point of the VS Code extension: starts the language server and wires
// the commands and the container tree. Activation does no heavy work here:
// everything about the homelab is computed by the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';
import { registerCommands } from './commands';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activationStarted = Date.now();
  const output = vscode.window.createOutputChannel('Homelab Profiles', { log: true });
  context.subscriptions.push(output);

  client = createLanguageClient(context, output);
  registerCommands(context, { client, output });

  // The client starts in the background so activation returns at once.
  client.start().catch((error: unknown) => {
    output.appendLine(`The Homelab language server could not start: ${String(error)}`);
    void vscode.window.showErrorMessage('Homelab Profiles: the language server could not start. See the Homelab Profiles output.');
  });
  output.appendLine(`Homelab Profiles activated in ${Date.now() - activationStarted} ms`);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
