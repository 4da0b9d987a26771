// The architecture invariants of docs/ARCHITECTURE.md, checked on the source:
// - server layers import only downwards: syntax → model → checks → features → protocol;
// - only server/src/protocol imports vscode-languageserver; the server never imports vscode;
// - the deploy engine, the Proxmox reader and the tree model are plain Node (no vscode import), so they run in tests;
// - every source file starts with a comment saying what it is for;
// - no source file grows far past ~400 lines unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
// `nixEval` runs the real `nix` in the background (protocol) or in CI (cli); the model never spawns it.
const layers = ['syntax', 'model', 'checks', 'features', 'protocol', 'cli', 'nixEval'] as const;
type Layer = (typeof layers)[number];
/** What each layer may import from the server (besides itself). */
const allowed: Record<Layer, Layer[]> = {
  syntax: [],
  model: ['syntax'],
  checks: ['syntax', 'model'],
  features: ['syntax', 'model', 'checks'],
  protocol: ['syntax', 'model', 'checks', 'features', 'nixEval'],
  cli: ['syntax', 'model', 'checks', 'nixEval'],
  nixEval: ['syntax', 'model'],
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

function layerOf(file: string): Layer | undefined {
  const rel = path.relative(path.join(root, 'server', 'src'), file).split(path.sep);
  return layers.find((l) => l === rel[0]);
}

const serverFiles = tsFiles(path.join(root, 'server', 'src'));
const clientFiles = tsFiles(path.join(root, 'client', 'src'));

test('server layers import only the layers below them', () => {
  const violations: string[] = [];
  for (const file of serverFiles) {
    const from = layerOf(file);
    if (!from) continue;
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = layerOf(path.resolve(path.dirname(file), spec));
      if (target && target !== from && !allowed[from].includes(target)) {
        violations.push(`${path.relative(root, file)} (${from}) imports ${spec} (${target})`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('only server/src/protocol speaks LSP; the server never imports vscode', () => {
  const violations: string[] = [];
  for (const file of serverFiles) {
    for (const spec of imports(file)) {
      if (spec === 'vscode') violations.push(`${path.relative(root, file)} imports vscode`);
      if (/^vscode-languageserver(\/|$)/.test(spec) && layerOf(file) !== 'protocol') {
        violations.push(`${path.relative(root, file)} imports ${spec}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});

test('the deploy engine, the Proxmox reader and the tree model run without VS Code', () => {
  const plain = clientFiles.filter((f) => /client\/src\/(deploy\/|proxmox\/|tree\/treeModel|tree\/reachability|tree\/probeScheduler)/.test(f.split(path.sep).join('/')));
  assert.ok(plain.length > 0);
  for (const file of plain) {
    assert.ok(!imports(file).includes('vscode'), `${path.relative(root, file)} must not import vscode`);
  }
});

test('every source file starts with a comment saying what it is for', () => {
  const missing = [...serverFiles, ...clientFiles].filter((f) => !/^\s*(\/\/|\/\*)/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(missing.map((f) => path.relative(root, f)), []);
});

test('no source file is far past ~400 lines', () => {
  const limit = 600; // ~400 is the aim; past 600 a file must be split
  const long = [...serverFiles, ...clientFiles]
    .map((f) => ({ f: path.relative(root, f), lines: readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.lines > limit);
  assert.deepEqual(long, []);
});
