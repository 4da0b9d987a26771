// The fleet fixtures whose expected.json lists `foundIn` (the layouts found
// by convention: snowfall, clan, a repository's own readDir helper, morph and
// NixOps networks, plain `machines/<name>/configuration.nix`, colmena hives
// with per-node `defaults`): every row of `homelab-check machines` is compared
// whole — name, host name, every address, deploy method / target / user /
// local, module files and where it was found — so an extra address, a wrong
// target or a lost provenance fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../server/src/cli/main';
import { workspaceOf } from '../checks/helpers';

const FLEETS = join(__dirname, '../../fixtures/fleets');

interface Want {
  name: string;
  hostName: string | null;
  addresses: string[];
  deployMethod: string | null;
  deployTarget: string | null;
  deployUser?: string;
  local?: boolean;
  moduleFiles: string[];
  foundIn: { source: string; file: string; line: number }[];
  addressPlaces?: { address: string; prefixLength?: number; option: string; file: string; line: number }[];
  /** The file the machine's configuration opens at (tree, Create Inventory's `profile:`). */
  configurationFile?: string;
  /** Name servers and gateways are listed apart from the machine's own addresses, with their places. */
  nameservers?: { address: string; file: string; line: number }[];
}

interface Row {
  name: string;
  hostName?: string;
  addresses: string[];
  deploy?: { method: string; target?: string; user?: string; local?: boolean };
  moduleFiles: string[];
  foundIn: { source: string; file: string; line: number }[];
  addressPlaces: NonNullable<Want['addressPlaces']>;
  configurationFile?: string;
  nameservers?: { address: string; file: string; line: number }[];
}

async function machines(dir: string): Promise<Row[]> {
  const out: string[] = [];
  const code = await main(['machines', dir, '--format', 'json'], (s) => out.push(s), () => undefined);
  assert.equal(code, 0);
  return (JSON.parse(out.join("\n")) as { machines: Row[] }).machines;
}

/** A row as compared; where each address is written too when the fixture lists it. */
function shape(r: Row, places: boolean, files: boolean, dns: boolean): Want {
  return {
    name: r.name,
    hostName: r.hostName ?? null,
    addresses: [...r.addresses].sort(),
    deployMethod: r.deploy?.method ?? null,
    deployTarget: r.deploy?.target ?? null,
    ...(r.deploy?.user ? { deployUser: r.deploy.user } : {}),
    ...(r.deploy?.local ? { local: true } : {}),
    moduleFiles: [...r.moduleFiles].sort(),
    foundIn: r.foundIn,
    ...(places ? { addressPlaces: r.addressPlaces } : {}),
    ...(files ? { configurationFile: r.configurationFile } : {}),
    ...(dns && r.nameservers ? { nameservers: r.nameservers } : {}),
  };
}

for (const layout of readdirSync(FLEETS).sort()) {
  const expected = JSON.parse(readFileSync(join(FLEETS, layout, 'expected.json'), 'utf8')) as { machines: (Want & { tags?: string[] })[] };
  if (!expected.machines.every((m) => Array.isArray(m.foundIn))) continue;
  test(`${layout}: every machine compared whole (addresses, deploy target, module files, provenance)`, async () => {
    const places = expected.machines.some((m) => m.addressPlaces);
    const files = expected.machines.some((m) => m.configurationFile);
    const dns = expected.machines.some((m) => m.nameservers);
    const rows = (await machines(join(FLEETS, layout))).map((r) => shape(r, places, files, dns));
    const want = expected.machines
      .map(({ tags: _t, ...m }) => ({ ...m, addresses: [...m.addresses].sort(), moduleFiles: [...m.moduleFiles].sort() }))
      .sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(rows, want);
  });
}

test('a flake that builds only Macs beside a hive whose nodes cannot be read: the hive machines by convention, no stop', () => {
  const ws = workspaceOf({
    'flake.nix': '{\n  inputs = { };\n  outputs = { ... }: { darwinConfigurations = builtins.mapAttrs (n: s: s.result) (import ./project.nix).macs; };\n}\n',
    'hive.nix': 'let project = import ./project.nix; in project.hive\n',
    'project.nix': '{ macs = { }; hive = { }; }\n',
    'systems/nixos/ember/configuration.nix': '{ ... }: {\n  imports = [ ./hardware-configuration.nix ];\n  networking.hostName = "ember";\n}\n',
    'systems/nixos/ember/hardware-configuration.nix': '{ ... }: { }\n',
  });
  const h = ws.homelabs()[0];
  assert.deepEqual([...h.machines.keys()], ['ember']);
  assert.equal(h.machines.get('ember')?.nixos?.deploy?.method, 'colmena');
  assert.deepEqual(h.readingStops.map((s) => s.kind), []);
});

test('a board first booted from an SD-card image stays a machine of the fleet; an installer ISO is an image', () => {
  const ws = workspaceOf({
    'flake.nix': `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.board = nixpkgs.lib.nixosSystem { modules = [ ./board.nix ]; };
    nixosConfigurations.rescue = nixpkgs.lib.nixosSystem { modules = [ ./rescue.nix ]; };
  };
}
`,
    'board.nix': '{ modulesPath, ... }: {\n  imports = [ "${modulesPath}/installer/sd-card/sd-image-aarch64.nix" ];\n  networking.hostName = "board";\n  sdImage.compressImage = false;\n}\n',
    'rescue.nix': '{ modulesPath, ... }: {\n  imports = [ "${modulesPath}/installer/cd-dvd/installation-cd-minimal.nix" ];\n}\n',
  });
  const h = ws.homelabs()[0];
  assert.deepEqual([...h.machines.keys()], ['board']);
  assert.equal(h.nixosMachines.get('rescue')?.image, 'iso');
  assert.equal(h.nixosMachines.get('board')?.image, undefined);
});
