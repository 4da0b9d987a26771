// The cross-machine rules on NixOS machines, data-driven over the proxmox-lxc
// fleet fixture (a flake of three containers and an inventory), in memory:
// each case changes one file and expects its rule at its line; the unchanged
// fixture has only its planted inventory-profile-mismatch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { check, edit, loadTree, summary, workspaceOf } from '../checks/helpers';

const LAB = loadTree(join(__dirname, '../../fixtures/fleets/proxmox-lxc'));
const MEDIA = 'containers/media.nix';
const APPS = 'containers/apps.nix';
const INV = 'homelab.yaml';
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

/** The fixture with its planted mistake repaired: the inventory says what media's configuration says. */
const CLEAN: Record<string, string> = { ...LAB, [INV]: edit(LAB[INV], 'ip: 192.168.30.21', 'ip: 192.168.30.12') };

test('the repaired fixture checks clean', () => {
  assert.equal(summary(check(CLEAN)), '');
});

interface Case {
  name: string;
  rule: string;
  files: Record<string, string>;
  /** Every expected place: file and the text on its line. */
  at: [string, string][];
  severity?: string;
}

const cases: Case[] = [
  {
    name: "a machine's default gateway outside its interface's network",
    rule: 'gateway-outside-network',
    files: { [MEDIA]: edit(CLEAN[MEDIA], '  networking.hostName = "media";', '  networking.hostName = "media";\n  networking.defaultGateway = "192.168.31.1";') },
    at: [[MEDIA, '192.168.31.1']],
  },
  {
    name: "a networkd route's gateway outside the networks of the machine's addresses",
    rule: 'gateway-outside-network',
    files: { [MEDIA]: edit(CLEAN[MEDIA], '  networking.hostName = "media";', '  networking.hostName = "media";\n  systemd.network.networks."10-lan".routes = [ { Gateway = "192.168.31.1"; } ];') },
    at: [[MEDIA, '192.168.31.1']],
  },
  {
    name: 'a service port the machine firewall does not open (merged from every module)',
    rule: 'port-not-open',
    files: { [INV]: edit(CLEAN[INV], 'deploy:\n', 'services:\n  jellyfin:\n    port: 8920\n\ndeploy:\n') },
    at: [[INV, 'services: [jellyfin]']],
  },
  {
    name: 'an address outside every network of the inventory',
    rule: 'ip-outside-network',
    files: { [MEDIA]: edit(CLEAN[MEDIA], '"192.168.30.12"', '"192.168.40.12"'), [INV]: edit(CLEAN[INV], 'ip: 192.168.30.12', 'ip: 192.168.40.12') },
    at: [[MEDIA, '192.168.40.12'], [INV, 'ip: 192.168.40.12']],
  },
  {
    name: 'a laptop profile the inventory does not know, at another site: information, never an error',
    rule: 'ip-outside-network',
    files: { 'profiles/LAPTOP-config.nix': '{\n  systemSettings = {\n    hostname = "laptop";\n    ipAddress = "192.168.0.78";\n  };\n}\n' },
    at: [['profiles/LAPTOP-config.nix', 'ipAddress']],
    severity: 'info',
  },
  {
    name: 'two machines configured with one address',
    rule: 'ip-duplicate',
    files: { [APPS]: edit(CLEAN[APPS], '"192.168.30.13"', '"192.168.30.12"'), [INV]: edit(CLEAN[INV], 'ip: 192.168.30.13', 'ip: 192.168.30.12') },
    at: [[APPS, '192.168.30.12'], [MEDIA, '192.168.30.12'], [INV, 'ip: 192.168.30.12\n    hostname: media'], [INV, 'ip: 192.168.30.12\n    hostname: apps']],
  },
  {
    name: 'a stale profile no container uses reuses a machine address: a warning naming both',
    rule: 'ip-duplicate',
    files: { 'profiles/old-media-config.nix': '{\n  systemSettings = {\n    hostname = "media-old";\n    ipAddress = "192.168.30.12";\n  };\n}\n' },
    at: [['profiles/old-media-config.nix', 'ipAddress'], [MEDIA, '192.168.30.12'], [INV, 'ip: 192.168.30.12']],
    severity: 'warning',
  },
  {
    name: 'the schedule that runs: a configuration moved to another container\'s minute while the inventory still says otherwise',
    rule: 'update-not-staggered',
    files: { [MEDIA]: edit(CLEAN[MEDIA], '"Sun *-*-* 02:30:00"', '"Sun *-*-* 02:00:00"') },
    at: [[MEDIA, 'Sun *-*-* 02:00:00']],
  },
  {
    name: 'a hive node and a flake configuration of one name from different files clash',
    rule: 'machine-name-clash',
    files: { 'hive.nix': '{\n  meta.nixpkgs = import <nixpkgs> { };\n  dns = { imports = [ ./other/dns.nix ]; };\n}\n', 'other/dns.nix': '{ ... }: {\n  networking.hostName = "dns2";\n}\n' },
    at: [['hive.nix', '  dns = {'], ['flake.nix', 'dns = nixpkgs.lib.nixosSystem']],
  },
];

for (const c of cases)
  test(`${c.rule}: ${c.name}`, () => {
    const files = { ...CLEAN, ...c.files };
    const found = check(files);
    const mine = found.filter((f) => f.rule === c.rule);
    const want = c.at.map(([file, needle]) => `${file}:${lineOf(files[file], needle)}`).sort();
    assert.deepEqual([...new Set(mine.map((f) => `${f.file}:${f.line}`))].sort(), want, summary(found));
    if (c.severity) for (const f of mine) assert.equal(f.severity, c.severity, summary(mine));
  });

test('what is not known statically is never an error: an address under a condition that is not known', () => {
  const files = {
    ...CLEAN,
    [APPS]: edit(CLEAN[APPS], 'networking.interfaces.eth0.ipv4.addresses = [', 'networking.interfaces.eth0.ipv4.addresses = lib.mkIf pkgs.stdenv.hostPlatform.isx86_64 ['),
    [INV]: edit(CLEAN[INV], 'ip: 192.168.30.13', 'ip: 192.168.30.12'),
  };
  // apps' address is now unknown (a condition on pkgs, never known statically; a condition on the machine's own
  // `config` is read since modules are called with it): no mismatch with the inventory is claimed for it, and
  // the one finding is information saying where its address could not be read.
  const found = check(files).filter((f) => f.file === APPS);
  assert.deepEqual(found.map((f) => `${f.severity} ${f.rule}`), ['info discovery-stopped'], summary(found));
  assert.match(found[0].message, /`networking\.interfaces\.eth0\.ipv4\.addresses` of `apps` is not known statically \(.*condition.*\): addresses written there are not read/);
  assert.equal(found[0].line, lineOf(files[APPS], 'lib.mkIf pkgs.stdenv'));
});

test('mkDefault / mkForce priorities decide the effective value across modules', () => {
  const files = {
    ...CLEAN,
    'modules/lxc.nix': edit(CLEAN['modules/lxc.nix'], '{', '{\n  networking.firewall.allowedTCPPorts = lib.mkForce [ 22 ];'),
    [INV]: edit(CLEAN[INV], 'deploy:\n', 'services:\n  jellyfin:\n    port: 8096\n\ndeploy:\n'),
  };
  // mkForce in the shared module wins over media's own `[ 8096 ]`: jellyfin's port is closed.
  const found = check(files).filter((f) => f.rule === 'port-not-open');
  assert.equal(found.length, 1, summary(found));
  assert.match(found[0].message, /jellyfin listens on port 8096, but media's networking\.firewall\.allowedTCPPorts does not open it/);
});

test('files git ignores and homelab.exclude names are left out: an archived folder of old profiles stays quiet', () => {
  const stale = '{\n  systemSettings = {\n    hostname = "media-old";\n    ipAddress = "192.168.30.12";\n  };\n}\n';
  const broken = '{ a = 1; a = 2;\n';
  const files = { ...CLEAN, 'archived/profiles/old-config.nix': stale, 'archived/broken.nix': broken, 'scratch/tmp.nix': broken, 'scratch/keep.nix': broken };
  const all = check(files, { exclude: [] });
  assert.ok(all.some((f) => f.file.startsWith('archived/')), 'without ignores the archive is checked');
  // The default leaves folders of kept-but-unused files out (archived, archive, old, deprecated).
  assert.ok(!check(files).some((f) => f.file.startsWith('archived/')), 'the default exclude leaves the archive out');
  const viaGit = check({ ...files, '.gitignore': '# old things\narchived/\nscratch/*.nix\n!scratch/keep.nix\n' }, { exclude: [] });
  assert.deepEqual([...new Set(viaGit.map((f) => f.file))].sort(), ['scratch/keep.nix'], summary(viaGit));
  const viaSetting = check(files, { exclude: ['archived', 'scratch/**'] });
  assert.equal(summary(viaSetting), '');
});

test('an edit elsewhere keeps the machines as they were; an edit to a module file re-reads them', async () => {
  const { workspaceOf, ROOT } = await import('../checks/helpers');
  const ws = workspaceOf(CLEAN);
  const before = ws.homelabs()[0].nixosMachines.get('media');
  assert.ok(before);
  ws.setDocument(`${ROOT}/${INV}`, CLEAN[INV].replace('vmid: 202', 'vmid: 212'), 2);
  assert.equal(ws.homelabs()[0].nixosMachines.get('media'), before, 'an inventory edit does not re-merge the machines');
  ws.setDocument(`${ROOT}/modules/common.nix`, CLEAN['modules/common.nix'] + '\n', 2);
  const afterShared = ws.homelabs()[0].nixosMachines.get('media');
  assert.notEqual(afterShared, before, 'an edit to a shared module re-merges');
  ws.setDocument(`${ROOT}/${MEDIA}`, CLEAN[MEDIA].replace('"192.168.30.12"', '"192.168.30.42"'), 2);
  assert.equal(ws.homelabs()[0].nixosMachines.get('media')?.config?.addresses[0]?.address.value, '192.168.30.42');
});

test('gateway-outside-network: a /32 cloud address whose gateway has a host route onto the link is no finding; without the route it is', () => {
  const cloud = (routes: string): Record<string, string> => ({
    'flake.nix': `{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.vps = nixpkgs.lib.nixosSystem { modules = [ ./vps.nix ]; };
  };
}
`,
    'vps.nix': `{ ... }: {
  networking.hostName = "vps";
  networking.defaultGateway = { address = "172.31.1.1"; interface = "eth0"; };
  networking.interfaces.eth0.ipv4 = {
    addresses = [ { address = "203.0.113.40"; prefixLength = 32; } ];
    ${routes}
  };
}
`,
  });
  const gatewayFindings = (files: Record<string, string>): string[] => check(files).filter((f) => f.rule === 'gateway-outside-network').map((f) => `${f.file}:${f.line}`);
  assert.deepEqual(gatewayFindings(cloud('routes = [ { address = "172.31.1.1"; prefixLength = 32; } ];')), []);
  assert.deepEqual(gatewayFindings(cloud('')), ['vps.nix:3']);
  // A route through another router does not put the gateway on the link.
  assert.deepEqual(gatewayFindings(cloud('routes = [ { address = "172.31.1.1"; prefixLength = 32; via = "203.0.113.1"; } ];')), ['vps.nix:3']);
});

test("gateway-outside-network: networkd's GatewayOnLink puts the gateway on the link", () => {
  const files = (onLink: string): Record<string, string> => ({
    ...CLEAN,
    [MEDIA]: edit(CLEAN[MEDIA], '  networking.hostName = "media";', `  networking.hostName = "media";\n  systemd.network.networks."10-lan".routes = [ { Gateway = "192.168.31.1";${onLink} } ];`),
  });
  const found = (f: Record<string, string>): number => check(f).filter((x) => x.rule === 'gateway-outside-network').length;
  assert.equal(found(files(' GatewayOnLink = true;')), 0);
  assert.equal(found(files(' GatewayOnLink = "yes";')), 0);
  assert.equal(found(files('')), 1);
});

test('ip-duplicate: machines of different domains sharing a private address are a warning that says so; of one domain, an error', () => {
  const twoRegions = (domainB: string, address = '192.168.122.10'): Record<string, string> => ({
    'flake.nix': `{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.a = nixpkgs.lib.nixosSystem { modules = [ ./a.nix ]; };
    nixosConfigurations.b = nixpkgs.lib.nixosSystem { modules = [ ./b.nix ]; };
  };
}
`,
    'a.nix': `{ ... }: { networking.hostName = "a"; networking.domain = "lon.example.net"; networking.interfaces.eth0.ipv4.addresses = [ { address = "${address}"; prefixLength = 24; } ]; }\n`,
    'b.nix': `{ ... }: { networking.hostName = "b"; networking.domain = "${domainB}"; networking.interfaces.eth0.ipv4.addresses = [ { address = "${address}"; prefixLength = 24; } ]; }\n`,
  });
  const dup = (files: Record<string, string>) => check(files).filter((f) => f.rule === 'ip-duplicate');
  const apart = dup(twoRegions('fra.example.net'));
  assert.deepEqual(apart.map((f) => f.severity), ['warning', 'warning']);
  assert.match(apart[0].message, /of domain `(fra|lon)\.example\.net`, this one of `(lon|fra)\.example\.net`: separate networks may reuse a private address/);
  assert.deepEqual(dup(twoRegions('lon.example.net')).map((f) => f.severity), ['error', 'error']);
  // A public address is one machine's wherever it is written.
  assert.deepEqual(dup(twoRegions('fra.example.net', '203.0.113.7')).map((f) => f.severity), ['error', 'error']);
});

test("monitoring-coverage: a scrape target naming a machine by its flake alias (`core-lab` for `core.lab`) covers it", () => {
  const files = (target: string): Record<string, string> => ({
    'flake.nix': `{
  outputs = { nixpkgs, ... }:
    let
      hosts = {
        "core.lab" = nixpkgs.lib.nixosSystem { modules = [ ./core.nix ]; };
        "mon.lab" = nixpkgs.lib.nixosSystem { modules = [ ./mon.nix ]; };
      };
    in {
      nixosConfigurations = hosts // builtins.listToAttrs (map (n: { name = builtins.replaceStrings [ "." ] [ "-" ] n; value = hosts.\${n}; }) (builtins.attrNames hosts));
    };
}
`,
    'core.nix': `{ ... }: {
  networking.hostName = "core";
  networking.interfaces.eth0.ipv4.addresses = [ { address = "10.70.0.2"; prefixLength = 24; } ];
  services.prometheus.exporters.node.enable = true;
}
`,
    'mon.nix': `{ ... }: {
  networking.hostName = "mon";
  services.prometheus.scrapeConfigs = [ { job_name = "node"; static_configs = [ { targets = [ "${target}:9100" ]; } ]; } ];
}
`,
  });
  const ws = workspaceOf(files('core-lab'));
  assert.deepEqual([...ws.homelabs()[0].nixosMachines.keys()].sort(), ['core.lab', 'mon.lab']);
  assert.deepEqual(ws.homelabs()[0].nixosMachines.get('core.lab')?.aliases, ['core-lab']);
  assert.deepEqual(check(files('core-lab')).filter((f) => f.rule === 'monitoring-coverage').length, 0);
  assert.deepEqual(check(files('elsewhere')).filter((f) => f.rule === 'monitoring-coverage').length, 1);
});
