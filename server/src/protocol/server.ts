// The LSP wiring: the only place that knows the protocol. Documents and file
// events flow into the workspace model; diagnostics flow out through the
// publisher; feature requests are converted to plain positions, answered by
// the features layer, and converted back (protocol/features/).
import {
  Connection,
  DidChangeWatchedFilesNotification,
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
import { initialSettings, refreshConfiguration } from './configuration';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { registerCustomRequests } from './customRequests';
import { TopologyChangedNotification } from './customMessages';
import { registerFeatureHandlers } from './features/register';
import { FolderWatcher } from './folderWatcher';
import { OptionIndexService } from './optionIndexService';
import { registerProxmoxLiveState } from './proxmoxLiveService';
import { pathToUri, uriToPath } from '../model/uri';

/** What the model reads from disk: Nix files, inventories, settings and schema files, ignore files. */
const WATCHED_GLOBS = ['**/*.nix', '**/*.{yaml,yml}', '**/*.json', '**/.gitignore', '**/flake.lock', '**/deploy-servers*.conf'];

export const SERVER_NAME = 'homelab-profiles';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(nodeFsHost());
  workspace.logInternalError = (what, error) => connection.console.error(`homelab: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const ctx: ServerContext = {
    connection,
    workspace,
    lines: new LineIndexes(workspace),
    nixIdeInstalled: false,
    inlayHints: false,
    nixDiagnostics: new Map(),
    lazyCompletionDocs: false,
    snippetSupport: true,
    publishedFindings: () => [],
  };
  const diagnostics = new DiagnosticsPublisher(ctx);
  ctx.publishedFindings = (uri) => diagnostics.findings(uri);
  const optionIndexes = new OptionIndexService(ctx, () => afterChange());
  let supportsConfiguration = false;
  let supportsProgress = false;
  let supportsWorkspaceFolders = false;
  let topologyGeneration = -1;
  let watchMode: 'client' | 'register' | 'server' = 'server';

  const featureCapabilities: ServerCapabilities = registerFeatureHandlers(ctx);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    supportsConfiguration = params.capabilities.workspace?.configuration === true;
    supportsProgress = params.capabilities.window?.workDoneProgress === true;
    supportsWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    const options = (params.initializationOptions ?? {}) as { nixIdeInstalled?: boolean; watchesFiles?: boolean };
    watchMode = options.watchesFiles === true ? 'client' : params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true ? 'register' : 'server';
    ctx.nixIdeInstalled = options.nixIdeInstalled === true;
    ctx.initialSettings = initialSettings(params.initializationOptions);
    ctx.lazyCompletionDocs = params.capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true;
    ctx.snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
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
        void watchFiles();
      });
    }
    const progress = supportsProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Homelab', 0, 'Reading the homelab…');
    await refreshConfiguration(ctx, supportsConfiguration);
    progress?.report(50, 'Checking inventory and profiles…');
    diagnostics.fullCheckNow();
    progress?.done();
    notifyTopology();
    void optionIndexes.refresh(ctx.optionSources ?? []);
    await watchFiles();
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
  /**
   * A module file that declares options changed on disk, or a flake.lock
   * (`nix flake update` pins other trees): the indexes are refreshed (the
   * cache makes an unchanged tree cheap).
   */
  let optionRefresh: NodeJS.Timeout | undefined;
  function maybeRefreshOptions(uris: string[]): void {
    const declares = uris.some(
      (u) => u.endsWith('/flake.lock') || (u.endsWith('.nix') && /\bmk(Option|EnableOption|PackageOption)\b/.test(workspace.text(u) ?? '')),
    );
    if (!declares) return;
    if (optionRefresh) clearTimeout(optionRefresh);
    optionRefresh = setTimeout(() => void optionIndexes.refresh(ctx.optionSources ?? []), 1500);
  }

  function filesChanged(changes: { uri: string; kind: 'created' | 'changed' | 'deleted' }[]): void {
    for (const change of changes) {
      if (documents.get(change.uri)) continue; // the open document is the truth
      workspace.fileChanged(change.uri, change.kind);
      ctx.lines.forget(change.uri);
    }
    maybeRefreshOptions(changes.map((c) => c.uri));
    afterChange();
  }
  connection.onDidChangeWatchedFiles((params) =>
    filesChanged(
      params.changes.map((c) => ({ uri: c.uri, kind: c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed' })),
    ),
  );

  /**
   * Changes on disk reach the model whatever the client: ours watches files
   * itself (`watchesFiles`); a client that allows it gets a dynamic
   * registration of the globs; for the others the server watches the folders.
   */
  const folderWatchers = new Map<string, FolderWatcher>();
  async function watchFiles(): Promise<void> {
    if (watchMode === 'client') return;
    if (watchMode === 'register') {
      try {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
        return;
      } catch {
        watchMode = 'server';
      }
    }
    for (const root of workspace.folderRoots()) {
      if (folderWatchers.has(root) || !root.startsWith('file:')) continue;
      const w = new FolderWatcher(uriToPath(root), {
        onChanges: (changes) => filesChanged(changes.map((c) => ({ uri: pathToUri(c.path), kind: c.kind }))),
        onOverflow: () => {
          workspace.rescanFolder(root);
          afterChange();
        },
        onError: (message) => connection.console.warn(`homelab: ${message}`),
      });
      if (w.start()) folderWatchers.set(root, w);
    }
    for (const [root, w] of folderWatchers)
      if (!workspace.folderRoots().includes(root)) {
        w.stop();
        folderWatchers.delete(root);
      }
  }
  connection.onShutdown(() => {
    for (const w of folderWatchers.values()) w.stop();
  });
  connection.onDidChangeConfiguration(async () => {
    await refreshConfiguration(ctx, supportsConfiguration);
    void optionIndexes.refresh(ctx.optionSources ?? []);
    afterChange();
  });

  registerCustomRequests(ctx, diagnostics);
  registerProxmoxLiveState(ctx, () => afterChange());
  documents.listen(connection);
  connection.listen();
}
