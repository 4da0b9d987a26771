// A flake that builds each machine from `./hosts/${name}` reaches those
// machines' folders, not every folder under hosts/: an installer template
// kept beside them (a configuration.nix importing the hardware-configuration.nix
// that nixos-generate-config writes on the new machine) is used by no machine,
// so its missing import is a warning, while the same missing import in a
// machine's own folder stays an error. Seen on a real fleet, where the
// template failed `homelab-check` with an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../checks/helpers';

const files: Record<string, string> = {
  'flake.nix': `{
  outputs = { nixpkgs, ... }:
    let
      mkHost = name: nixpkgs.lib.nixosSystem { modules = [ ./common.nix ./hosts/\${name} ]; };
    in {
      nixosConfigurations = { alpha = mkHost "alpha"; beta = mkHost "beta"; };
    };
}
`,
  'common.nix': `{ ... }: { services.openssh.enable = true; }\n`,
  'hosts/alpha/default.nix': `{ ... }: {\n  imports = [ ./disks.nix ];\n  networking.hostName = "alpha";\n}\n`,
  'hosts/beta/default.nix': `{ ... }: { networking.hostName = "beta"; }\n`,
  'hosts/installer/configuration.nix': `{ ... }: {\n  imports = [ ./hardware-configuration.nix ];\n  networking.hostName = "fresh";\n}\n`,
};

test('`./hosts/${name}` reaches the machines it builds: a template beside them is dead, a machine\'s own missing import is an error', () => {
  const found = check(files)
    .filter((f) => f.rule === 'unknown-reference')
    .map((f) => `${f.severity} ${f.file}:${f.line}`)
    .sort();
  assert.deepEqual(found, ['error hosts/alpha/default.nix:2', 'warning hosts/installer/configuration.nix:2']);
});
