// Starts the bundled language server (dist/server.js) over stdio for Nix files
// and the inventory. The library restarts the server after a crash (up to five
// times in three minutes) and tells the user when it gives up.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { WATCHED_GLOBS } from '../../server/src/protocol/watchedFiles';
import { SERVER_NODE_FLAGS } from '../../server/src/protocol/serverNodeFlags';
import { settings } from './settings';
import { workspaceTrusted } from './trust';

export const NIX_IDE_EXTENSION_ID = 'jnoortheen.nix-ide';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // V8's heap flags (serverNodeFlags.ts): set when the process starts, or not at all.
    run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'nix' },
      { scheme: 'untitled', language: 'nix' },
      { scheme: 'file', language: 'yaml', pattern: '**/homelab.{yaml,yml}' },
      ...customInventorySelectors(),
    ],
    synchronize: {
      // Closed files matter too: a profile imports the base, the inventory names profiles.
      // The server's own list (the same module), so a file the model reads is never missed here.
      fileEvents: WATCHED_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
      configurationSection: 'homelab',
    },
    initializationOptions: {
      // This client sends file events itself (synchronize.fileEvents): the server neither registers nor watches.
      watchesFiles: true,
      nixIdeInstalled: vscode.extensions.getExtension(NIX_IDE_EXTENSION_ID) !== undefined,
      // The server runs `nix eval` (homelab.nix.evaluate) only in a trusted workspace; a grant later is sent as a notification.
      workspaceTrusted: workspaceTrusted(),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('homelab', 'Homelab Profiles', serverOptions, clientOptions);
}

/** An inventory at a custom path (setting `homelab.inventory`) gets the server too. */
function customInventorySelectors(): { scheme: string; language: string; pattern: string }[] {
  const selectors: { scheme: string; language: string; pattern: string }[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const custom = settings(folder.uri).inventory;
    if (custom) {
      selectors.push({ scheme: 'file', language: 'yaml', pattern: path.join(folder.uri.fsPath, custom) });
    }
  }
  return selectors;
}
