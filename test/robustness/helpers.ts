// Shared set-up for the robustness tests: a temporary homelab folder (a copy
// of the example, plus extra files), a started server over real stdio, and the
// checks every test repeats: the server still answers, its memory is bounded.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exampleRoot } from '../fuzz/corpus';
import { vmRssMb } from '../fuzz/session';
import { fileUri, LspClient, type Message } from '../lsp/lspClient';

export function tempHomelab(files: Record<string, string | Buffer> = {}, copyExample = true): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-robust-'));
  if (copyExample) cpSync(exampleRoot, dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function startServer(root: string, env: NodeJS.ProcessEnv = process.env): Promise<LspClient> {
  const client = new LspClient(['--stdio'], env);
  await client.initialize(root);
  await request(client, 'homelab/checkWorkspace', {});
  return client;
}

/** A request that must be answered without error within 10 s (a hang detector). */
export async function request(client: LspClient, method: string, params: unknown): Promise<Message> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method}: no answer within 10 s`)), 10_000);
  });
  try {
    const answer = await Promise.race([client.requestRaw(method, params), hang]);
    assert.equal(answer.error, undefined, `${method} answered an error: ${JSON.stringify(answer.error)}`);
    return answer;
  } finally {
    clearTimeout(timer);
  }
}

/** Opens a document; every position request the server claims at a few places; the whole check. */
export async function exercise(client: LspClient, file: string, text: string, languageId = 'nix'): Promise<void> {
  const uri = fileUri(file);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const line of [0, Math.floor(lines / 2), lines - 1]) {
    const position = { line, character: 3 };
    await request(client, 'textDocument/completion', { textDocument: { uri }, position });
    await request(client, 'textDocument/hover', { textDocument: { uri }, position });
    await request(client, 'textDocument/definition', { textDocument: { uri }, position });
  }
  await request(client, 'homelab/checkWorkspace', {});
}

/** Still answering, no internal error logged, memory under a generous sanity bound. */
export async function assertHealthy(client: LspClient, label: string): Promise<void> {
  await request(client, 'homelab/topology', {});
  await request(client, 'homelab/checkWorkspace', {});
  const errors = client.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
  assert.deepEqual(errors.map((e) => (e.params as { message: string }).message.slice(0, 500)), [], `${label}: internal errors logged`);
  const rss = vmRssMb(client.process.pid);
  console.log(`  ${label}: server VmRSS ${rss?.toFixed(0)} MB`);
  assert.ok(rss !== undefined && rss < 1024, `${label}: VmRSS ${rss} MB`);
}

export function diagnosticsFor(client: LspClient, uri: string): { message: string; severity?: number; source?: string; code?: unknown }[] | undefined {
  const all = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri);
  const last = all[all.length - 1];
  return last ? (last.params as { diagnostics: { message: string; severity?: number }[] }).diagnostics : undefined;
}

export async function stop(client: LspClient): Promise<void> {
  try {
    await Promise.race([client.shutdown(), new Promise((r) => setTimeout(r, 5_000))]);
  } finally {
    client.kill();
  }
}
