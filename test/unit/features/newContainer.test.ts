// New Container's decisions over in-memory homelabs (no LSP): the vmid,
// address and update slot around live state, the errors that leave no edits,
// the `pct create` vector from the host's proxmox defaults, a catalog flag
// written into the profile, and a machine added to a flake's list of names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { newContainerProposal } from '../../../server/src/features/newContainer/proposal';
import type { NewContainerInput, NewContainerPlan } from '../../../server/src/features/newContainer/types';
import { nextUpdateSlot } from '../../../server/src/features/newContainer/updateSlot';
import type { Workspace } from '../../../server/src/model/workspace';
import { ROOT, loadTree, workspaceOf } from '../checks/helpers';

const example = loadTree(path.join(__dirname, '..', '..', '..', 'examples', 'homelab'));

function propose(ws: Workspace, input: Partial<NewContainerInput>): NewContainerPlan | { error: string } {
  return newContainerProposal(ws, { folderUri: ROOT, name: 'LXC_new', host: 'pve', network: 'home', services: [], ...input });
}

function plan(ws: Workspace, input: Partial<NewContainerInput>): NewContainerPlan {
  const p = propose(ws, input);
  if ('error' in p) throw new Error(p.error);
  return p;
}

/** The text of a file after the plan's edits. */
function edited(ws: Workspace, p: NewContainerPlan, rel: string): string {
  const uri = `${ROOT}/${rel}`;
  let text = ws.text(uri) ?? '';
  for (const e of [...(p.edits.get(uri) ?? [])].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  return text;
}

test('vmid, address and update slot: the next free ones, avoiding what Proxmox reports live', () => {
  const ws = workspaceOf(example);
  const p = plan(ws, { name: 'LXC_paperless', services: ['paperless'] });
  assert.equal(p.vmid, 110);
  assert.equal(p.address, '192.168.8.81');
  assert.equal(p.prefixLength, 24);
  assert.equal(p.gateway, '192.168.8.1');
  assert.equal(p.update, 'Sat *-*-* 07:20:00');
  const live = plan(ws, { name: 'LXC_paperless', services: ['paperless'], liveVmids: [110, 112], liveAddresses: ['192.168.8.81', '192.168.8.83', 'dhcp'] });
  assert.equal(live.vmid, 113);
  assert.equal(live.address, '192.168.8.84');
  assert.match(live.summary[0], /^vmid 113: the next after the highest vmid in use on pve \(inventory and live\), 112$/);
  assert.match(live.summary[1], /^address 192\.168\.8\.84\/24: .*live addresses avoided, gateway 192\.168\.8\.1$/);
});

test('update slot: the first free minute of the siblings\' grid, in their own form', () => {
  const inv = (updates: string[]): string =>
    ['networks:', '  lan:', '    cidr: 10.1.0.0/24', 'hosts:', '  pve:', '    kind: proxmox', 'containers:', ...updates.flatMap((u, i) => [`  c${i}:`, '    host: pve', `    ip: 10.1.0.${10 + i}`, `    update: "${u}"`])].join('\n') + '\n';
  const slot = (updates: string[]): string | undefined => {
    const h = workspaceOf({ 'homelab.yaml': inv(updates) }).homelabs()[0];
    return nextUpdateSlot([...h.machines.values()], 'pve').calendar;
  };
  assert.equal(slot(['Sat *-*-* 07:00:00', 'Sat *-*-* 07:10:00']), 'Sat *-*-* 07:20:00');
  assert.equal(slot(['Sun 04:00', 'Sun 04:30']), 'Sun 05:00');
  assert.equal(slot(['Sun 04:00']), 'Sun 04:10');
  // A gap on the grid is taken before the end; a sibling on another day does not count as a clash.
  assert.equal(slot(['Sat *-*-* 07:00:00', 'Sat *-*-* 07:10:00', 'Sat *-*-* 07:30:00', 'Sun *-*-* 07:20:00']), 'Sat *-*-* 07:20:00');
  assert.equal(slot([]), undefined);
});

test('a request that cannot be met: an error, no edits', () => {
  const ws = workspaceOf(example);
  const err = (input: Partial<NewContainerInput>): string => {
    const p = propose(ws, input);
    assert.ok('error' in p, `expected an error for ${JSON.stringify(input)}`);
    return p.error;
  };
  assert.equal(err({ host: 'nope' }), 'no host named `nope` in hosts');
  assert.equal(err({ host: 'pfsense' }), 'host `pfsense` is a router, not a Proxmox host (kind: proxmox)');
  assert.equal(err({ network: 'lan' }), 'no network named `lan` in networks');
  assert.equal(err({ name: 'LXC_HOME' }), '`LXC_HOME` is already the name of a container');
  assert.equal(err({ name: 'truenas' }), '`truenas` is already the name of a host');
  assert.match(err({ name: '-x' }), /^`-x` is not a valid container name/);
  assert.match(err({ name: 'a b' }), /^`a b` is not a valid container name/);
  assert.match(err({ services: ['no-such-thing'] }), /^no service named `no-such-thing`/);
  assert.equal(err({ folderUri: 'file:///elsewhere' }), 'no homelab in file:///elsewhere');
  assert.equal(err({ services: 'grafana' as unknown as string[] }), 'services must be a list of service names');
  const full = workspaceOf({
    'homelab.yaml': ['networks:', '  tiny:', '    cidr: 10.9.0.0/30', '    gateway: 10.9.0.1', 'hosts:', '  pve:', '    kind: proxmox', '    ip: 10.9.0.2', ''].join('\n'),
  });
  assert.deepEqual(propose(full, { network: 'tiny' }), { error: 'network tiny (10.9.0.0/30) has no free address left' });
});

test('pct create: the template, storage and bridge of hosts.<h>.proxmox, the request first; unsafe values refused', () => {
  const files = {
    ...example,
    'homelab.yaml': (example['homelab.yaml'] ?? '').replace(
      '    description: Proxmox VE hypervisor (LUKS-encrypted LVM, NFS from TrueNAS)\n',
      '    description: Proxmox VE hypervisor (LUKS-encrypted LVM, NFS from TrueNAS)\n    proxmox:\n      template: local:vztmpl/nixos-25.11-lxc.tar.xz\n      storage: fast\n      bridge: vmbr1\n',
    ),
  };
  const ws = workspaceOf(files);
  const p = plan(ws, { name: 'LXC_paperless', services: ['paperless'] });
  assert.deepEqual(p.pctCreate, [
    '110', 'local:vztmpl/nixos-25.11-lxc.tar.xz', '--hostname', 'paperless',
    '--net0', 'name=eth0,bridge=vmbr1,ip=192.168.8.81/24,gw=192.168.8.1',
    '--storage', 'fast', '--unprivileged', '1', '--features', 'nesting=1', '--onboot', '1',
  ]);
  const asked = plan(ws, { name: 'LXC_paperless', services: ['paperless'], template: 'local:vztmpl/other.tar.xz', storage: 'local-zfs' });
  assert.equal(asked.pctCreate[1], 'local:vztmpl/other.tar.xz');
  assert.equal(asked.pctCreate[asked.pctCreate.indexOf('--storage') + 1], 'local-zfs');
  const unsafe = plan(ws, { name: 'LXC_paperless', services: ['paperless'], template: '--purge' });
  assert.deepEqual(unsafe.pctCreate, []);
  assert.match(unsafe.summary[unsafe.summary.length - 1], /^pct create: not run: the template `--purge` is not a Proxmox name/);
  const none = plan(workspaceOf(example), { name: 'LXC_paperless', services: ['paperless'] });
  assert.deepEqual(none.pctCreate, []);
  assert.equal(none.summary[none.summary.length - 1], 'pct create: no template known: set hosts.pve.proxmox.template in the inventory (or choose one), then create it');
});

test('profile: a new service is switched on by its catalog flag and its port opened, the sibling\'s own settings left out', () => {
  const ws = workspaceOf(example);
  const p = plan(ws, { name: 'LXC_vpn', services: ['wireguard'] });
  assert.equal(
    p.createFiles.get(`${ROOT}/profiles/LXC_vpn-config.nix`),
    [
      '# LXC_vpn: wireguard. WireGuard VPN endpoint.',
      'let',
      '  base = import ./LXC-base-config.nix;',
      '  secrets = import ../secrets/domains.nix;',
      'in',
      '{',
      '  systemSettings = base.systemSettings // {',
      '    hostname = "vpn";',
      '    ipAddress = "192.168.8.81";',
      '    nameServers = [ "192.168.8.1" ];',
      '    allowedTCPPorts = [ 22 9092 9100 ];',
      '    allowedUDPPorts = [ 51820 ];',
      '',
      '    wireguardEnable = true;',
      '',
      '    autoSystemUpdateOnCalendar = "Sat *-*-* 07:20:00";',
      '    notificationToEmail = secrets.alertEmail;',
      '  };',
      '',
      '  userSettings = base.userSettings // { };',
      '}',
      '',
    ].join('\n'),
  );
  assert.ok(p.summary.includes('profile: left out dockerComposeProjects (LXC_plane\'s own)'));
  assert.ok(p.summary.includes('wireguard: wireguardEnable = true (the catalog\'s flag)'));
  // From a sibling that shares a service: what belongs to that service stays, the rest goes.
  const g = plan(ws, { name: 'LXC_grafana2', services: ['grafana'] });
  const text = g.createFiles.get(`${ROOT}/profiles/LXC_grafana2-config.nix`) ?? '';
  assert.match(text, /\n {4}allowedTCPPorts = \[ 22 3002 9092 9100 \];\n\n {4}grafanaEnable = true;\n {4}grafanaPort = 3002;\n {4}grafanaDomain = "monitor\.local\.akunito\.com";\n\n {4}autoSystemUpdateOnCalendar/);
  assert.doesNotMatch(text, /prometheus|nginxEnable|backupMonitoring|07:10/);
  // A service the catalog has no flag for is said, not invented.
  const paperless = plan(ws, { name: 'LXC_paperless', services: ['paperless'] });
  assert.doesNotMatch(paperless.createFiles.get(`${ROOT}/profiles/LXC_paperless-config.nix`) ?? '', /Enable = true/);
  assert.ok(paperless.summary.includes('paperless: no setting of the catalog turns it on (no paperlessEnable): configure it in profiles/LXC_paperless-config.nix'));
});

test('flake: a machine added to a list of names (genAttrs), its own file copied', () => {
  const ws = workspaceOf({
    'flake.nix': [
      '{',
      '  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";',
      '  outputs = { self, nixpkgs, ... }: {',
      '    nixosConfigurations = nixpkgs.lib.genAttrs [ "web" "db" ] (name: nixpkgs.lib.nixosSystem {',
      '      system = "x86_64-linux";',
      '      modules = [ ./hosts/${name}.nix ];',
      '    });',
      '  };',
      '}',
      '',
    ].join('\n'),
    'hosts/web.nix': '# web\n{ ... }:\n{\n  networking.hostName = "web";\n  networking.interfaces.eth0.ipv4.addresses = [ { address = "10.5.0.10"; prefixLength = 24; } ];\n  services.nginx.enable = true;\n}\n',
    'hosts/db.nix': '# db\n{ ... }:\n{\n  networking.hostName = "db";\n  networking.interfaces.eth0.ipv4.addresses = [ { address = "10.5.0.11"; prefixLength = 24; } ];\n  services.postgresql.enable = true;\n}\n',
    'homelab.yaml': [
      'networks:',
      '  lan:',
      '    cidr: 10.5.0.0/24',
      '    gateway: 10.5.0.1',
      'hosts:',
      '  pve:',
      '    kind: proxmox',
      '    ip: 10.5.0.2',
      'containers:',
      '  web:',
      '    host: pve',
      '    vmid: 300',
      '    ip: 10.5.0.10',
      '    services: [nginx]',
      '',
      '  db:',
      '    host: pve',
      '    vmid: 301',
      '    ip: 10.5.0.11',
      '    services: [postgresql]',
      '',
    ].join('\n'),
  });
  const p = plan(ws, { name: 'cache', network: 'lan', services: ['nginx'] });
  assert.equal(edited(ws, p, 'flake.nix').split('\n')[3], '    nixosConfigurations = nixpkgs.lib.genAttrs [ "web" "db" "cache" ] (name: nixpkgs.lib.nixosSystem {');
  assert.equal(
    p.createFiles.get(`${ROOT}/hosts/cache.nix`),
    '# cache: nginx. Web server and reverse proxy.\n{ ... }:\n{\n  networking.hostName = "cache";\n  networking.interfaces.eth0.ipv4.addresses = [ { address = "10.5.0.12"; prefixLength = 24; } ];\n  services.nginx.enable = true;\n}\n',
  );
  // Entries separated by a blank line: the new one too.
  assert.match(edited(ws, p, 'homelab.yaml'), /services: \[postgresql\]\n\n {2}cache:\n {4}host: pve\n {4}vmid: 302\n {4}ip: 10\.5\.0\.12\n {4}services: \[nginx\]\n$/);
});
