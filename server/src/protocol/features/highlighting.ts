// Semantic tokens (full document) and inlay hints (only when the user enabled
// them) over the features' plain spans.
import { InlayHint as LspInlayHint, SemanticTokensBuilder } from 'vscode-languageserver/node';
import { inlayHints } from '../../features/inlayHints';
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../features/semanticTokens';
import type { ServerContext } from '../context';

export const semanticLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export function registerHighlighting(ctx: ServerContext): void {
  ctx.connection.languages.semanticTokens.on((params, token) => {
    const uri = params.textDocument.uri;
    const builder = new SemanticTokensBuilder();
    const text = ctx.workspace.text(uri);
    if (text === undefined) return builder.build();
    const lines = ctx.lines.get(uri);
    for (const t of semanticTokens(ctx.workspace, uri, () => token.isCancellationRequested)) {
      const type = TOKEN_TYPES.indexOf(t.type);
      const mods = t.modifiers.reduce((m, x) => m | (1 << TOKEN_MODIFIERS.indexOf(x)), 0);
      // LSP tokens do not span lines: one token per line of the span.
      let start = t.span.start;
      while (start < t.span.end) {
        const nl = text.indexOf('\n', start);
        const end = nl < 0 || nl >= t.span.end ? t.span.end : nl;
        if (end > start) {
          const p = lines.positionAt(start);
          builder.push(p.line, p.character, end - start, type, mods);
        }
        start = end + 1;
      }
    }
    return builder.build();
  });

  ctx.connection.languages.inlayHint.on((params): LspInlayHint[] | null => {
    if (!ctx.inlayHints) return [];
    const uri = params.textDocument.uri;
    if (ctx.workspace.text(uri) === undefined) return null;
    const span = { start: ctx.lines.offset(uri, params.range.start), end: ctx.lines.offset(uri, params.range.end) };
    return inlayHints(ctx.workspace, uri, span).map((h) => ({ position: ctx.lines.get(uri).positionAt(h.offset), label: h.label, tooltip: h.tooltip, paddingLeft: false }));
  });
}
