// A repository that builds its machines with its own wrapper over the module
// system: nixpkgs' `nixos/lib/eval-config.nix` imported from the nixpkgs
// input (what `lib.nixosSystem` calls), module arguments handed on through
// `_module.args`, an option declared by two modules whose submodules make up
// one, `lib.concat` in `imports`. Each machine's modules are read, as for
// `nixosSystem { modules = … }`, instead of a machine found with none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, workspaceOf } from '../checks/helpers';
import { NixEvaluator } from '../../../server/src/syntax/nix';
import { asAttrs } from '../../../server/src/syntax/value';

const moduleNames = (files: string[]): string[] => files.map((u) => u.slice(u.lastIndexOf('/') + 1)).sort();

test("eval-config.nix from the nixpkgs input is nixosSystem: its modules are read, pinned to that input", () => {
  const h = workspaceOf({
    'flake.nix': `{
  inputs.pkgs2411.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, pkgs2411, ... }: {
    nixosConfigurations.box = import "\${pkgs2411}/nixos/lib/eval-config.nix" { system = "x86_64-linux"; modules = [ ./box.nix ]; };
  };
}
`,
    'box.nix': `{ networking.hostName = "box"; networking.interfaces.eth0.ipv4.addresses = [ { address = "10.9.0.4"; prefixLength = 24; } ]; }\n`,
  }).homelabs()[0];
  const box = h.nixosMachines.get('box');
  assert.ok(box, [...h.nixosMachines.keys()].join(', '));
  assert.deepEqual(moduleNames(box.moduleFiles), ['box.nix']);
  assert.deepEqual(box.config?.addresses.map((a) => a.address.value), ['10.9.0.4']);
  assert.equal(box.nixpkgs?.name, 'pkgs2411');
  assert.deepEqual(h.readingStops, []);
});

test('an import of any other file of an input stays a reading stop', () => {
  const h = workspaceOf({
    'flake.nix': `{
  outputs = { self, nixpkgs, ... }: {
    nixosConfigurations.box = import "\${nixpkgs}/nixos/lib/other.nix" { modules = [ ./box.nix ]; };
  };
}
`,
    'box.nix': `{ networking.hostName = "box"; }\n`,
  }).homelabs()[0];
  assert.equal(h.nixosMachines.get('box')?.moduleFiles.length ?? 0, 0);
  assert.equal(h.readingStops.length, 1, h.readingStops.map((s) => s.reason).join('\n'));
});

const wrapper = (nodeImports: string): Record<string, string> => ({
  'flake.nix': `{
  outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } {
    imports = [ ./naming.nix ./member.nix ./hosts.nix ./shared.nix ./web.nix ];
  };
}
`,
  'naming.nix': `{ lib, ... }: {
  options.hosts = lib.mkOption { type = lib.types.lazyAttrsOf (lib.types.submodule ({ name, ... }: { module.networking.hostName = name; })); };
}
`,
  'member.nix': `{ lib, ... }: {
  _module.args.memberModule = m: {
    options.module = lib.mkOption { type = lib.types.deferredModule; };
    options.system = lib.mkOption { readOnly = true; type = lib.types.attrs; default = lib.evalModules { modules = [ m.config.module ]; }; };
  };
}
`,
  'hosts.nix': `{ lib, config, memberModule, ... }: {
  options.hosts = lib.mkOption { type = lib.types.lazyAttrsOf (lib.types.submodule { imports = [ memberModule ]; }); };
  config.flake.nixosConfigurations = lib.mapAttrs (_: h: h.system) config.hosts;
}
`,
  'shared.nix': `{ lib, ... }: {
  options.shared = lib.mkOption { type = lib.types.lazyAttrsOf lib.types.deferredModule; };
  config.shared.ssh = { services.openssh.enable = true; };
}
`,
  'web.nix': `{ config, lib, ... }: {
  hosts.web.module = { imports = ${nodeImports}; };
}
`,
  'web-disks.nix': `{ fileSystems."/".device = "/dev/sda1"; }\n`,
});

test("a module argument from `_module.args`, an option declared twice, lib.concat: the wrapper's machine is read whole", () => {
  const h = workspaceOf(wrapper('lib.concat [ config.shared.ssh ] [ ./web-disks.nix ]')).homelabs()[0];
  const web = h.nixosMachines.get('web');
  assert.ok(web, [...h.nixosMachines.keys()].join(', '));
  // naming.nix (declared first) still gives the host name; member.nix's builder gives the modules.
  assert.equal(web.config?.hostName?.value, 'web');
  assert.deepEqual(moduleNames(web.moduleFiles), ['naming.nix', 'shared.nix', 'web-disks.nix', 'web.nix']);
  assert.deepEqual(h.readingStops, []);
});

test("a `_module.args` value used in a flake module's own `imports` is not known (as in Nix): a stop there, the machines still read", () => {
  const files = wrapper('[ config.shared.ssh ]');
  files['flake.nix'] = files['flake.nix'].replace('./web.nix ];', './web.nix ./loop.nix ];');
  files['loop.nix'] = `{ memberModule, ... }: { imports = [ memberModule ]; }\n`;
  const ev = new NixEvaluator({ readText: (u) => files[u.slice(ROOT.length + 1)] });
  const outputs = ev.evaluateFile(`${ROOT}/flake.nix`, { flake: true, applyNestedFunctions: true });
  const web = asAttrs(asAttrs(outputs)?.entries.get('nixosConfigurations')?.value)?.entries.get('web')?.value;
  assert.equal(web?.kind === 'unknown' ? web.call?.fn : web?.kind, 'evalModules');
  assert.ok(ev.stops.some((s) => s.origin.uri.endsWith('/loop.nix') && /module argument 'memberModule' is not known/.test(s.reason)), ev.stops.map((s) => s.reason).join('\n'));
});
