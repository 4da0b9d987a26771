// textDocument/codeAction: quick fixes for our diagnostics (rule in `code`,
// hints in `data`), converted from the features' plain edits.
import { CodeActionKind, type CodeAction as LspCodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic } from '../../checks/types';
import { toLspDiagnostic } from '../convert';
import { codeActions, type DiagnosticInput } from '../../features/codeActions';
import type { ServerContext } from '../context';
import { workspaceEdit } from './lspConvert';

/** JSON with object keys sorted: a client may send `data` back with its keys in another order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v as Record<string, unknown>)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/**
 * The published finding a client's diagnostic stands for: same rule, message
 * and data, the nearest one by line when the same problem is found twice.
 */
function ownFinding(ctx: ServerContext, uri: string, published: readonly Diagnostic[], d: LspDiagnostic): Diagnostic | undefined {
  const message = typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
  const data = canonical(d.data ?? null);
  const same = published.filter((f) => f.rule === d.code && f.message === message && canonical(toLspDiagnostic(f, ctx.lines).data ?? null) === data);
  if (same.length <= 1) return same[0];
  const line = d.range.start.line;
  const distance = (f: Diagnostic): number => Math.abs(ctx.lines.range(uri, f.span).start.line - line);
  return same.reduce((best, f) => (distance(f) < distance(best) ? f : best));
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params, token): LspCodeAction[] | null => {
    const uri = params.textDocument.uri;
    if (ctx.workspace.text(uri) === undefined) return null;
    const ours = params.context.diagnostics.filter((d) => d.source === 'homelab' || typeof d.code === 'string');
    const published = ctx.publishedFindings(uri);
    const inputs: DiagnosticInput[] = ours.map((d) => {
      const data = d.data && typeof d.data === 'object' ? (d.data as Record<string, unknown>) : undefined;
      // The span comes from our own finding: a client may echo the range in other units (bytes) or moved.
      const own = ownFinding(ctx, uri, published, d);
      return {
        rule: String(d.code ?? data?.rule ?? ''),
        span: own?.span ?? { start: ctx.lines.offset(uri, d.range.start), end: ctx.lines.offset(uri, d.range.end) },
        message: typeof d.message === 'string' ? d.message : d.message.value,
        data,
        related: d.relatedInformation?.map((r) => ({
          uri: r.location.uri,
          span: { start: ctx.lines.offset(r.location.uri, r.location.range.start), end: ctx.lines.offset(r.location.uri, r.location.range.end) },
        })),
      };
    });
    const range = { start: ctx.lines.offset(uri, params.range.start), end: ctx.lines.offset(uri, params.range.end) };
    const actions = codeActions(ctx.workspace, uri, inputs, range);
    const kindOf = (k: string): string => (k === 'source' ? CodeActionKind.Source : k === 'refactor' ? CodeActionKind.Refactor : CodeActionKind.QuickFix);
    if (token.isCancellationRequested) return null;
    const only = params.context.only;
    return actions
      .filter((a) => !only || only.some((k) => kindOf(a.kind).startsWith(k)))
      .map((a) => ({
      title: a.title,
      kind: kindOf(a.kind),
      diagnostics: a.diagnostic === undefined ? undefined : [ours[a.diagnostic]],
      isPreferred: a.preferred,
      edit: workspaceEdit(ctx, a.edit),
    }));
  });
}
