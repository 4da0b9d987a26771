// The server's own folder watcher on a real folder: one watcher per folder,
// none in `.git`, `node_modules` or a folder git ignores (asked of the
// workspace model), a cap on how many folders (said, not silent), a file
// replaced by a rename reported as changed, and a folder made later watched
// with the files already in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FolderWatcher, type WatchedChange } from '../../../server/src/protocol/folderWatcher';
import { Workspace } from '../../../server/src/model/workspace';
import { nodeFsHost } from '../../../server/src/model/host';
import { pathToUri } from '../../../server/src/model/uri';

function tree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'homelab-watch-'));
  for (const dir of ['profiles', 'lib', '.git/objects', 'node_modules/pkg', 'build/cache', 'archived/old', 'system/app'])
    mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, '.gitignore'), 'build/\n');
  writeFileSync(path.join(root, 'profiles', 'a-config.nix'), '{ }\n');
  return root;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(check(), `timed out waiting for ${what}`);
}

test('one watcher per folder, none in .git, node_modules, git-ignored or excluded folders', () => {
  const root = tree();
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToUri(root), { exclude: ['archived'] });
  const ignored = ws.ignoredFolders(pathToUri(root));
  const watched: string[] = [];
  const w = new FolderWatcher(root, {
    perFolder: true,
    skipFolder: (f) => ignored(pathToUri(f)),
    onChanges: () => undefined,
    onOverflow: () => undefined,
    onError: (m) => assert.fail(m),
  });
  try {
    assert.equal(w.start(), true);
    watched.push(...(w as unknown as { folders: Map<string, unknown> }).folders.keys());
    assert.deepEqual(watched.map((f) => path.relative(root, f)).sort(), ['', 'lib', 'profiles', 'system', 'system/app']);
  } finally {
    w.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('past the cap of folders the rest go unwatched and the log says where', () => {
  const root = tree();
  const errors: string[] = [];
  const w = new FolderWatcher(root, { perFolder: true, maxFolders: 3, onChanges: () => undefined, onOverflow: () => undefined, onError: (m) => errors.push(m) });
  try {
    w.start();
    assert.equal(w.watchedFolders, 3);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /watching only 3 folders of .*: changes on disk under .* are not seen/);
  } finally {
    w.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a file replaced by a rename is reported; so are files of a folder made after the start', async () => {
  const root = tree();
  const seen: WatchedChange[] = [];
  const w = new FolderWatcher(root, { perFolder: true, debounceMs: 20, onChanges: (c) => seen.push(...c), onOverflow: () => undefined, onError: (m) => assert.fail(m) });
  try {
    w.start();
    const profile = path.join(root, 'profiles', 'a-config.nix');
    writeFileSync(`${profile}.tmp`, '{ x = 1; }\n');
    renameSync(`${profile}.tmp`, profile);
    await until(() => seen.some((c) => c.path === profile && c.kind !== 'deleted'), 'the renamed-over profile');
    assert.ok(!seen.some((c) => c.path.endsWith('.tmp')), 'the temporary file is not a homelab file');
    mkdirSync(path.join(root, 'profiles', 'new'));
    writeFileSync(path.join(root, 'profiles', 'new', 'b-config.nix'), '{ }\n');
    await until(() => seen.some((c) => c.path === path.join(root, 'profiles', 'new', 'b-config.nix') && c.kind === 'created'), 'the file in the new folder');
    writeFileSync(path.join(root, 'node_modules', 'pkg', 'x.json'), '{}');
    writeFileSync(path.join(root, 'lib', 'notes.txt'), 'not a homelab file');
    writeFileSync(path.join(root, 'lib', 'defaults.nix'), '{ }\n');
    await until(() => seen.some((c) => c.path.endsWith('defaults.nix')), 'lib/defaults.nix');
    assert.deepEqual(seen.filter((c) => /node_modules|notes\.txt/.test(c.path)), []);
  } finally {
    w.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
