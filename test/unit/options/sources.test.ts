// Where module trees come from: NIX_PATH entries (`nixpkgs=/path`, bare
// directories, URLs never fetched), flake.lock's locked inputs (follows
// resolved) and their store paths computed from `narHash` exactly as Nix does
// (checked against nix-instantiate), the workspace's own modules, the extra
// trees of the setting, and the reason for every source not found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { findOptionSources, lockedInput, lookupNixPath, parseNixPath } from '../../../server/src/model/options/sources';
import { nixBase32, storePathFromNarHash } from '../../../server/src/model/options/storePath';
import { nixEnv, requireNix } from '../nix/nixCli';

function nix(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { env: nixEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout.trim();
}

test('store paths from narHash match Nix (base-32, fingerprint, compression)', () => {
  requireNix();
  const dir = mkdtempSync(path.join(tmpdir(), 'narhash-'));
  try {
    for (const [i, content] of ['hello\n', '{ x = 1; }\n', ''].entries()) {
      const src = path.join(dir, `src${i}`);
      mkdirSync(path.join(src, 'sub'), { recursive: true });
      writeFileSync(path.join(src, 'default.nix'), content);
      writeFileSync(path.join(src, 'sub', 'a.nix'), `${i}`);
      const hex = nix('nix-hash', ['--type', 'sha256', src]);
      assert.equal(nixBase32(Buffer.from(hex, 'hex')), nix('nix-hash', ['--type', 'sha256', '--base32', src]));
      const sri = `sha256-${Buffer.from(hex, 'hex').toString('base64')}`;
      const expected = JSON.parse(nix('nix-instantiate', ['--eval', '--readonly-mode', '-E', `builtins.path { path = ${src}; name = "source"; }`]));
      assert.equal(storePathFromNarHash(sri), expected);
    }
    assert.equal(storePathFromNarHash('sha512-abc'), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('NIX_PATH: prefixed and bare entries, URLs kept whole and never fetched', () => {
  assert.deepEqual(parseNixPath('nixpkgs=/a/b:/c:home-manager=https://github.com/x/y/archive/master.tar.gz:foo=channel:nixos-24.05'), [
    { prefix: 'nixpkgs', path: '/a/b' },
    { path: '/c' },
    { prefix: 'home-manager', path: 'https://github.com/x/y/archive/master.tar.gz' },
    { prefix: 'foo', path: 'channel:nixos-24.05' },
  ]);
  assert.deepEqual(parseNixPath(undefined), []);
  const exists = (p: string) => ['/c/nixpkgs', '/a/b'].includes(p);
  assert.deepEqual(lookupNixPath(parseNixPath('/c:nixpkgs=/a/b'), 'nixpkgs', exists), { path: '/c/nixpkgs' });
  assert.deepEqual(lookupNixPath(parseNixPath('nixpkgs=/nope:nixpkgs=/a/b'), 'nixpkgs', exists), { path: '/a/b' });
  assert.deepEqual(lookupNixPath(parseNixPath('nixpkgs=https://example.org/n.tar.gz'), 'nixpkgs', exists), { reason: 'nixpkgs=https://example.org/n.tar.gz is a URL (never fetched)' });
  assert.deepEqual(lookupNixPath([], 'nixpkgs', exists), { reason: 'NIX_PATH is not set' });
  assert.deepEqual(lookupNixPath(parseNixPath('other=/x'), 'nixpkgs', exists), { reason: "NIX_PATH has no 'nixpkgs' entry" });
});

const LOCK = (narHash: string) =>
  JSON.stringify({
    nodes: {
      hm: { inputs: { nixpkgs: ['nixpkgs'] }, locked: { narHash: 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', owner: 'nix-community', repo: 'home-manager', rev: 'abcdef0123456789', type: 'github' } },
      nixpkgs_2: { locked: { narHash, owner: 'NixOS', repo: 'nixpkgs', rev: '0123456789abcdef0123', type: 'github' } },
      root: { inputs: { 'home-manager': 'hm', nixpkgs: 'nixpkgs_2' } },
    },
    root: 'root',
    version: 7,
  });

test('flake.lock: the locked inputs, follows resolved', () => {
  const lock = LOCK('sha256-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=');
  assert.deepEqual(lockedInput(lock, ['nixpkgs'], 'nixpkgs'), { input: 'nixpkgs', type: 'github', narHash: 'sha256-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=', path: undefined, describe: 'NixOS/nixpkgs@0123456789ab' });
  assert.equal(lockedInput(lock, ['home-manager'], 'home-manager')?.describe, 'nix-community/home-manager@abcdef012345');
  // An input under another name is found by its repository.
  const renamed = lock.replace('"nixpkgs":"nixpkgs_2"', '"nixos-unstable":"nixpkgs_2"');
  assert.equal(lockedInput(renamed, ['nixpkgs'], 'nixpkgs')?.input, 'nixos-unstable');
  // Follows: ["hm", "nixpkgs"] → hm's nixpkgs → root's nixpkgs.
  const follows = lock.replace('"nixpkgs":"nixpkgs_2"}', '"nixpkgs":["home-manager","nixpkgs"],"np":"nixpkgs_2"}').replace('"inputs":{"nixpkgs":["nixpkgs"]}', '"inputs":{"nixpkgs":["np"]}');
  assert.equal(lockedInput(follows, ['nixpkgs'], 'nixpkgs')?.describe, 'NixOS/nixpkgs@0123456789ab');
  assert.equal(lockedInput('{', ['nixpkgs'], 'nixpkgs'), undefined);
});

test('sources: the locked nixpkgs when in the store, else NIX_PATH, each missing one with its reason', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sources-'));
  try {
    const storeDir = path.join(dir, 'store');
    const narHash = 'sha256-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=';
    const storePath = storePathFromNarHash(narHash, storeDir) as string;
    const folder = path.join(dir, 'lab');
    mkdirSync(path.join(folder, 'modules'), { recursive: true });
    writeFileSync(path.join(folder, 'flake.lock'), LOCK(narHash));
    writeFileSync(path.join(folder, 'modules', 'role.nix'), '{ lib, ... }: { options.homelab.role = lib.mkOption { type = lib.types.str; }; }');
    writeFileSync(path.join(folder, 'configuration.nix'), '{ ... }: { networking.hostName = "a"; }');
    const channel = path.join(dir, 'channel');
    mkdirSync(path.join(channel, 'nixos', 'modules'), { recursive: true });

    // Not in the store: never fetched; NIX_PATH's nixpkgs is used instead, and Home Manager is missing.
    let r = findOptionSources({ folders: [folder], nixPath: `nixpkgs=${channel}`, storeDir, extra: ['modules/role.nix', 'nowhere'] });
    assert.deepEqual(r.found.map((s) => [s.kind, s.label, s.tree.root]), [
      ['nixos', 'nixpkgs (NIX_PATH)', path.join(channel, 'nixos', 'modules')],
      ['workspace', 'modules of lab', folder],
      ['extra', 'modules/role.nix', path.join(folder, 'modules', 'role.nix')],
    ]);
    assert.match(r.found[0].via, /NixOS\/nixpkgs@0123456789ab is not in the Nix store/);
    assert.deepEqual(r.found[1].tree.files, [path.join(folder, 'modules', 'role.nix')]);
    assert.deepEqual(r.missing.map((m) => m.kind), ['home-manager', 'extra']);
    assert.match(r.missing[0].reason, /nix-community\/home-manager@abcdef012345 is not in the Nix store/);
    assert.match(r.missing[0].reason, /NIX_PATH has no 'home-manager' entry/);
    assert.match(r.missing[1].reason, /nowhere is not a directory or a \.nix file/);

    // In the store: the flake's nixpkgs wins.
    mkdirSync(path.join(storePath, 'nixos', 'modules'), { recursive: true });
    r = findOptionSources({ folders: [folder], nixPath: `nixpkgs=${channel}`, storeDir });
    assert.deepEqual(r.found[0], {
      kind: 'nixos',
      label: 'nixpkgs (flake.lock)',
      tree: { root: path.join(storePath, 'nixos', 'modules') },
      via: `flake.lock input 'nixpkgs' (NixOS/nixpkgs@0123456789ab) in ${folder}`,
    });

    // Nothing at all.
    r = findOptionSources({ folders: [channel], storeDir });
    assert.deepEqual(r.found, []);
    assert.deepEqual(r.missing.map((m) => m.reason), ['NIX_PATH: NIX_PATH is not set', 'NIX_PATH: NIX_PATH is not set', 'no file declares options']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
