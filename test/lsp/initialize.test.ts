// The server speaks LSP over a real stdio connection: initialize, initialized,
// shutdown and exit, with the capabilities it claims answered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { LspClient, serverBundle } from './lspClient';

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
