// textDocument/completion over the features' completion front door. Where
// the client resolves items lazily (VS Code does), the documentation of the
// hundreds of settings is left out of the list and sent by completionItem/resolve
// for the item the user looks at: the list is a third of the size.
import { CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import { completion } from '../../features/completion';
import type { ServerContext } from '../context';
import { completionKinds, insertedText, range, textEdit } from './lspConvert';
import { fromWordStart, snippetToPlainText } from './completionCompat';

/** The documentation of the items of the newest completion list, by item index. */
let lastList = { id: 0, docs: [] as (string | undefined)[] };

interface ItemData {
  homelabCompletion: number;
  index: number;
}

function isItemData(d: unknown): d is ItemData {
  return typeof d === 'object' && d !== null && typeof (d as ItemData).homelabCompletion === 'number' && typeof (d as ItemData).index === 'number';
}

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletionResolve((item): CompletionItem => {
    const d: unknown = item.data;
    // An item of an older list: its documentation is gone, the item stays as it was.
    if (!isItemData(d) || d.homelabCompletion !== lastList.id) return item;
    const doc = lastList.docs[d.index];
    return doc ? { ...item, documentation: { kind: MarkupKind.Markdown, value: doc } } : item;
  });
  ctx.connection.onCompletion((params, token): CompletionList | null => {
    const uri = params.textDocument.uri;
    const text = ctx.workspace.text(uri);
    if (text === undefined) return null;
    const offset = ctx.lines.offset(uri, params.position);
    // A space only opens completion where a value starts (`key = `, `[ `, `key: `, `- `), not in indentation.
    if (params.context?.triggerCharacter === ' ') {
      const line = ctx.lines.get(uri).lineText(params.position.line).slice(0, params.position.character);
      if (!/(=|\[|:|^\s*-)\s$/.test(line)) return null;
    }
    let items = completion(ctx.workspace, uri, offset, () => token.isCancellationRequested);
    if (token.isCancellationRequested) return null;
    // Addresses after a typed prefix (`192.168.8.`): every item of the list edits from the same
    // column, the client's word start. One that does not continue what was typed (another
    // network's address) would be edited from the value's start instead, and a client that
    // takes the common start of the edits (Neovim 0.7's omnifunc) would then filter every
    // item away or double the prefix: such items are left out, as the typed text rules them out.
    const narrowed = new Set(items.filter((i) => i.kind === 'address' && !i.snippet && fromWordStart(text, i.replace.start, i.replace.end, offset, i.insertText)));
    if (narrowed.size > 0) items = items.filter((i) => i.kind !== 'address' || i.snippet || narrowed.has(i));
    const listId = lastList.id + 1;
    if (ctx.lazyCompletionDocs) lastList = { id: listId, docs: items.map((i) => i.documentation) };
    return {
      isIncomplete: false,
      items: items.map((i, index): CompletionItem => {
        const snippet = i.snippet && ctx.snippetSupport;
        let newText = i.snippet && !snippet ? snippetToPlainText(i.insertText) : i.insertText;
        let replace = i.replace;
        let filterText = i.filterText;
        if (i.kind === 'address' && !i.snippet) {
          const narrow = fromWordStart(text, i.replace.start, i.replace.end, offset, newText);
          if (narrow) {
            replace = { start: narrow.start, end: i.replace.end };
            newText = narrow.newText;
            filterText = narrow.newText;
          }
        }
        const out: CompletionItem = {
          label: i.label,
          kind: completionKinds[i.kind],
          detail: i.detail,
          sortText: i.sortText,
          filterText,
          textEdit: { range: range(ctx, uri, replace), newText: insertedText(ctx, uri, newText) },
          insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        };
        if (i.documentation && ctx.lazyCompletionDocs) out.data = { homelabCompletion: listId, index } satisfies ItemData;
        else if (i.documentation) out.documentation = { kind: MarkupKind.Markdown, value: i.documentation };
        if (i.deprecated) out.tags = [CompletionItemTag.Deprecated];
        if (i.preselect) out.preselect = true;
        const extra = i.additionalEdits?.filter((e) => e.uri === uri) ?? [];
        if (extra.length) out.additionalTextEdits = extra.map((e) => textEdit(ctx, uri, e.edit));
        return out;
      }),
    };
  });
}
