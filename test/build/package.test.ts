// The build produces its bundles, and `npm run package` a .vsix that holds
// what runs and nothing else (no sources, tests, node_modules or maps); the
// files the README's `unzip` names are a language server that starts alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listZip, readZipEntry } from './zip';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  contributes: { grammars: { path: string }[]; snippets: { path: string }[]; languages: { configuration?: string }[] };
};

test('the bundles are built into dist/', () => {
  for (const bundle of ['extension.js', 'server.js', 'serverMain.js', 'cli.js']) {
    const file = path.join(root, 'dist', bundle);
    assert.ok(existsSync(file), `dist/${bundle} exists`);
    assert.ok(statSync(file).size > 0);
    assert.ok(existsSync(file + '.map'), `dist/${bundle}.map (source map) exists`);
  }
  assert.match(readFileSync(path.join(root, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node/);
  // The client bundle must leave `vscode` to the host, and carry the language client inside.
  const extension = readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8');
  assert.match(extension, /require\("vscode"\)/);
});

test("the language server's launcher starts node with the server's V8 flags, for editors that run it as a command", () => {
  const flags = JSON.parse(readFileSync(path.join(root, 'server', 'src', 'protocol', 'serverNodeFlags.json'), 'utf8')) as string[];
  const launcher = path.join(root, 'dist', 'server.js');
  const firstLine = readFileSync(launcher, 'utf8').split('\n')[0];
  assert.equal(firstLine, flags.length ? `#!/usr/bin/env -S node ${flags.join(' ')}` : '#!/usr/bin/env node');
  assert.ok((statSync(launcher).mode & 0o111) !== 0, 'executable, as `homelab-language-server` is');
});

test('npm run package produces a small .vsix with only what runs', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-vsix-'));
  try {
    const vsix = path.join(dir, `${manifest.name}-${manifest.version}.vsix`);
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--out', vsix], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, `packaging failed:\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /packaged .*\.vsix: [\d.]+ KiB/);
    const size = statSync(vsix).size;
    assert.ok(size < 1024 * 1024, `the .vsix is ${size} bytes; the target is below 1 MB`);

    const names = listZip(vsix).map((e) => e.name);
    const required = [
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/serverMain.js',
      'extension/dist/cli.js',
      'extension/readme.md',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/media/icon.png',
      'extension/media/homelab.svg',
      'extension/schemas/inventory.schema.json',
      'extension/schemas/profile-settings.schema.json',
      ...manifest.contributes.grammars.map((g) => `extension/${path.posix.normalize(g.path)}`),
      ...manifest.contributes.snippets.map((s) => `extension/${path.posix.normalize(s.path)}`),
      ...manifest.contributes.languages.flatMap((l) => (l.configuration ? [`extension/${path.posix.normalize(l.configuration)}`] : [])),
    ];
    for (const name of required) assert.ok(names.includes(name), `${name} is in the .vsix (has: ${names.join(', ')})`);
    const forbidden = names.filter(
      (n) =>
        n.includes('node_modules/') ||
        /\.(ts|map|mjs)$/.test(n) ||
        /^extension\/(test|server|client|scripts|bench|examples|docs|\.ci|\.vscode)\//.test(n),
    );
    assert.deepEqual(forbidden, [], 'no sources, tests, maps or node_modules in the .vsix');

    // The README's way to get the server for another editor: the entries its unzip names, and nothing else.
    const unzip = /`unzip -j homelab-profiles-[\d.]+\.vsix ((?:extension\/\S+ )+)-d /.exec(readFileSync(path.join(root, 'README.md'), 'utf8'));
    assert.ok(unzip, "the README's unzip command");
    const alone = path.join(dir, 'alone');
    for (const name of unzip[1].trim().split(' ')) {
      const entry = listZip(vsix).find((e) => e.name === name);
      assert.ok(entry, `${name} (named by the README) is in the .vsix`);
      mkdirSync(alone, { recursive: true });
      writeFileSync(path.join(alone, path.basename(name)), readZipEntry(vsix, entry));
    }
    assert.match(await initializeAnswer(path.join(alone, 'server.js')), /"serverInfo"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm pack: a tarball for other editors and CI with the language server and homelab-check as bins', () => {
  // --ignore-scripts: npm test has just built dist/ (prepack would build it again).
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [packed] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['dist/server.js', 'dist/serverMain.js', 'dist/cli.js', 'package.json', 'README.md', 'schemas/inventory.schema.json']) assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
  assert.deepEqual(files.filter((f) => /^(server|client|test|bench|examples)\//.test(f) || f.endsWith('.ts')), []);
  const bin = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;
  assert.equal(bin['homelab-language-server'], './dist/server.js');
  assert.match(readFileSync(path.join(root, 'dist', 'server.js'), 'utf8'), /^#!\/usr\/bin\/env (-S )?node/);
});

/** The answer to `initialize` of `node <server> --stdio` started in a folder of its own (no cache written). */
function initializeAnswer(server: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [server, '--stdio'], { env: { ...process.env, HOMELAB_CODE_CACHE: 'off' }, stdio: 'pipe' });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no initialize answer in 20 s; stderr: ${err}`));
    }, 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('"id":1')) {
        clearTimeout(timer);
        child.kill();
        resolve(out);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes('"id":1')) reject(new Error(`the server exited (${code}) before answering: ${err}`));
    });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}
