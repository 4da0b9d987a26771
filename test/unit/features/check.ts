// The in-process feature harness: an inline fixture (files as a record, the
// cursor marked `$0` in one of them), the analysis built in memory, and
// printers that turn a feature's offsets into `file:line:col «text»` so a test
// can write the whole expected answer out beside its fixture.
import { workspaceOf, ROOT } from '../checks/helpers';
import type { Workspace } from '../../../server/src/model/workspace';
import type { HomelabSettings } from '../../../server/src/model/settings';
import type { Span } from '../../../server/src/syntax/value';
import { LineIndex } from '../../../server/src/syntax/lineIndex';

export { ROOT };

/** `$0`, never `|`: Nix pipes (`|>`) and YAML block scalars use the bar. */
const CURSOR = '$0';

export interface Fixture {
  ws: Workspace;
  /** URI of the file that held the cursor. */
  uri: string;
  /** Cursor offset in that file, with the marker removed. */
  offset: number;
  /** The text of a fixture file (by relative path), marker removed. */
  text(file: string): string;
}

/** Builds the workspace; at most one file carries one `$0` (without one, the cursor is -1 in the first file). */
export function fixture(files: Record<string, string>, settings?: Partial<HomelabSettings>): Fixture {
  const clean: Record<string, string> = {};
  let uri: string | undefined;
  let offset = -1;
  for (const [file, text] of Object.entries(files)) {
    const at = text.indexOf(CURSOR);
    if (at >= 0) {
      if (uri !== undefined || text.indexOf(CURSOR, at + 1) >= 0) throw new Error('fixture: more than one $0');
      uri = `${ROOT}/${file}`;
      offset = at;
      clean[file] = text.slice(0, at) + text.slice(at + CURSOR.length);
    } else clean[file] = text;
  }
  const ws = workspaceOf(clean, settings);
  return {
    ws,
    uri: uri ?? `${ROOT}/${Object.keys(files)[0]}`,
    offset,
    text: (file) => {
      const t = clean[file];
      if (t === undefined) throw new Error(`fixture: no file ${file}`);
      return t;
    },
  };
}

/** A URI relative to the fixture's root. */
export function rel(uri: string): string {
  return uri.startsWith(`${ROOT}/`) ? uri.slice(ROOT.length + 1) : uri;
}

/** `line:col` (1-based) of an offset in `text`. */
export function pos(text: string, offset: number): string {
  const p = new LineIndex(text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

/** `file:line:col «covered text»` for a span of a workspace file. */
export function place(ws: Workspace, uri: string, span: Span): string {
  const text = ws.text(uri) ?? '';
  return `${rel(uri)}:${pos(text, span.start)} «${text.slice(span.start, span.end)}»`;
}

/** The covered text of a span in one text (for answers inside the cursor's file). */
export function covered(text: string, span: Span): string {
  return `${pos(text, span.start)} «${text.slice(span.start, span.end)}»`;
}

/**
 * A completion list, best first (by sortText, as editors sort), one line per
 * item: `label [kind] detail → insertText @ line:col «replaced»`, then `+ preselect`
 * and `+ file:line:col «» ← text` for further edits.
 */
export function completionLines(
  ws: Workspace,
  uri: string,
  items: { label: string; kind: string; detail?: string; insertText: string; replace: Span; sortText: string; preselect?: boolean; additionalEdits?: { uri: string; edit: { span: Span; newText: string } }[] }[],
): string[] {
  const text = ws.text(uri) ?? '';
  return [...items]
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0))
    .map((c) => {
      let line = `${c.label} [${c.kind}]${c.detail ? ` ${c.detail}` : ''} → ${JSON.stringify(c.insertText)} @ ${covered(text, c.replace)}`;
      if (c.preselect) line += ' + preselect';
      for (const a of c.additionalEdits ?? []) line += ` + ${place(ws, a.uri, a.edit.span)} ← ${JSON.stringify(a.edit.newText)}`;
      return line;
    });
}
