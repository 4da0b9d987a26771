// Diagnostics as an editor receives them over a real stdio connection:
// examples/homelab is clean; examples/broken yields exactly the seeded
// mistakes of its expected.json; fixing a mistake in an open document clears
// it; with the Nix IDE extension present, Nix syntax problems are left to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileUri, repoRoot } from './lspClient';
import { copyExample, isDiagnosticsFor, latestDiagnostics, startOn } from './helpers';

const homelab = path.join(repoRoot, 'examples', 'homelab');
const broken = path.join(repoRoot, 'examples', 'broken');
const expected = JSON.parse(readFileSync(path.join(broken, 'expected.json'), 'utf8')) as { rule: string; file: string; line: number }[];

function found(folder: string, diagnostics: ReturnType<typeof latestDiagnostics>): string[] {
  const rows: string[] = [];
  for (const [uri, list] of diagnostics) {
    const file = path.relative(folder, fileURLToPath(uri));
    for (const d of list) rows.push(`${d.code} ${file}:${d.range.start.line + 1}`);
  }
  return rows.sort();
}

test('examples/homelab gets no diagnostics at all', async () => {
  const client = await startOn(homelab);
  try {
    assert.deepEqual(found(homelab, latestDiagnostics(client)), []);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('examples/broken gets exactly its seeded mistakes, each at its line', async () => {
  const client = await startOn(broken);
  try {
    const want = expected.map((e) => `${e.rule} ${e.file}:${e.line}`).sort();
    assert.deepEqual(found(broken, latestDiagnostics(client)), want);
    // Every diagnostic says which rule it is and carries a readable message.
    for (const list of latestDiagnostics(client).values()) {
      for (const d of list) {
        assert.equal(d.source, 'homelab');
        assert.ok(d.message.length > 10, d.message);
        assert.doesNotMatch(d.message, /must match pattern|must NOT have/, 'Ajv jargon is translated');
      }
    }
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('fixing a misspelt flag in an open profile clears its diagnostic', async () => {
  const dir = copyExample('broken');
  const client = await startOn(dir);
  try {
    const file = path.join(dir, 'profiles', 'LXC_plane-config.nix');
    const uri = fileUri(file);
    const text = readFileSync(file, 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text } });
    const first = await client.waitForNotification(isDiagnosticsFor(uri));
    const before = (first.params as { diagnostics: { code: string; message: string }[] }).diagnostics;
    const unknown = before.find((d) => d.code === 'unknown-setting');
    assert.ok(unknown, 'the misspelt flag is reported');
    assert.match(unknown.message, /dockerEnabel/);
    assert.match(unknown.message, /dockerEnable/, 'with a did-you-mean');

    const offset = text.indexOf('dockerEnabel');
    const line = text.slice(0, offset).split('\n').length - 1;
    const character = offset - text.lastIndexOf('\n', offset - 1) - 1;
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: character + 'dockerEna'.length }, end: { line, character: character + 'dockerEnabel'.length } }, text: 'ble' }],
    });
    const after = await client.waitForNotification(isDiagnosticsFor(uri, 2));
    const codes = (after.params as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('unknown-setting'), `after the fix: ${codes.join(', ')}`);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with the Nix IDE extension installed, Nix syntax problems are left to its server', async () => {
  const client = await startOn(broken, { nixIdeInstalled: true });
  try {
    const codes = found(broken, latestDiagnostics(client)).map((row) => row.split(' ')[0]);
    for (const rule of ['nix-syntax', 'nix-undefined-variable', 'nix-duplicate-attribute', 'nix-unused-binding']) {
      assert.ok(!codes.includes(rule), `${rule} is not published twice`);
    }
    assert.ok(codes.includes('unknown-setting'), 'homelab rules are still published');
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('a file with thousands of problems: at most 1,000 published, errors first, and one line says how many are left out', async () => {
  const dir = copyExample('homelab');
  const client = await startOn(dir);
  try {
    const file = path.join(dir, 'profiles', 'LXC_many-config.nix');
    const uri = fileUri(file);
    // 1,500 misspelt settings (warnings) and, after them, 40 bindings without a value (errors).
    const unknown = Array.from({ length: 1_500 }, (_, i) => `    notASetting${i} = true;\n`).join('');
    const broken = Array.from({ length: 40 }, (_, i) => `    alsoBroken${i} = ;\n`).join('');
    const text = `let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = base.systemSettings // {\n${unknown}${broken}  };\n  userSettings = base.userSettings;\n}\n`;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text } });
    await client.request('homelab/checkWorkspace', {});
    const list = latestDiagnostics(client).get(uri) ?? [];
    assert.equal(list.length, 1_000);
    const leftOut = list.filter((d) => d.code === 'too-many-problems');
    assert.equal(leftOut.length, 1);
    const hidden = Number(/^(\d+) more problems/.exec(leftOut[0].message)?.[1]);
    const errors = list.filter((d) => d.severity === 1);
    assert.equal(errors.length, 40, 'every error is kept, though they come last in the file');
    assert.ok(hidden >= 1_540 - 999, `${leftOut[0].message}`);
    assert.ok(list.filter((d) => d.code === 'unknown-setting').length >= 900, 'the rest are the warnings');
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
