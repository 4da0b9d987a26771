// A repository that builds its flake with a library of its own: a `lib`
// folder loaded part by part (`readDir`, each part given the others), the
// parts flattened into one set together with nixpkgs' lib (a deep merge by
// `zipAttrsWith`), an own `mkFlake`-like builder that turns a hosts folder
// into `nixosSystem` calls, and outputs `{ nixosConfigurations … } //
// perSystemOutputs` whose per-system side is not known. The machines get the
// flake's own outputs as an argument and import every module below a folder
// through the library. Also a library made with `nixpkgs.lib.extend` and
// `makeExtensible … .extend`.
// All of these were one reading stop before
// ("built by `buildFleet`, which is not read"): no machines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf, ROOT } from '../checks/helpers';

const rel = (u: string): string => u.slice(ROOT.length + 1);

const ownBuilder: Record<string, string> = {
  'flake.nix': `{
  outputs = inputs@{ self, nixpkgs, ... }:
    let
      lib = import ./lib { inherit self; inherit (nixpkgs) lib; };
    in
      with lib; buildFleet inputs {
        systems = [ "x86_64-linux" "aarch64-linux" ];
        inherit lib;
        machines = hostsIn ./machines;
        packages = { };
      };
}
`,
  // Each part is a function of the parts loaded before it and nixpkgs' lib; then flattened.
  'lib/default.nix': `{ self, lib }:
let
  files = import ./files.nix { inherit lib; };
  load = acc: part: acc // { \${part.name} = part.value (builtins.intersectAttrs (builtins.functionArgs part.value) acc); };
  parts = lib.foldl load { inherit lib; self = parts; } (lib.mapAttrsToList (name: value: { inherit name value; }) (files.nixFilesIn ./. import));
  deepMerge = sets: builtins.zipAttrsWith (n: vs: if builtins.tail vs == [ ] then builtins.head vs else if builtins.all builtins.isAttrs vs then deepMerge vs else lib.last vs) sets;
in
  parts // deepMerge (builtins.attrValues parts)
`,
  'lib/files.nix': `{ lib }:
let
  inherit (lib) id hasSuffix removeSuffix filterAttrs mapAttrs';
in rec {
  nixFilesIn = dir: fn:
    filterAttrs (n: v: v != null) (mapAttrs' (n: kind:
      let path = "\${toString dir}/\${n}"; in
      if kind == "directory" && builtins.pathExists "\${path}/default.nix" then { name = n; value = fn path; }
      else if kind == "regular" && n != "default.nix" && hasSuffix ".nix" n then { name = removeSuffix ".nix" n; value = fn path; }
      else { name = ""; value = null; }) (builtins.readDir dir));
  everyFileBelow = dir:
    let
      below = builtins.attrNames (filterAttrs (n: kind: kind == "directory" && !(lib.hasPrefix "_" n)) (builtins.readDir dir));
    in
      builtins.attrValues (nixFilesIn dir id) ++ builtins.concatLists (map (d: everyFileBelow "\${toString dir}/\${d}") below);
  hostsIn = dir: nixFilesIn dir (path: { inherit path; host = import path; });
}
`,
  'lib/fleet.nix': `{ lib, files }:
with lib;
{
  buildFleet = { self, nixpkgs, ... }@inputs: spec:
    let
      nixosConfigurations = mapAttrs (name: { path, host }:
        let h = host { shared = self; }; in
        nixpkgs.lib.nixosSystem {
          system = h.system;
          specialArgs.shared = self // { hostDir = toString path; };
          modules = [ ../common.nix { networking.hostName = name; } ] ++ (h.imports or [ ]) ++ [ (h.settings or { }) ];
        }) spec.machines;
      perSystem = map (system:
        filterAttrs (_: v: v.\${system} != { }) {
          packages.\${system} = (import nixpkgs { inherit system; }).callPackages spec.packages;
        }) spec.systems;
    in
      (removeAttrs spec [ "machines" "systems" "packages" ]) // { inherit nixosConfigurations; } // (builtins.zipAttrsWith (n: vs: builtins.head vs) perSystem);
}
`,
  'common.nix': `{ shared, lib, ... }:
with lib;
with shared.lib;
{
  imports = map import (everyFileBelow ./modules);
}
`,
  'modules/ssh.nix': `{ ... }: { services.openssh.enable = true; }\n`,
  'modules/backup/default.nix': `{ ... }: { services.restic.backups = { }; }\n`,
  'modules/backup/offsite.nix': `{ ... }: { services.restic.backups.offsite = { }; }\n`,
  'modules/_drafts/idea.nix': `{ ... }: { services.nginx.enable = true; }\n`,
  'machines/alpha/default.nix': `{ shared, ... }: {
  system = "x86_64-linux";
  imports = [ ./disks.nix ];
  settings = { time.timeZone = "UTC"; };
}
`,
  'machines/alpha/disks.nix': `{ ... }: { fileSystems."/".device = "/dev/sda1"; }\n`,
  'machines/beta.nix': `{ shared, ... }: { system = "aarch64-linux"; }\n`,
};

test("a repository's own flake builder over a hosts folder: every machine is found, with the modules its library imports", () => {
  const h = workspaceOf(ownBuilder).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()].sort(), ['alpha', 'beta']);
  const modules = (name: string): string[] => h.nixosMachines.get(name)?.moduleFiles.map(rel).sort() ?? [];
  // The builder's inline module (the host name) is written in lib/fleet.nix, alpha's `settings` in its own file; `_drafts` is skipped.
  const shared = ['common.nix', 'lib/fleet.nix', 'modules/backup/default.nix', 'modules/backup/offsite.nix', 'modules/ssh.nix'];
  assert.deepEqual(modules('alpha'), [...shared, 'machines/alpha/default.nix', 'machines/alpha/disks.nix'].sort());
  // beta's file describes it (its system) but writes no module of its own.
  assert.deepEqual(modules('beta'), shared);
  assert.deepEqual(h.readingStops.map((s) => s.reason), []);
});

const extended = (lib: string): Record<string, string> => ({
  'flake.nix': `{
  outputs = { nixpkgs, ... }:
    let
      lib = ${lib};
    in {
      nixosConfigurations = lib.fleet.fromFolder ./hosts;
    };
}
`,
  'lib/fleet.nix': `{ lib }: {
  fromFolder = dir: lib.mapAttrs (name: _: lib.nixosSystem { modules = [ (dir + "/\${name}") ]; })
    (lib.filterAttrs (_: kind: kind == "directory") (builtins.readDir dir));
}
`,
  'hosts/gate/default.nix': `{ ... }: { services.openssh.enable = true; }\n`,
  'hosts/vault/default.nix': `{ ... }: { services.postgresql.enable = true; }\n`,
});

test("a library made with nixpkgs' `lib.extend`: its own functions are read, nixpkgs' keep their names", () => {
  const h = workspaceOf(extended('nixpkgs.lib.extend (final: prev: { fleet = import ./lib/fleet.nix { lib = final; }; })')).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()].sort(), ['gate', 'vault']);
  assert.deepEqual(h.nixosMachines.get('vault')?.moduleFiles.map(rel), ['hosts/vault/default.nix']);
  assert.deepEqual(h.readingStops, []);
});

test('a library made with `makeExtensible` and then `extend`ed: the extension is read over the base', () => {
  const lib = `(nixpkgs.lib.makeExtensible (self: { fleet = { fromFolder = _: { }; }; })).extend (final: prev: { fleet = import ./lib/fleet.nix { lib = nixpkgs.lib; }; })`;
  const h = workspaceOf(extended(lib)).homelabs()[0];
  assert.deepEqual([...h.nixosMachines.keys()].sort(), ['gate', 'vault']);
});
