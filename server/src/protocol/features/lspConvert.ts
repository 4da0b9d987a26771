// Conversions from the features' plain results (offsets, our kinds) to LSP
// objects, shared by the feature handlers.
import {
  CompletionItemKind,
  SymbolKind as LspSymbolKind,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit as LspWorkspaceEdit,
} from 'vscode-languageserver/node';
import type { CompletionKind, SymbolKind, TextEdit, WorkspaceEdit } from '../../features/types';
import type { ServerContext } from '../context';
import type { Span } from '../../syntax/value';
import { eolOf, withEol } from '../../syntax/lineIndex';

export function range(ctx: ServerContext, uri: string, span: Span): Range {
  return ctx.lines.range(uri, span);
}

/**
 * Text to insert into the document `uri`, its line breaks in the document's own line ending: the
 * features build text with `\n`, and a CRLF file must stay CRLF (edits, snippets and new lines alike).
 */
export function insertedText(ctx: ServerContext, uri: string, text: string): string {
  return text.includes('\n') ? withEol(text, eolOf(ctx.workspace.text(uri))) : text;
}

export function textEdit(ctx: ServerContext, uri: string, e: TextEdit): LspTextEdit {
  return { range: range(ctx, uri, e.span), newText: insertedText(ctx, uri, e.newText) };
}

export function workspaceEdit(ctx: ServerContext, w: WorkspaceEdit): LspWorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [uri, edits] of w.changes) changes[uri] = edits.map((e) => textEdit(ctx, uri, e));
  if (!w.renames?.length && !w.creates?.length) return { changes };
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    documentChanges: [
      ...(w.creates ?? []).flatMap((c) => [
        { kind: 'create' as const, uri: c.uri, options: { overwrite: false, ignoreIfExists: true } },
        { textDocument: { uri: c.uri, version: null }, edits: [{ range: zero, newText: c.text }] },
      ]),
      ...[...w.changes].map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits: edits.map((e) => textEdit(ctx, uri, e)) })),
      ...(w.renames ?? []).map((r) => ({ kind: 'rename' as const, oldUri: r.from, newUri: r.to })),
    ],
  };
}

export const completionKinds: Record<CompletionKind, CompletionItemKind> = {
  setting: CompletionItemKind.Property,
  flag: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  address: CompletionItemKind.Constant,
  service: CompletionItemKind.Module,
  host: CompletionItemKind.Class,
  network: CompletionItemKind.Struct,
  container: CompletionItemKind.Class,
  file: CompletionItemKind.File,
  port: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
  key: CompletionItemKind.Property,
};

export const symbolKinds: Record<SymbolKind, LspSymbolKind> = {
  block: LspSymbolKind.Namespace,
  setting: LspSymbolKind.Property,
  section: LspSymbolKind.Namespace,
  network: LspSymbolKind.Struct,
  host: LspSymbolKind.Class,
  container: LspSymbolKind.Object,
  service: LspSymbolKind.Module,
  key: LspSymbolKind.Field,
};
