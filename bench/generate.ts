// Synthetic homelabs for the benchmarks, in the style of examples/homelab:
// an inventory of N containers spread over racks (one /24, one router and one
// Proxmox host per 200 containers), lib/defaults.nix with a few hundred
// documented settings, a base profile, one profile per container, modules that
// read every setting, and a monitoring profile that scrapes every container.
// Deterministic: the same N and seed always give the same bytes. The workspace
// is meant to be clean (no diagnostics), so that benchmarks measure the normal
// case and every diagnostic they see comes from the edit they made.
//
// Run: node --import tsx bench/generate.ts N outDir
//      node --import tsx bench/generate.ts flake HOSTS outDir   (a NixOS flake fleet, see generateFlake)
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateFlake } from './generateFlake';

export const repoRoot = path.resolve(__dirname, '..');
export const generatedRoot = path.join(repoRoot, 'bench', '.generated');
const example = path.join(repoRoot, 'examples', 'homelab');
const PER_RACK = 200;

/** mulberry32: small, fast, good enough to vary the shape of profiles. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface App {
  id: string;
  title: string;
  port: number;
  what: string;
}

/** Self-hosted applications with distinct ports (so no two on one container clash). */
const APP_NAMES: [string, string, number, string][] = [
  ['komga', 'Komga', 25600, 'comic server'],
  ['sonarr', 'Sonarr', 8989, 'TV series manager'],
  ['radarr', 'Radarr', 7878, 'movie manager'],
  ['prowlarr', 'Prowlarr', 9696, 'indexer manager'],
  ['bazarr', 'Bazarr', 6767, 'subtitle manager'],
  ['lidarr', 'Lidarr', 8686, 'music manager'],
  ['readarr', 'Readarr', 8787, 'book manager'],
  ['jellyseerr', 'Jellyseerr', 5055, 'media request portal'],
  ['qbittorrent', 'qBittorrent', 8080, 'torrent client'],
  ['miniflux', 'Miniflux', 8091, 'minimalist feed reader'],
  ['wallabag', 'wallabag', 8092, 'read-it-later service'],
  ['freshrss', 'FreshRSS', 8082, 'feed reader'],
  ['calibreweb', 'Calibre-Web', 8083, 'e-book library'],
  ['emulatorjs', 'EmulatorJS', 3000, 'browser game emulators'],
  ['unifi', 'UniFi controller', 8443, 'network controller'],
  ['gitea', 'Gitea', 3300, 'git forge'],
  ['vaultwarden', 'Vaultwarden', 8222, 'password manager'],
  ['paperless', 'Paperless-ngx', 8010, 'document archive'],
  ['immich', 'Immich', 2283, 'photo library'],
  ['homeassistant', 'Home Assistant', 8123, 'home automation'],
  ['mosquitto', 'Mosquitto', 1883, 'MQTT broker'],
  ['zigbee2mqtt', 'Zigbee2MQTT', 8085, 'Zigbee bridge'],
  ['nodered', 'Node-RED', 1880, 'flow automation'],
  ['influxdb', 'InfluxDB', 8086, 'time-series database'],
  ['postgres', 'PostgreSQL', 5432, 'relational database'],
  ['mariadb', 'MariaDB', 3306, 'relational database'],
  ['redis', 'Redis', 6379, 'key-value store'],
  ['minio', 'MinIO', 9000, 'object storage'],
  ['wikijs', 'Wiki.js', 3100, 'wiki'],
  ['bookstack', 'BookStack', 6875, 'documentation wiki'],
  ['outline', 'Outline', 3200, 'team knowledge base'],
  ['mealie', 'Mealie', 9925, 'recipe manager'],
  ['grocy', 'Grocy', 9283, 'household ERP'],
  ['firefly', 'Firefly III', 8084, 'personal finance'],
  ['actual', 'Actual Budget', 5006, 'budgeting'],
  ['audiobookshelf', 'Audiobookshelf', 13378, 'audiobook server'],
  ['navidrome', 'Navidrome', 4533, 'music streaming'],
  ['photoprism', 'PhotoPrism', 2342, 'photo library'],
  ['adguard', 'AdGuard Home', 3053, 'DNS filter'],
  ['pihole', 'Pi-hole', 8053, 'DNS sinkhole'],
  ['traefik', 'Traefik', 8088, 'reverse proxy'],
  ['authelia', 'Authelia', 9091, 'single sign-on'],
  ['keycloak', 'Keycloak', 8180, 'identity provider'],
  ['ntfy', 'ntfy', 2586, 'push notifications'],
  ['gotify', 'Gotify', 8070, 'push notifications'],
  ['uptimekuma', 'Uptime Kuma', 3001, 'uptime monitor'],
  ['healthchecks', 'Healthchecks', 8000, 'cron monitor'],
  ['loki', 'Loki', 3101, 'log store'],
  ['tempo', 'Tempo', 3202, 'trace store'],
  ['alertmanager', 'Alertmanager', 9093, 'alert routing'],
  ['plane', 'Plane', 8090, 'project management'],
  ['n8n', 'n8n', 5678, 'workflow automation'],
  ['searxng', 'SearXNG', 8888, 'metasearch engine'],
  ['hedgedoc', 'HedgeDoc', 3400, 'collaborative markdown'],
  ['stirlingpdf', 'Stirling-PDF', 8380, 'PDF tools'],
  ['changedetection', 'changedetection.io', 5000, 'website change monitor'],
  ['kavita', 'Kavita', 5100, 'comic and manga reader'],
  ['tandoor', 'Tandoor', 8380 + 1, 'recipe manager'],
  ['linkding', 'linkding', 9190, 'bookmark manager'],
  ['portainer', 'Portainer', 9443, 'container management'],
];
export const APPS: App[] = APP_NAMES.map(([id, title, port, what]) => ({ id, title, port, what }));

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'];

export interface Rack {
  index: number;
  cidr: string;
  prefix: string; // "10.20.3"
  gateway: string;
  pveName: string;
  pveIp: string;
  routerName: string;
}

export interface ContainerPlan {
  index: number;
  name: string;
  hostname: string;
  vmid: number;
  ip: string;
  rack: Rack;
  apps: App[];
  calendar: string;
  role: 'monitoring' | 'mailer' | 'app';
}

export interface GeneratedHomelab {
  n: number;
  dir: string;
  inventory: string;
  defaults: string;
  basePath: string;
  monitoringProfile: string;
  /** A typical container profile (~40 lines) for edit/completion/hover figures. */
  smallProfile: string;
  files: number;
  lines: { inventory: number; monitoringProfile: number; defaults: number; smallProfile: number };
  containers: ContainerPlan[];
}

export function pad(i: number, w = 4): string {
  return String(i).padStart(w, '0');
}

function rackOf(k: number): Rack {
  const prefix = `10.20.${k}`;
  return {
    index: k,
    cidr: `${prefix}.0/24`,
    prefix,
    gateway: `${prefix}.1`,
    pveName: `pve-${pad(k, 2)}`,
    pveIp: `${prefix}.2`,
    routerName: `router-${pad(k, 2)}`,
  };
}

export function planContainers(n: number, seed: number): { racks: Rack[]; containers: ContainerPlan[] } {
  const rnd = prng(seed * 7919 + n);
  const racks: Rack[] = [];
  const containers: ContainerPlan[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / PER_RACK);
    const j = i % PER_RACK;
    if (!racks[k]) racks[k] = rackOf(k);
    const rack = racks[k];
    const role = i === 0 ? 'monitoring' : i === 1 ? 'mailer' : 'app';
    const apps: App[] = [];
    if (role === 'app') {
      const count = 1 + Math.floor(rnd() * 3);
      while (apps.length < count) {
        const a = APPS[Math.floor(rnd() * APPS.length)];
        if (!apps.includes(a)) apps.push(a);
      }
    }
    const name = role === 'monitoring' ? 'LXC_monitoring' : role === 'mailer' ? 'LXC_mailer' : `LXC_c${pad(i)}`;
    const hostname = role === 'monitoring' ? 'monitoring' : role === 'mailer' ? 'mailer' : `c${pad(i)}`;
    // Staggered: one minute apart on each Proxmox host, from Saturday 01:00.
    const minutes = 60 + j;
    const calendar = `Sat *-*-* ${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}:00`;
    containers.push({ index: i, name, hostname, vmid: 1000 + i, ip: `${rack.prefix}.${10 + j}`, rack, apps, calendar, role });
  }
  return { racks, containers };
}

function serviceName(a: App, c: ContainerPlan): string {
  return `${a.id}-${pad(c.index)}`;
}

// ---------------------------------------------------------------- inventory

export function inventoryText(racks: Rack[], containers: ContainerPlan[], opts: { withProfiles: boolean; schemaRef: string; header?: string }): string {
  const out: string[] = [];
  out.push(`# yaml-language-server: $schema=${opts.schemaRef}`);
  out.push(opts.header ?? `# Synthetic homelab of ${containers.length} containers (bench/generate.ts).`);
  out.push('version: 1', 'domain: lab.example.com', 'localDomain: local.lab.example.com', '', 'networks:');
  for (const r of racks) {
    out.push(`  rack-${pad(r.index, 2)}:`, `    cidr: ${r.cidr}`, `    gateway: ${r.gateway}`, `    dns: [${r.gateway}]`, `    description: Rack ${r.index} LAN (Proxmox host and its containers)`);
  }
  out.push('', 'hosts:');
  for (const r of racks) {
    out.push(`  ${r.routerName}:`, '    kind: router', `    ip: ${r.gateway}`, `    description: Router of rack ${r.index}`);
    out.push(`  ${r.pveName}:`, '    kind: proxmox', `    ip: ${r.pveIp}`, `    description: Proxmox VE host of rack ${r.index}`);
  }
  out.push('', 'containers:');
  for (const c of containers) {
    out.push(`  ${c.name}:`, `    host: ${c.rack.pveName}`, `    vmid: ${c.vmid}`, `    ip: ${c.ip}`, `    hostname: ${c.hostname}`);
    if (opts.withProfiles) out.push(`    profile: profiles/${c.name}-config.nix`);
    const svcs = containerServices(c);
    out.push(`    description: ${describe(c)}`);
    if (svcs.length) out.push(`    services: [${svcs.map((s) => s.name).join(', ')}]`);
    out.push(`    update: "${c.calendar}"`);
  }
  out.push('', 'services:');
  for (const c of containers) {
    for (const s of containerServices(c)) {
      out.push(`  ${s.name}:`, `    port: ${s.port}`);
      if (s.url) out.push(`    url: ${s.url}`);
      out.push(`    expose: local`);
    }
  }
  out.push('', 'deploy:', '  method: ssh-script', '  user: admin', '  dotfilesDir: /home/admin/.dotfiles', '  command: ./install.sh {dir} {profile} -s -u -q', '  sshOptions: [-o, ConnectTimeout=10, -o, BatchMode=yes]', '  parallel: 4', '');
  return out.join('\n');
}

function describe(c: ContainerPlan): string {
  if (c.role === 'monitoring') return 'Prometheus and Grafana for the whole fleet';
  if (c.role === 'mailer') return 'Postfix relay for failure notifications';
  return c.apps.map((a) => `${a.title} (${a.what})`).join(', ');
}

function containerServices(c: ContainerPlan): { name: string; port: number; url?: string }[] {
  if (c.role === 'monitoring') return [
    { name: 'prometheus', port: 9090 },
    { name: 'grafana', port: 3002, url: 'https://grafana.local.lab.example.com' },
  ];
  if (c.role === 'mailer') return [{ name: 'postfix', port: 25 }];
  return c.apps.map((a, k) => ({ name: serviceName(a, c), port: a.port, url: k === 0 ? `https://${serviceName(a, c)}.local.lab.example.com` : undefined }));
}

// ---------------------------------------------------------------- defaults and modules

function appSettingsBlock(): string {
  const out: string[] = [];
  for (const a of APPS) {
    out.push('', `    # --- ${a.title} (${a.what}) ${'-'.repeat(Math.max(3, 60 - a.title.length - a.what.length))}`, '');
    out.push(`    # Run ${a.title}, the ${a.what}.`, `    ${a.id}Enable = false;`, '');
    out.push(`    # Port ${a.title} listens on.`, `    ${a.id}Port = ${a.port};`, '');
    out.push(`    # Where ${a.title} keeps its data (backed up nightly).`, `    ${a.id}DataDir = "/var/lib/${a.id}";`, '');
    out.push(`    # Log verbosity of ${a.title}.`, `    # Options: ${LOG_LEVELS.map((l) => `"${l}"`).join(', ')}`, `    ${a.id}LogLevel = "info";`);
  }
  return out.join('\n');
}

export function defaultsText(): string {
  const base = readFileSync(path.join(example, 'lib', 'defaults.nix'), 'utf8');
  const marker = '\n  };\n\n  userSettings';
  const at = base.indexOf(marker);
  if (at < 0) throw new Error('examples/homelab/lib/defaults.nix changed shape: cannot find the end of systemSettings');
  return base.slice(0, at) + '\n' + appSettingsBlock() + base.slice(at);
}

function appModule(a: App): string {
  return [
    `# ${a.title}: the ${a.what}, as a NixOS service.`,
    '{ lib, systemSettings, ... }:',
    '',
    '{',
    `  services.${a.id} = lib.mkIf systemSettings.${a.id}Enable {`,
    '    enable = true;',
    `    port = systemSettings.${a.id}Port;`,
    `    dataDir = systemSettings.${a.id}DataDir;`,
    `    logLevel = systemSettings.${a.id}LogLevel;`,
    '  };',
    '',
    `  networking.firewall.allowedTCPPorts = lib.mkIf systemSettings.${a.id}Enable [ systemSettings.${a.id}Port ];`,
    '}',
    '',
  ].join('\n');
}

function appsModule(): string {
  return [
    '# Every application module; each is off unless its profile enables it.',
    '{ ... }:',
    '',
    '{',
    '  imports = [',
    ...APPS.map((a) => `    ./app/${a.id}.nix`),
    '  ];',
    '}',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- profiles

function baseProfile(racks: Rack[], mailer: ContainerPlan | undefined): string {
  const r = racks[0];
  return `# Common settings of every NixOS LXC container of the fleet.
# Each LXC_<name>-config.nix starts from this file with
# \`base.systemSettings // { ... }\` and only writes what differs.
{
  systemSettings = {
    profile = "lxc";
    bootMode = "container";
    systemStateVersion = "25.11";

    # Rack 0 by default; containers of other racks set their own gateway.
    defaultGateway = "${r.gateway}";
    nameServers = [ "${r.gateway}" ];

    firewallEnable = true;
    allowedTCPPorts = [ 22 9092 9100 ];

    sshEnable = true;
    sshAuthorizedKeys = [
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchmarkKeyNotARealKey000000000000000 admin@workstation"
    ];
    fail2banEnable = true;

    autoSystemUpdateEnable = true;
    nixpkgsBranch = "nixos-25.11";
    autoGarbageCollectEnable = true;

    notificationOnFailureEnable = true;
    notificationFromEmail = "nixos-updates@local.lab.example.com";
    notificationSmtpHost = "${mailer?.ip ?? r.gateway}";
    notificationSmtpPort = 25;

    prometheusExporterEnable = true;
    prometheusExporterCadvisorEnable = true;
  };

  userSettings = {
    username = "admin";
    name = "Fleet Admin";
    dotfilesDir = "/home/admin/.dotfiles";
    installCommand = "./install.sh";
    homeStateVersion = "25.11";
    shell = "zsh";
    editor = "nvim";
    dockerEnable = true;
    tmuxEnable = true;
  };
}
`;
}

function profileHead(c: ContainerPlan, comment: string): string[] {
  return [
    `# ${c.name}: ${comment}`,
    'let',
    '  base = import ./LXC-base-config.nix;',
    'in',
    '{',
    '  systemSettings = base.systemSettings // {',
    `    hostname = "${c.hostname}";`,
    `    ipAddress = "${c.ip}";`,
    `    defaultGateway = "${c.rack.gateway}";`,
    `    nameServers = [ "${c.rack.gateway}" ];`,
  ];
}

function profileTail(c: ContainerPlan, extraUser: string[] = []): string[] {
  return [
    '',
    `    # Staggered: one minute after the previous container of ${c.rack.pveName}.`,
    `    autoSystemUpdateOnCalendar = "${c.calendar}";`,
    '  };',
    '',
    `  userSettings = base.userSettings // {${extraUser.length ? '\n' + extraUser.map((l) => '    ' + l).join('\n') + '\n  ' : ' '}};`,
    '}',
    '',
  ];
}

function appProfile(c: ContainerPlan, rnd: () => number): string {
  const ports = [...new Set([22, 9092, 9100, ...c.apps.map((a) => a.port)])].sort((x, y) => x - y);
  const out = profileHead(c, `${c.apps.map((a) => a.title).join(', ')} on ${c.rack.pveName}.`);
  out.push(`    allowedTCPPorts = [ ${ports.join(' ')} ];`);
  for (const a of c.apps) {
    out.push('', `    # ${a.title}: ${a.what}.`, `    ${a.id}Enable = true;`, `    ${a.id}Port = ${a.port};`);
    if (rnd() < 0.6) out.push(`    ${a.id}DataDir = "/srv/${a.id}/${c.hostname}";`);
    if (rnd() < 0.4) out.push(`    ${a.id}LogLevel = "${LOG_LEVELS[Math.floor(rnd() * LOG_LEVELS.length)]}";`);
  }
  if (rnd() < 0.5) out.push('', '    # Bulk data lives on the NAS.', '    nfsClientEnable = true;', `    nfsMounts = [ { what = "${c.rack.prefix}.3:/mnt/tank/${c.hostname}"; where = "/mnt/${c.hostname}"; } ];`);
  if (rnd() < 0.3) out.push('', `    dockerComposeProjects = [ "${c.apps[0].id}" ];`);
  return [...out, ...profileTail(c, rnd() < 0.3 ? ['direnvEnable = true;'] : [])].join('\n');
}

function mailerProfile(c: ContainerPlan): string {
  const out = profileHead(c, 'the SMTP relay every container sends failure emails through.');
  out.push('    allowedTCPPorts = [ 22 25 9092 9100 ];', '', '    postfixRelayEnable = true;', '    postfixRelayHost = "smtp.example.com";', '    postfixRelayPort = 587;');
  return [...out, ...profileTail(c)].join('\n');
}

/**
 * The monitoring profile scrapes every container. With `targetLines` it is
 * padded to that many lines with more blackbox probes (health paths of each
 * service), which is what a large fleet's monitoring profile looks like.
 */
function monitoringProfile(c: ContainerPlan, all: ContainerPlan[], racks: Rack[], targetLines?: number): string {
  const out = profileHead(c, 'Prometheus and Grafana for the whole fleet, behind nginx.');
  out.push('    allowedTCPPorts = [ 22 80 443 3002 9090 9092 9100 ];', '');
  out.push('    grafanaEnable = true;', '    grafanaPort = 3002;', '    grafanaDomain = "grafana.local.lab.example.com";', '    nginxEnable = true;', '');
  out.push('    prometheusEnable = true;', '    prometheusRetention = "90d";', '    # Every container runs the node exporter and cAdvisor (see the base profile).', '    prometheusRemoteTargets = [');
  let rack = -1;
  for (const t of all) {
    if (t.rack.index !== rack) {
      rack = t.rack.index;
      out.push(`      # rack ${rack} (${t.rack.pveName}, ${t.rack.cidr})`);
    }
    out.push(`      { name = "${t.hostname}"; host = "${t.ip}"; nodePort = 9100; cadvisorPort = 9092; }`);
  }
  out.push('    ];', '', '    prometheusBlackboxEnable = true;', '    # Network devices of every rack.', '    prometheusBlackboxIcmpTargets = [');
  for (const r of racks) out.push(`      "${r.gateway}"`, `      "${r.pveIp}"`);
  out.push('    ];', '    prometheusPveExporterEnable = true;', `    prometheusPveHost = "${racks[0].pveIp}";`, '');
  const tail = profileTail(c);
  out.push('    prometheusBlackboxHttpTargets = [');
  const urls: string[] = [];
  for (const t of all) for (const s of containerServices(t)) if (s.url) urls.push(s.url);
  for (const u of urls) out.push(`      "${u}"`);
  if (targetLines !== undefined) {
    const paths = ['/healthz', '/ready', '/metrics', '/api/health', '/status'];
    let k = 0;
    while (out.length + tail.length < targetLines && k < urls.length * paths.length) {
      out.push(`      "${urls[k % urls.length]}${paths[Math.floor(k / urls.length)]}"`);
      k++;
    }
  }
  out.push('    ];');
  return [...out, ...tail].join('\n');
}

// ---------------------------------------------------------------- writing

export function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const schemaPath = path.join(repoRoot, 'schemas', 'inventory.schema.json');

/** Writes a homelab of `n` containers into `dir` (replacing what was there). */
export function generateHomelab(n: number, dir: string, opts: { seed?: number; monitoringLines?: number } = {}): GeneratedHomelab {
  const seed = opts.seed ?? 42;
  const rnd = prng(seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { racks, containers } = planContainers(n, seed);
  let files = 0;
  const put = (rel: string, text: string): string => {
    const f = path.join(dir, rel);
    write(f, text);
    files++;
    return f;
  };
  const inventoryBody = inventoryText(racks, containers, { withProfiles: true, schemaRef: path.relative(dir, schemaPath) });
  const inventory = put('homelab.yaml', inventoryBody);
  const defaultsBody = defaultsText();
  const defaults = put('lib/defaults.nix', defaultsBody);
  // The example's modules read the core settings; one module per application reads the rest.
  cpSync(path.join(example, 'system'), path.join(dir, 'system'), { recursive: true });
  cpSync(path.join(example, 'user'), path.join(dir, 'user'), { recursive: true });
  files += 10;
  for (const a of APPS) put(`system/app/${a.id}.nix`, appModule(a));
  put('system/apps.nix', appsModule());
  const mailer = containers.find((c) => c.role === 'mailer');
  const basePath = put('profiles/LXC-base-config.nix', baseProfile(racks, mailer));
  let monitoring = '';
  let monitoringLines = 0;
  let small = '';
  let smallLines = 0;
  for (const c of containers) {
    const text =
      c.role === 'monitoring' ? monitoringProfile(c, containers, racks, opts.monitoringLines) : c.role === 'mailer' ? mailerProfile(c) : appProfile(c, rnd);
    const f = put(`profiles/${c.name}-config.nix`, text);
    if (c.role === 'monitoring') {
      monitoring = f;
      monitoringLines = lineCount(text);
    }
    // The small profile of the figures: a typical one near the middle of the fleet.
    if (c.index === Math.floor(n / 2) || (!small && c.role === 'app' && c.index === n - 1)) {
      small = f;
      smallLines = lineCount(text);
    }
  }
  if (!small) small = monitoring;
  write(path.join(dir, 'README.md'), `Synthetic homelab of ${n} containers generated by bench/generate.ts (seed ${seed}). Do not edit.\n`);
  return {
    n,
    dir,
    inventory,
    defaults,
    basePath,
    monitoringProfile: monitoring,
    smallProfile: small,
    files,
    lines: { inventory: lineCount(inventoryBody), monitoringProfile: monitoringLines, defaults: lineCount(defaultsBody), smallProfile: smallLines },
    containers,
  };
}

export interface GeneratedInventory {
  dir: string;
  file: string;
  lines: number;
  containers: number;
  /** The one deliberate schema error (so both servers publish a non-empty set). */
  errorLine: number;
}

/**
 * A standalone inventory of about `targetLines` lines (containers without
 * profiles), with exactly one schema error in its last container: a string vmid.
 */
export function generateLargeInventory(dir: string, targetLines = 10_000, seed = 42): GeneratedInventory {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Grow N until the text reaches the target; each container adds ~15 lines.
  let n = Math.max(2, Math.floor(targetLines / 16));
  let text = '';
  let plan: ReturnType<typeof planContainers> = { racks: [], containers: [] };
  for (;;) {
    plan = planContainers(n, seed);
    text = inventoryText(plan.racks, plan.containers, { withProfiles: false, schemaRef: pathToFileUrl(schemaPath), header: `# Synthetic inventory of ${n} containers for the validation figure (bench/generate.ts).` });
    if (lineCount(text) >= targetLines) break;
    n += Math.max(1, Math.floor((targetLines - lineCount(text)) / 16));
  }
  const lines = text.split('\n');
  const last = plan.containers[plan.containers.length - 1];
  const vmidLine = lines.indexOf(`    vmid: ${last.vmid}`, lines.indexOf(`  ${last.name}:`));
  lines[vmidLine] = `    vmid: "${last.vmid}x"`;
  text = lines.join('\n');
  const file = path.join(dir, 'homelab.yaml');
  write(file, text);
  return { dir, file, lines: lineCount(text), containers: n, errorLine: vmidLine };
}

function pathToFileUrl(p: string): string {
  return 'file://' + p.split(path.sep).map(encodeURIComponent).join('/');
}

export const SIZES = [10, 100, 1000, 5000] as const;
/** The 5,000-line profile is the monitoring profile of the 1,000-container homelab. */
export const LARGE_PROFILE_LINES = 5000;

export interface GeneratedSet {
  homelabs: Map<number, GeneratedHomelab>;
  inventory: GeneratedInventory;
}

export function generateAll(root = generatedRoot, sizes: readonly number[] = SIZES): GeneratedSet {
  const homelabs = new Map<number, GeneratedHomelab>();
  for (const n of sizes) homelabs.set(n, generateHomelab(n, path.join(root, `homelab-${n}`), n === 1000 ? { monitoringLines: LARGE_PROFILE_LINES } : {}));
  const inventory = generateLargeInventory(path.join(root, 'inventory-10k'));
  return { homelabs, inventory };
}

if (require.main === module) {
  if (process.argv[2] === 'flake') {
    const hosts = Number(process.argv[3]);
    const out = process.argv[4];
    if (!Number.isInteger(hosts) || hosts < 2 || !out) {
      console.error('usage: node --import tsx bench/generate.ts flake HOSTS outDir');
      process.exit(2);
    }
    const f = generateFlake(hosts, path.resolve(out));
    console.log(
      `${f.dir}: ${f.files} files (${f.hosts} hosts, ${f.modules} modules under modules/), ${f.networks} network${f.networks > 1 ? 's' : ''}, ${f.exporters} hosts with the node exporter scraped by ${f.monitor}, ${f.lines} lines`,
    );
    process.exit(0);
  }
  const n = Number(process.argv[2]);
  const out = process.argv[3];
  if (!Number.isInteger(n) || n < 1 || !out) {
    console.error('usage: node --import tsx bench/generate.ts N outDir\n       node --import tsx bench/generate.ts flake HOSTS outDir');
    process.exit(2);
  }
  const h = generateHomelab(n, path.resolve(out), n === 1000 ? { monitoringLines: LARGE_PROFILE_LINES } : {});
  console.log(`${h.dir}: ${h.files} files, inventory ${h.lines.inventory} lines, monitoring profile ${h.lines.monitoringProfile} lines, defaults ${h.lines.defaults} lines`);
  if (!existsSync(h.inventory)) process.exit(1);
}
