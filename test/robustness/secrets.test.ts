// No secret is logged: secret values planted in readable `secrets/*.nix` files
// and in the server's environment must not appear in anything the server
// writes — protocol messages (responses included, since a verbose trace shows
// them), window/logMessage, $/logTrace, stderr — nor in diagnostic messages,
// while the whole pipeline runs with `$/setTrace` verbose: every claimed
// request on every line that reads a secret, the whole check, the topology.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileUri, type LspClient, type Message } from '../lsp/lspClient';
import { removeDir, request, startServer, stop, tempHomelab } from './helpers';

const SECRETS = {
  mail: 'planted-secret-mail-7f3a@example.invalid',
  domain: 'planted-secret-domain-91c2.invalid',
  token: 'PLANTEDTOKEN0b8e44d1c9',
  env: 'PLANTEDENV5d1c77aa',
  envPassword: 'PLANTEDENVPASS3e9f',
};

const secretsNix = `{\n  alertEmail = "${SECRETS.mail}";\n  domain = "${SECRETS.domain}";\n  apiToken = "${SECRETS.token}";\n  smtpPassword = "${SECRETS.token}-smtp";\n}\n`;
const tokensNix = `{ grafanaAdminPassword = "${SECRETS.token}-grafana"; }\n`;

/** Splits the captured stdout into its JSON-RPC messages. */
function messages(raw: Buffer[]): Message[] {
  let buf = Buffer.concat(raw);
  const out: Message[] = [];
  for (;;) {
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return out;
    const length = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString('ascii'))?.[1]);
    out.push(JSON.parse(buf.subarray(end + 4, end + 4 + length).toString('utf8')) as Message);
    buf = buf.subarray(end + 4 + length);
  }
}

/** Where each secret shows up: which request's answer or which notification. */
function leaks(raw: Buffer[], sent: Map<number, { method: string; params: unknown }>): string[] {
  const found: string[] = [];
  for (const m of messages(raw)) {
    const text = JSON.stringify(m);
    for (const [name, secret] of Object.entries(SECRETS)) {
      const at = text.indexOf(secret);
      if (at < 0) continue;
      const origin = m.method ?? `response to ${JSON.stringify(sent.get(Number(m.id)))}`;
      found.push(`secret "${name}" in ${origin}: …${text.slice(Math.max(0, at - 200), at + 60)}…`);
    }
  }
  return found;
}

function allOutput(client: LspClient, raw: Buffer[]): string {
  return Buffer.concat(raw).toString('utf8') + '\n' + client.stderr.join('');
}

test('planted secrets never appear in protocol output, logs, trace or diagnostics', { timeout: 300_000 }, async () => {
  const monitoring = 'profiles/LXC_monitoring-config.nix';
  const monitoringText = readFileSync(path.join(__dirname, '..', '..', 'examples', 'homelab', monitoring), 'utf8')
    .replace('notificationToEmail = secrets.alertEmail;', 'notificationToEmail = secrets.alertEmail;\n    notificationSmtpHost = secrets.domain;\n    grafanaAdminPassword = (import ../secrets/tokens.nix).grafanaAdminPassword;');
  const dir = tempHomelab({ 'secrets/domains.nix': secretsNix, 'secrets/tokens.nix': tokensNix, [monitoring]: monitoringText });
  const env = { ...process.env, HOMELAB_TEST_SECRET: SECRETS.env, HOMELAB_DEPLOY_PASSWORD: SECRETS.envPassword, PROMETHEUS_TOKEN: SECRETS.envPassword };
  const raw: Buffer[] = [];
  let client: LspClient | undefined;
  try {
    client = await startServer(dir, env);
    client.process.stdout.on('data', (chunk: Buffer) => raw.push(chunk));
    const sent = new Map<number, { method: string; params: unknown }>();
    const write = client.write.bind(client);
    client.write = (m: Message): void => {
      if (m.method && typeof m.id === 'number') sent.set(m.id, { method: m.method, params: m.params });
      write(m);
    };
    client.notify('$/setTrace', { value: 'verbose' });
    const files = [monitoring, 'profiles/LXC_HOME-config.nix', 'profiles/LXC_mailer-config.nix', 'secrets/domains.nix', 'secrets/tokens.nix'];
    let requests = 0;
    for (const rel of files) {
      const file = path.join(dir, rel);
      const uri = fileUri(file);
      const text = readFileSync(file, 'utf8');
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text } });
      const lines = text.split('\n');
      const interesting = rel.startsWith('secrets/') ? lines.map((_, i) => i) : lines.flatMap((l, i) => (/secrets|notification|grafanaAdmin/.test(l) ? [i] : []));
      for (const line of interesting) {
        for (let character = 0; character <= lines[line].length; character += 2) {
          const td = { uri };
          const position = { line, character };
          await request(client, 'textDocument/hover', { textDocument: td, position });
          await request(client, 'textDocument/completion', { textDocument: td, position });
          await request(client, 'textDocument/definition', { textDocument: td, position });
          requests += 3;
        }
        await request(client, 'textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, context: { diagnostics: [] } });
      }
      for (const [method, params] of [
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/semanticTokens/full', { textDocument: { uri } }],
        ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } }],
        ['textDocument/references', { textDocument: { uri }, position: { line: 1, character: 4 }, context: { includeDeclaration: true } }],
      ] as [string, unknown][]) {
        const answer = await client.requestRaw(method, params);
        if (answer.error?.code !== -32601) assert.equal(answer.error, undefined, `${method}: ${JSON.stringify(answer.error)}`);
        requests++;
      }
      // A keystroke that breaks the secrets file: its syntax error must not quote the value either.
      if (rel.startsWith('secrets/')) {
        client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace(/";/, '" ;;; = ') + `\n${SECRETS.token}` }] });
        await request(client, 'textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 20 } });
      }
    }
    await request(client, 'workspace/symbol', { query: '' });
    await request(client, 'workspace/symbol', { query: 'planted' });
    await request(client, 'homelab/checkWorkspace', {});
    await request(client, 'homelab/topology', {});
    await request(client, 'homelab/createInventory', { folderUri: fileUri(dir) });
    await new Promise((r) => setTimeout(r, 600)); // the homelab-wide diagnostics after their pause
    const output = allOutput(client, raw);
    const diagnostics = client.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics')
      .flatMap((n) => (n.params as { diagnostics: { message: string }[] }).diagnostics.map((d) => d.message));
    console.log(`  ${requests} requests, ${output.length} characters of server output, ${diagnostics.length} diagnostics searched`);
    assert.ok(output.length > 10_000, 'the output was captured');
    const where = leaks(raw, sent);
    // Hover once showed a setting's effective value read from secrets/ (fixed: it names the file instead).
    const summary = [...new Set(where.map((w) => w.replace(/"position":\{[^}]*\}/, '').replace(/: ….*$/s, '').replace(/file:[^"]*homelab-robust-[^/]*\//, '')))];
    assert.deepEqual(summary, [], `${where.length} leaks, first: ${where[0]}`);
    const stderr = client.stderr.join('');
    for (const [name, secret] of Object.entries(SECRETS)) {
      assert.ok(!stderr.includes(secret), `secret "${name}" on stderr`);
      assert.deepEqual(diagnostics.filter((m) => m.includes(secret)), [], `secret "${name}" in a diagnostic message`);
    }
  } finally {
    if (client) await stop(client);
    removeDir(dir);
  }
});
