// Hover words an option's type as the nixpkgs in use words it: the server
// finds a nixpkgs through NIX_PATH, reads its lib/types.nix, and the index
// its worker builds carries those phrases (test/unit/options/treeWording
// holds the index side). The fake nixpkgs is written here, in our own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, type Message } from './lspClient';

const TYPES = `{ lib }:
let
  sized = bits: lo: hi: docStart: { description = docStart + "; between \${toString lo} and \${toString hi} (both inclusive)"; };
in rec {
  port = ints.u16;
}
`;
const HOST = '{ ... }:\n{\n  services.relay.listenPort = 7100;\n}\n';

test("hover on an option gives its type in the words of the nixpkgs tree's own lib/types.nix", async () => {
  const base = mkdtempSync(path.join(tmpdir(), 'homelab-lsp-wording-'));
  const pkgs = path.join(base, 'pkgs');
  const root = path.join(base, 'lab');
  mkdirSync(path.join(pkgs, 'nixos', 'modules', 'services'), { recursive: true });
  mkdirSync(path.join(pkgs, 'lib'));
  mkdirSync(root);
  writeFileSync(path.join(pkgs, 'lib', 'types.nix'), TYPES);
  writeFileSync(path.join(pkgs, 'nixos', 'modules', 'services', 'relay.nix'), '{ lib, ... }:\n{\n  options.services.relay.listenPort = lib.mkOption { type = lib.types.port; default = 7000; description = "Where the relay listens."; };\n}\n');
  writeFileSync(path.join(root, 'flake.nix'), '{\n  outputs = { nixpkgs, ... }: {\n    nixosConfigurations.desk = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ]; };\n  };\n}\n');
  writeFileSync(path.join(root, 'host.nix'), HOST);
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: path.join(base, 'cache'), NIX_STORE_DIR: path.join(base, 'store'), NIX_PATH: `nixpkgs=${pkgs}` };
  const client = new LspClient(['--stdio'], env);
  client.requestHandlers.set('workspace/configuration', (params) => ((params as { items?: unknown[] }).items ?? []).map(() => ({})));
  try {
    await client.initialize(root);
    const uri = fileUri(path.join(root, 'host.nix'));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text: HOST } });
    const loaded = (): boolean => client.notifications.some((m: Message) => m.method === 'window/logMessage' && /homelab: options of nixpkgs .* from build/.test((m.params as { message: string }).message));
    for (let i = 0; i < 100 && !loaded(); i++) await new Promise((r) => setTimeout(r, 200));
    assert.ok(loaded());
    const position = { line: 2, character: HOST.split('\n')[2].indexOf('listenPort') + 3 };
    let value = '';
    for (let i = 0; i < 25 && !/16 bit unsigned integer/.test(value); i++) {
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position });
      value = hover?.contents.value ?? '';
      if (!/16 bit unsigned integer/.test(value)) await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(value, /16 bit unsigned integer; between 0 and 65535 \(both inclusive\)/);
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(base, { recursive: true, force: true });
  }
});
