// Awkward workspaces over real LSP: import cycles, a profile importing a
// directory, symlink loops, a file deleted while open, a file over the size
// limit, binary and git-crypt files, 10,000 unrelated files, deep nesting.
// After each the server keeps answering, logs no internal error, and its
// memory stays under a sanity bound (figures printed, never timed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileUri } from '../lsp/lspClient';
import { assertHealthy, diagnosticsFor, exercise, removeDir, request, startServer, stop, tempHomelab } from './helpers';

const base = 'let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = base.systemSettings // { hostname = "HOST"; };\n  userSettings = base.userSettings;\n}\n';

test('import cycles: a imports b imports a, and a file importing itself', async () => {
  const a = 'let b = import ./LXC_cyclea-config.nix; c = import ./LXC_cycleb-config.nix; in b // c // { systemSettings = { hostname = "a"; }; }\n';
  const b = 'let a = import ./LXC_cyclea-config.nix; in a // { systemSettings = { hostname = "b"; }; }\n';
  const dir = tempHomelab({ 'profiles/LXC_cyclea-config.nix': a, 'profiles/LXC_cycleb-config.nix': b, 'profiles/LXC_self-config.nix': 'import ./LXC_self-config.nix\n' });
  const client = await startServer(dir);
  try {
    await exercise(client, path.join(dir, 'profiles/LXC_cyclea-config.nix'), a);
    await exercise(client, path.join(dir, 'profiles/LXC_cycleb-config.nix'), b);
    await exercise(client, path.join(dir, 'profiles/LXC_self-config.nix'), 'import ./LXC_self-config.nix\n');
    await assertHealthy(client, 'import cycle');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});

test('a profile importing a directory, a missing file, and a non-Nix file', async () => {
  const text = 'let d = import ./.; l = import ../lib; m = import ./missing.nix; r = import ../README.md; in d // l // m // r // { systemSettings = { hostname = "dir"; }; }\n';
  const dir = tempHomelab({ 'profiles/LXC_dir-config.nix': text });
  const client = await startServer(dir);
  try {
    await exercise(client, path.join(dir, 'profiles/LXC_dir-config.nix'), text);
    await assertHealthy(client, 'import of a directory');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});

test('symlink loops in the workspace', async () => {
  const dir = tempHomelab();
  symlinkSync('.', path.join(dir, 'loop'));
  symlinkSync('..', path.join(dir, 'profiles', 'up'));
  symlinkSync('selfLink.nix', path.join(dir, 'profiles', 'selfLink.nix'));
  symlinkSync('LXC_b-link-config.nix', path.join(dir, 'profiles', 'LXC_a-link-config.nix'));
  symlinkSync('LXC_a-link-config.nix', path.join(dir, 'profiles', 'LXC_b-link-config.nix'));
  const text = 'let x = import ./selfLink.nix; y = import ./LXC_a-link-config.nix; z = import ../loop/loop/loop/homelab.yaml; in x // y // z\n';
  writeFileSync(path.join(dir, 'profiles', 'LXC_links-config.nix'), text);
  const client = await startServer(dir);
  try {
    await exercise(client, path.join(dir, 'profiles', 'LXC_links-config.nix'), text);
    await assertHealthy(client, 'symlink loop');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});

test('a file deleted while open, then closed', async () => {
  const dir = tempHomelab();
  const client = await startServer(dir);
  try {
    const file = path.join(dir, 'profiles', 'LXC_proxy-config.nix');
    const text = readFileSync(file, 'utf8');
    await exercise(client, file, text);
    unlinkSync(file);
    unlinkSync(path.join(dir, 'profiles', 'LXC-base-config.nix'));
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: fileUri(file), type: 3 },
        { uri: fileUri(path.join(dir, 'profiles', 'LXC-base-config.nix')), type: 3 },
      ],
    });
    await request(client, 'textDocument/completion', { textDocument: { uri: fileUri(file) }, position: { line: 2, character: 2 } });
    client.notify('textDocument/didClose', { textDocument: { uri: fileUri(file) } });
    await request(client, 'textDocument/hover', { textDocument: { uri: fileUri(file) }, position: { line: 2, character: 2 } });
    await request(client, 'textDocument/completion', { textDocument: { uri: fileUri(file) }, position: { line: 2, character: 2 } });
    await assertHealthy(client, 'file deleted while open');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});

test('a file over the 5 MB limit: exactly one information diagnostic, on disk and open', async () => {
  const big = '# padding\n'.repeat(600_000) + base.replace('HOST', 'big');
  const dir = tempHomelab({ 'profiles/LXC_big-config.nix': big });
  const uri = fileUri(path.join(dir, 'profiles/LXC_big-config.nix'));
  const client = await startServer(dir);
  try {
    await request(client, 'homelab/checkWorkspace', {});
    const onDisk = diagnosticsFor(client, uri);
    assert.equal(onDisk?.length, 1, `diagnostics of the closed big file: ${JSON.stringify(onDisk)}`);
    assert.equal(onDisk?.[0].severity, 3, 'information');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text: big + '{ broken' } });
    await request(client, 'textDocument/completion', { textDocument: { uri }, position: { line: 600_001, character: 3 } });
    await request(client, 'homelab/checkWorkspace', {});
    const open = diagnosticsFor(client, uri);
    assert.equal(open?.length, 1, `diagnostics of the open big file (a syntax error is not reported: it is not parsed): ${JSON.stringify(open?.slice(0, 3))}`);
    assert.equal(open?.[0].severity, 3);
    await assertHealthy(client, 'file too large');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});

test('binary and git-crypt files as profiles, modules and inventory', async () => {
  const crypt = Buffer.concat([Buffer.from('\0GITCRYPT\0', 'latin1'), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) & 255))]);
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 104729) & 255));
  const dir = tempHomelab({ 'profiles/LXC_crypt-config.nix': crypt, 'profiles/LXC_bin-config.nix': binary, 'system/app/bin.nix': binary, 'homelab.yml': crypt });
  const client = await startServer(dir);
  try {
    await exercise(client, path.join(dir, 'secrets/domains.nix'), readFileSync(path.join(dir, 'secrets/domains.nix')).toString('utf8'));
    await exercise(client, path.join(dir, 'profiles/LXC_bin-config.nix'), binary.toString('utf8'));
    await exercise(client, path.join(dir, 'homelab.yml'), crypt.toString('latin1'), 'yaml');
    await assertHealthy(client, 'binary and git-crypt');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});

test('a workspace with 10,000 unrelated files starts and answers', async () => {
  const dir = tempHomelab();
  for (let d = 0; d < 100; d++) {
    mkdirSync(path.join(dir, 'notes', `d${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(path.join(dir, 'notes', `d${d}`, `n${f}.${f % 3 === 0 ? 'nix' : f % 3 === 1 ? 'yaml' : 'txt'}`), `# note ${d}/${f}\n`);
  }
  const started = performance.now();
  const client = await startServer(dir);
  try {
    const ready = performance.now() - started;
    const profile = path.join(dir, 'profiles', 'LXC_monitoring-config.nix');
    await exercise(client, profile, readFileSync(profile, 'utf8'));
    console.log(`  10,000 unrelated files: ready (initialize + first whole check) after ${ready.toFixed(0)} ms, first requests answered after ${(performance.now() - started).toFixed(0)} ms`);
    await assertHealthy(client, '10,000 unrelated files');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});

test('10,000-deep nesting of {, [, ( and let in Nix, and of [ and { in YAML, without stack overflow', async () => {
  const dir = tempHomelab();
  const client = await startServer(dir);
  const n = 10_000;
  const nix: Record<string, string> = {
    braces: '{ a = '.repeat(n) + '1' + '; }'.repeat(n),
    bracesUnclosed: '{ a = '.repeat(n),
    lists: '['.repeat(n) + ']'.repeat(n),
    parens: '('.repeat(n) + '1' + ')'.repeat(n),
    parensUnclosed: '('.repeat(n),
    let: 'let x = 1; in '.repeat(n) + 'x',
    letUnclosed: 'let x = '.repeat(n),
  };
  try {
    for (const [name, text] of Object.entries(nix)) {
      await exercise(client, path.join(dir, 'profiles', `LXC_deep${name}-config.nix`), text);
      await assertHealthy(client, `deep Nix ${name}`);
    }
    await exercise(client, path.join(dir, 'homelab.yaml'), 'containers: ' + '['.repeat(n) + ']'.repeat(n) + '\n', 'yaml');
    await exercise(client, path.join(dir, 'homelab.yaml'), 'containers: ' + '{a: '.repeat(n) + '1' + '}'.repeat(n) + '\n', 'yaml');
    await assertHealthy(client, 'deep YAML');
  } finally {
    await stop(client);
    removeDir(dir);
  }
});
