// A machine's `imports` as real fleets write them: a mixin folder that
// imports every folder beside it (`builtins.readDir ./.`), a module chosen by
// a type test on what the flake passes (`lib.optional (builtins.isString
// desktop) ./desktop.nix`), and, where an imports list cannot be read, a
// reading stop that names the place and every machine it hides modules of
// (it was a silent loss: on 7 of 30 real repositories machines lacked modules
// and nothing said so).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf, ROOT } from '../checks/helpers';
import { memoryHost } from '../memoryHost';
import { Workspace } from '../../../server/src/model/workspace';

const flake = `{
  outputs = { nixpkgs, ... }:
    let
      host = name: desktop: nixpkgs.lib.nixosSystem {
        specialArgs = { inherit desktop; hostname = name; };
        modules = [ ./hosts/common.nix ./mixins ];
      };
    in {
      nixosConfigurations = { studio = host "studio" "sway"; vault = host "vault" null; };
    };
}
`;

const files: Record<string, string> = {
  'flake.nix': flake,
  'hosts/common.nix': `{ lib, desktop, hostname, ... }: {
  imports = [ ./\${hostname}.nix ] ++ lib.optional (builtins.isString desktop) ./desktop.nix;
  networking.hostName = hostname;
}
`,
  'hosts/studio.nix': `{ ... }: { networking.interfaces.eth0.ipv4.addresses = [ { address = "10.31.0.2"; prefixLength = 24; } ]; }\n`,
  'hosts/vault.nix': `{ ... }: { networking.interfaces.eth0.ipv4.addresses = [ { address = "10.31.0.3"; prefixLength = 24; } ]; }\n`,
  'hosts/desktop.nix': `{ ... }: { services.xserver.enable = true; }\n`,
  // Every folder beside this file but the template is a mixin each machine gets.
  'mixins/default.nix': `{ lib, ... }:
let
  here = ./.;
  wanted = name: kind: kind == "directory" && name != "_template";
in {
  imports = lib.mapAttrsToList (name: _: here + "/\${name}") (lib.filterAttrs wanted (builtins.readDir here));
}
`,
  'mixins/ssh/default.nix': `{ ... }: { services.openssh.enable = true; }\n`,
  'mixins/exporter/default.nix': `{ ... }: { services.prometheus.exporters.node.enable = true; }\n`,
  'mixins/_template/default.nix': `{ ... }: { }\n`,
};

const rel = (u: string): string => u.slice(ROOT.length + 1);

test('a mixin folder read with readDir and a module chosen by a type test are part of each machine', () => {
  const h = workspaceOf(files).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()].sort(), ['studio', 'vault']);
  const studio = h.nixosMachines.get('studio')?.moduleFiles.map(rel).sort();
  const vault = h.nixosMachines.get('vault')?.moduleFiles.map(rel).sort();
  const mixins = ['mixins/default.nix', 'mixins/exporter/default.nix', 'mixins/ssh/default.nix'];
  assert.deepEqual(studio, ['hosts/common.nix', 'hosts/desktop.nix', 'hosts/studio.nix', ...mixins].sort());
  assert.deepEqual(vault, ['hosts/common.nix', 'hosts/vault.nix', ...mixins].sort());
  assert.deepEqual(h.nixosMachines.get('studio')?.config?.addresses.map((a) => a.address.value), ['10.31.0.2']);
  assert.deepEqual(h.readingStops, []);
});

test('a folder added beside the mixins is read at the next build (the listing is a dependency of the evaluation)', () => {
  const host = memoryHost(files, ROOT);
  const ws = new Workspace(host);
  ws.addFolder(ROOT);
  const before = ws.homelabs()[0].nixosMachines.get('vault')?.moduleFiles.map(rel) ?? [];
  assert.ok(!before.includes('mixins/backup/default.nix'));
  host.files.set(`${ROOT}/mixins/backup/default.nix`, `{ ... }: { services.restic.backups = { }; }\n`);
  ws.fileChanged(`${ROOT}/mixins/backup/default.nix`, 'created');
  const after = ws.homelabs()[0].nixosMachines.get('vault')?.moduleFiles.map(rel) ?? [];
  assert.ok(after.includes('mixins/backup/default.nix'), after.join(', '));
});

test('an imports list that cannot be read is a reading stop naming its place and the machines it hides modules of', () => {
  const unreadable = {
    ...files,
    'hosts/common.nix': files['hosts/common.nix'].replace('builtins.isString desktop', 'builtins.currentTime > 0'),
  };
  const h = workspaceOf(unreadable).homelabs()[0];
  const stops = h.readingStops.filter((s) => s.kind === 'unread-imports');
  assert.equal(stops.length, 1, JSON.stringify(h.readingStops));
  assert.equal(rel(stops[0].origin.uri), 'hosts/common.nix');
  assert.match(stops[0].reason, /`imports` of `studio`, `vault` is not known statically \(.*currentTime.*\): the modules imported there are not read/);
  // Nothing of that list is read, and the machines are still listed.
  assert.ok(!h.nixosMachines.get('studio')?.moduleFiles.some((u) => u.endsWith('/hosts/studio.nix')));
  assert.deepEqual([...h.nixosMachines.keys()].sort(), ['studio', 'vault']);
});
