// textDocument/completion over the features' completion front door. Where
// the client resolves items lazily (VS Code does), the documentation of the
// hundreds of settings is left out of the list and sent by completionItem/resolve
// for the item the user looks at: the list is a third of the size. Where the
// client also takes item defaults, what the items share is said once in the
// list (completionDefaults.ts): a third of that again.
import { CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import { completion } from '../../features/completion';
import type { CompletionItem as FeatureItem } from '../../features/types';
import type { ServerContext } from '../context';
import { completionKinds, insertedText, range, textEdit } from './lspConvert';
import { fromWordStart, snippetToPlainText } from './completionCompat';
import { listDefaults, takesDefaultSpan, type ItemShape } from './completionDefaults';

/** The items of the newest completion list (their documentation is sent by completionItem/resolve). */
let lastList = { id: 0, items: [] as readonly FeatureItem[] };

/**
 * What an item to resolve carries: its list, and its index there. Where the
 * client takes a default `data` (the list's id alone), items carry none and
 * are found by what they say (label, sort text, detail).
 */
interface ItemData {
  homelabCompletion: number;
  index?: number;
}

/** Two texts of an item as a client echoes them (VS Code's drops an empty one). */
const same = (a: string | undefined, b: string | undefined): boolean => (a || undefined) === (b || undefined);

function isItemData(d: unknown): d is ItemData {
  if (typeof d !== 'object' || d === null || typeof (d as ItemData).homelabCompletion !== 'number') return false;
  const index = (d as ItemData).index;
  return index === undefined || typeof index === 'number';
}

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletionResolve((item): CompletionItem => {
    const d: unknown = item.data;
    // An item of an older list: its documentation is gone, the item stays as it was.
    if (!isItemData(d) || d.homelabCompletion !== lastList.id) return item;
    const doc = (d.index !== undefined ? lastList.items[d.index] : lastList.items.find((i) => i.label === item.label && same(i.sortText, item.sortText) && same(i.detail, item.detail)))?.documentation;
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
    if (ctx.lazyCompletionDocs) lastList = { id: listId, items };
    const shaped = items.map((i) => lspShape(ctx, text, offset, i));
    const defaults = listDefaults(shaped, ctx.completionItemDefaults);
    const defaultData = ctx.lazyCompletionDocs && ctx.completionItemDefaults.data;
    const list: CompletionList = {
      isIncomplete: false,
      items: items.map((i, index): CompletionItem => {
        const { span, format, newText, filterText } = shaped[index];
        const out: CompletionItem = { label: i.label, kind: completionKinds[i.kind], detail: i.detail, sortText: i.sortText, filterText };
        // Where the list says the range (and the format), the item says only its text, and that only when it is not its label.
        if (!takesDefaultSpan(span, defaults)) out.textEdit = { range: range(ctx, uri, span), newText: insertedText(ctx, uri, newText) };
        else if (newText !== i.label) out.textEditText = insertedText(ctx, uri, newText);
        if (format !== defaults.format) out.insertTextFormat = format;
        if (i.documentation && ctx.lazyCompletionDocs) {
          if (!defaultData) out.data = { homelabCompletion: listId, index } satisfies ItemData;
        }
        else if (i.documentation) out.documentation = { kind: MarkupKind.Markdown, value: i.documentation };
        if (i.deprecated) out.tags = [CompletionItemTag.Deprecated];
        if (i.preselect) out.preselect = true;
        const extra = i.additionalEdits?.filter((e) => e.uri === uri) ?? [];
        if (extra.length) out.additionalTextEdits = extra.map((e) => textEdit(ctx, uri, e.edit));
        return out;
      }),
    };
    if (defaults.span || defaults.format !== undefined || defaultData) {
      list.itemDefaults = {};
      if (defaults.span) list.itemDefaults.editRange = range(ctx, uri, defaults.span);
      if (defaults.format !== undefined) list.itemDefaults.insertTextFormat = defaults.format;
      if (defaultData) list.itemDefaults.data = { homelabCompletion: listId } satisfies ItemData;
    }
    return list;
  });
}

/** An item's text, the span it replaces and its format as this client takes them (plain text without snippet support; addresses from the word start). */
function lspShape(ctx: ServerContext, text: string, offset: number, i: FeatureItem): ItemShape & { newText: string; filterText?: string } {
  const snippet = i.snippet === true && ctx.snippetSupport;
  let newText = i.snippet && !snippet ? snippetToPlainText(i.insertText) : i.insertText;
  let span = i.replace;
  let filterText = i.filterText;
  if (i.kind === 'address' && !i.snippet) {
    const narrow = fromWordStart(text, i.replace.start, i.replace.end, offset, newText);
    if (narrow) {
      span = { start: narrow.start, end: i.replace.end };
      newText = narrow.newText;
      filterText = narrow.newText;
    }
  }
  return { span, format: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText, newText, filterText };
}
