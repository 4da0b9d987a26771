// Conversions between our plain data (offsets, severities, rule ids) and LSP
// types. The one place that knows both sides.
import {
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  Position,
  Range,
} from 'vscode-languageserver/node';
import type { Diagnostic, Severity } from '../checks/types';
import { LineIndex } from '../syntax/lineIndex';
import type { Span } from '../syntax/value';
import type { Workspace } from '../model/workspace';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Line indexes per document text, so repeated conversions do not rescan. */
export class LineIndexes {
  private readonly cache = new Map<string, { text: string; index: LineIndex }>();

  constructor(private readonly workspace: Workspace) {}

  get(uri: string): LineIndex {
    const text = this.workspace.text(uri) ?? '';
    const cached = this.cache.get(uri);
    if (cached && cached.text === text) return cached.index;
    const index = new LineIndex(text);
    this.cache.set(uri, { text, index });
    return index;
  }

  range(uri: string, span: Span): Range {
    return this.get(uri).rangeOf(span);
  }

  offset(uri: string, position: Position): number {
    return this.get(uri).offsetAt(position);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

export function toLspDiagnostic(d: Diagnostic, lines: LineIndexes): LspDiagnostic {
  const diagnostic: LspDiagnostic = {
    range: lines.range(d.uri, d.span),
    severity: severities[d.severity],
    code: d.rule,
    source: 'homelab',
    message: d.message,
  };
  if (d.rule === 'unused-setting' || d.rule === 'nix-unused-binding') diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (d.rule === 'deprecated-setting') diagnostic.tags = [DiagnosticTag.Deprecated];
  if (d.related?.length) {
    diagnostic.relatedInformation = d.related.map((r) => ({
      location: { uri: r.uri, range: lines.range(r.uri, r.span) },
      message: r.message,
    }));
  }
  if (d.data !== undefined) diagnostic.data = { rule: d.rule, ...(typeof d.data === 'object' && d.data !== null ? d.data : { value: d.data }) };
  return diagnostic;
}
