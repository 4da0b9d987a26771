// The option index over LSP: with `homelab.options.sources` naming a module
// tree (test/fixtures/options: its own small lib, a few hundred options), a
// module of the workspace gets completion of those options, hover with their
// description, type, default and declaration, and go-to-declaration. The
// index is built in the server's worker thread and cached on disk (a cache
// folder of the test's own). Then machines on two nixpkgs and Home Manager
// modules (test/fixtures/options/pinned, its flake.lock's trees in a store
// folder of the test's own, NIX_STORE_DIR): each file gets its own trees'
// options in completion, hover and diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, repoRoot } from './lspClient';
import { positionAt } from './features/harness';
import { fakeStore, labRoot } from '../unit/options/helpers';

const TREE = path.join(repoRoot, 'test', 'fixtures', 'options', 'modules');

test('options of a module tree named in homelab.options.sources: completion, hover, declaration', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'homelab-options-lsp-'));
  const cache = mkdtempSync(path.join(tmpdir(), 'homelab-options-cache-'));
  const host = '{ config, lib, ... }:\n{\n  services.wiki.port = 3100;\n  services.wiki.po\n}\n';
  writeFileSync(path.join(root, 'host.nix'), host);
  // A machine whose other module misspells an option of the tree: reported once the index is there.
  writeFileSync(path.join(root, 'flake.nix'), '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { nixpkgs, ... }: {\n    nixosConfigurations.web = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ./web.nix ]; };\n  };\n}\n');
  writeFileSync(path.join(root, 'web.nix'), '{ ... }:\n{\n  services.webserver.enable = true;\n  services.webserver.usr = "www";\n}\n');
  const client = new LspClient(['--stdio'], { ...process.env, XDG_CACHE_HOME: cache });
  client.requestHandlers.set('workspace/configuration', (params) => ((params as { items?: unknown[] }).items ?? []).map(() => ({ options: { sources: [TREE] } })));
  try {
    await client.initialize(root);
    const uri = fileUri(path.join(root, 'host.nix'));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text: host } });
    const cursor = host.indexOf('services.wiki.po\n') + 'services.wiki.po'.length;
    // The index is built off the main thread: ask until it is there (bounded).
    let labels: string[] = [];
    for (let i = 0; i < 100 && !labels.includes('services.wiki.port'); i++) {
      const list = await client.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', { textDocument: { uri }, position: positionAt(host, cursor) });
      labels = list.items.map((x) => x.label);
      if (!labels.includes('services.wiki.port')) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(labels.includes('services.wiki.port'), labels.slice(0, 20).join(', '));
    assert.ok(labels.includes('services.wiki.dataDir'));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(host, host.indexOf('port = 3100') + 1) });
    assert.ok(hover);
    assert.match(hover.contents.value, /\*\*services\.wiki\.port\*\*/);
    assert.match(hover.contents.value, /Port of a wiki/);
    assert.match(hover.contents.value, /\*Type:\* port/);
    assert.match(hover.contents.value, /Declared in apps\.nix:\d+/);
    const def = await client.request<{ uri: string } | { uri: string }[] | null>('textDocument/definition', { textDocument: { uri }, position: positionAt(host, host.indexOf('port = 3100') + 1) });
    const defs = def === null ? [] : Array.isArray(def) ? def : [def];
    assert.ok(defs.some((d) => d.uri === fileUri(path.join(TREE, 'services', 'apps.nix'))), JSON.stringify(def));

    const webUri = fileUri(path.join(root, 'web.nix'));
    const isUnknown = (m: { method?: string; params?: unknown }): boolean =>
      m.method === 'textDocument/publishDiagnostics' &&
      (m.params as { uri: string }).uri === webUri &&
      (m.params as { diagnostics: { code?: string }[] }).diagnostics.some((d) => d.code === 'nixos-unknown-option');
    // Published already (while completion waited for the index), or still to come.
    const unknown = client.notifications.find(isUnknown) ?? (await client.waitForNotification(isUnknown, 20000).catch(() => undefined));
    assert.ok(unknown, 'nixos-unknown-option published for web.nix');
    assert.match(JSON.stringify(unknown.params), /did you mean `services\.webserver\.user`/);

    // Values of an enum option from its declared type.
    const enumText = host.replace('services.wiki.po\n', 'services.webserver.logLevel = \n');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: enumText }] });
    const enumAt = enumText.indexOf('logLevel = ') + 'logLevel = '.length;
    const enumItems = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: positionAt(enumText, enumAt) });
    assert.deepEqual(enumItems.items.map((x) => x.label).filter((l) => l.startsWith('"')), ['"debug"', '"info"', '"warn"', '"error"']);

    // The workspace's own module starts declaring an option: after the file event the index has it.
    const own = path.join(root, 'modules', 'backup.nix');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(own));
    writeFileSync(own, '{ lib, ... }:\n{\n  options.homelab.backup.target = lib.mkOption {\n    type = lib.types.str;\n    description = "Where backups go.";\n  };\n}\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(own), type: 1 }] });
    const typed = host.replace('services.wiki.po\n', 'homelab.backup.\n');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: typed }] });
    const at = typed.indexOf('homelab.backup.\n') + 'homelab.backup.'.length;
    let own2: string[] = [];
    for (let i = 0; i < 100 && !own2.includes('homelab.backup.target'); i++) {
      const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: positionAt(typed, at) });
      own2 = list.items.map((x) => x.label);
      if (!own2.includes('homelab.backup.target')) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(own2.includes('homelab.backup.target'), own2.slice(0, 10).join(', '));
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(root, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});

test('machines on two nixpkgs and Home Manager modules: each file gets its own trees\' options', async () => {
  const storeDir = fakeStore();
  const cache = mkdtempSync(path.join(tmpdir(), 'homelab-options-cache-'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cache, NIX_STORE_DIR: storeDir };
  delete env.NIX_PATH;
  const client = new LspClient(['--stdio'], env);
  const file = (rel: string) => ({ uri: fileUri(path.join(labRoot, rel)), text: readFileSync(path.join(labRoot, rel), 'utf8') });
  const a = file('hosts/a.nix');
  const b = file('hosts/b.nix');
  const alice = file('home/alice.nix');
  const common = file('common.nix');
  type Diag = { code?: string; message: string };
  const latest = (uri: string): Diag[] | undefined => {
    const all = client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri);
    return (all[all.length - 1]?.params as { diagnostics: Diag[] } | undefined)?.diagnostics;
  };
  const options = (uri: string): string[] => (latest(uri) ?? []).filter((d) => d.code?.startsWith('nixos-')).map((d) => d.message).sort();
  const labels = async (f: { uri: string; text: string }, before: string, typed: string, version: number): Promise<string[]> => {
    const text = f.text.replace(before, `${typed}\n${before}`);
    client.notify('textDocument/didChange', { textDocument: { uri: f.uri, version }, contentChanges: [{ text }] });
    const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: f.uri }, position: positionAt(text, text.indexOf(typed) + typed.length) });
    client.notify('textDocument/didChange', { textDocument: { uri: f.uri, version: version + 1 }, contentChanges: [{ text: f.text }] });
    return list.items.map((x) => x.label);
  };
  try {
    await client.initialize(labRoot);
    for (const f of [a, b, alice, common]) client.notify('textDocument/didOpen', { textDocument: { uri: f.uri, languageId: 'nix', version: 1, text: f.text } });
    // The default tree loads first, b's nixpkgs-stable when the first check meets b: wait for b's finding (bounded).
    for (let i = 0; i < 150 && !options(b.uri).some((m) => m.includes('services.foo.newOption')); i++) await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 50 && options(alice.uri).length === 0; i++) await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(options(b.uri), [
      '`services.foo.logLevel` must be one of "info", "debug", not "trace"',
      'unknown option `programs.git.config`',
      'unknown option `services.foo.newOption`',
    ]);
    assert.deepEqual(options(a.uri), ['`services.foo.listenPort` was renamed to `services.foo.port`: set `services.foo.port`', 'unknown option `programs.git.settings`']);
    assert.deepEqual(options(common.uri), ['unknown option `services.foo.nope`']);
    assert.deepEqual(options(alice.uri), ['unknown option `programs.git.config`']);

    // Completion: a's tree (unstable) vs b's (stable).
    const aFoo = await labels(a, '  homelab.role', '  services.foo.', 2);
    assert.ok(aFoo.includes('services.foo.newOption') && aFoo.includes('services.foo.port'), aFoo.join(', '));
    assert.ok(!aFoo.includes('services.foo.listenPort'), aFoo.join(', '));
    const bFoo = await labels(b, '  services.foo.enable', '  services.foo.', 2);
    assert.ok(bFoo.includes('services.foo.listenPort'), bFoo.join(', '));
    assert.ok(!bFoo.includes('services.foo.newOption') && !bFoo.includes('services.foo.port'), bFoo.join(', '));

    // Hover: the declaration of the file's own tree.
    const hoverAt = async (f: { uri: string; text: string }, needle: string) =>
      (await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: f.uri }, position: positionAt(f.text, f.text.indexOf(needle) + 1) }))?.contents.value ?? '';
    assert.match(await hoverAt(a, 'newOption'), /A setting only the newer nixpkgs has/);
    assert.match(await hoverAt(b, 'listenPort'), /Port foo listens on \(stable\)/);

    // Home Manager's programs.git in a Home Manager module, NixOS's in a NixOS module, Home Manager's inline under home-manager.users.
    const hmGit = await labels(alice, '  programs.git.enable', '  programs.git.', 2);
    assert.ok(hmGit.includes('programs.git.settings') && hmGit.includes('programs.git.userName'), hmGit.join(', '));
    assert.ok(!hmGit.includes('programs.git.config'), hmGit.join(', '));
    const hmHome = await labels(alice, '  programs.git.enable', '  home.', 4);
    assert.ok(hmHome.includes('home.stateVersion'), hmHome.join(', '));
    const nixosGit = await labels(a, '  homelab.role', '  programs.git.', 4);
    assert.ok(nixosGit.includes('programs.git.config'), nixosGit.join(', '));
    assert.ok(!nixosGit.includes('programs.git.settings') && !nixosGit.includes('programs.git.userName'), nixosGit.join(', '));
    const nixosHome = await labels(a, '  homelab.role', '  home.', 6);
    assert.ok(!nixosHome.includes('home.stateVersion'), nixosHome.join(', '));
    const inline = await labels(b, '    home.stateVersion', '    programs.git.', 4);
    assert.ok(inline.includes('programs.git.settings'), inline.join(', '));
    assert.ok(!inline.includes('programs.git.config'), inline.join(', '));
    assert.match(await hoverAt(alice, 'settings'), /Git configuration written to ~\/\.config\/git\/config/);
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(storeDir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
