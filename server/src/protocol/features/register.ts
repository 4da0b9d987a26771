// Registers the editing features (completion, hover, navigation, code actions,
// symbols, semantic tokens, inlay hints) on the connection and returns the
// capabilities they add. Each feature's LSP conversion lives beside it here;
// the answers come from server/src/features.
import { CodeActionKind, type ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { registerCodeActions } from './codeActions';
import { registerCompletion } from './completion';
import { registerHighlighting, semanticLegend } from './highlighting';
import { registerNavigation } from './navigation';

export function registerFeatureHandlers(ctx: ServerContext): ServerCapabilities {
  registerCompletion(ctx);
  registerNavigation(ctx);
  registerCodeActions(ctx);
  registerHighlighting(ctx);
  return {
    completionProvider: { triggerCharacters: ['"', '.', '/', ' ', '['], resolveProvider: true },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    renameProvider: { prepareProvider: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source, CodeActionKind.Refactor] },
    semanticTokensProvider: { legend: semanticLegend, full: true, range: false },
    inlayHintProvider: true,
  };
}
