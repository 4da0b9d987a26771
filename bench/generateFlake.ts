// The discovery workload of the bench: a deterministic NixOS flake fleet (a
// `mkHost` helper over `builtins.readDir ./hosts`, shared modules imported two
// levels deep, unique addresses, staggered upgrades, one monitoring host that
// scrapes every exporter), so that it checks clean. See bench/README.md.
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { lineCount, pad, prng, write } from './generate';


/**
 * A NixOS service as a module of the fleet: `services.<id>` on, with a few of
 * its real options, and its ports opened in the firewall.
 */
interface NixService {
  id: string;
  title: string;
  ports: number[];
  /** Lines inside `services.<id> = { … };` after `enable = true;` (`port` is bound to ports[0]). */
  body: string[];
}

const NIX_SERVICES: NixService[] = (
  [
    ['jellyfin', 'Jellyfin media server', [8096], ['dataDir = "/srv/jellyfin";']],
    ['nginx', 'nginx reverse proxy', [80, 443], ['recommendedProxySettings = true;', 'recommendedTlsSettings = true;', 'recommendedGzipSettings = true;']],
    ['postgresql', 'PostgreSQL', [5432], ['enableTCPIP = true;', 'settings.port = port;', 'ensureDatabases = [ "app" ];']],
    ['gitea', 'Gitea git forge', [3300], ['settings.server.HTTP_PORT = port;', 'settings.service.DISABLE_REGISTRATION = true;']],
    ['vaultwarden', 'Vaultwarden password manager', [8222], ['config = {', '  ROCKET_ADDRESS = "0.0.0.0";', '  ROCKET_PORT = port;', '  SIGNUPS_ALLOWED = false;', '};']],
    ['home-assistant', 'Home Assistant', [8123], ['extraComponents = [ "met" "esphome" "mqtt" ];', 'config.http.server_port = port;']],
    ['mosquitto', 'Mosquitto MQTT broker', [1883], ['listeners = [ { inherit port; } ];']],
    ['zigbee2mqtt', 'Zigbee2MQTT', [8085], ['settings.frontend.port = port;', 'settings.mqtt.server = "mqtt://localhost:1883";']],
    ['node-red', 'Node-RED', [1880], ['inherit port;']],
    ['influxdb2', 'InfluxDB', [8086], ['settings."http-bind-address" = ":8086";']],
    ['mysql', 'MariaDB', [3306], ['package = pkgs.mariadb;', 'settings.mysqld.port = port;']],
    ['minio', 'MinIO object storage', [9000, 9001], ['listenAddress = ":9000";', 'consoleAddress = ":9001";']],
    ['wiki-js', 'Wiki.js', [3100], ['settings.port = port;']],
    ['komga', 'Komga comic server', [25600], ['settings.server.port = port;']],
    ['sonarr', 'Sonarr', [8989], ['dataDir = "/srv/sonarr";']],
    ['radarr', 'Radarr', [7878], ['dataDir = "/srv/radarr";']],
    ['prowlarr', 'Prowlarr', [9696], []],
    ['bazarr', 'Bazarr', [6767], ['listenPort = port;']],
    ['lidarr', 'Lidarr', [8686], ['dataDir = "/srv/lidarr";']],
    ['readarr', 'Readarr', [8787], ['dataDir = "/srv/readarr";']],
    ['jellyseerr', 'Jellyseerr', [5055], ['inherit port;']],
    ['qbittorrent', 'qBittorrent', [8080], ['webuiPort = port;']],
    ['miniflux', 'Miniflux feed reader', [8091], ['config.LISTEN_ADDR = "0.0.0.0:8091";', 'adminCredentialsFile = "/run/secrets/miniflux-admin";']],
    ['calibre-web', 'Calibre-Web', [8083], ['listen.ip = "0.0.0.0";', 'listen.port = port;', 'options.enableBookUploading = true;']],
    ['adguardhome', 'AdGuard Home', [3053, 53], ['port = 3053;', 'mutableSettings = true;']],
    ['keycloak', 'Keycloak', [8180], ['settings = {', '  http-port = port;', '  hostname = "sso.lab.example.com";', '};']],
    ['ntfy-sh', 'ntfy push notifications', [2586], ['settings.listen-http = ":2586";', 'settings.base-url = "https://ntfy.lab.example.com";']],
    ['gotify', 'Gotify', [8070], ['environment.GOTIFY_SERVER_PORT = port;']],
    ['uptime-kuma', 'Uptime Kuma', [3001], ['settings.PORT = "3001";']],
    ['healthchecks', 'Healthchecks', [8000], ['inherit port;', 'listenAddress = "0.0.0.0";']],
    ['loki', 'Loki log store', [3101], ['configuration.server.http_listen_port = port;', 'configuration.auth_enabled = false;']],
    ['tempo', 'Tempo trace store', [3202], ['settings.server.http_listen_port = port;']],
    ['n8n', 'n8n workflow automation', [5678], ['settings.port = port;']],
    ['searx', 'SearXNG', [8888], ['settings.server = {', '  port = port;', '  bind_address = "0.0.0.0";', '};']],
    ['hedgedoc', 'HedgeDoc', [3400], ['settings.port = port;', 'settings.domain = "pad.lab.example.com";']],
    ['stirling-pdf', 'Stirling-PDF', [8380], ['environment.SERVER_PORT = port;']],
    ['changedetection-io', 'changedetection.io', [5000], ['inherit port;', 'listenAddress = "0.0.0.0";']],
    ['kavita', 'Kavita', [5100], ['settings.Port = port;', 'tokenKeyFile = "/run/secrets/kavita-token";']],
    ['tandoor-recipes', 'Tandoor recipes', [8381], ['inherit port;', 'address = "0.0.0.0";']],
    ['paperless', 'Paperless-ngx', [8010], ['inherit port;', 'address = "0.0.0.0";', 'consumptionDirIsPublic = true;']],
    ['immich', 'Immich photo library', [2283], ['inherit port;', 'host = "0.0.0.0";']],
    ['audiobookshelf', 'Audiobookshelf', [13378], ['inherit port;', 'host = "0.0.0.0";']],
    ['navidrome', 'Navidrome', [4533], ['settings = {', '  Address = "0.0.0.0";', '  Port = port;', '};']],
    ['photoprism', 'PhotoPrism', [2342], ['inherit port;', 'address = "0.0.0.0";', 'originalsPath = "/srv/photos";']],
    ['mealie', 'Mealie recipes', [9925], ['inherit port;']],
    ['actual', 'Actual Budget', [5006], ['settings.port = port;']],
    ['syncthing', 'Syncthing', [8384, 22000], ['guiAddress = "0.0.0.0:8384";', 'openDefaultPorts = false;']],
    ['transmission', 'Transmission', [9091], ['settings = {', '  rpc-port = port;', '  rpc-bind-address = "0.0.0.0";', '};']],
    ['samba', 'Samba file shares', [445, 139], ['openFirewall = false;']],
    ['unifi', 'UniFi controller', [8443], ['openFirewall = false;']],
    ['blocky', 'Blocky DNS proxy', [4000], ['settings.ports.http = port;', 'settings.upstreams.groups.default = [ "9.9.9.9" "1.1.1.1" ];']],
    ['cockpit', 'Cockpit', [9095], ['inherit port;']],
    ['forgejo', 'Forgejo git forge', [3301], ['settings.server.HTTP_PORT = port;']],
    ['matrix-synapse', 'Matrix Synapse', [8008], ['settings.server_name = "lab.example.com";', 'settings.listeners = [', '  { inherit port; bind_addresses = [ "0.0.0.0" ]; type = "http"; tls = false; x_forwarded = true; resources = [ { names = [ "client" "federation" ]; compress = false; } ]; }', '];']],
    ['ollama', 'Ollama', [11434], ['inherit port;', 'host = "0.0.0.0";']],
    ['open-webui', 'Open WebUI', [8181], ['inherit port;', 'host = "0.0.0.0";']],
    ['code-server', 'code-server', [4444], ['inherit port;', 'host = "0.0.0.0";']],
    ['atuin', 'Atuin sync server', [8890], ['inherit port;', 'host = "0.0.0.0";', 'openRegistration = false;']],
    ['jupyter', 'Jupyter', [8889], ['inherit port;', 'ip = "0.0.0.0";']],
  ] as [string, string, number[], string[]][]
).map(([id, title, ports, body]) => ({ id, title, ports, body }));

/** Ports of the monitoring host and of every machine (SSH, node exporter): no service module may take them. */
const FLEET_PORTS = { ssh: 22, nodeExporter: 9100, prometheus: 9090, grafana: 3000 };
const USER_NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'yolanda'];
const INTERFACES = ['enp1s0', 'eno1', 'ens18', 'enp3s0', 'enp0s31f6'];
const HARDWARE = [
  ['nuc', 'Intel NUC', 'kvm-intel', '"xhci_pci" "ahci" "nvme" "usb_storage" "sd_mod"'],
  ['optiplex', 'Dell OptiPlex micro', 'kvm-intel', '"xhci_pci" "ahci" "usb_storage" "sd_mod"'],
  ['thinkcentre', 'Lenovo ThinkCentre tiny', 'kvm-intel', '"xhci_pci" "nvme" "usbhid" "sd_mod"'],
  ['epyc', 'AMD EPYC server', 'kvm-amd', '"ahci" "xhci_pci" "nvme" "mpt3sas" "sd_mod"'],
  ['ryzen', 'AMD Ryzen desktop', 'kvm-amd', '"nvme" "xhci_pci" "ahci" "usbhid" "sd_mod"'],
  ['qemu', 'QEMU/KVM guest on Proxmox', '', '"ata_piix" "uhci_hcd" "virtio_pci" "virtio_scsi" "sd_mod" "sr_mod"'],
] as const;
const WEEKDAYS = ['Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

export interface FlakeHost {
  index: number;
  name: string;
  ip: string;
  network: number;
  iface: string;
  roles: number[];
  users: string[];
  hardware: number;
  dates: string;
  exporter: boolean;
}

export interface GeneratedFlake {
  dir: string;
  hosts: number;
  files: number;
  /** Files under modules/. */
  modules: number;
  networks: number;
  /** Hosts that enable services.prometheus.exporters.node (all scraped by the monitor). */
  exporters: number;
  monitor: string;
  /** Every machine name (one folder under hosts/ each). */
  machines: string[];
  lines: number;
}

function serviceModule(s: NixService, k: number): string {
  const port = s.ports[0];
  const usesPort = s.body.some((l) => /\bport\b/.test(l.replace(/"[^"]*"/g, '')));
  const ports = s.ports.map((p, i) => (i === 0 && usesPort ? 'port' : String(p))).join(' ');
  const svc = [`  services.${s.id} = {`, '    enable = true;', ...s.body.map((l) => `    ${l}`), '  };'];
  // Three shapes of the firewall line, as hand-written fleets have them.
  const fw =
    k % 3 === 0
      ? [`  networking.firewall.allowedTCPPorts = [ ${ports} ];`]
      : k % 3 === 1
        ? ['  networking.firewall = {', `    allowedTCPPorts = [ ${ports} ];`, '  };']
        : [`  networking.firewall.allowedTCPPorts = lib.mkAfter [ ${ports} ];`];
  return [
    `# ${s.title}, with its port${s.ports.length > 1 ? 's' : ''} (${s.ports.join(', ')}) open in the firewall.`,
    '{ config, lib, pkgs, ... }:',
    '',
    ...(usesPort ? ['let', `  port = ${port};`, 'in'] : []),
    '{',
    ...svc,
    '',
    ...fw,
    '}',
    '',
  ].join('\n');
}

/** Writes a flake repository of `hosts` NixOS machines (about 10/3 files per host) into `dir`, replacing what was there. */
export function generateFlake(hosts: number, dir: string, opts: { seed?: number } = {}): GeneratedFlake {
  const seed = opts.seed ?? 42;
  const rnd = prng(seed * 31 + hosts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const used = new Set<number>(Object.values(FLEET_PORTS));
  for (const s of NIX_SERVICES) for (const p of s.ports) {
    if (used.has(p)) throw new Error(`bench/generate.ts: port ${p} of ${s.id} is taken twice`);
    used.add(p);
  }
  let files = 0;
  let modules = 0;
  let lines = 0;
  const put = (rel: string, text: string): void => {
    write(path.join(dir, rel), text);
    files++;
    if (rel.startsWith('modules/')) modules++;
    lines += lineCount(text);
  };

  const PER_NET = 50;
  const networks = Math.ceil(hosts / PER_NET);
  const roleCount = Math.max(2, Math.round(hosts / 2));
  const userCount = Math.max(1, Math.round(hosts / 3));
  const hardwareCount = Math.min(24, hosts);
  const users = Array.from({ length: userCount }, (_, k) => `${USER_NAMES[k % USER_NAMES.length]}${k >= USER_NAMES.length ? Math.floor(k / USER_NAMES.length) + 1 : ''}`);
  const BASE = ['nix', 'ssh', 'locale', 'upgrade', 'packages', 'journald', 'security', 'firewall'];
  const MONITORING = ['node-exporter', 'prometheus', 'grafana', 'server'];
  // The rest of about 10/3 files per host are small tuning modules, one per role or fewer.
  const fixed = 1 + 2 * hosts + 1 + BASE.length + MONITORING.length + NIX_SERVICES.length + networks + hardwareCount + roleCount + userCount;
  const tweakCount = Math.min(roleCount, Math.max(1, Math.round((10 * hosts) / 3) - fixed));

  // Roles: each imports 1-3 services (every service is some role's first when there are enough roles), a tuning module, and most the node exporter.
  const roles = Array.from({ length: roleCount }, (_, k) => {
    const svcs = [k % NIX_SERVICES.length];
    const extra = Math.floor(rnd() * 3);
    while (svcs.length < 1 + extra) {
      const s = Math.floor(rnd() * NIX_SERVICES.length);
      if (!svcs.includes(s)) svcs.push(s);
    }
    return { k, services: svcs, exporter: rnd() < 0.85, tweak: k % tweakCount };
  });

  // Hosts: host 0 is the monitor; the others get a primary role (round robin) and sometimes a second.
  const plan: FlakeHost[] = [];
  const names = new Set<string>();
  for (let i = 0; i < hosts; i++) {
    const network = Math.floor(i / PER_NET);
    const hostRoles = i === 0 ? [] : [(i - 1) % roleCount];
    if (i > 0 && rnd() < 0.3) {
      const r = Math.floor(rnd() * roleCount);
      if (!hostRoles.includes(r)) hostRoles.push(r);
    }
    const name = i === 0 ? 'monitor' : `${NIX_SERVICES[roles[hostRoles[0]].services[0]].id}-${pad(i, 3)}`;
    if (names.has(name)) throw new Error(`bench/generate.ts: host name ${name} twice`);
    names.add(name);
    const hostUsers = [users[i % userCount]];
    if (rnd() < 0.4 && userCount > 1) {
      const u = users[Math.floor(rnd() * userCount)];
      if (!hostUsers.includes(u)) hostUsers.push(u);
    }
    // Staggered upgrades: one minute apart over the whole fleet, from Saturday 01:00.
    const minutes = 60 + i;
    const day = WEEKDAYS[Math.floor(minutes / 1440) % WEEKDAYS.length];
    const hh = pad(Math.floor((minutes % 1440) / 60), 2);
    const mm = pad(minutes % 60, 2);
    plan.push({
      index: i,
      name,
      ip: `10.30.${network}.${10 + (i % PER_NET)}`,
      network,
      iface: INTERFACES[Math.floor(rnd() * INTERFACES.length)],
      roles: hostRoles,
      users: hostUsers,
      hardware: i % hardwareCount,
      dates: i % 2 ? `${day} ${hh}:${mm}` : `${day} *-*-* ${hh}:${mm}:00`,
      exporter: i === 0 || hostRoles.some((r) => roles[r].exporter),
    });
  }

  // flake.nix: every folder under hosts/ is a machine, through a helper.
  put(
    'flake.nix',
    `{
  description = "Synthetic NixOS fleet of ${hosts} machines (bench/generate.ts, seed ${seed})";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  };

  outputs = { self, nixpkgs, ... }@inputs:
    let
      mkHost = name: nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/\${name}/configuration.nix
          ./modules/common.nix
        ];
      };
    in
    {
      # One machine per folder under hosts/, named after the folder.
      nixosConfigurations = builtins.mapAttrs (name: _: mkHost name) (builtins.readDir ./hosts);
    };
}
`,
  );

  // modules/common.nix and the base modules it imports (every machine).
  put('modules/common.nix', ['# Shared by every machine of the fleet (flake.nix adds it to each).', '{ ... }:', '', '{', '  imports = [', ...BASE.map((b) => `    ./base/${b}.nix`), '  ];', '}', ''].join('\n'));
  const base: Record<string, string[]> = {
    nix: ['{ lib, ... }:', '', '{', '  nix.settings = {', '    experimental-features = [ "nix-command" "flakes" ];', '    auto-optimise-store = true;', '    trusted-users = [ "root" "@wheel" ];', '  };', '  nix.gc = {', '    automatic = true;', '    dates = "weekly";', '    options = "--delete-older-than 14d";', '  };', '  nixpkgs.config.allowUnfree = lib.mkDefault false;', '}'],
    ssh: ['{ ... }:', '', '{', '  services.openssh = {', '    enable = true;', '    settings = {', '      PasswordAuthentication = false;', '      PermitRootLogin = "prohibit-password";', '    };', '  };', '}'],
    locale: ['{ lib, ... }:', '', '{', '  time.timeZone = lib.mkDefault "Europe/Amsterdam";', '  i18n.defaultLocale = "en_US.UTF-8";', '  console.keyMap = "us";', '}'],
    upgrade: ['# Each machine picks its own minute in system.autoUpgrade.dates.', '{ lib, inputs, ... }:', '', '{', '  system.autoUpgrade = {', '    enable = true;', '    flake = inputs.self.outPath;', '    flags = [ "--update-input" "nixpkgs" "-L" ];', '    allowReboot = lib.mkDefault false;', '  };', '  system.stateVersion = "24.11";', '}'],
    packages: ['{ pkgs, ... }:', '', '{', '  environment.systemPackages = with pkgs; [ vim git htop tmux curl jq ];', '  programs.zsh.enable = true;', '}'],
    journald: ['{ ... }:', '', '{', "  services.journald.extraConfig = ''", '    SystemMaxUse=1G', '    MaxRetentionSec=1month', "  '';", '}'],
    security: ['{ ... }:', '', '{', '  security.sudo.wheelNeedsPassword = false;', '  services.fail2ban = {', '    enable = true;', '    maxretry = 5;', '  };', '}'],
    firewall: ['{ ... }:', '', '{', '  networking.firewall = {', '    enable = true;', '    allowPing = true;', `    allowedTCPPorts = [ ${FLEET_PORTS.ssh} ];`, '  };', '}'],
  };
  for (const b of BASE) put(`modules/base/${b}.nix`, [`# Base: ${b}, for every machine.`, ...base[b], ''].join('\n'));

  // Monitoring: the node exporter (imported by most roles), and the monitor's Prometheus and Grafana.
  put('modules/monitoring/node-exporter.nix', ['# Host metrics, scraped by the monitor.', '{ ... }:', '', '{', '  services.prometheus.exporters.node = {', '    enable = true;', `    port = ${FLEET_PORTS.nodeExporter};`, '    enabledCollectors = [ "systemd" "processes" ];', '  };', '', `  networking.firewall.allowedTCPPorts = [ ${FLEET_PORTS.nodeExporter} ];`, '}', ''].join('\n'));
  put('modules/monitoring/prometheus.nix', ['# Prometheus itself; the monitor host lists its scrape targets.', '{ ... }:', '', '{', '  services.prometheus = {', '    enable = true;', `    port = ${FLEET_PORTS.prometheus};`, '    retentionTime = "90d";', '  };', '', `  networking.firewall.allowedTCPPorts = [ ${FLEET_PORTS.prometheus} ];`, '}', ''].join('\n'));
  put('modules/monitoring/grafana.nix', ['# Grafana, reading the local Prometheus.', '{ ... }:', '', '{', '  services.grafana = {', '    enable = true;', '    settings.server = {', '      http_addr = "0.0.0.0";', `      http_port = ${FLEET_PORTS.grafana};`, '      domain = "grafana.lab.example.com";', '    };', '    provision.datasources.settings.datasources = [', '      {', '        name = "Prometheus";', '        type = "prometheus";', `        url = "http://localhost:${FLEET_PORTS.prometheus}";`, '        isDefault = true;', '      }', '    ];', '  };', '', `  networking.firewall.allowedTCPPorts = [ ${FLEET_PORTS.grafana} ];`, '}', ''].join('\n'));
  put('modules/monitoring/server.nix', ['# The monitoring server: Prometheus, Grafana, and its own node exporter.', '{ ... }:', '', '{', '  imports = [', '    ./prometheus.nix', '    ./grafana.nix', '    ./node-exporter.nix', '  ];', '}', ''].join('\n'));

  NIX_SERVICES.forEach((s, k) => put(`modules/services/${s.id}.nix`, serviceModule(s, k)));

  for (let n = 0; n < networks; n++) {
    put(
      `modules/sites/net-${n}.nix`,
      [`# Site ${n}: the machines of 10.30.${n}.0/24 and their router.`, '{ lib, ... }:', '', '{', '  networking = {', `    domain = "net${n}.lab.example.com";`, `    defaultGateway = "10.30.${n}.1";`, `    nameservers = [ "10.30.${n}.1" "9.9.9.9" ];`, '  };', `  time.timeZone = lib.mkDefault "${n % 2 ? 'Europe/Berlin' : 'Europe/Amsterdam'}";`, '}', ''].join('\n'),
    );
  }

  for (let k = 0; k < hardwareCount; k++) {
    const [id, title, kvm, mods] = HARDWARE[k % HARDWARE.length];
    const rev = Math.floor(k / HARDWARE.length) + 1;
    put(
      `modules/hardware/${id}-${rev}.nix`,
      [
        `# ${title}, revision ${rev}: kernel modules and firmware.`,
        '{ config, lib, ... }:',
        '',
        '{',
        `  boot.initrd.availableKernelModules = [ ${mods} ];`,
        `  boot.kernelModules = [ ${kvm ? `"${kvm}"` : ''} ];`,
        '  hardware.enableRedistributableFirmware = lib.mkDefault true;',
        kvm === 'kvm-amd' ? '  hardware.cpu.amd.updateMicrocode = lib.mkDefault config.hardware.enableRedistributableFirmware;' : '  hardware.cpu.intel.updateMicrocode = lib.mkDefault config.hardware.enableRedistributableFirmware;',
        `  powerManagement.cpuFreqGovernor = lib.mkDefault "${rev % 2 ? 'ondemand' : 'schedutil'}";`,
        '}',
        '',
      ].join('\n'),
    );
  }

  for (let t = 0; t < tweakCount; t++) {
    put(
      `modules/tweaks/tweak-${pad(t, 3)}.nix`,
      [
        `# Tuning set ${t}: kernel and journal limits for one kind of workload.`,
        '{ lib, ... }:',
        '',
        '{',
        '  boot.kernel.sysctl = {',
        `    "net.core.somaxconn" = ${1024 + 64 * t};`,
        `    "vm.swappiness" = ${10 + (t % 50)};`,
        `    "fs.inotify.max_user_watches" = ${524288 + 1024 * t};`,
        '  };',
        `  services.journald.rateLimitBurst = lib.mkDefault ${1000 + 10 * t};`,
        '}',
        '',
      ].join('\n'),
    );
  }

  for (const r of roles) {
    const titles = r.services.map((s) => NIX_SERVICES[s].title);
    put(
      `modules/roles/role-${pad(r.k, 3)}.nix`,
      [
        `# Role ${r.k}: ${titles.join(', ')}.`,
        '{ ... }:',
        '',
        '{',
        '  imports = [',
        ...r.services.map((s) => `    ../services/${NIX_SERVICES[s].id}.nix`),
        `    ../tweaks/tweak-${pad(r.tweak, 3)}.nix`,
        ...(r.exporter ? ['    ../monitoring/node-exporter.nix'] : []),
        '  ];',
        '',
        `  environment.etc."homelab/role-${pad(r.k, 3)}".text = "${titles.join(', ')}";`,
        '}',
        '',
      ].join('\n'),
    );
  }

  users.forEach((u, k) => {
    put(
      `modules/users/${u}.nix`,
      [
        `# ${u}'s account on the machines that import this.`,
        '{ pkgs, ... }:',
        '',
        '{',
        `  users.users.${u} = {`,
        '    isNormalUser = true;',
        `    description = "${u[0].toUpperCase()}${u.slice(1)}";`,
        `    extraGroups = [ ${k % 3 === 0 ? '"wheel" ' : ''}"systemd-journal" ];`,
        `    shell = pkgs.${k % 2 ? 'zsh' : 'bash'};`,
        `    openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBench${pad(k, 4)}NotARealKey00000000000000000000 ${u}@laptop" ];`,
        '  };',
        '}',
        '',
      ].join('\n'),
    );
  });

  // The hosts: configuration.nix (imports its hardware, site, roles and users) and hardware-configuration.nix.
  const monitored = plan.filter((h) => h.exporter);
  for (const h of plan) {
    const [hwId, hwTitle] = HARDWARE[h.hardware % HARDWARE.length];
    const hwModule = `${hwId}-${Math.floor(h.hardware / HARDWARE.length) + 1}`;
    const uuid = (salt: number): string => {
      const x = (k: number): string => Math.floor(prng(seed + h.index * 97 + salt * 13 + k)() * 0xffffffff).toString(16).padStart(8, '0');
      const a = x(1) + x(2) + x(3) + x(4);
      return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-a${a.slice(17, 20)}-${a.slice(20, 32)}`;
    };
    put(
      `hosts/${h.name}/hardware-configuration.nix`,
      [
        `# Generated by nixos-generate-config on ${h.name} (${hwTitle}).`,
        '{ config, lib, pkgs, modulesPath, ... }:',
        '',
        '{',
        '  imports = [',
        `    (modulesPath + "${hwId === 'qemu' ? '/profiles/qemu-guest.nix' : '/installer/scan/not-detected.nix'}")`,
        `    ../../modules/hardware/${hwModule}.nix`,
        '  ];',
        '',
        '  fileSystems."/" = {',
        `    device = "/dev/disk/by-uuid/${uuid(1)}";`,
        '    fsType = "ext4";',
        '  };',
        '',
        '  fileSystems."/boot" = {',
        `    device = "/dev/disk/by-uuid/${uuid(2).slice(0, 4).toUpperCase()}-${uuid(3).slice(0, 4).toUpperCase()}";`,
        '    fsType = "vfat";',
        '    options = [ "fmask=0077" "dmask=0077" ];',
        '  };',
        '',
        `  swapDevices = [ ${h.index % 3 ? `{ device = "/dev/disk/by-uuid/${uuid(4)}"; }` : ''} ];`,
        '',
        '  networking.useDHCP = lib.mkDefault true;',
        '  nixpkgs.hostPlatform = lib.mkDefault "x86_64-linux";',
        '}',
        '',
      ].join('\n'),
    );
    const roleTitles = h.index === 0 ? 'Prometheus and Grafana for the whole fleet' : h.roles.flatMap((r) => roles[r].services.map((s) => NIX_SERVICES[s].title)).join(', ');
    const imports = [
      './hardware-configuration.nix',
      `../../modules/sites/net-${h.network}.nix`,
      ...(h.index === 0 ? ['../../modules/monitoring/server.nix'] : h.roles.map((r) => `../../modules/roles/role-${pad(r, 3)}.nix`)),
      ...h.users.map((u) => `../../modules/users/${u}.nix`),
    ];
    // Two shapes, as hand-written hosts have them: one `networking = { … }` set, or dotted paths.
    const net =
      h.index % 2 === 0
        ? [
            '  networking = {',
            `    hostName = "${h.name}";`,
            '    useDHCP = lib.mkForce false;',
            `    interfaces.${h.iface}.ipv4.addresses = [`,
            `      { address = "${h.ip}"; prefixLength = 24; }`,
            '    ];',
            '  };',
          ]
        : [
            `  networking.hostName = "${h.name}";`,
            '  networking.useDHCP = lib.mkForce false;',
            `  networking.interfaces.${h.iface}.ipv4.addresses = [ { address = "${h.ip}"; prefixLength = 24; } ];`,
          ];
    const scrape =
      h.index === 0
        ? [
            '',
            '  # Every machine that runs the node exporter, one job per site.',
            '  services.prometheus.scrapeConfigs = [',
            ...Array.from({ length: networks }, (_, n) => {
              const targets = monitored.filter((m) => m.network === n);
              return targets.length
                ? [
                    '    {',
                    `      job_name = "node-net${n}";`,
                    '      static_configs = [',
                    '        {',
                    '          targets = [',
                    ...targets.map((m) => `            "${m.ip}:${FLEET_PORTS.nodeExporter}"`),
                    '          ];',
                    `          labels.site = "net${n}";`,
                    '        }',
                    '      ];',
                    '    }',
                  ]
                : [];
            }).flat(),
            '  ];',
          ]
        : [];
    put(
      `hosts/${h.name}/configuration.nix`,
      [
        `# ${h.name}: ${roleTitles}.`,
        '{ config, lib, pkgs, ... }:',
        '',
        '{',
        '  imports = [',
        ...imports.map((i) => `    ${i}`),
        '  ];',
        '',
        hwId === 'qemu' ? '  boot.loader.grub = {\n    enable = true;\n    device = "/dev/sda";\n  };' : '  boot.loader.systemd-boot.enable = true;\n  boot.loader.efi.canTouchEfiVariables = true;',
        '',
        ...net,
        ...scrape,
        '',
        `  # Staggered: one minute after ${h.index === 0 ? 'the start of the window' : plan[h.index - 1].name}.`,
        `  system.autoUpgrade.dates = "${h.dates}";`,
        '}',
        '',
      ].join('\n'),
    );
  }
  write(path.join(dir, 'README.md'), `Synthetic NixOS flake fleet of ${hosts} machines generated by bench/generate.ts (seed ${seed}). Do not edit.\n`);
  return { dir, hosts, files, modules, networks, exporters: monitored.length, monitor: plan[0].name, machines: plan.map((h) => h.name), lines };
}

/** The discovery workload: 300 hosts, 1,000 `.nix` files. */
export const FLAKE_HOSTS = 300;

