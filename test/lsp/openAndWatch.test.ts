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

/** Replaces `file` the way `sed -i`, safe writes and `git checkout` do: a new file renamed over it. */
function replaceByRename(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

for (const [how, initializationOptions, configuration] of [
  ['the initialization option `watchFiles: "server"`', { watchFiles: 'server' }, null],
  ['the setting `homelab.watchFiles: "server"`', {}, { watchFiles: 'server' }],
] as const) {
  test(`with ${how}, the server watches by itself: a profile replaced by a rename (mv over it) is checked again`, async () => {
    const root = copyExample('homelab');
    // A client that offers dynamic registration of watchers but, like eglot 1.9, forwards nothing for a renamed file:
    // here it forwards nothing at all, so only the server's own watcher can see the change.
    const client = new LspClient();
    client.requestHandlers.set('workspace/configuration', (p) => ((p as { items: unknown[] }).items ?? []).map(() => configuration));
    try {
      await client.initialize(root, initializationOptions);
      await client.waitForNotification((m) => m.method === '$/progress' && (m.params as { value?: { kind?: string } }).value?.kind === 'end', 60000);
      await pause(500); // the watchers start after the first check
      const rel = 'profiles/LXC_plane-config.nix';
      const file = path.join(root, rel);
      const uri = fileUri(file);
      const before = readFileSync(file, 'utf8');
      assert.ok(before.includes('systemSettings = base.systemSettings // {'));
      replaceByRename(file, before.replace('systemSettings = base.systemSettings // {', 'systemSettings = base.systemSettings // {\n    grafanaEnabel = true;'));
      const found = await client.waitForNotification(
        (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as Publication).uri === uri && (m.params as Publication).diagnostics.some((d) => d.code === 'unknown-setting'),
        15000,
      );
      const d = (found.params as Publication).diagnostics.find((x) => x.code === 'unknown-setting');
      assert.match(d?.message ?? '', /grafanaEnabel/);
      // Replaced again with the original: the problem goes.
      replaceByRename(file, before);
      await client.waitForNotification(
        (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as Publication).uri === uri && !(m.params as Publication).diagnostics.some((x) => x.code === 'unknown-setting'),
        15000,
      );
    } finally {
      await client.shutdown().catch(() => undefined);
      client.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });
}

test('hover in plain text for a client whose hover.contentFormat prefers plaintext (eglot without markdown-mode); Markdown for the others', async () => {
  const root = copyExample('homelab');
  const rel = 'profiles/LXC_monitoring-config.nix';
  const text = readFileSync(path.join(root, rel), 'utf8');
  const uri = fileUri(path.join(root, rel));
  const at = text.indexOf('grafanaEnable = true;') + 3;
  const position = { line: text.slice(0, at).split('\n').length - 1, character: at - text.lastIndexOf('\n', at - 1) - 1 };
  const answers: Record<string, { contents: { kind: string; value: string } }> = {};
  for (const formats of [['plaintext'], ['markdown', 'plaintext']]) {
    const client = new LspClient();
    try {
      await client.request('initialize', {
        processId: process.pid,
        rootUri: fileUri(root),
        capabilities: { textDocument: { hover: { contentFormat: formats } }, workspace: { configuration: true } },
        workspaceFolders: [{ uri: fileUri(root), name: 'homelab' }],
      });
      client.notify('initialized', {});
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text } });
      answers[formats[0]] = await client.request('textDocument/hover', { textDocument: { uri }, position });
    } finally {
      await client.shutdown().catch(() => undefined);
      client.kill();
    }
  }
  rmSync(root, { recursive: true, force: true });
  const markdown = answers.markdown.contents;
  const plain = answers.plaintext.contents;
  assert.equal(markdown.kind, 'markdown');
  assert.match(markdown.value, /\*\*grafanaEnable\*\*/, 'VS Code and the others keep Markdown');
  assert.equal(plain.kind, 'plaintext');
  assert.match(plain.value, /^grafanaEnable\b/);
  assert.doesNotMatch(plain.value, / +$|\*\*|`|```|\]\(/m, `no Markdown marks left:\n${plain.value}`);
  // The same words: only the marks went.
  const words = (s: string): string[] => s.match(/[A-Za-z0-9]{3,}/g) ?? [];
  assert.deepEqual(words(plain.value), words(markdown.value).filter((w) => !/^(nix|file)$/.test(w) || words(plain.value).includes(w)));
});
