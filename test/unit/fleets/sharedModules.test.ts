// A module shared by every machine of a fleet is read once, not once per
// machine that imports it: the configuration each machine gets from it is the
// same value (built once), while every machine keeps its own host name and
// address. Counts, not times (bench/ measures the 1,000-machine flake).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf } from '../checks/helpers';

const N = 40;
const names = Array.from({ length: N }, (_, i) => `node${i}`);

const files: Record<string, string> = {
  'flake.nix': `{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations = nixpkgs.lib.genAttrs [ ${names.map((n) => `"${n}"`).join(' ')} ] (name: nixpkgs.lib.nixosSystem {
      modules = [ ./hosts/\${name}.nix ./common.nix ];
    });
  };
}
`,
  'common.nix': `{ ... }: { imports = [ ./base.nix ]; services.openssh.enable = true; }\n`,
  'base.nix': `{ lib, ... }: { time.timeZone = lib.mkDefault "Europe/Oslo"; networking.firewall.allowedTCPPorts = [ 22 ]; }\n`,
};
names.forEach((n, i) => {
  files[`hosts/${n}.nix`] = `{ ... }: {\n  networking.hostName = "${n}";\n  networking.interfaces.eth0.ipv4.addresses = [ { address = "10.80.0.${i + 1}"; prefixLength = 24; } ];\n}\n`;
});

test(`a module shared by ${N} machines gives each of them one and the same configuration value, and each machine its own address`, () => {
  const h = workspaceOf(files).homelabs()[0];
  const machines = [...h.nixosMachines.values()];
  assert.deepEqual(machines.map((m) => m.name).sort(), [...names].sort());
  for (const shared of ['common.nix', 'base.nix']) {
    const configs = new Set(
      machines.map((m) => {
        const i = m.moduleFiles.findIndex((u) => u.endsWith(`/${shared}`));
        assert.ok(i >= 0, `${m.name} imports ${shared}`);
        return m.configs.find((c) => c.origin.uri.endsWith(`/${shared}`));
      }),
    );
    assert.equal(configs.size, 1, `${shared}: one configuration value for ${N} machines`);
  }
  for (const [i, n] of names.entries()) {
    const m = h.nixosMachines.get(n);
    assert.equal(m?.config?.hostName?.value, n);
    assert.deepEqual(m?.config?.addresses?.map((a) => a.address.value), [`10.80.0.${i + 1}`]);
  }
});
