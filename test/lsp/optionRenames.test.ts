// Renamed and removed options (`mkRenamedOptionModule`, `mkRemovedOptionModule`)
// in hover and completion over the real stdio server: hover on an old path
// says what it became, with the new option's description and type, or why it
// was removed; completion never offers an old name as an option, but typing
// one offers its new path. The module tree of test/fixtures/options (named in
// `homelab.options.sources`: `services.webserver.httpPort` → `port`,
// `enableSSLv3` removed), then the pinned fixture's machines on two nixpkgs
// (`services.foo.listenPort` renamed in unstable only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri, repoRoot } from './lspClient';
import { positionAt } from './features/harness';
import { fakeStore, labRoot } from '../unit/options/helpers';

const TREE = path.join(repoRoot, 'test', 'fixtures', 'options', 'modules');

interface Item {
  label: string;
  filterText?: string;
  detail?: string;
  textEdit?: { newText: string };
}

test('a renamed option: hover shows the new path and its documentation; completion offers the new path for the old name', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'homelab-renames-lsp-'));
  const cache = mkdtempSync(path.join(tmpdir(), 'homelab-renames-cache-'));
  const host = '{ config, lib, ... }:\n{\n  services.webserver.httpPort = 8080;\n  services.webserver.enableSSLv3 = true;\n  services.webserver.\n}\n';
  writeFileSync(path.join(root, 'host.nix'), host);
  const client = new LspClient(['--stdio'], { ...process.env, XDG_CACHE_HOME: cache });
  client.requestHandlers.set('workspace/configuration', (params) => ((params as { items?: unknown[] }).items ?? []).map(() => ({ options: { sources: [TREE] } })));
  try {
    await client.initialize(root);
    const uri = fileUri(path.join(root, 'host.nix'));
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text: host } });
    const complete = async (text: string, at: number): Promise<Item[]> =>
      (await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: positionAt(text, at) })).items;
    const cursor = host.indexOf('services.webserver.\n') + 'services.webserver.'.length;
    let items: Item[] = [];
    // The index is built off the main thread: ask until it is there (bounded).
    for (let i = 0; i < 100 && !items.some((x) => x.label === 'services.webserver.port'); i++) {
      items = await complete(host, cursor);
      if (!items.some((x) => x.label === 'services.webserver.port')) await new Promise((r) => setTimeout(r, 200));
    }
    const labels = items.map((x) => x.label);
    assert.ok(labels.includes('services.webserver.port'), labels.join(', '));
    // The old names are not options.
    assert.ok(!labels.includes('services.webserver.httpPort') && !labels.includes('services.webserver.enableSSLv3'), labels.join(', '));
    assert.ok(!labels.some((l) => l.includes('enableSSLv3')), labels.join(', '));
    // Typing the old name finds the new path.
    const renamed = items.find((x) => x.filterText === 'services.webserver.httpPort');
    assert.ok(renamed, labels.join(', '));
    assert.equal(renamed.label, 'services.webserver.httpPort → services.webserver.port');
    assert.equal(renamed.detail, 'renamed to services.webserver.port');
    assert.match(renamed.textEdit?.newText ?? '', /^services\.webserver\.port = /);

    // Inside `services.webserver = { … }`: the name relative to the set.
    const nested = '{ ... }:\n{\n  services.webserver = {\n    http\n  };\n}\n';
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: nested }] });
    const inSet = await complete(nested, nested.indexOf('http\n') + 4);
    const relative = inSet.find((x) => x.filterText === 'httpPort');
    assert.ok(relative, inSet.map((x) => x.label).join(', '));
    assert.equal(relative.label, 'httpPort → port');
    assert.match(relative.textEdit?.newText ?? '', /^port = /);
    assert.ok(!inSet.some((x) => x.label === 'httpPort' || x.label === 'enableSSLv3'));
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: host }] });

    const hover = async (needle: string): Promise<string> =>
      (await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(host, host.indexOf(needle) + 1) }))?.contents.value ?? '';
    const old = await hover('httpPort');
    assert.match(old, /^\*\*services\.webserver\.httpPort\*\*/);
    assert.match(old, /\*\*Renamed to\*\* `services\.webserver\.port` \(mkRenamedOptionModule, webserver\.nix:11\): set `services\.webserver\.port` instead\./);
    assert.match(old, /\*\*services\.webserver\.port\*\*\n\nPort the web server listens on for plain HTTP\.\n\n\*Type:\* port · \*default:\* `80`/);
    const gone = await hover('enableSSLv3');
    assert.match(gone, /^\*\*services\.webserver\.enableSSLv3\*\*/);
    assert.match(gone, /\*\*Removed\*\* \(mkRemovedOptionModule, webserver\.nix:12\): SSLv3 is insecure and no longer supported\./);
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(root, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});

test('pinned machines: renamed in the machine\'s nixpkgs only; a shared file sees both trees', async () => {
  const storeDir = fakeStore();
  const cache = mkdtempSync(path.join(tmpdir(), 'homelab-renames-cache-'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cache, NIX_STORE_DIR: storeDir };
  delete env.NIX_PATH;
  const client = new LspClient(['--stdio'], env);
  const file = (rel: string) => ({ uri: fileUri(path.join(labRoot, rel)), text: readFileSync(path.join(labRoot, rel), 'utf8') });
  const a = file('hosts/a.nix');
  const b = file('hosts/b.nix');
  const common = file('common.nix');
  const hoverAt = async (f: { uri: string; text: string }, needle: string): Promise<string> =>
    (await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: f.uri }, position: positionAt(f.text, f.text.indexOf(needle) + 1) }))?.contents.value ?? '';
  const labels = async (f: { uri: string; text: string }, before: string, typed: string, version: number): Promise<Item[]> => {
    const text = f.text.replace(before, `${typed}\n${before}`);
    client.notify('textDocument/didChange', { textDocument: { uri: f.uri, version }, contentChanges: [{ text }] });
    const list = await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri: f.uri }, position: positionAt(text, text.indexOf(typed) + typed.length) });
    client.notify('textDocument/didChange', { textDocument: { uri: f.uri, version: version + 1 }, contentChanges: [{ text: f.text }] });
    return list.items;
  };
  try {
    await client.initialize(labRoot);
    for (const f of [a, b, common]) client.notify('textDocument/didOpen', { textDocument: { uri: f.uri, languageId: 'nix', version: 1, text: f.text } });
    // Both trees loaded once b's hover has stable's listenPort and a's has the rename (bounded).
    let onA = '';
    let onB = '';
    for (let i = 0; i < 150 && !(/Renamed to/.test(onA) && /\(stable\)/.test(onB)); i++) {
      onA = await hoverAt(a, 'listenPort');
      onB = await hoverAt(b, 'listenPort');
      if (!(/Renamed to/.test(onA) && /\(stable\)/.test(onB))) await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(onA, /^\*\*services\.foo\.listenPort\*\*\n\n\*\*Renamed to\*\* `services\.foo\.port` \(mkRenamedOptionModule, foo\.nix:\d+\): set `services\.foo\.port` instead\./);
    assert.match(onA, /\*\*services\.foo\.port\*\*\n\nPort foo listens on\.\n\n\*Type:\* port/);
    assert.match(onA, /Effective on \*\*a\*\*: `8080` — set here/);
    assert.doesNotMatch(onB, /Renamed/);

    const aFoo = await labels(a, '  homelab.role', '  services.foo.', 2);
    assert.ok(!aFoo.some((x) => x.label === 'services.foo.listenPort'));
    assert.deepEqual(
      aFoo.filter((x) => x.filterText === 'services.foo.listenPort').map((x) => x.label),
      ['services.foo.listenPort → services.foo.port'],
    );
    const bFoo = await labels(b, '  services.foo.enable', '  services.foo.', 2);
    assert.ok(bFoo.some((x) => x.label === 'services.foo.listenPort'));
    assert.ok(!bFoo.some((x) => x.label.includes('→')), bFoo.map((x) => x.label).join(', '));

    // common.nix is on both trees: stable's option, and the rename in unstable.
    const both = await hoverAt(common, 'listenPort');
    assert.match(both, /Port foo listens on \(stable\)/);
    assert.match(both, /In another module tree of this file: \*\*Renamed to\*\* `services\.foo\.port`/);
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(storeDir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
