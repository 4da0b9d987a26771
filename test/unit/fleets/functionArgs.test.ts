// Functions given to modules as arguments, as real fleets write them: a
// helper library passed in `specialArgs` whose functions build the imports
// (`configLib.relativeToRoot "hosts/common/core"`), and a module that gives
// every machine a helper closing over that machine's own configuration
// (`_module.args.hostLib = import ./helpers.nix { hostName = config.ident.name; }`,
// then `lib.mkIf (hostLib.isHost [ "alpha" ]) { … }`). Both were unknown
// before: the modules they chose, and the addresses behind them, were lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf, ROOT } from '../checks/helpers';
import { memoryHost } from '../memoryHost';
import { Workspace } from '../../../server/src/model/workspace';

const rel = (u: string): string => u.slice(ROOT.length + 1);

const helperLibrary: Record<string, string> = {
  'flake.nix': `{
  outputs = { nixpkgs, ... }:
    let
      inherit (nixpkgs) lib;
      repoLib = import ./lib { inherit lib; };
    in {
      nixosConfigurations.forge = lib.nixosSystem { specialArgs = { inherit repoLib; }; modules = [ ./hosts/forge ]; };
    };
}
`,
  'lib/default.nix': `{ lib }: { fromRoot = lib.path.append ../.; }\n`,
  'hosts/forge/default.nix': `{ lib, repoLib, ... }: {
  imports = lib.flatten [ ./hardware.nix (map repoLib.fromRoot [ "common/ssh.nix" "common/backup.nix" ]) ];
  networking.hostName = "forge";
}
`,
  'hosts/forge/hardware.nix': `{ ... }: { boot.loader.grub.enable = true; }\n`,
  'common/ssh.nix': `{ ... }: { services.openssh.enable = true; }\n`,
  'common/backup.nix': `{ ... }: { services.restic.backups = { }; }\n`,
};

test('a helper library given in specialArgs builds the imports: the modules it names are read', () => {
  const h = workspaceOf(helperLibrary).homelabs()[0];
  const forge = h.nixosMachines.get('forge');
  assert.deepEqual(forge?.moduleFiles.map(rel).sort(), ['common/backup.nix', 'common/ssh.nix', 'hosts/forge/default.nix', 'hosts/forge/hardware.nix']);
  assert.deepEqual(h.readingStops, []);
});

const perMachineHelper: Record<string, string> = {
  'flake.nix': `{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations = nixpkgs.lib.genAttrs [ "alpha" "beta" ] (name: nixpkgs.lib.nixosSystem {
      modules = [ ./ident.nix ./net.nix { ident.name = name; } ];
    });
  };
}
`,
  'helpers.nix': `{ hostName }: { isHost = hosts: builtins.elem hostName hosts; }\n`,
  'ident.nix': `{ config, lib, ... }: {
  options.ident.name = lib.mkOption { type = lib.types.str; };
  config._module.args.hostLib = import ./helpers.nix { hostName = config.ident.name; };
}
`,
  'net.nix': `{ lib, hostLib, ... }:
lib.mkIf (hostLib.isHost [ "alpha" ]) {
  networking.interfaces.eth0.ipv4.addresses = [ { address = "10.44.0.2"; prefixLength = 24; } ];
}
`,
};

const addresses = (ws: Workspace): Record<string, string[]> => {
  const h = ws.homelabs()[0];
  return Object.fromEntries([...h.nixosMachines].map(([n, m]) => [n, m.config?.addresses.map((a) => a.address.value) ?? []]));
};

test("a helper a module gives as `_module.args`, closing over the machine's config, answers for each machine", () => {
  const ws = workspaceOf(perMachineHelper);
  assert.deepEqual(addresses(ws), { alpha: ['10.44.0.2'], beta: [] });
  assert.deepEqual(ws.homelabs()[0].readingStops, []);
});

test('an edit to the helper is read at the next build (the function is not kept from before)', () => {
  const host = memoryHost(perMachineHelper, ROOT);
  const ws = new Workspace(host);
  ws.addFolder(ROOT);
  assert.deepEqual(addresses(ws), { alpha: ['10.44.0.2'], beta: [] });
  // Now every host but the listed ones: beta gets the address, alpha loses it.
  ws.setDocument(`${ROOT}/helpers.nix`, `{ hostName }: { isHost = hosts: !(builtins.elem hostName hosts); }\n`, 1);
  assert.deepEqual(addresses(ws), { alpha: [], beta: ['10.44.0.2'] });
});

test('a module choosing by `_class` (what the module system tells it) reads as the NixOS branch', () => {
  const ws = workspaceOf({
    'flake.nix': `{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.edge = nixpkgs.lib.nixosSystem { modules = [ ./shared.nix { networking.hostName = "edge"; } ]; };
  };
}
`,
    // Shared with Home Manager: only the NixOS branch sets the address.
    'shared.nix': `{ _class, lib, ... }: {
  config = if _class == "homeManager" then { home.stateVersion = "24.11"; }
    else { networking.interfaces.eth0.ipv4.addresses = [ { address = "10.61.0.4"; prefixLength = 24; } ]; };
}
`,
  });
  assert.deepEqual(addresses(ws), { edge: ['10.61.0.4'] });
  assert.deepEqual(ws.homelabs()[0].readingStops, []);
});
