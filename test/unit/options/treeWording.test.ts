// The server words a nixpkgs tree's simple types as that tree's own
// lib/types.nix does: the source found (here through NIX_PATH) carries its
// types.nix, the store passes the phrases to the scan (in a worker, as the
// server builds), and a different types.nix is a different cache entry. A
// Home Manager tree found beside that nixpkgs is worded by it too. The
// fake nixpkgs is written here, in our own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOptionSources } from '../../../server/src/model/options/sources';
import { OptionIndexStore } from '../../../server/src/model/options/store';
import type { OptionTree } from '../../../server/src/model/options/treeIdentity';
import { tsxWorker } from './helpers';

/** A types.nix in the newer style: `port` is the 16 bit integer, sized integers worded with their range, `path` absolute. */
const NEW_TYPES = `{ lib }:
let
  sized = bits: lo: hi: docStart: { description = docStart + "; between \${toString lo} and \${toString hi} (both inclusive)"; };
in rec {
  port = ints.u16;
  path = pathWith { absolute = true; };
}
`;
/** The older style: `port` is its own type, named "port". */
const OLD_TYPES = `{ lib }:
rec {
  port = mkOptionType { name = "port"; description = "port"; };
}
`;

function fakeNixpkgs(typesNix: string | undefined): { root: string; home: string } {
  const root = mkdtempSync(join(tmpdir(), 'homelab-wording-'));
  const pkgs = join(root, 'pkgs');
  mkdirSync(join(pkgs, 'nixos', 'modules', 'services'), { recursive: true });
  mkdirSync(join(pkgs, 'lib'));
  if (typesNix !== undefined) writeFileSync(join(pkgs, 'lib', 'types.nix'), typesNix);
  writeFileSync(join(pkgs, 'nixos', 'modules', 'services', 'relay.nix'), '{ lib, ... }:\n{\n  options.services.relay.listenPort = lib.mkOption { type = lib.types.port; default = 7000; };\n  options.services.relay.stateDir = lib.mkOption { type = lib.types.path; };\n}\n');
  const home = join(root, 'hm');
  mkdirSync(join(home, 'modules', 'programs'), { recursive: true });
  writeFileSync(join(home, 'modules', 'programs', 'pager.nix'), '{ lib, ... }:\n{\n  options.programs.pager.controlPort = lib.mkOption { type = lib.types.port; };\n}\n');
  return { root, home };
}

async function typesOf(typesNix: string | undefined, cacheDir?: string): Promise<{ nixos: Record<string, string>; home: Record<string, string>; from: string }> {
  const f = fakeNixpkgs(typesNix);
  try {
    const s = findOptionSources({ folders: [], nixPath: `nixpkgs=${join(f.root, 'pkgs')}:home-manager=${f.home}` });
    const nixos = s.found.find((x) => x.kind === 'nixos');
    const hm = s.found.find((x) => x.kind === 'home-manager');
    assert.ok(nixos && hm, JSON.stringify(s));
    assert.equal(nixos.tree.typesNix !== undefined, typesNix !== undefined);
    const store = new OptionIndexStore({ startWorker: tsxWorker, ...(cacheDir ? { cacheDir } : {}) });
    const n = await store.get(nixos.tree);
    const h = await store.get(hm.tree);
    const map = (o: { path: string[]; type: string }[]): Record<string, string> => Object.fromEntries(o.map((x) => [x.path.join('.'), x.type]));
    return { nixos: map(n.data.options), home: map(h.data.options), from: n.from };
  } finally {
    rmSync(f.root, { recursive: true, force: true });
  }
}

test("a nixpkgs tree's types are worded by its own lib/types.nix (built in a worker); Home Manager beside it too", async () => {
  const r = await typesOf(NEW_TYPES);
  assert.deepEqual(r.nixos, { 'services.relay.listenPort': '16 bit unsigned integer; between 0 and 65535 (both inclusive)', 'services.relay.stateDir': 'absolute path' });
  assert.deepEqual(r.home, { 'programs.pager.controlPort': '16 bit unsigned integer; between 0 and 65535 (both inclusive)' });
  const old = await typesOf(OLD_TYPES);
  assert.deepEqual(old.nixos, { 'services.relay.listenPort': 'port', 'services.relay.stateDir': 'path' });
});

test('another lib/types.nix beside the same tree is another cache entry, not the old wording', async () => {
  const f = fakeNixpkgs(OLD_TYPES);
  const cacheDir = mkdtempSync(join(tmpdir(), 'homelab-wording-cache-'));
  try {
    const tree = (): OptionTree => {
      const s = findOptionSources({ folders: [], nixPath: `nixpkgs=${join(f.root, 'pkgs')}` });
      const t = s.found.find((x) => x.kind === 'nixos')?.tree;
      assert.ok(t);
      return t;
    };
    const port = (o: { path: string[]; type: string }[]): string | undefined => o.find((x) => x.path.join('.') === 'services.relay.listenPort')?.type;
    const first = await new OptionIndexStore({ cacheDir }).get(tree());
    assert.equal(first.from, 'build');
    assert.equal(port(first.data.options), 'port');
    const again = await new OptionIndexStore({ cacheDir }).get(tree());
    assert.equal(again.from, 'cache');
    writeFileSync(join(f.root, 'pkgs', 'lib', 'types.nix'), NEW_TYPES);
    const changed = await new OptionIndexStore({ cacheDir }).get(tree());
    assert.equal(changed.from, 'build');
    assert.equal(port(changed.data.options), '16 bit unsigned integer; between 0 and 65535 (both inclusive)');
  } finally {
    rmSync(f.root, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
