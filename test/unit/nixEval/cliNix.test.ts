// `homelab-check machines --nix` with Debian's real Nix on a flake whose
// inputs are stand-ins written by the test (standIns.ts): machines built by
// `helper.lib.mkHosts [ … ]`, which the static reading cannot follow, are
// listed "from nix eval"; a locked input missing from the store gives one
// information line and nothing else; the git-ignored secret never reaches the
// store (the folder was named `git+file:`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { makeStandInLab, nixVersion, storeFilesContaining } from './standIns';

const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

function machines(lab: string, env: NodeJS.ProcessEnv, ...extra: string[]): { stdout: string[]; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [cli, 'machines', lab, ...extra], { env, encoding: 'utf8' });
  return { stdout: r.stdout.trimEnd().split('\n'), stderr: r.stderr, status: r.status };
}

test('machines --nix: names only Nix can list appear "from nix eval"; without --nix they do not', () => {
  assert.match(nixVersion(), /^nix \(Nix\) 2\./);
  const { lab, env, storeDir, secretMarker } = makeStandInLab();

  const plain = machines(lab, env);
  assert.equal(plain.status, 0, plain.stderr);
  assert.deepEqual(plain.stdout, ['web  127.0.0.1  deploy-rs → 127.0.0.1  (deploy-rs flake.nix:6)', 'homelab-check: 1 machine']);

  const withNix = machines(lab, env, '--nix');
  assert.equal(withNix.status, 0, withNix.stderr);
  assert.deepEqual(withNix.stdout, [
    'alpha  -  no deploy  (from nix eval: nixosConfigurations)',
    'bravo  -  no deploy  (from nix eval: nixosConfigurations)',
    'web  127.0.0.1  deploy-rs → 127.0.0.1  (deploy-rs flake.nix:6)',
    'homelab-check: 3 machines',
  ]);

  const json = spawnSync(process.execPath, [cli, 'machines', lab, '--nix', '--format', 'json'], { env, encoding: 'utf8' });
  const rows = (JSON.parse(json.stdout) as { machines: { name: string; fromNixEval?: string[]; deploy?: unknown; addresses: string[] }[] }).machines;
  assert.deepEqual(
    rows.map((r) => [r.name, r.fromNixEval, r.deploy === undefined, r.addresses]),
    [
      ['alpha', ['nixosConfigurations'], true, []],
      ['bravo', ['nixosConfigurations'], true, []],
      ['web', undefined, false, ['127.0.0.1']],
    ],
  );
  assert.equal(json.stderr.trim(), '');

  // Named `git+file:`: only tracked files were copied, never the git-ignored secret.
  assert.deepEqual(storeFilesContaining(storeDir, secretMarker), []);
});

test('machines --nix: a locked input missing from the store gives one information line and nothing else', () => {
  const { lab, env } = makeStandInLab({ missingInput: true });
  const r = machines(lab, env, '--nix');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout, [
    'web  127.0.0.1  deploy-rs → 127.0.0.1  (deploy-rs flake.nix:7)',
    'info: flake.nix: nix eval: input `extra` is not in the Nix store, so nothing is evaluated (nothing is fetched): build or `nix flake archive` once online',
    'homelab-check: 1 machine',
  ]);
});
