// What every protocol handler shares: the workspace model, line indexes for
// conversions, the connection, and the client's relevant capabilities/options.
import type { Connection } from 'vscode-languageserver/node';
import type { Workspace } from '../model/workspace';
import type { LineIndexes } from './convert';

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
  /** The client resolves a completion item's documentation lazily (`completionItem/resolve`). */
  lazyCompletionDocs: boolean;
}
