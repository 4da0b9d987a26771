// Test helpers: an in-memory homelab, checked with the real model and rules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkAll } from '../../../server/src/checks/run';
import type { Diagnostic } from '../../../server/src/checks/types';
import { memoryHost } from '../memoryHost';
import type { HomelabSettings } from '../../../server/src/model/settings';
import { Workspace } from '../../../server/src/model/workspace';
import { LineIndex } from '../../../server/src/syntax/lineIndex';

export const ROOT = 'file:///mem';

export interface Found {
  rule: string;
  file: string;
  line: number; // 1-based
  message: string;
  severity: string;
  d: Diagnostic;
}

export function workspaceOf(files: Record<string, string>, settings?: Partial<HomelabSettings>): Workspace {
  const ws = new Workspace(memoryHost(files, ROOT));
  ws.addFolder(ROOT, settings);
  return ws;
}

export function check(files: Record<string, string>, settings?: Partial<HomelabSettings>): Found[] {
  const ws = workspaceOf(files, settings);
  return flatten(ws, checkAll(ws));
}

export function flatten(ws: Workspace, all: Map<string, Diagnostic[]>): Found[] {
  const out: Found[] = [];
  for (const [uri, list] of all) {
    const lines = new LineIndex(ws.text(uri) ?? '');
    for (const d of list)
      out.push({ rule: d.rule, file: uri.slice(ROOT.length + 1), line: lines.positionAt(d.span.start).line + 1, message: d.message, severity: d.severity, d });
  }
  return out;
}

/** Replaces one occurrence (which must exist) of `from` by `to`. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not found`);
  return text.replace(from, to);
}

export function summary(found: Found[]): string {
  return found.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`).join('\n');
}

/** Every file under `root`, by path relative to it (with `/`), as text. */
export function loadTree(root: string, encoding: BufferEncoding = 'utf8'): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p).split('\\').join('/')] = readFileSync(p, encoding);
    }
  };
  walk(root);
  return out;
}
