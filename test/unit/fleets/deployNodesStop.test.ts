// deploy-rs nodes built from something not known statically (`mapAttrs …
// config.nixosConfigurations` where a framework from an input builds those):
// the machines found elsewhere stay, and the stop names `deploy.nodes` on its
// line, so a missing deploy target is never silent. A literal node set is no stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../server/src/cli/main';

const FLAKE = `{
  inputs.flake-parts.url = "github:hercules-ci/flake-parts";
  inputs.den.url = "github:vic/den";
  outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } {
    systems = [ "x86_64-linux" ];
    imports = [ inputs.den.flakeModule ./hosts.nix ./deploy.nix ];
  };
}
`;
const HOSTS = `{ ... }:
{
  den.hosts.x86_64-linux.kiosk.users.ana = { };
  den.aspects.kiosk.nixos.networking.hostName = "kiosk";
}
`;
const DEPLOY_FROM_CONFIG = `{ ... }:
{
  flake = { lib, config, ... }: {
    deploy.nodes = lib.mapAttrs (name: _: { hostname = name; }) config.nixosConfigurations;
  };
}
`;
const DEPLOY_LITERAL = `{ ... }:
{
  flake.deploy.nodes.kiosk = { hostname = "kiosk.lan"; profiles.system.path = null; };
}
`;

async function listing(deploy: string): Promise<{ machines: { name: string }[]; stopped: { file: string; line: number; kind: string; reason: string }[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-nodes-'));
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'flake.nix'), FLAKE);
    writeFileSync(join(dir, 'hosts.nix'), HOSTS);
    writeFileSync(join(dir, 'deploy.nix'), deploy);
    const out: string[] = [];
    await main(['machines', dir, '--format', 'json'], (s) => out.push(s));
    return JSON.parse(out.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('deploy.nodes built from what is not known: the machine stays, the stop names deploy.nodes on its line', async () => {
  const r = await listing(DEPLOY_FROM_CONFIG);
  assert.deepEqual(r.machines.map((m) => m.name), ['kiosk']);
  assert.deepEqual(r.stopped.map((s) => `${s.file}:${s.line} ${s.kind}`), ['deploy.nix:4 unknown-output']);
  assert.match(r.stopped[0].reason, /^`deploy\.nodes` is not known statically \(.*\): the machines' deploy-rs targets are not read$/);
});

test('a literal deploy.nodes set is read, and is no stop', async () => {
  const r = await listing(DEPLOY_LITERAL);
  assert.deepEqual(r.stopped, []);
});
