// textDocument/completion over the features' completion front door.
import { CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import { completion } from '../../features/completion';
import type { ServerContext } from '../context';
import { completionKinds, insertedText, range, textEdit } from './lspConvert';

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion((params, token): CompletionList | null => {
    const uri = params.textDocument.uri;
    if (ctx.workspace.text(uri) === undefined) return null;
    const offset = ctx.lines.offset(uri, params.position);
    // A space only opens completion where a value starts (`key = `, `[ `, `key: `, `- `), not in indentation.
    if (params.context?.triggerCharacter === ' ') {
      const line = ctx.lines.get(uri).lineText(params.position.line).slice(0, params.position.character);
      if (!/(=|\[|:|^\s*-)\s$/.test(line)) return null;
    }
    const items = completion(ctx.workspace, uri, offset, () => token.isCancellationRequested);
    if (token.isCancellationRequested) return null;
    return {
      isIncomplete: false,
      items: items.map((i): CompletionItem => {
        const out: CompletionItem = {
          label: i.label,
          kind: completionKinds[i.kind],
          detail: i.detail,
          sortText: i.sortText,
          filterText: i.filterText,
          textEdit: { range: range(ctx, uri, i.replace), newText: insertedText(ctx, uri, i.insertText) },
          insertTextFormat: i.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        };
        if (i.documentation) out.documentation = { kind: MarkupKind.Markdown, value: i.documentation };
        if (i.deprecated) out.tags = [CompletionItemTag.Deprecated];
        if (i.preselect) out.preselect = true;
        const extra = i.additionalEdits?.filter((e) => e.uri === uri) ?? [];
        if (extra.length) out.additionalTextEdits = extra.map((e) => textEdit(ctx, uri, e.edit));
        return out;
      }),
    };
  });
}
