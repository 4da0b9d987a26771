// A host table no module turns into networking options still gives each
// machine the addresses of its own entry: a table handed to the modules
// (specialArgs) or the value of an option set in a shared module (two
// entries or more with an address field, or tinc-style lists of { address; }), never another
// machine's entry, never a set with one such entry (a single service), and
// each address pointing at the table's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, workspaceOf } from '../checks/helpers';

const FLAKE = `{
  outputs = { nixpkgs, ... }:
    let plan = import ./plan.nix;
    in {
      nixosConfigurations = nixpkgs.lib.genAttrs [ "north" "south" ] (name: nixpkgs.lib.nixosSystem {
        specialArgs = { inherit plan; };
        modules = [ ./hosts/\${name}.nix ./shared.nix ];
      });
    };
}
`;
const PLAN = `{
  nodes = {
    north = { ip = "10.70.0.1"; role = "edge"; };
    south = { ip = "10.70.0.2"; role = "store"; };
  };
}
`;
const SHARED = `{ lib, ... }: {
  options.site.machines = lib.mkOption { type = lib.types.attrs; default = { }; };
  config.site.machines = {
    north.ipv6 = "fd70::1";
    south.ipv6 = "fd70::2";
  };
  # tinc-style: each machine's entry lists its endpoints as { address; } sets.
  config.site.links = {
    north.addresses = [ { address = "10.70.5.1"; port = 655; } ];
    south.addresses = [ { address = "10.70.5.2"; port = 655; } ];
  };
  # One service with an address: not a host table.
  config.site.backup = { north = { address = "10.70.9.9"; }; };
}
`;
const host = (n: string): string => `{ ... }: { networking.hostName = "${n}"; }\n`;

function addressesOf(files: Record<string, string>): Record<string, [string, string, string][]> {
  const ws = workspaceOf(files);
  const h = ws.homelabFor(`${ROOT}/flake.nix`);
  assert.ok(h);
  const out: Record<string, [string, string, string][]> = {};
  for (const m of h.nixosMachines.values())
    out[m.name] = (m.config?.addresses ?? []).map((a) => {
      const text = ws.text(a.address.origin.uri) ?? '';
      return [a.address.value, a.option, `${a.address.origin.uri.slice(ROOT.length + 1)}:${text.slice(0, a.address.origin.span.start).split('\n').length}`];
    });
  return out;
}

test('a specialArgs table and an own option table give each machine its own entry, pointing at the table', () => {
  const got = addressesOf({ 'flake.nix': FLAKE, 'plan.nix': PLAN, 'shared.nix': SHARED, 'hosts/north.nix': host('north'), 'hosts/south.nix': host('south') });
  assert.deepEqual(got, {
    north: [
      ['10.70.0.1', 'specialArgs.plan.nodes.north.ip', 'plan.nix:3'],
      ['fd70::1', 'site.machines.north.ipv6', 'shared.nix:4'],
      ['10.70.5.1', 'site.links.north.addresses', 'shared.nix:9'],
    ],
    south: [
      ['10.70.0.2', 'specialArgs.plan.nodes.south.ip', 'plan.nix:4'],
      ['fd70::2', 'site.machines.south.ipv6', 'shared.nix:5'],
      ['10.70.5.2', 'site.links.south.addresses', 'shared.nix:10'],
    ],
  });
});

test("a machine with no entry gets none (never another machine's)", () => {
  const plan = PLAN.replace('    south = { ip = "10.70.0.2"; role = "store"; };\n', '    east = { ip = "10.70.0.3"; };\n');
  const got = addressesOf({ 'flake.nix': FLAKE, 'plan.nix': plan, 'shared.nix': SHARED, 'hosts/north.nix': host('north'), 'hosts/south.nix': host('south') });
  assert.deepEqual(got.south.map((a) => a[0]), ['fd70::2', '10.70.5.2']);
});

test('hover on a networkd "address/prefix" string names the machine that declares the address', async () => {
  const { hover } = await import('../../../server/src/features/hover');
  const files = {
    'flake.nix': '{ outputs = { nixpkgs, ... }: { nixosConfigurations.edge = nixpkgs.lib.nixosSystem { modules = [ ./edge.nix ]; }; }; }\n',
    'edge.nix': '{ ... }: {\n  networking.hostName = "edge";\n  systemd.network.networks."10-lan".address = [ "10.70.0.1/24" ];\n}\n',
  };
  const ws = workspaceOf(files);
  const text = files['edge.nix'];
  const h = hover(ws, `${ROOT}/edge.nix`, text.indexOf('10.70.0.1') + 3);
  assert.ok(h, 'a hover');
  assert.match(h.contents, /\*\*10\.70\.0\.1\*\* · (container|machine) `edge`/);
  // The hover covers the address, not its prefix.
  assert.equal(text.slice(h.span.start, h.span.end), '10.70.0.1');
});

test('free addresses offered by completion skip the addresses a JSON host table gives machines', async () => {
  const { freeAddresses } = await import('../../../server/src/features/homelabInfo');
  const { loadTree } = await import('../checks/helpers');
  const { join } = await import('node:path');
  const files = loadTree(join(__dirname, '../../fixtures/fleets/json-hosts'));
  // Only hosts.json and dns.json say .2, .3, .11, .12 and .13 are in use (no Nix file's text has them).
  files['homelab.yaml'] = 'version: 1\nnetworks:\n  lab:\n    cidr: 10.50.0.0/28\n';
  const ws = workspaceOf(files);
  const h = ws.homelabFor(`${ROOT}/homelab.yaml`);
  assert.ok(h);
  const net = h.addresses.networks.find((n) => n.name === 'lab');
  assert.ok(net);
  assert.deepEqual(freeAddresses(h, net, 20, [], (u) => ws.text(u)), ['10.50.0.4', '10.50.0.5', '10.50.0.6', '10.50.0.7', '10.50.0.8', '10.50.0.9', '10.50.0.10', '10.50.0.14']);
});
