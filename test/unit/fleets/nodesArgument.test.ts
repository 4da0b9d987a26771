// Every machine given every other machine as an argument (`specialArgs =
// { inherit (config) nodes; }` with `nodes = config.nixosConfigurations`, a
// pattern of fleets whose machines read each other's settings): each set is
// converted once where it meets itself, so reading grows with the fleet, not
// with every order of its machines. A real 7-machine fleet ran past the
// 5,000,000-value budget and lost 6 machines' modules before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf, ROOT } from '../checks/helpers';

const N = 10;
const names = Array.from({ length: N }, (_, i) => `peer${i}`);

const files: Record<string, string> = {
  'flake.nix': `{
  outputs = inputs@{ flake-parts, nixpkgs, ... }: flake-parts.lib.mkFlake { inherit inputs; } {
    systems = [ "x86_64-linux" ];
    flake = { config, lib, ... }: {
      nixosConfigurations = lib.genAttrs [ ${names.map((n) => `"${n}"`).join(' ')} ] (name: nixpkgs.lib.nixosSystem {
        specialArgs = { inherit (config) nodes; inherit inputs; };
        modules = [ ./hosts/\${name}.nix ./common.nix ];
      });
      nodes = config.nixosConfigurations;
    };
  };
}
`,
  'common.nix': `{ nodes, ... }: { services.openssh.enable = true; }\n`,
};
names.forEach((n, i) => {
  files[`hosts/${n}.nix`] = `{ ... }: { networking.hostName = "${n}"; networking.interfaces.eth0.ipv4.addresses = [ { address = "10.52.0.${i + 1}"; prefixLength = 24; } ]; }\n`;
});

test(`${N} machines each given every machine as \`nodes\` are all read, within the budget`, () => {
  const h = workspaceOf(files).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()].sort(), [...names].sort());
  for (const [i, n] of names.entries()) {
    const m = h.nixosMachines.get(n);
    assert.deepEqual(m?.moduleFiles.map((u) => u.slice(ROOT.length + 1)).sort(), ['common.nix', `hosts/${n}.nix`], n);
    assert.deepEqual(m?.config?.addresses.map((a) => a.address.value), [`10.52.0.${i + 1}`], n);
  }
  assert.deepEqual(h.readingStops, []);
});
