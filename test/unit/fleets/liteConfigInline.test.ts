// lite-config hosts whose shared modules are written inline in flake.nix as
// functions of the host's arguments: `({ hostPlatform, ... }: { imports =
// optionals hostPlatform.isLinux [ … ]; })`. Read once with the arguments
// unknown, such a module's imports were a reading stop; it is now called again
// with each machine's own `hostPlatform` and `inputs` (lite-config gives
// both), so a Linux host imports the Linux modules and a module reading
// `"${inputs.self}/people"` or `inputs.self.nixosModules.<name>` (the flake's
// own outputs, named by `builtins.match` over a folder) is followed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf, ROOT } from '../checks/helpers';

const rel = (u: string): string => u.slice(ROOT.length + 1);

const fleet: Record<string, string> = {
  'flake.nix': `{
  inputs.lite-config.url = "github:example/lite-config";
  outputs = inputs@{ flake-parts, ... }:
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" "aarch64-linux" ];
      imports = [ ./parts.nix inputs.lite-config.flakeModule ];
      lite-config = { lib, ... }: {
        hostModuleDir = ./hosts;
        hosts = {
          relay.system = "x86_64-linux";
          probe.system = "aarch64-linux";
        };
        systemModules = [
          ({ hostPlatform, ... }: {
            imports = lib.optionals hostPlatform.isLinux [ ./linux ] ++ lib.optionals hostPlatform.isDarwin [ ./mac ];
          })
        ];
      };
    };
}
`,
  // The flake's own modules, one per file of a folder, named without `.nix`.
  'parts.nix': `{ inputs, lib, ... }:
let
  named = dir: lib.mapAttrs' (file: _: {
    name = builtins.head (builtins.match "(.*)[.]nix" file);
    value = dir + "/\${file}";
  }) (builtins.readDir dir);
in {
  flake.nixosModules = named "\${inputs.self}/roles";
}
`,
  'linux/default.nix': `{ inputs, lib, ... }: {
  imports = map (f: "\${inputs.self}/people/\${f}") (builtins.attrNames (builtins.readDir "\${inputs.self}/people"));
  services.openssh.enable = true;
}
`,
  'mac/default.nix': `{ ... }: { system.defaults.dock.autohide = true; }\n`,
  'people/ann.nix': `{ ... }: { users.users.ann.isNormalUser = true; }\n`,
  'people/bo.nix': `{ ... }: { users.users.bo.isNormalUser = true; }\n`,
  'roles/gateway.nix': `{ ... }: { networking.nat.enable = true; }\n`,
  'hosts/relay/default.nix': `{ inputs, ... }: { imports = [ inputs.self.nixosModules.gateway ]; }\n`,
  'hosts/probe/default.nix': `{ ... }: { boot.loader.grub.enable = false; }\n`,
};

test("lite-config's inline shared module is called again with each host's hostPlatform and inputs: its imports are read", () => {
  const h = workspaceOf(fleet).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()].sort(), ['probe', 'relay']);
  const modules = (name: string): string[] => h.nixosMachines.get(name)?.moduleFiles.map(rel).sort() ?? [];
  const linux = ['flake.nix', 'linux/default.nix', 'people/ann.nix', 'people/bo.nix'];
  assert.deepEqual(modules('probe'), [...linux, 'hosts/probe/default.nix'].sort());
  assert.deepEqual(modules('relay'), [...linux, 'hosts/relay/default.nix', 'roles/gateway.nix'].sort());
  assert.deepEqual(h.readingStops.map((s) => s.reason), []);
});

// A module importing an input's module only when the input has it:
// `optional (inputs ? agent && inputs.agent ? nixosModules) inputs.agent.nixosModules.default`.
// Whether the input has it is not known (inputs are not fetched), but either
// way the import is an input's module, which is not read: not a place where
// reading stops (it was: "attribute presence not known statically").
const optionalInputModule: Record<string, string> = {
  'flake.nix': `{
  inputs.agent.url = "github:example/agent";
  outputs = inputs@{ nixpkgs, ... }: {
    nixosConfigurations.desk = nixpkgs.lib.nixosSystem { specialArgs = { inherit inputs; }; modules = [ ./agent.nix ./local.nix ]; };
  };
}
`,
  'agent.nix': `{ inputs, lib, ... }: {
  imports = lib.optional (inputs ? agent && inputs.agent ? nixosModules) inputs.agent.nixosModules.default;
}
`,
  'local.nix': `{ lib, ... }: { imports = lib.optionals (builtins.pathExists ./extra.nix) [ ./extra.nix ]; }\n`,
};

test("an input's module imported under a condition on that input is not a reading stop; a local file under an unknown condition still is", () => {
  const h = workspaceOf(optionalInputModule).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()], ['desk']);
  assert.deepEqual(h.readingStops, []);
  const unknownLocal = { ...optionalInputModule, 'local.nix': `{ config, lib, ... }: { imports = lib.optionals config.services.extra.enable [ ./extra.nix ]; }\n`, 'extra.nix': '{ ... }: { }\n' };
  const stops = workspaceOf(unknownLocal).homelabs()[0].readingStops;
  assert.deepEqual(stops.map((s) => `${s.kind} ${rel(s.origin.uri)}`), ['unread-imports local.nix']);
});
