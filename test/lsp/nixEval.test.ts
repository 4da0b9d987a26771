// The evaluated source over a real stdio connection, with Debian's real Nix
// and stand-in inputs (test/unit/nixEval/standIns.ts). Untrusted (the client
// said nothing), the server runs no Nix and the tree has only what the static
// reading found; once the client says the workspace is trusted, `nix eval`
// runs in the background and `homelab/topology` lists the machines built by
// `helper.lib.mkHosts [ … ]` "from nix eval" (no address, nothing to deploy),
// with hover saying so. A locked input missing from the store gives one
// information diagnostic on flake.nix, on that input's name, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LspClient, fileUri, type Message } from './lspClient';
import { latestDiagnostics } from './helpers';
import type { Topology } from '../../server/src/protocol/customMessages';
import { makeStandInLab } from '../unit/nixEval/standIns';

const isEnd = (m: Message): boolean => m.method === '$/progress' && (m.params as { value?: { kind?: string } }).value?.kind === 'end';
const isNixEvalLog = (m: Message): boolean => m.method === 'window/logMessage' && /nix eval of/.test((m.params as { message: string }).message);

async function start(lab: string, env: NodeJS.ProcessEnv, initializationOptions: unknown): Promise<LspClient> {
  const client = new LspClient(['--stdio'], { ...env, HOMELAB_NIX_EVAL_DELAY_MS: '0' });
  await client.initialize(lab, initializationOptions);
  await client.waitForNotification(isEnd, 60000);
  return client;
}

test('nix eval over LSP: only once trusted, machines only Nix lists appear "from nix eval" in the topology and hover', async () => {
  const { lab, env } = makeStandInLab();
  const client = await start(lab, env, {});
  try {
    const names = async (): Promise<string[]> => (await client.request<Topology>('homelab/topology', {})).homelabs[0].machines.map((c) => c.name).sort();
    assert.deepEqual(await names(), ['web']);
    assert.ok(!client.notifications.some(isNixEvalLog), 'no Nix in an untrusted workspace');

    client.notify('homelab/workspaceTrust', { trusted: true });
    await client.waitForNotification(isNixEvalLog, 60000);
    await client.waitForNotification((m) => m.method === 'homelab/topologyChanged' && client.notifications.indexOf(m) > client.notifications.findIndex(isNixEvalLog), 60000);
    const lab0 = (await client.request<Topology>('homelab/topology', {})).homelabs[0];
    const byName = new Map(lab0.machines.map((c) => [c.name, c]));
    assert.deepEqual([...byName.keys()].sort(), ['alpha', 'bravo', 'web']);
    const alpha = byName.get('alpha')!;
    assert.deepEqual([alpha.sources, alpha.group, alpha.ip, alpha.deployTarget], [['nix-eval'], 'nix-eval', undefined, undefined]);
    assert.deepEqual(byName.get('web')?.sources, ['deploy-rs']);
    assert.equal(byName.get('web')?.deployTarget, '127.0.0.1');

    const flake = path.join(lab, 'flake.nix');
    const text = readFileSync(flake, 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri: fileUri(flake), languageId: 'nix', version: 1, text } });
    const offset = text.indexOf('"alpha"') + 2;
    const before = text.slice(0, offset).split('\n');
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: fileUri(flake) },
      position: { line: before.length - 1, character: before[before.length - 1].length },
    });
    assert.match(hover?.contents.value ?? '', /\*\*alpha\*\*/);
    assert.match(hover?.contents.value ?? '', /From nix eval: listed by `nix eval` of `nixosConfigurations`/);
    assert.match(hover?.contents.value ?? '', /nothing deployable until an address is known/);
    // Nix agrees with the static reading on `web`: no disagreement, no note.
    assert.deepEqual((latestDiagnostics(client).get(fileUri(flake)) ?? []).filter((d) => d.code === 'nix-eval'), []);
  } finally {
    await client.shutdown();
  }
});

test('nix eval over LSP: a locked input missing from the store is one information diagnostic on flake.nix and nothing else', async () => {
  const { lab, env } = makeStandInLab({ missingInput: true });
  const client = await start(lab, env, { workspaceTrusted: true });
  try {
    await client.waitForNotification(isNixEvalLog, 60000);
    const flakeUri = fileUri(path.join(lab, 'flake.nix'));
    const text = readFileSync(path.join(lab, 'flake.nix'), 'utf8');
    let found: ReturnType<typeof latestDiagnostics> extends Map<string, infer D> ? D : never = [];
    for (let i = 0; i < 150 && found.length === 0; i++) {
      found = (latestDiagnostics(client).get(flakeUri) ?? []).filter((d) => d.code === 'nix-eval');
      if (!found.length) await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 3); // information
    assert.match(found[0].message, /^nix eval: input `extra` is not in the Nix store/);
    const line = text.split('\n').findIndex((l) => l.includes('inputs.extra.url'));
    assert.equal(found[0].range.start.line, line);
    assert.equal(text.split('\n')[line].slice(found[0].range.start.character, found[0].range.end.character), 'extra');
    const names = (await client.request<Topology>('homelab/topology', {})).homelabs[0].machines.map((c) => [c.name, c.sources]);
    assert.deepEqual(names, [['web', ['deploy-rs']]]);
  } finally {
    await client.shutdown();
  }
});
