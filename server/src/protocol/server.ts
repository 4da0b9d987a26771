// The LSP wiring: the only place that knows the protocol. Documents and file
// events flow into the workspace model; diagnostics flow out through the
// publisher; feature requests are converted to plain positions, answered by
// the features layer, and converted back (protocol/features/).
import {
  Connection,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ServerCapabilities,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeFsHost } from '../model/host';
import { Workspace } from '../model/workspace';
import { LineIndexes } from './convert';
import type { ServerContext } from './context';
import { refreshConfiguration } from './configuration';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { registerCustomRequests } from './customRequests';
import { TopologyChangedNotification } from './customMessages';
import { registerFeatureHandlers } from './features/register';

export const SERVER_NAME = 'homelab-profiles';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(nodeFsHost());
  const ctx: ServerContext = {
    connection,
    workspace,
    lines: new LineIndexes(workspace),
    nixIdeInstalled: false,
    inlayHints: false,
    nixDiagnostics: new Map(),
    lazyCompletionDocs: false,
  };
  const diagnostics = new DiagnosticsPublisher(ctx);
  let supportsConfiguration = false;
  let supportsProgress = false;
  let supportsWorkspaceFolders = false;
  let topologyGeneration = -1;

  const featureCapabilities: ServerCapabilities = registerFeatureHandlers(ctx);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    supportsConfiguration = params.capabilities.workspace?.configuration === true;
    supportsProgress = params.capabilities.window?.workDoneProgress === true;
    supportsWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    const options = (params.initializationOptions ?? {}) as { nixIdeInstalled?: boolean };
    ctx.nixIdeInstalled = options.nixIdeInstalled === true;
    ctx.lazyCompletionDocs = params.capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    for (const uri of folders) workspace.addFolder(uri);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...featureCapabilities,
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (supportsWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const f of event.removed) workspace.removeFolder(f.uri);
        for (const f of event.added) workspace.addFolder(f.uri);
        void refreshConfiguration(ctx, supportsConfiguration).then(() => afterChange());
      });
    }
    const progress = supportsProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Homelab', 0, 'Reading the homelab…');
    await refreshConfiguration(ctx, supportsConfiguration);
    progress?.report(50, 'Checking inventory and profiles…');
    diagnostics.fullCheckNow();
    progress?.done();
    notifyTopology();
  });

  /** The tree refreshes when the model changed; the notification carries no data. */
  function notifyTopology(): void {
    if (workspace.generation === topologyGeneration) return;
    topologyGeneration = workspace.generation;
    void connection.sendNotification(TopologyChangedNotification, {});
  }

  let topologyTimer: NodeJS.Timeout | undefined;
  function afterChange(uri?: string): void {
    if (uri) diagnostics.documentChanged(uri);
    else diagnostics.scheduleFullCheck();
    if (topologyTimer) clearTimeout(topologyTimer);
    topologyTimer = setTimeout(notifyTopology, 500);
  }

  documents.onDidOpen((e) => {
    workspace.setDocument(e.document.uri, e.document.getText(), e.document.version);
    afterChange(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    workspace.setDocument(e.document.uri, e.document.getText(), e.document.version);
    ctx.lines.forget(e.document.uri);
    afterChange(e.document.uri);
  });
  documents.onDidClose((e) => {
    workspace.closeDocument(e.document.uri);
    ctx.lines.forget(e.document.uri);
    afterChange();
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (documents.get(change.uri)) continue; // the open document is the truth
      const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      workspace.fileChanged(change.uri, kind);
      ctx.lines.forget(change.uri);
    }
    afterChange();
  });
  connection.onDidChangeConfiguration(async () => {
    await refreshConfiguration(ctx, supportsConfiguration);
    afterChange();
  });

  registerCustomRequests(ctx, diagnostics);
  documents.listen(connection);
  connection.listen();
}
