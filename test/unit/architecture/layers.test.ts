// The architecture invariants of docs/ARCHITECTURE.md, checked on the source:
// - server layers import only downwards: syntax → model → checks → features → protocol;
// - only server/src/protocol imports vscode-languageserver; the server never imports vscode;
// - the client's parts import only what they stand on: the view (tree/) draws the store, the store knows
//   nothing of the view or the commands, the deploy engine and the probes nothing of the view;
// - only client/src/settings reads VS Code's configuration, only client/src/trust.ts reads Workspace Trust;
// - the deploy engine, the Proxmox reader, the store and the tree model are plain Node (no vscode import), so they run in tests;
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

/** A client file's part: its folder under client/src, or its own name for a file at the top. */
function clientPartOf(file: string): string | undefined {
  const rel = path.relative(path.join(root, 'client', 'src'), file).split(path.sep);
  if (rel[0] === '..') return undefined;
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.ts$/, '');
}

/** What each part of the client may import from client/src (besides itself); `*`: anything. */
const clientAllowed: Record<string, string[] | '*'> = {
  extension: '*',
  commands: '*',
  // The view draws the store; `Reachability` (a probe's answer) is a type of probes/reachability.ts.
  tree: ['store', 'probes'],
  // The store knows nothing of the view or the commands; it keeps a probe's answer (a type).
  store: ['probes'],
  // The probes write into the store; they read settings and trust.
  probes: ['store', 'settings', 'trust'],
  // The deploy engine stands on the probes' SSH banner reader, not on the view.
  deploy: ['probes'],
  // The Proxmox reader runs ssh the way deploys do (validation, redaction, ssh errors).
  proxmox: ['deploy'],
  settings: [],
  trust: [],
  serverHealth: [],
  languageClient: ['settings', 'trust'],
};

test('client parts import only what they stand on: the view draws the store, the store and the engines know nothing of the view', () => {
  const violations: string[] = [];
  for (const file of clientFiles) {
    const from = clientPartOf(file);
    const may = from === undefined ? undefined : clientAllowed[from];
    if (may === undefined) {
      violations.push(`${path.relative(root, file)}: part ${from} is not in the table; say what it may import`);
      continue;
    }
    if (may === '*') continue;
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = clientPartOf(path.resolve(path.dirname(file), spec));
      if (target && target !== from && !may.includes(target)) violations.push(`${path.relative(root, file)} (${from}) imports ${spec} (${target})`);
    }
  }
  assert.deepEqual(violations, []);
});

test('only client/src/settings reads the configuration; only client/src/trust.ts reads Workspace Trust', () => {
  const violations: string[] = [];
  for (const file of clientFiles) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const text = readFileSync(file, 'utf8');
    if (/\bgetConfiguration\s*\(/.test(text) && rel !== 'client/src/settings/index.ts') violations.push(`${rel} calls getConfiguration`);
    if (/\b(isTrusted|onDidGrantWorkspaceTrust)\b/.test(text) && rel !== 'client/src/trust.ts') violations.push(`${rel} reads Workspace Trust`);
  }
  assert.deepEqual(violations, []);
});

test('the deploy engine, the Proxmox reader, the store and the tree model run without VS Code', () => {
  const plain = clientFiles.filter((f) =>
    /client\/src\/(deploy\/|proxmox\/|store\/|settings\/schema|tree\/treeModel|probes\/reachability|probes\/probeScheduler)/.test(f.split(path.sep).join('/')),
  );
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
