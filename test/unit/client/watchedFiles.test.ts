// One list of watched files: the VS Code client's file watchers, the globs the
// server registers with other clients and the server's own folder watcher all
// come from server/src/protocol/watchedFiles.ts. The client is bundled here
// as for the extension, with stand-ins for `vscode` and the language client
// library that record the watchers it creates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { WATCHED_GLOBS, isWatchedFile } from '../../../server/src/protocol/watchedFiles';
import { matchGlob } from '../../../server/src/model/glob';

const root = path.resolve(__dirname, '..', '..', '..');

const FAKE_VSCODE = `
  exports.watched = [];
  exports.workspace = {
    createFileSystemWatcher: (glob) => { exports.watched.push(glob); return { glob }; },
    workspaceFolders: [],
    getConfiguration: () => ({ get: () => undefined }),
  };
  exports.extensions = { getExtension: () => undefined };
`;
const FAKE_CLIENT = `
  exports.TransportKind = { stdio: 0 };
  exports.LanguageClient = class { constructor(id, name, server, options) { this.options = options; } };
`;

async function clientWatchers(): Promise<string[]> {
  const out = await esbuild.build({
    entryPoints: [path.join(root, 'client', 'src', 'languageClient.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    plugins: [
      {
        name: 'stand-ins',
        setup(build) {
          build.onResolve({ filter: /^(vscode|vscode-languageclient\/node)$/ }, (a) => ({ path: a.path, namespace: 'fake' }));
          build.onLoad({ filter: /.*/, namespace: 'fake' }, (a) => ({ contents: a.path === 'vscode' ? FAKE_VSCODE : FAKE_CLIENT, loader: 'js' }));
        },
      },
    ],
  });
  // The bundle inlines both stand-ins; run it and call the client's factory.
  const exportsOf = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(exportsOf, exportsOf.exports, require);
  const create = exportsOf.exports.createLanguageClient as (ctx: unknown, output: unknown) => { options: { synchronize: { fileEvents: { glob: string }[] } } };
  const client = create({ asAbsolutePath: (p: string) => path.join(root, p) }, {});
  return client.options.synchronize.fileEvents.map((w) => w.glob);
}

test('the VS Code client watches exactly the list the server registers and watches (with .gitignore)', async () => {
  const client = await clientWatchers();
  assert.deepEqual(client, [...WATCHED_GLOBS]);
  assert.ok(client.includes('**/.gitignore'), 'a .gitignore change reaches the server from VS Code');
});

test("the server's folder watcher takes the files the globs name, and only those", () => {
  const paths = ['profiles/a-config.nix', 'homelab.yaml', 'inv/homelab.yml', 'schemas/x.schema.json', '.gitignore', 'sub/.gitignore', 'flake.lock', 'sub/flake.lock', 'README.md', 'notes.txt', 'a.nix.tmp', 'flake.lock.bak', 'x.gitignore'];
  for (const p of paths) {
    const byGlob = WATCHED_GLOBS.some((g) => matchGlob(g, p));
    assert.equal(isWatchedFile(`/lab/${p}`), byGlob, p);
  }
  assert.ok(paths.filter((p) => isWatchedFile(p)).length >= 8);
});
