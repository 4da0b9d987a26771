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
} from 'vscode-languageserver/node';
import { nodeFsHost } from '../model/host';
import { Workspace } from '../model/workspace';
import { forgetSharedParses } from '../syntax/nix/parseCache';
import { LineIndexes } from './convert';
import type { EditRegion } from '../checks';
import type { ServerContext } from './context';
import { initialSettings, refreshConfiguration } from './configuration';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { registerCustomRequests } from './customRequests';
import { WorkspaceTrustNotification } from './customMessages';
import { OpenDocuments } from './openDocuments';
import { TopologyNotifier } from './topologyNotifier';
import { afterQueuedMessages } from './queuedMessages';
import { NixEvalService } from './nixEvalService';
import { registerFeatureHandlers } from './features/register';
import { FolderWatcher } from './folderWatcher';
import { OptionIndexService } from './optionIndexService';
import { registerProxmoxLiveState } from './proxmoxLiveService';
import { pathToUri, uriToPath } from '../model/uri';
import { WATCHED_GLOBS } from './watchedFiles';
import { saveCodeCache } from './codeCache';
import { InputFlow } from './inputFlow';
import { itemDefaultsSupport } from './features/completionDefaults';


export const SERVER_NAME = 'homelab-profiles';
export const SERVER_VERSION = '0.1.0';

/** `input`: what the client sent and the server has not handled yet (inputFlow.ts); its strategy must be the connection's. */
export function startServer(connection: Connection, input = new InputFlow()): void {
  const workspace = new Workspace(nodeFsHost());
  workspace.logInternalError = (what, error) => connection.console.error(`homelab: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const ctx: ServerContext = {
    connection,
    workspace,
    lines: new LineIndexes(workspace),
    nixIdeInstalled: false,
    inlayHints: false,
    nixDiagnostics: new Map(),
    nixEvaluate: new Map(),
    lazyCompletionDocs: false,
    snippetSupport: true,
    completionItemDefaults: itemDefaultsSupport(undefined),
    publishedFindings: () => [],
  };
  const diagnostics = new DiagnosticsPublisher(ctx, undefined, input);
  ctx.publishedFindings = (uri) => diagnostics.findings(uri);
  const topologies = new TopologyNotifier(ctx);
  const optionIndexes = new OptionIndexService(ctx, () => afterChange());
  const nixEval = new NixEvalService(ctx, () => afterChange(), nixEvalDelay());
  let supportsConfiguration = false;
  let supportsProgress = false;
  let supportsWorkspaceFolders = false;
  let watchMode: 'client' | 'register' | 'server' = 'server';
  let workspaceTrusted = false;

  const featureCapabilities: ServerCapabilities = registerFeatureHandlers(ctx);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    supportsConfiguration = params.capabilities.workspace?.configuration === true;
    supportsProgress = params.capabilities.window?.workDoneProgress === true;
    supportsWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    const options = (params.initializationOptions ?? {}) as { nixIdeInstalled?: boolean; watchesFiles?: boolean; watchFiles?: unknown; workspaceTrusted?: boolean };
    // `watchFiles: "server"` (for clients whose watcher misses files replaced by a rename) wins over what the client offers.
    watchMode =
      options.watchFiles === 'server'
        ? 'server'
        : options.watchesFiles === true
          ? 'client'
          : params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
            ? 'register'
            : 'server';
    ctx.nixIdeInstalled = options.nixIdeInstalled === true;
    workspaceTrusted = options.workspaceTrusted === true;
    ctx.initialSettings = initialSettings(params.initializationOptions);
    ctx.lazyCompletionDocs = params.capabilities.textDocument?.completion?.completionItem?.resolveSupport?.properties.includes('documentation') === true;
    ctx.snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    ctx.completionItemDefaults = itemDefaultsSupport(params.capabilities.textDocument?.completion?.completionList?.itemDefaults);
    // The first format is the client's preference (LSP); a client that lists no Markdown gets plain text too.
    const hoverFormats = params.capabilities.textDocument?.hover?.contentFormat;
    ctx.plainTextHover = Array.isArray(hoverFormats) && hoverFormats.length > 0 && (hoverFormats[0] === 'plaintext' || !hoverFormats.includes('markdown'));
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
        void refreshConfiguration(ctx, supportsConfiguration).then(() => {
          nixEval.settingsChanged();
          afterChange();
        });
        void watchFiles();
      });
    }
    // A client that fails the progress request still gets its settings read and its topology answered.
    const progress = supportsProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Homelab', 0, 'Reading the homelab…');
    await refreshConfiguration(ctx, supportsConfiguration);
    topologies.settingsRead();
    progress?.report(50, 'Checking inventory and profiles…');
    // A tree answered names first gets the built topology as soon as the homelabs are, before the rules run.
    diagnostics.whenBuilt = () => {
      forgetSharedParses();
      topologies.startupDone();
      notifyTopology();
    };
    await diagnostics.startupCheck();
    diagnostics.whenBuilt = undefined;
    forgetSharedParses();
    progress?.done();
    topologies.startupDone();
    notifyTopology();
    saveCodeCache((line) => connection.console.log(line));
    void optionIndexes.refresh(ctx.optionSources ?? []);
    nixEval.setTrusted(workspaceTrusted);
    nixEval.settingsChanged();
    await watchFiles();
  });

  /** The tree refreshes when its content changed (topologyNotifier.ts). */
  function notifyTopology(): void {
    try {
      topologies.notifyIfChanged();
    } catch (error) {
      workspace.logInternalError('building the topology', error);
    }
  }
  let topologyTimer: NodeJS.Timeout | undefined;
  /** A moment after the last change, once the requests that came meanwhile are answered. */
  function notifyTopologySoon(): void {
    if (topologyTimer) clearTimeout(topologyTimer);
    topologyTimer = setTimeout(() => afterQueuedMessages(notifyTopology), 500);
  }

  function afterChange(change?: { uri: string; opened?: boolean; edits?: EditRegion[] }): void {
    if (change?.opened) diagnostics.documentOpened(change.uri);
    else if (change) diagnostics.documentChanged(change.uri, change.edits);
    else diagnostics.scheduleFullCheck();
    notifyTopologySoon();
  }

  const documents = new OpenDocuments({
    opened: (e) => {
      workspace.setDocument(e.uri, e.text, e.version);
      ctx.lines.forget(e.uri);
      afterChange({ uri: e.uri, opened: true });
    },
    changed: (e) => {
      workspace.setDocument(e.uri, e.text, e.version);
      ctx.lines.forget(e.uri);
      afterChange({ uri: e.uri, edits: e.edits });
    },
    closed: (uri) => {
      workspace.closeDocument(uri);
      ctx.lines.forget(uri);
      diagnostics.documentClosed(uri);
      afterChange();
    },
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
      if (documents.has(change.uri)) continue; // the open document is the truth
      workspace.fileChanged(change.uri, change.kind);
      ctx.lines.forget(change.uri);
    }
    maybeRefreshOptions(changes.map((c) => c.uri));
    // A saved .nix file or a new flake.lock: Nix may list other machines (skipped when the tree hashes as before).
    if (changes.some((c) => c.uri.endsWith('.nix') || c.uri.endsWith('/flake.lock'))) nixEval.schedule();
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
  let registered = false;
  async function watchFiles(): Promise<void> {
    // The setting `homelab.watchFiles: "server"` (read after start-up) does what the initialization option does.
    if (ctx.serverWatchesFiles) watchMode = 'server';
    if (watchMode === 'client') return;
    if (watchMode === 'register') {
      if (registered) return;
      try {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
        registered = true;
        return;
      } catch {
        watchMode = 'server';
      }
    }
    for (const root of workspace.folderRoots()) {
      if (folderWatchers.has(root) || !root.startsWith('file:')) continue;
      const ignored = workspace.ignoredFolders(root);
      const w = new FolderWatcher(uriToPath(root), {
        skipFolder: (folder) => ignored(pathToUri(folder)),
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
    nixEval.settingsChanged();
    afterChange();
    void watchFiles();
  });
  connection.onNotification(WorkspaceTrustNotification, (params: unknown) => {
    const trusted = (params as { trusted?: unknown } | undefined)?.trusted;
    if (typeof trusted === 'boolean') nixEval.setTrusted(trusted);
  });

  registerCustomRequests(ctx, diagnostics, topologies);
  registerProxmoxLiveState(ctx, () => afterChange());
  documents.listen(connection);
  connection.listen();
}

/** How long after a change on disk `nix eval` waits (tests shorten it with HOMELAB_NIX_EVAL_DELAY_MS). */
function nixEvalDelay(): number {
  const ms = Number(process.env.HOMELAB_NIX_EVAL_DELAY_MS);
  return Number.isFinite(ms) && ms >= 0 ? ms : 1500;
}
