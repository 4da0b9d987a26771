// Without a nixpkgs or Home Manager tree (no store path for flake.lock, no
// NIX_PATH, no homelab.options.sources) the server says so once in its log
// (the editor's output channel), with what would give the full index; with a
// tree named in homelab.options.sources it does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, type Message } from './lspClient';

const logs = (c: LspClient): string[] => c.notifications.filter((m: Message) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);
const isNoTree = (s: string): boolean => s.startsWith('homelab: no option tree found');

async function run(sources: string[] | undefined): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'homelab-notree-'));
  const store = mkdtempSync(path.join(tmpdir(), 'homelab-notree-store-'));
  const cache = mkdtempSync(path.join(tmpdir(), 'homelab-notree-cache-'));
  writeFileSync(path.join(root, 'flake.nix'), '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { nixpkgs, ... }: {\n    nixosConfigurations.desk = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ]; };\n  };\n}\n');
  writeFileSync(path.join(root, 'host.nix'), '{ ... }:\n{\n  services.openssh.enable = true;\n}\n');
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cache, NIX_STORE_DIR: store };
  delete env.NIX_PATH;
  const client = new LspClient(['--stdio'], env);
  client.requestHandlers.set('workspace/configuration', (params) => ((params as { items?: unknown[] }).items ?? []).map(() => (sources ? { options: { sources } } : {})));
  try {
    await client.initialize(root);
    const hostUri = fileUri(path.join(root, 'host.nix'));
    client.notify('textDocument/didOpen', { textDocument: { uri: hostUri, languageId: 'nix', version: 1, text: '{ ... }:\n{\n  services.openssh.enable = true;\n}\n' } });
    // Until the sources were looked for (each missing one is logged), and the given tree loaded (bounded).
    const settled = (): boolean => logs(client).some((l) => /options of nixpkgs not available/.test(l)) && (!sources || logs(client).some((l) => /homelab: options of .* from (build|cache)/.test(l)));
    for (let i = 0; i < 100 && !settled(); i++) await new Promise((r) => setTimeout(r, 200));
    assert.ok(settled(), logs(client).join('\n'));
    // A second look (a settings change) must not say it again.
    client.notify('workspace/didChangeConfiguration', { settings: {} });
    await new Promise((r) => setTimeout(r, 1000));
    return logs(client);
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    for (const d of [root, store, cache]) rmSync(d, { recursive: true, force: true });
  }
}

test('no option tree: said once, with what gives the full index', async () => {
  const said = (await run(undefined)).filter(isNoTree);
  assert.equal(said.length, 1);
  assert.match(said[0], /homelab\.options\.sources/);
  assert.match(said[0], /NIX_PATH/);
});

test('a tree in homelab.options.sources: nothing said about a missing tree', async () => {
  const tree = mkdtempSync(path.join(tmpdir(), 'homelab-notree-tree-'));
  mkdirSync(path.join(tree, 'programs'));
  writeFileSync(path.join(tree, 'programs', 'pager.nix'), '{ lib, ... }:\n{\n  options.programs.pager.enable = lib.mkEnableOption "the pager";\n}\n');
  try {
    assert.deepEqual((await run([tree])).filter(isNoTree), []);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
});
