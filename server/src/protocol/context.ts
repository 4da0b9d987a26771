// What every protocol handler shares: the workspace model, line indexes for
// conversions, the connection, and the client's relevant capabilities/options.
import type { Connection } from 'vscode-languageserver/node';
import type { Workspace } from '../model/workspace';
import type { LineIndexes } from './convert';
import type { Diagnostic } from '../checks/types';
import type { ClientHomelabSection } from './configuration';
import type { ItemDefaultsSupport } from './features/completionDefaults';

export interface ServerContext {
  connection: Connection;
  workspace: Workspace;
  lines: LineIndexes;
  /** True when the client says the Nix IDE extension (nil/nixd) is installed. */
  nixIdeInstalled: boolean;
  /** `homelab.inlayHints.enable` (window-wide). */
  inlayHints: boolean;
  /** `homelab.nixDiagnostics` per folder root URI. */
  nixDiagnostics: Map<string, 'auto' | 'on' | 'off'>;
  /** `homelab.nix.evaluate` per folder root URI (absent: `auto`). */
  nixEvaluate: Map<string, 'auto' | 'off'>;
  /** The client resolves a completion item's documentation lazily (`completionItem/resolve`). */
  lazyCompletionDocs: boolean;
  /** The client declared `snippetSupport` for completion items (else plain text is sent). */
  snippetSupport: boolean;
  /** The completion item defaults the client takes (LSP 3.17 `completionList.itemDefaults`): the list is sent in the smaller shape. */
  completionItemDefaults: ItemDefaultsSupport;
  /** `initializationOptions.settings` (the `homelab` section), for clients without `workspace/configuration`. */
  initialSettings?: ClientHomelabSection;
  /** `homelab.watchFiles` is `server`: the server watches the folders itself, whatever the client offers. */
  serverWatchesFiles?: boolean;
  /** Hover contents in plain text (the client's `hover.contentFormat` puts `plaintext` first or has no `markdown`). */
  plainTextHover?: boolean;
  /** `homelab.options.sources`: extra module trees for the option index. */
  optionSources?: string[];
  /** The findings last published for a document, so a quick fix is built from the server's own finding. */
  publishedFindings(uri: string): readonly Diagnostic[];
}
