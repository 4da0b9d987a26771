// "Nothing is lost": a sweep over every edit the server offers on the example
// homelab and a broken copy of it, in LF and CRLF — the code actions for every
// diagnostic, renames, and completion text edits at many positions. Each edit
// is applied to the text; the edits must be valid and non-overlapping, and the
// change they make (the smallest differing region of the whole file) must not
// drop a comment, must keep the file's line endings and its indentation style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, type LspClient } from '../lsp/lspClient';
import { removeDir, request, startServer, stop, tempHomelab } from './helpers';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface TextEdit {
  range: Range;
  newText: string;
}

/** Breakages that make rules fire (and so offer quick fixes). */
const BREAK: [string, RegExp, string][] = [
  ['profiles/LXC_monitoring-config.nix', /grafanaEnable = true;/, 'grafanaEnabel = true; # misspelt flag\n    hostnme = "x";'],
  ['profiles/LXC_proxy-config.nix', /hostname = "[^"]*";/, 'hostname = 42;'],
  ['profiles/LXC_HOME-config.nix', /ipAddress = "[^"]*";/, 'ipAddress = "192.168.8.300";'],
  ['homelab.yaml', /profile: profiles\/LXC_proxy-config.nix/, 'profile: profiles/LXC_proxxy-config.nix'],
  ['homelab.yaml', /vmid: (\d+)/, 'vmid: 101\n    unknownKey: 1'],
];

function apply(text: string, edits: TextEdit[], label: string): string {
  const doc = TextDocument.create('file:///x', 'x', 1, text);
  const spans = edits.map((e) => {
    const start = doc.offsetAt(e.range.start);
    const end = doc.offsetAt(e.range.end);
    assert.ok(start <= end, `${label}: range start after end ${JSON.stringify(e.range)}`);
    assert.ok(e.range.start.line < doc.lineCount + 1 && e.range.end.line <= doc.lineCount, `${label}: range outside the document ${JSON.stringify(e.range)}`);
    return { start, end, newText: e.newText };
  });
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end <= spans[i].start, `${label}: overlapping edits`);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The rest of the file is untouched: check the smallest region where before and after differ. */
function assertNothingLost(before: string, after: string, label: string): void {
  let pre = 0;
  while (pre < before.length && pre < after.length && before[pre] === after[pre]) pre++;
  let suf = 0;
  while (suf < before.length - pre && suf < after.length - pre && before[before.length - 1 - suf] === after[after.length - 1 - suf]) suf++;
  const removed = before.slice(pre, before.length - suf);
  const added = after.slice(pre, after.length - suf);
  for (const comment of removed.match(/#[^\r\n]*/g) ?? []) {
    if (comment.trim().length > 1) assert.ok(after.includes(comment.trim()), `${label}: the edit drops the comment ${JSON.stringify(comment)}\nremoved ${JSON.stringify(removed)}\nadded ${JSON.stringify(added)}`);
  }
  if (before.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(added), `${label}: inserts a bare \\n into a CRLF file: ${JSON.stringify(added.slice(-300))}`);
  if (!before.includes('\r')) assert.ok(!added.includes('\r'), `${label}: inserts a \\r into an LF file: ${JSON.stringify(added.slice(-300))}`);
  if (!/^\t/m.test(before)) assert.ok(!/\n\t/.test(added), `${label}: inserts tab indentation into a space-indented file: ${JSON.stringify(added)}`);
  const beforeLines = before.split(/\r?\n/).length;
  const afterLines = after.split(/\r?\n/).length;
  const removedLines = removed.split(/\r?\n/).length - 1;
  const addedLines = added.split(/\r?\n/).length - 1;
  assert.equal(afterLines - beforeLines, addedLines - removedLines, `${label}: line count consistent`);
}

function editsOf(workspaceEdit: unknown): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  const we = workspaceEdit as { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument?: { uri: string }; edits?: TextEdit[] }[] } | undefined;
  for (const [uri, edits] of Object.entries(we?.changes ?? {})) out.set(uri, [...(out.get(uri) ?? []), ...edits]);
  for (const dc of we?.documentChanges ?? []) if (dc.textDocument && dc.edits) out.set(dc.textDocument.uri, [...(out.get(dc.textDocument.uri) ?? []), ...dc.edits]);
  return out;
}

async function sweep(crlf: boolean): Promise<{ actions: number; renames: number; completions: number }> {
  const dir = tempHomelab();
  const counts = { actions: 0, renames: 0, completions: 0 };
  for (const [rel, re, replacement] of BREAK) {
    const file = path.join(dir, rel);
    writeFileSync(file, readFileSync(file, 'utf8').replace(re, replacement));
  }
  const texts = new Map<string, string>();
  let client: LspClient | undefined;
  try {
    client = await startServer(dir);
    const files = ['homelab.yaml', 'lib/defaults.nix', ...['monitoring', 'proxy', 'HOME', 'mailer', 'plane'].map((n) => `profiles/LXC_${n}-config.nix`), 'profiles/LXC-base-config.nix', 'system/app/monitoring.nix'];
    for (const rel of files) {
      let text = readFileSync(path.join(dir, rel), 'utf8');
      if (crlf) text = text.replace(/\n/g, '\r\n');
      const uri = fileUri(path.join(dir, rel));
      texts.set(uri, text);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: rel.endsWith('.nix') ? 'nix' : 'yaml', version: 1, text } });
    }
    await request(client, 'homelab/checkWorkspace', {});
    await new Promise((r) => setTimeout(r, 600));
    await request(client, 'homelab/checkWorkspace', {});
    const check = (uri: string, edits: TextEdit[], label: string): void => {
      const before = texts.get(uri);
      if (before === undefined) return; // an edit to a file not open here: its text is on disk
      assertNothingLost(before, apply(before, edits, label), label);
    };
    for (const [uri, text] of texts) {
      const diags = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri);
      const last = (diags[diags.length - 1]?.params as { diagnostics: { range: Range }[] } | undefined)?.diagnostics ?? [];
      for (const d of last) {
        const answer = await request(client, 'textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        for (const action of (answer.result as { title: string; edit?: unknown }[] | null) ?? []) {
          for (const [u, edits] of editsOf(action.edit)) {
            counts.actions++;
            check(u, edits, `${crlf ? 'CRLF ' : ''}code action "${action.title}" on ${path.basename(uri)}`);
          }
        }
      }
      const lines = text.split(/\r?\n/);
      for (let line = 0; line < lines.length; line += 3) {
        const m = /^(\s*)(\S*)/.exec(lines[line]);
        const positions = [{ line, character: lines[line].length }, { line, character: (m?.[1].length ?? 0) + Math.min(3, m?.[2].length ?? 0) }];
        for (const position of positions) {
          const answer = await request(client, 'textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
          const result = answer.result as { items?: { label: string; textEdit?: TextEdit; additionalTextEdits?: TextEdit[] }[] } | { label: string }[] | null;
          const items = Array.isArray(result) ? result : (result?.items ?? []);
          for (const item of items.slice(0, 40) as { label: string; textEdit?: TextEdit; additionalTextEdits?: TextEdit[] }[]) {
            const edits = [...(item.textEdit ? [item.textEdit] : []), ...(item.additionalTextEdits ?? [])];
            if (edits.length === 0) continue;
            counts.completions++;
            check(uri, edits, `${crlf ? 'CRLF ' : ''}completion "${item.label}" at ${path.basename(uri)}:${position.line}:${position.character}`);
          }
        }
        if (line % 9 === 0) {
          const position = { line, character: (m?.[1].length ?? 0) + 1 };
          const prep = await client.requestRaw('textDocument/prepareRename', { textDocument: { uri }, position });
          if (prep.error || !prep.result) continue;
          const answer = await client.requestRaw('textDocument/rename', { textDocument: { uri }, position, newName: 'renamedName' });
          if (answer.error) continue; // a refusal with a message for the user
          for (const [u, edits] of editsOf(answer.result)) {
            counts.renames++;
            check(u, edits, `${crlf ? 'CRLF ' : ''}rename at ${path.basename(uri)}:${line}`);
          }
        }
      }
    }
  } finally {
    if (client) await stop(client);
    removeDir(dir);
  }
  return counts;
}

test('every offered edit leaves the rest of the file untouched (LF)', { timeout: 300_000 }, async () => {
  const counts = await sweep(false);
  console.log(`  LF: ${counts.actions} code action edits, ${counts.renames} rename edits, ${counts.completions} completion edits applied and checked`);
  assert.ok(counts.completions > 0, 'completions with text edits were offered');
});

test('every offered edit leaves the rest of the file untouched (CRLF files)', { timeout: 300_000 }, async () => {
  const counts = await sweep(true);
  console.log(`  CRLF: ${counts.actions} code action edits, ${counts.renames} rename edits, ${counts.completions} completion edits applied and checked`);
  assert.ok(counts.completions > 0, 'completions with text edits were offered');
});
