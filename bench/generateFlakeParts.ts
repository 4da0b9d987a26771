// The flake-parts shape of the discovery bench: the fleet of generateFlake.ts
// (hosts/<name>/configuration.nix, each machine importing 17–24 shared
// modules), but flake.nix is flake-parts' `mkFlake` importing every file of
// parts/ through a `builtins.readDir` helper; each parts/site-<n>.nix module
// declares its site's machines in `flake.nixosConfigurations` (through
// `withSystem` and a helper), and parts/deploy.nix maps the merged
// `config.flake.nixosConfigurations` to deploy-rs nodes (the fixpoint).
import * as path from 'node:path';
import { lineCount, write } from './generate';
import { generateFlake, type GeneratedFlake } from './generateFlake';

const PER_SITE = 50;

export function generateFlakeParts(hosts: number, dir: string, opts: { seed?: number } = {}): GeneratedFlake {
  const f = generateFlake(hosts, dir, opts);
  let files = f.files;
  let lines = f.lines;
  const put = (rel: string, text: string): void => {
    write(path.join(dir, rel), text);
    files++;
    lines += lineCount(text);
  };
  put(
    'flake.nix',
    `{
  description = "Synthetic NixOS fleet of ${hosts} machines in flake-parts modules (bench/generateFlakeParts.ts)";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    flake-parts.url = "github:hercules-ci/flake-parts";
    deploy-rs.url = "github:serokell/deploy-rs";
  };

  outputs = inputs@{ flake-parts, ... }:
    let
      # Every module file of parts/.
      partsOf = dir: map (name: dir + "/\${name}") (builtins.attrNames (builtins.readDir dir));
    in
    flake-parts.lib.mkFlake { inherit inputs; } {
      systems = [ "x86_64-linux" ];
      imports = partsOf ./parts;
      perSystem = { pkgs, ... }: { formatter = pkgs.nixfmt-rfc-style; };
    };
}
`,
  );
  for (let s = 0; s * PER_SITE < f.machines.length; s++) {
    const names = f.machines.slice(s * PER_SITE, (s + 1) * PER_SITE);
    put(
      `parts/site-${s}.nix`,
      [
        `# Site ${s}: its ${names.length} machines, each from hosts/<name>/configuration.nix and the shared modules.`,
        '{ inputs, lib, withSystem, ... }:',
        'let',
        '  mkHost = name: withSystem "x86_64-linux" ({ system, ... }: inputs.nixpkgs.lib.nixosSystem {',
        '    inherit system;',
        '    specialArgs = { inherit inputs; };',
        '    modules = [ ../hosts/${name}/configuration.nix ../modules/common.nix ];',
        '  });',
        `  names = [ ${names.map((n) => `"${n}"`).join(' ')} ];`,
        'in',
        '{',
        '  flake.nixosConfigurations = lib.genAttrs names mkHost;',
        '}',
        '',
      ].join('\n'),
    );
  }
  put(
    'parts/deploy.nix',
    [
      '# deploy-rs: every machine of every site, by name.',
      '{ config, lib, inputs, ... }:',
      '{',
      '  flake.deploy.nodes = lib.mapAttrs (name: machine: {',
      '    hostname = name;',
      '    profiles.system.path = inputs.deploy-rs.lib.x86_64-linux.activate.nixos machine;',
      '  }) config.flake.nixosConfigurations;',
      '}',
      '',
    ].join('\n'),
  );
  return { ...f, files, lines };
}
