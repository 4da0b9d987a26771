// The LSP wiring: the only place that knows the protocol. Requests enter here,
// are converted to plain positions, answered by the model/checks/features
// layers, and converted back.
import {
  Connection,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER_NAME = 'homelab-profiles';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize((_params: InitializeParams): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
    },
    serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
  }));

  documents.listen(connection);
  connection.listen();
}
