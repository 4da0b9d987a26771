// flake-parts' `flake = { config, ... }: { deploy.nodes = mapAttrs … config.nixosConfigurations; }`
// in a flake that also imports a flake module from an input (a framework that
// may make `nixosConfigurations`). The flake's config as that function sees it
// is known in part: outputs written in the repository are read, and one it
// lacks is "not known" (it may be the input module's), never "missing".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf } from '../checks/helpers';

const flake = (machines: string): Record<string, string> => ({
  'flake.nix': `{
  inputs.framework.url = "github:example/framework";
  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" ];
      imports = [ inputs.framework.flakeModules.default ./deploy.nix ${machines} ];
    };
}
`,
  'deploy.nix': `{ inputs, ... }: {
  flake = { lib, config, ... }: {
    deploy.nodes = lib.mapAttrs (name: _: { hostname = "\${name}.lan"; profiles.system.sshUser = "root"; }) config.nixosConfigurations;
  };
}
`,
  'machines.nix': `{ inputs, ... }: {
  flake.nixosConfigurations.kiln = inputs.nixpkgs.lib.nixosSystem { modules = [ ./kiln.nix ]; };
}
`,
  'kiln.nix': `{ ... }: { networking.hostName = "kiln"; }\n`,
});

test("outputs made only by an input's flake module: deploy.nodes stops as not known, naming the module, not as missing", () => {
  const h = workspaceOf(flake('')).homelabs()[0];
  const deploy = h.readingStops.find((s) => s.reason.startsWith('`deploy.nodes`'));
  assert.ok(deploy, h.readingStops.map((s) => s.reason).join('\n'));
  assert.doesNotMatch(deploy.reason, /missing/);
  assert.match(deploy.reason, /may also be made by modules from inputs, which are not read \(`inputs\.framework\.flakeModules\.default`\)/);
});

test('outputs written in the repository are still read through the partly known config', () => {
  const h = workspaceOf(flake('./machines.nix')).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()], ['kiln']);
  assert.equal(h.nixosMachines.get('kiln')?.deploy?.host?.value, 'kiln.lan');
});
