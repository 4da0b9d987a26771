// Output formats of homelab-check: text lines, a JSON array, SARIF 2.1.0.
import { RULES } from '../checks/registry';
import type { Diagnostic } from '../checks/types';
import { LineIndex, type Range } from '../syntax/lineIndex';

export interface Located {
  /** Path relative to the checked folder, `/` separators. */
  file: string;
  /** Path for humans (relative to the current directory). */
  display: string;
  range: Range;
  d: Diagnostic;
}

export function locate(diags: Map<string, Diagnostic[]>, text: (uri: string) => string | undefined, rel: (uri: string) => string, display: (uri: string) => string): Located[] {
  const out: Located[] = [];
  for (const [uri, list] of diags) {
    const lines = new LineIndex(text(uri) ?? '');
    for (const d of list) out.push({ file: rel(uri), display: display(uri), range: lines.rangeOf(d.span), d });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function formatText(items: Located[]): string[] {
  return items.map((i) => `${i.display}:${i.range.start.line + 1}:${i.range.start.character + 1} ${i.d.severity} ${i.d.rule} ${i.d.message.replace(/\n/g, ' ')}`);
}

export function formatJson(items: Located[]): string {
  return JSON.stringify(
    items.map((i) => ({ file: i.file, range: i.range, severity: i.d.severity, rule: i.d.rule, message: i.d.message })),
    null,
    2,
  );
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(items: Located[], rootUri: string, version: string, relRelated: (uri: string) => string, rangeOf: (uri: string, span: { start: number; end: number }) => Range): string {
  const region = (r: Range) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'homelab-check',
            informationUri: 'https://github.com/homelab-profiles/homelab-profiles/blob/main/docs/rules.md',
            version,
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: `https://github.com/homelab-profiles/homelab-profiles/blob/main/docs/rules.md#${r.id}`,
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        results: items.map((i) => ({
          ruleId: i.d.rule,
          ruleIndex: RULES.findIndex((r) => r.id === i.d.rule),
          level: LEVEL[i.d.severity],
          message: { text: i.d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: i.file, uriBaseId: 'SRCROOT' }, region: region(i.range) } }],
          relatedLocations: (i.d.related ?? []).map((r, k) => ({
            id: k,
            message: { text: r.message },
            physicalLocation: { artifactLocation: { uri: relRelated(r.uri), uriBaseId: 'SRCROOT' }, region: region(rangeOf(r.uri, r.span)) },
          })),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
