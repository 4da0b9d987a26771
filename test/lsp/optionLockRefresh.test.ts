// `nix flake update` over LSP: a machine pinned to a flake input is judged
// against the tree its flake.lock locks (test/fixtures/options/pinned, the
// trees in a store folder of the test's own, NIX_STORE_DIR). When flake.lock
// changes on disk to lock that input to another tree, the file event
// (workspace/didChangeWatchedFiles for flake.lock) refreshes the option
// indexes and the machine's files are judged against the new tree. Without
// that refresh the pinned index loaded first stays, and the wait below times
// out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, fileUri } from './lspClient';
import { positionAt } from './features/harness';
import { LOCKED_TREES, fakeStore, labRoot } from '../unit/options/helpers';

test('flake.lock changed on disk: a pinned machine follows the newly locked tree', async () => {
  const storeDir = fakeStore();
  const cache = mkdtempSync(path.join(tmpdir(), 'homelab-options-cache-'));
  // A copy of the lab: its flake.lock is rewritten.
  const lab = path.join(realpathSync(mkdtempSync(path.join(tmpdir(), 'homelab-lock-refresh-'))), 'lab');
  cpSync(labRoot, lab, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cache, NIX_STORE_DIR: storeDir };
  delete env.NIX_PATH;
  const client = new LspClient(['--stdio'], env);
  type Diag = { code?: string; message: string };
  // Machine `b` is built from the input `nixpkgs-stable`; `a` from `nixpkgs` (the default tree).
  const b = { uri: fileUri(path.join(lab, 'hosts', 'b.nix')), text: readFileSync(path.join(lab, 'hosts', 'b.nix'), 'utf8') };
  const a = { uri: fileUri(path.join(lab, 'hosts', 'a.nix')), text: readFileSync(path.join(lab, 'hosts', 'a.nix'), 'utf8') };
  const latest = (uri: string): Diag[] | undefined => {
    const all = client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri);
    return (all[all.length - 1]?.params as { diagnostics: Diag[] } | undefined)?.diagnostics;
  };
  const options = (uri: string): string[] => (latest(uri) ?? []).filter((d) => d.code?.startsWith('nixos-')).map((d) => d.message).sort();
  /** Polls the latest diagnostics of `uri` until `done` holds (bounded by a number of rounds, not by a clock reading). */
  const until = async (uri: string, done: (messages: string[]) => boolean, rounds = 150): Promise<string[]> => {
    for (let i = 0; i < rounds && !done(options(uri)); i++) await new Promise((r) => setTimeout(r, 200));
    return options(uri);
  };
  const NEW_OPTION_UNKNOWN = 'unknown option `services.foo.newOption`';
  const RENAMED = '`services.foo.listenPort` was renamed to `services.foo.port`: set `services.foo.port`';
  try {
    // The client registers watchers (dynamicRegistration): the server does not watch the folder itself,
    // so the flake.lock change reaches it only through the notification sent below.
    await client.initialize(lab);
    for (const f of [a, b]) client.notify('textDocument/didOpen', { textDocument: { uri: f.uri, languageId: 'nix', version: 1, text: f.text } });

    // Tree A: `nixpkgs-stable` locked to the stable tree (no `newOption`, `listenPort` not renamed, no "trace").
    const before = await until(b.uri, (m) => m.includes(NEW_OPTION_UNKNOWN));
    assert.deepEqual(before, [
      '`services.foo.logLevel` must be one of "info", "debug", not "trace"',
      'unknown option `programs.git.config`',
      NEW_OPTION_UNKNOWN,
    ]);
    const aBefore = await until(a.uri, (m) => m.length > 0);
    assert.deepEqual(aBefore, [RENAMED, 'unknown option `programs.git.settings`']);
    const text = b.text.replace('  services.foo.enable', '  services.foo.\n  services.foo.enable');
    client.notify('textDocument/didChange', { textDocument: { uri: b.uri, version: 2 }, contentChanges: [{ text }] });
    const completeFoo = async (): Promise<string[]> =>
      (
        await client.request<{ items: { label: string }[] }>('textDocument/completion', {
          textDocument: { uri: b.uri },
          position: positionAt(text, text.indexOf('services.foo.\n') + 'services.foo.'.length),
        })
      ).items.map((x) => x.label);
    const fooBefore = await completeFoo();
    assert.ok(fooBefore.includes('services.foo.listenPort') && !fooBefore.includes('services.foo.newOption'), fooBefore.join(', '));
    client.notify('textDocument/didChange', { textDocument: { uri: b.uri, version: 3 }, contentChanges: [{ text: b.text }] });
    await until(b.uri, (m) => m.includes(NEW_OPTION_UNKNOWN));

    // `nix flake update`: `nixpkgs-stable` now locks tree B (the unstable tree's narHash, so its store path).
    const lockFile = path.join(lab, 'flake.lock');
    const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { nodes: Record<string, { locked: Record<string, unknown> }> };
    lock.nodes['nixpkgs-stable'].locked = { ...lock.nodes['nixpkgs-stable'].locked, narHash: LOCKED_TREES.nixpkgs.narHash, rev: '4444444444444444444444444444444444444444', lastModified: 1718000000 };
    writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(lockFile), type: 2 }] });

    // Tree B: `newOption` is known, `listenPort` is renamed and "trace" allowed (bounded wait).
    const after = await until(b.uri, (m) => !m.includes(NEW_OPTION_UNKNOWN) && m.includes(RENAMED));
    assert.deepEqual(after, [RENAMED, 'unknown option `programs.git.config`'], 'b.nix is judged against the newly locked tree');
    client.notify('textDocument/didChange', { textDocument: { uri: b.uri, version: 4 }, contentChanges: [{ text }] });
    const fooAfter = await completeFoo();
    assert.ok(fooAfter.includes('services.foo.newOption') && fooAfter.includes('services.foo.port'), fooAfter.join(', '));
    assert.ok(!fooAfter.includes('services.foo.listenPort'), fooAfter.join(', '));
    // `a`'s input did not change: the same findings.
    assert.deepEqual(options(a.uri), aBefore);
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(path.dirname(lab), { recursive: true, force: true });
    rmSync(storeDir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
