// Workspaces the UI scenarios open, written into temporary folders: a
// one-container homelab whose container is the test sshd on 127.0.0.1, the
// same with its Proxmox host read over that sshd (stand-in pvesh and pct),
// and the stand-ins those need (systemctl, a closed port).
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sshd } from '../deploy/helpers/sshd';
import { repoRoot } from './compile-integration.mjs';

/**
 * A stand-in for `systemctl is-system-running` on the remote side (no systemd
 * runs as PID 1 on this machine): a folder with a `systemctl` that prints `state`.
 */
export function systemctlStandIn(state: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'homelab-systemctl-e2e-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'systemctl'), `#!/bin/sh\n# Stand-in: no systemd here.\necho ${state}\n`, { mode: 0o755 });
  return dir;
}

/** A loopback port that refuses connections (bound once, then closed). */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A one-container homelab whose container is the test sshd on 127.0.0.1. */
export function writeDeployWorkspace(folder: string, sshd: Sshd, dotfilesDir: string, extra: { service?: { name: string; port: number } } = {}): void {
  mkdirSync(join(folder, 'profiles'), { recursive: true });
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  const yaml = [
    'version: 1',
    'networks:',
    '  loopback:',
    '    cidr: 127.0.0.0/8',
    'hosts:',
    '  pve:',
    '    kind: proxmox',
    'containers:',
    '  LXC_e2e:',
    '    host: pve',
    '    vmid: 150',
    '    ip: 127.0.0.1',
    '    profile: profiles/LXC_e2e-config.nix',
    ...(extra.service ? [`    services: [${extra.service.name}]`, 'services:', `  ${extra.service.name}:`, `    port: ${extra.service.port}`] : []),
    'deploy:',
    '  method: ssh-script',
    `  user: ${sshd.user.name}`,
    `  dotfilesDir: ${dotfilesDir}`,
    '  command: ./install.sh {dir} {profile}',
    `  sshOptions: [${sshd.sshOptions.map((o) => JSON.stringify(o)).join(', ')}]`,
    '',
  ].join('\n');
  writeFileSync(join(folder, 'homelab.yaml'), yaml);
  writeFileSync(join(folder, 'profiles', 'LXC_e2e-config.nix'),
    '{ ... }:\n{\n  systemSettings = {\n    hostname = "e2e";\n    ipAddress = "127.0.0.1";\n  };\n}\n');
  // Terminal text as DOM (no WebGL) so the test can read it.
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'terminal.integrated.gpuAcceleration': 'off' }, null, 2));
}

export const PCT_TEMPLATE = 'local:vztmpl/nixos-e2e.tar.xz';

/**
 * A one-container homelab on 127.0.0.0/24 whose Proxmox host is the test sshd
 * on 127.0.0.1, read with `pvesh` and given containers with `pct` over SSH
 * (stand-ins first on the remote PATH: Proxmox VE cannot run here).
 */
export function writeProxmoxSshWorkspace(folder: string, sshd: Sshd): void {
  mkdirSync(join(folder, 'profiles'), { recursive: true });
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  const yaml = [
    'version: 1',
    'networks:',
    '  loopback:',
    '    cidr: 127.0.0.0/24',
    'hosts:',
    '  pve:',
    '    kind: proxmox',
    '    ip: 127.0.0.1',
    '    proxmox:',
    '      via: ssh',
    `      user: ${sshd.user.name}`,
    `      template: ${PCT_TEMPLATE}`,
    'containers:',
    '  LXC_e2e:',
    '    host: pve',
    '    vmid: 150',
    '    ip: 127.0.0.2',
    '    hostname: e2e',
    '    profile: profiles/LXC_e2e-config.nix',
    '    update: "Sat *-*-* 07:00:00"',
    '',
  ].join('\n');
  writeFileSync(join(folder, 'homelab.yaml'), yaml);
  // The profile convention: a base profile and a container extending it.
  writeFileSync(join(folder, 'profiles', 'LXC-base-config.nix'),
    '{\n  systemSettings = {\n    profile = "lxc";\n    allowedTCPPorts = [ 22 ];\n  };\n  userSettings = { };\n}\n');
  writeFileSync(join(folder, 'profiles', 'LXC_e2e-config.nix'), [
    'let',
    '  base = import ./LXC-base-config.nix;',
    'in',
    '{',
    '  systemSettings = base.systemSettings // {',
    '    hostname = "e2e";',
    '    ipAddress = "127.0.0.2";',
    '    allowedTCPPorts = [ 22 ];',
    '    autoSystemUpdateOnCalendar = "Sat *-*-* 07:00:00";',
    '  };',
    '',
    '  userSettings = base.userSettings // { };',
    '}',
    '',
  ].join('\n'));
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'homelab.deploy.sshOptions': sshd.sshOptions }, null, 2));
}

/**
 * The profile-set fixture (test/fixtures/profile-set-homelab) with the test
 * sshd as ROAM_ONE's second address: its deploy list line logs in as the test
 * user, 127.0.0.3 (first, nothing listens there) refuses, 127.0.0.1 answers.
 * The inventory says only where the dotfiles checkout is (it wins over the
 * list's `/home/<user>/.dotfiles`); the sshd's port and key are settings.
 */
export function writeDeployListWorkspace(folder: string, sshd: Sshd, dotfilesDir: string): void {
  cpSync(join(repoRoot, 'test', 'fixtures', 'profile-set-homelab'), folder, { recursive: true });
  const list = join(folder, 'deploy-servers.conf');
  writeFileSync(list, readFileSync(list, 'utf8').replace(/^ROAM_ONE\|alex\|/m, `ROAM_ONE|${sshd.user.name}|`));
  writeFileSync(join(folder, 'homelab.yaml'), ['version: 1', 'deploy:', `  dotfilesDir: ${dotfilesDir}`, ''].join('\n'));
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({
    'terminal.integrated.gpuAcceleration': 'off',
    'homelab.deploy.sshOptions': sshd.sshOptions,
    'homelab.prometheus.url': '',
    // Loopback only: the tree probes each listed address on the sshd's port, often enough for a test.
    'homelab.reachability.enable': true,
    'homelab.reachability.intervalSeconds': 5,
  }, null, 2));
}

/**
 * Two containers on loopback aliases (Linux routes all of 127/8 to lo), both
 * deployed over ssh on `port` (the inventory's `deploy.sshOptions`), with
 * reachability turned on for this workspace only and an interval far longer
 * than a test: a state in the tree within seconds comes from the probe run
 * when the machines arrive, not from the interval.
 */
export function writeReachabilityWorkspace(folder: string, machines: { name: string; ip: string; vmid: number }[], port: number): void {
  mkdirSync(join(folder, 'profiles'), { recursive: true });
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  const yaml = [
    'version: 1',
    'networks:',
    '  loopback:',
    '    cidr: 127.0.0.0/8',
    'hosts:',
    '  pve:',
    '    kind: proxmox',
    'containers:',
    ...machines.flatMap((m) => [
      `  ${m.name}:`,
      '    host: pve',
      `    vmid: ${m.vmid}`,
      `    ip: ${m.ip}`,
      `    profile: profiles/${m.name}-config.nix`,
    ]),
    'deploy:',
    '  method: ssh-script',
    '  user: e2e',
    '  dotfilesDir: /home/e2e/.dotfiles',
    '  command: ./install.sh {dir} {profile}',
    `  sshOptions: [-p, "${port}"]`,
    '',
  ].join('\n');
  writeFileSync(join(folder, 'homelab.yaml'), yaml);
  for (const m of machines)
    writeFileSync(join(folder, 'profiles', `${m.name}-config.nix`),
      `{ ... }:\n{\n  systemSettings = {\n    hostname = "${m.name.toLowerCase()}";\n    ipAddress = "${m.ip}";\n  };\n}\n`);
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({
    'homelab.prometheus.url': '',
    'homelab.reachability.enable': true,
    'homelab.reachability.intervalSeconds': 300,
  }, null, 2));
}
