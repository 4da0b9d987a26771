// normalizeUri, isUnder and joinUri: their shortcuts (no string made, answers remembered)
// must answer as the plain definitions do.
// normalizeUri: its shortcut for URIs already in normal form must answer
// exactly as decoding and re-encoding through Node's URL functions does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isUnder, joinUri, normalizeUri } from '../../../server/src/model/uri';

/** The definition: decoded to a path, encoded back. */
function throughUrl(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

test('normalizeUri agrees with decoding and re-encoding, shortcut or not', () => {
  const fixed = [
    'file:///srv/lab/profiles/web-config.nix',
    'file:///srv/lab/a,b=c+d@e:f.nix',
    'file:///srv/lab/dir/',
    'file:///srv/lab/./x.nix',
    'file:///srv/lab/../x.nix',
    'file:///srv//x.nix',
    'file:///srv/.hidden/x',
    'file:///srv/x.',
    'file:///srv/...',
    'file:///srv/~user/x',
    'file:///srv/a%20b',
    'file:///srv/a b',
    'file:///srv/é',
    'file://host/srv/x',
    'untitled:Untitled-1',
  ];
  // Mostly the characters the shortcut accepts, with some it must refuse mixed in.
  const pieces = ['a', 'Z', '7', '_', '+', '@', ',', '=', ':', '-', '.', '/', '..', '//', '~', '%41', ' ', '#', '?', 'ü', '%', '\\', ';', '!', '('];
  let seed = 12345;
  const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const random: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    let u = 'file:///';
    for (let j = 1 + Math.floor(next() * 8); j > 0; j--) u += pieces[Math.floor(next() * pieces.length)];
    random.push(u);
  }
  for (const u of [...fixed, ...random]) assert.equal(normalizeUri(u), throughUrl(u), u);
  // The cases that do change, to show the comparison can fail.
  assert.equal(normalizeUri('file:///srv/lab/./x.nix'), 'file:///srv/lab/x.nix');
  assert.equal(normalizeUri('file:///srv/~user/x'), 'file:///srv/%7Euser/x');
});

test('isUnder answers as "starts with the root and a slash", with or without a trailing slash', () => {
  const startsWithRootAndSlash = (root: string, child: string): boolean => child.startsWith(root.replace(/\/$/, '') + '/');
  const roots = ['file:///a', 'file:///a/', 'file:///', 'file:///a/b', ''];
  const children = ['file:///a', 'file:///a/', 'file:///a/x', 'file:///ab', 'file:///a/b/c', 'file:///', 'file:///b', '/', 'x'];
  for (const root of roots) for (const child of children) assert.equal(isUnder(root, child), startsWithRootAndSlash(root, child), `${root} / ${child}`);
  assert.ok(isUnder('file:///lab', 'file:///lab/profiles/a.nix'));
  assert.ok(!isUnder('file:///lab', 'file:///labs/a.nix'));
});

test('joinUri gives the same answer when asked again, per folder', () => {
  assert.equal(joinUri('file:///lab', 'profiles/a.nix'), 'file:///lab/profiles/a.nix');
  assert.equal(joinUri('file:///lab/', './profiles/../lib/x.nix'), 'file:///lab/lib/x.nix');
  assert.equal(joinUri('file:///other', 'profiles/a.nix'), 'file:///other/profiles/a.nix');
  assert.equal(joinUri('file:///lab', 'profiles/a.nix'), 'file:///lab/profiles/a.nix');
  assert.equal(joinUri('file:///lab', '/etc/nixos/c.nix'), 'file:///etc/nixos/c.nix');
});
