// A flake's `self` as real fleets use it: `"${self}/system"` and
// `self + "/.active-profile"` are paths below the flake's folder (Nix's
// outPath), and `import "${self}/system"` reads that folder's default.nix,
// so machines built from them get their modules,
// and a second name for a configuration (`system = configs.${active}`, an
// alias for `nixos-rebuild --flake .#system`) is not a second machine. Seen on
// our first user's repository, where every machine had no module read and
// the alias would have been an extra machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf } from '../checks/helpers';

const files: Record<string, string> = {
  'flake.nix': `{
  outputs = inputs@{ self, nixpkgs, ... }:
    let
      mod = "\${self}/system";
      inherit (import mod) base;
      build = name: nixpkgs.lib.nixosSystem { modules = base ++ [ "\${mod}/ssh.nix" (self + "/hosts/\${name}.nix") ]; };
      configs = { web = build "web"; db = build "db"; };
      activeFile = self + "/.active-profile";
      active = if builtins.pathExists activeFile then builtins.readFile activeFile else "web";
    in {
      nixosConfigurations = configs // { system = configs.\${active}; };
    };
}
`,
  'system/default.nix': `{ base = [ ./common.nix ]; }\n`,
  'system/common.nix': `{ ... }: { time.timeZone = "UTC"; }\n`,
  'system/ssh.nix': `{ ... }: { services.openssh.enable = true; }\n`,
  'hosts/web.nix': `{ ... }: { networking.hostName = "web"; networking.interfaces.eth0.ipv4.addresses = [ { address = "10.9.0.2"; prefixLength = 24; } ]; }\n`,
  'hosts/db.nix': `{ ... }: { networking.hostName = "db"; networking.interfaces.eth0.ipv4.addresses = [ { address = "10.9.0.3"; prefixLength = 24; } ]; }\n`,
};

test('"${self}/…" and self + "/…" are files of the flake; an alias of a configuration is not another machine', () => {
  const h = workspaceOf(files).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()].sort(), ['db', 'web']);
  for (const name of ['web', 'db']) {
    const m = h.nixosMachines.get(name);
    assert.deepEqual(m?.moduleFiles.map((u) => u.slice(u.indexOf('/', 'file:///'.length) + 1)).sort(), ['hosts/' + name + '.nix', 'system/common.nix', 'system/ssh.nix'].sort(), name);
    assert.equal(m?.config?.hostName?.value, name);
  }
  assert.deepEqual(h.readingStops, []);
});
