// Registers the editing features (completion, hover, navigation, code actions,
// symbols, semantic tokens, inlay hints) on the connection and returns the
// capabilities they add. Each feature's LSP conversion lives beside it here;
// the answers come from server/src/features.
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { registerCompletion } from './completion';

export function registerFeatureHandlers(ctx: ServerContext): ServerCapabilities {
  registerCompletion(ctx);
  return {
    completionProvider: { triggerCharacters: ['"', '.', '/', ' ', '-', '['], resolveProvider: false },
  };
}
