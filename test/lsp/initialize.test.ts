// The server speaks LSP over a real stdio connection: initialize, initialized,
// shutdown and exit, with the capabilities it claims answered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileUri, LspClient, repoRoot, serverBundle } from './lspClient';

test('dist/server.js completes initialize / initialized / shutdown / exit over stdio', async () => {
  assert.ok(existsSync(serverBundle), 'dist/server.js must be built (npm run build)');
  const client = new LspClient();
  try {
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'homelab-profiles');
    const sync = init.capabilities.textDocumentSync as { openClose?: boolean; change?: number };
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, 2, 'incremental document sync');
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr.join('')}`);
  } finally {
    client.kill();
  }
});

/** For each capability a server may claim: a request that exercises it. */
const probes: Record<string, (uri: string) => [string, unknown]> = {
  completionProvider: (uri) => ['textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }],
  hoverProvider: (uri) => ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }],
  definitionProvider: (uri) => ['textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } }],
  referencesProvider: (uri) => ['textDocument/references', { textDocument: { uri }, position: { line: 0, character: 0 }, context: { includeDeclaration: true } }],
  documentSymbolProvider: (uri) => ['textDocument/documentSymbol', { textDocument: { uri } }],
  workspaceSymbolProvider: () => ['workspace/symbol', { query: '' }],
  renameProvider: (uri) => ['textDocument/prepareRename', { textDocument: { uri }, position: { line: 0, character: 0 } }],
  codeActionProvider: (uri) => ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
  semanticTokensProvider: (uri) => ['textDocument/semanticTokens/full', { textDocument: { uri } }],
  inlayHintProvider: (uri) => ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } } }],
};

test('every capability the server claims is answered (no "method not found")', async () => {
  const root = path.join(repoRoot, 'examples', 'homelab');
  const client = new LspClient();
  try {
    const init = await client.initialize(root);
    const profile = path.join(root, 'profiles', 'LXC_monitoring-config.nix');
    const uri = fileUri(profile);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text: readFileSync(profile, 'utf8') } });
    const claimed = Object.keys(init.capabilities).filter((k) => k.endsWith('Provider'));
    for (const capability of claimed) {
      const probe = probes[capability];
      assert.ok(probe, `the test knows how to probe ${capability}`);
      const [method, params] = probe(uri);
      const response = await client.requestRaw(method, params);
      // A request may be refused for this position (prepareRename says why in an error),
      // but never unknown (-32601) nor failing inside the server (-32603).
      assert.ok(
        response.error === undefined || ![-32601, -32603].includes(response.error.code),
        `${capability}: ${method} answered ${JSON.stringify(response.error)}`,
      );
    }
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('an unknown request gets a JSON-RPC error, not a crash', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    const response = await client.requestRaw('homelab/noSuchRequest', {});
    assert.ok(response.error, 'an error response');
    assert.equal(response.error?.code, -32601);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
