// One effective machine: the CLI (`homelab-check machines`), the tree's
// topology and deploys read one function for a machine's address, deploy
// method and target, so they cannot disagree. The target is the explicit
// deploy target, else the inventory's ip, else the configured address; an
// inventory that disagrees with the configuration stays a warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployAddress } from '../../../client/src/deploy/deployAddress';
import { machineRows } from '../../../server/src/cli/machines';
import { effectiveMachine } from '../../../server/src/model/effectiveMachine';
import { LineIndexes } from '../../../server/src/protocol/convert';
import type { ServerContext } from '../../../server/src/protocol/context';
import { topology } from '../../../server/src/protocol/topology';
import { check, ROOT, workspaceOf } from '../checks/helpers';

const FLAKE = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [ ./web.nix ];
    };
  };
}
`;
const WEB = `{ ... }: {
  networking.hostName = "web";
  networking.interfaces.eth0.ipv4.addresses = [ { address = "10.0.0.5"; prefixLength = 24; } ];
}
`;
const INVENTORY = (extra = ''): string => `version: 1
networks:
  lan:
    cidr: 10.0.0.0/24
containers:
  web:
    ip: 10.0.0.9
${extra}`;

function views(files: Record<string, string>): { cli: string | undefined; tree: string | undefined; shown: string | undefined } {
  const ws = workspaceOf(files);
  const h = ws.homelabs()[0];
  const rows = machineRows(h, (u) => ws.text(u), (u) => u.slice(ROOT.length + 1));
  const ctx = { workspace: ws, lines: new LineIndexes(ws) } as unknown as ServerContext;
  const node = topology(ctx).homelabs[0].machines.find((c) => c.name === 'web');
  return { cli: rows.find((r) => r.name === 'web')?.deploy?.target, tree: node?.deployTarget, shown: node?.ip };
}

test('a flake machine configured as 10.0.0.5 that the inventory puts at 10.0.0.9: CLI and tree both deploy to 10.0.0.9', () => {
  const files = { 'flake.nix': FLAKE, 'web.nix': WEB, 'homelab.yaml': INVENTORY() };
  assert.deepEqual(views(files), { cli: '10.0.0.9', tree: '10.0.0.9', shown: '10.0.0.9' });
  // The disagreement stays a warning, on both lines.
  const found = check(files).filter((f) => f.rule === 'inventory-profile-mismatch');
  assert.deepEqual(found.map((f) => `${f.file}:${f.line} ${f.severity}`).sort(), ['homelab.yaml:7 warning', 'web.nix:3 warning']);
});

test('an explicit deploy target wins over the inventory and the configuration, in every view', () => {
  const hive = `{
  meta.nixpkgs = import <nixpkgs> { };
  web = { ... }: {
    deployment.targetHost = "10.0.0.7";
    imports = [ ./web.nix ];
  };
}
`;
  const files = { 'hive.nix': hive, 'web.nix': WEB, 'homelab.yaml': INVENTORY() };
  assert.deepEqual(views(files), { cli: '10.0.0.7', tree: '10.0.0.7', shown: '10.0.0.9' });
  const ws = workspaceOf(files);
  const h = ws.homelabs()[0];
  const eff = effectiveMachine(h, h.machines.get('web')!);
  assert.equal(eff.deploy.method, 'colmena');
  assert.equal(eff.deploy.methodFrom, 'colmena');
  assert.equal(eff.deploy.targetFrom, 'deploy-target');
  assert.deepEqual(eff.addresses.map((a) => a.value), ['10.0.0.9', '10.0.0.5']);
});

test('without an inventory entry the configured address is the target; the inventory method wins over the flake', () => {
  assert.deepEqual(views({ 'flake.nix': FLAKE, 'web.nix': WEB }), { cli: '10.0.0.5', tree: '10.0.0.5', shown: '10.0.0.5' });
  const files = { 'flake.nix': FLAKE, 'web.nix': WEB, 'homelab.yaml': `${INVENTORY()}deploy:\n  method: nixos-rebuild\n  user: ops\n` };
  const ws = workspaceOf(files);
  const h = ws.homelabs()[0];
  const eff = effectiveMachine(h, h.machines.get('web')!);
  assert.deepEqual(
    { method: eff.deploy.method, from: eff.deploy.methodFrom, user: eff.deploy.user, target: eff.deploy.target?.value, targetFrom: eff.deploy.targetFrom },
    { method: 'nixos-rebuild', from: 'inventory', user: 'ops', target: '10.0.0.9', targetFrom: 'inventory' },
  );
  assert.deepEqual(views(files), { cli: '10.0.0.9', tree: '10.0.0.9', shown: '10.0.0.9' });
});

test("the client's deploy logs in to the tree's deploy target; a host-name target leaves ssh steps on the shown IP", () => {
  const ws = workspaceOf({ 'flake.nix': FLAKE, 'web.nix': WEB, 'homelab.yaml': INVENTORY() });
  const ctx = { workspace: ws, lines: new LineIndexes(ws) } as unknown as ServerContext;
  const node = topology(ctx).homelabs[0].machines.find((c) => c.name === 'web');
  assert.ok(node);
  assert.equal(deployAddress(node), '10.0.0.9');
  assert.equal(deployAddress({ deployTarget: '10.0.0.7', ip: '10.0.0.9' }), '10.0.0.7');
  assert.equal(deployAddress({ deployTarget: 'web.lan', ip: '10.0.0.9' }), '10.0.0.9');
  assert.equal(deployAddress({ deployTarget: '-oProxyCommand=x', ip: undefined }), undefined);
});
