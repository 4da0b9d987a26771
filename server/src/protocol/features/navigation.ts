// hover, definition, references, document/workspace symbols and rename over
// the features' front doors.
import { MarkupKind, ResponseError, ErrorCodes, type DocumentSymbol as LspDocumentSymbol, type Location as LspLocation, type SymbolInformation } from 'vscode-languageserver/node';
import { definition } from '../../features/definition';
import { hover } from '../../features/hover';
import { markdownToPlainText } from '../../features/plainText';
import { references } from '../../features/references';
import { prepareRename, rename } from '../../features/rename';
import { documentSymbols, workspaceSymbols } from '../../features/symbols';
import type { DocumentSymbol, Location } from '../../features/types';
import type { ServerContext } from '../context';
import { range, symbolKinds, workspaceEdit } from './lspConvert';

function location(ctx: ServerContext, l: Location): LspLocation {
  return { uri: l.uri, range: range(ctx, l.uri, l.span) };
}

export function registerNavigation(ctx: ServerContext): void {
  const { connection, workspace: ws } = ctx;
  const has = (uri: string): boolean => ws.text(uri) !== undefined;

  connection.onHover((params) => {
    const uri = params.textDocument.uri;
    if (!has(uri)) return null;
    const r = hover(ws, uri, ctx.lines.offset(uri, params.position));
    if (!r) return null;
    const contents = ctx.plainTextHover ? { kind: MarkupKind.PlainText, value: markdownToPlainText(r.contents) } : { kind: MarkupKind.Markdown, value: r.contents };
    return { contents, range: range(ctx, uri, r.span) };
  });

  connection.onDefinition((params) => {
    const uri = params.textDocument.uri;
    if (!has(uri)) return null;
    return definition(ws, uri, ctx.lines.offset(uri, params.position)).map((l) => location(ctx, l));
  });

  connection.onReferences((params, token) => {
    const uri = params.textDocument.uri;
    if (!has(uri)) return null;
    const list = references(ws, uri, ctx.lines.offset(uri, params.position), params.context.includeDeclaration, () => token.isCancellationRequested);
    return token.isCancellationRequested ? null : list.map((l) => location(ctx, l));
  });

  connection.onDocumentSymbol((params) => {
    const uri = params.textDocument.uri;
    if (!has(uri)) return null;
    const conv = (s: DocumentSymbol): LspDocumentSymbol => ({
      name: s.name,
      detail: s.detail,
      kind: symbolKinds[s.kind],
      range: range(ctx, uri, s.span),
      selectionRange: range(ctx, uri, s.selection),
      children: s.children.map(conv),
    });
    return documentSymbols(ws, uri).map(conv);
  });

  connection.onWorkspaceSymbol((params, token): SymbolInformation[] | null => {
    const list = workspaceSymbols(ws, params.query);
    if (token.isCancellationRequested) return null;
    return list.map((s) => ({ name: s.name, kind: symbolKinds[s.kind], containerName: s.container, location: location(ctx, s.location) }));
  });

  connection.onPrepareRename((params) => {
    const uri = params.textDocument.uri;
    if (!has(uri)) return null;
    const r = prepareRename(ws, uri, ctx.lines.offset(uri, params.position));
    if (!r) return null; // nothing here can be renamed
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return { range: range(ctx, uri, r.span), placeholder: r.placeholder };
  });

  connection.onRenameRequest((params) => {
    const uri = params.textDocument.uri;
    if (!has(uri)) return null;
    const r = rename(ws, uri, ctx.lines.offset(uri, params.position), params.newName);
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return workspaceEdit(ctx, r);
  });
}
