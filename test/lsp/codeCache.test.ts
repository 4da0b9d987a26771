// dist/server.js runs the server bundle through V8's code cache: a first start
// in a fresh cache folder compiles and saves it, the next start loads it, and
// both check the homelab the same; HOMELAB_CODE_CACHE=off writes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, type Message } from './lspClient';

const example = path.join(__dirname, '../../examples/homelab');
const logs = (c: LspClient): string[] => c.notifications.filter((m: Message) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);

async function start(env: NodeJS.ProcessEnv): Promise<{ log: string[]; published: number }> {
  const client = new LspClient(['--stdio'], env);
  try {
    await client.initialize(example);
    const said = (): string | undefined => logs(client).find((l) => l.startsWith('homelab: server code'));
    for (let i = 0; i < 150 && !said(); i++) await new Promise((r) => setTimeout(r, 100));
    const published = new Set(client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics').map((m) => (m.params as { uri: string }).uri)).size;
    return { log: logs(client), published };
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
  }
}

test('the first start saves the code cache, the second loads it, and both check alike', async () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'homelab-codecache-lsp-'));
  try {
    const env = { ...process.env, XDG_CACHE_HOME: cache, HOMELAB_CODE_CACHE: '' };
    const first = await start(env);
    assert.ok(first.log.some((l) => l.startsWith('homelab: server code cache saved in')), first.log.join('\n'));
    assert.equal(readdirSync(path.join(cache, 'homelab-profiles', 'code')).filter((f) => f.endsWith('.v8cache')).length, 1);
    const second = await start(env);
    assert.ok(second.log.includes('homelab: server code loaded from its V8 code cache'), second.log.join('\n'));
    assert.equal(second.published, first.published);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('HOMELAB_CODE_CACHE=off: said once, nothing written', async () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'homelab-codecache-off-'));
  try {
    const { log } = await start({ ...process.env, XDG_CACHE_HOME: cache, HOMELAB_CODE_CACHE: 'off' });
    assert.ok(log.includes('homelab: server code cache off (HOMELAB_CODE_CACHE=off)'), log.join('\n'));
    assert.equal(existsSync(path.join(cache, 'homelab-profiles', 'code')), false);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
