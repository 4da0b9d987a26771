// Path literals as Nix reads them, with the real Nix as the oracle. A folder
// imported as `./.` from inside it (a common way for a module's
// helper file to pull in its folder's default.nix) is the same file as the
// folder imported by name: Nix's path `./.` has no trailing slash (the real
// Nix is the oracle), so the machine lists the module once (a
// `…/k3s//default.nix` spelling listed it twice on a real fleet, and the
// option rules' findings in it were dropped as not the file's own URI). A
// path added to a path appends its text (`self + /modules/x.nix`, where a
// flake's `self` is a set whose outPath is its folder: nixos-unified's
// configurations import their modules this way).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NixEvaluator, resolveUri } from '../../../server/src/syntax/nix';
import { nodeFsHost } from '../../../server/src/model/host';
import { Workspace } from '../../../server/src/model/workspace';

test('`./.` and `../.` resolve as Nix resolves them: the folder, without a trailing slash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'homelab-dot-path-'));
  try {
    const file = pathToFileURL(join(dir, 'mod.nix')).href;
    for (const p of ['./.', '../.', './sub/..']) {
      const r = spawnSync('nix-instantiate', ['--eval', '--expr', `toString ${p}`], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const nix = JSON.parse(r.stdout.trim()) as string;
      assert.equal(resolveUri(p, file), pathToFileURL(nix).href, p);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder imported as `./.` and by name is one module of the machine, on disk', () => {
  const files: Record<string, string> = {
    'flake.nix': `{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem { modules = [ ./hosts/web.nix ]; };
  };
}
`,
    'hosts/web.nix': `{ ... }: {\n  imports = [ ../modules/cluster/server.nix ../modules/cluster ];\n  networking.hostName = "web";\n}\n`,
    'modules/cluster/server.nix': `{ ... }: {\n  imports = [ ./. ];\n  services.openssh.enable = true;\n}\n`,
    'modules/cluster/default.nix': `{ ... }: {\n  networking.firewall.allowedTCPPorts = [ 6443 ];\n}\n`,
  };
  const dir = mkdtempSync(join(tmpdir(), 'homelab-folder-import-'));
  try {
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    const ws = new Workspace(nodeFsHost());
    ws.addFolder(pathToFileURL(dir).href);
    const web = ws.homelabs()[0]?.nixosMachines.get('web');
    assert.ok(web);
    const cluster = web.moduleFiles.filter((u) => u.includes('/modules/cluster/'));
    assert.deepEqual(cluster.map((u) => u.slice(u.indexOf('/modules/'))).sort(), ['/modules/cluster/default.nix', '/modules/cluster/server.nix']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a path added to a path appends its text, as Nix does (`self + /modules/x.nix`), also through a set with outPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'homelab-path-add-'));
  try {
    const file = join(dir, 'paths.nix');
    const exprs = ['/srv/lab + /modules/x.nix', './. + /sub/x.nix', '/srv/lab + "/modules/y.nix"'];
    writeFileSync(file, `[ ${exprs.map((e) => `(${e})`).join(' ')} ]\n`);
    const ours = new NixEvaluator({ readText: (u) => (u === pathToFileURL(file).href ? readFileSync(file, 'utf8') : undefined) }).evaluateFile(pathToFileURL(file).href);
    assert.equal(ours.kind, 'list');
    exprs.forEach((e, i) => {
      const r = spawnSync('nix-instantiate', ['--eval', '--expr', `toString (${e})`], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const item = ours.kind === 'list' ? ours.items[i] : undefined;
      assert.equal(item?.kind, 'path', e);
      assert.equal(item?.kind === 'path' ? item.value : '', pathToFileURL(JSON.parse(r.stdout.trim()) as string).href, e);
    });
    // A flake's `self` is a set whose outPath is the flake's folder: `self + /x` is a path below it.
    writeFileSync(file, `let self = { outPath = ./.; }; in self + /modules/z.nix\n`);
    const viaSelf = new NixEvaluator({ readText: (u) => (u === pathToFileURL(file).href ? readFileSync(file, 'utf8') : undefined) }).evaluateFile(pathToFileURL(file).href);
    assert.equal(viaSelf.kind === 'path' ? viaSelf.value : viaSelf.kind, pathToFileURL(join(dir, 'modules/z.nix')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
