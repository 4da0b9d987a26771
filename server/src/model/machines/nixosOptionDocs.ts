// The standard NixOS options the product reads, documented in our own words
// for completion and hover: networking, firewall, SSH, Prometheus, automatic
// upgrades, Proxmox LXC guests, the usual self-hosted services, and colmena's
// `deployment.*`. `<name>` stands for any attribute name. The full NixOS
// option catalog is read from nixpkgs elsewhere; this is the part the fleet
// checks are built on.

export interface NixosOptionDoc {
  /** Dotted path; `<name>` matches any one segment. */
  path: string;
  type: string;
  default?: string;
  doc: string;
  /** Values to offer (booleans, enums). */
  values?: string[];
}

const BOOL = ['true', 'false'];

const SERVICES: [string, string][] = [
  ['nginx', 'the nginx web server and reverse proxy'],
  ['caddy', 'the Caddy web server, with automatic HTTPS'],
  ['traefik', 'the Traefik reverse proxy'],
  ['grafana', 'Grafana dashboards (port 3000 unless `settings.server.http_port` says otherwise)'],
  ['loki', 'Grafana Loki, log aggregation'],
  ['jellyfin', 'the Jellyfin media server (port 8096)'],
  ['adguardhome', 'AdGuard Home, network-wide DNS filtering (DNS on 53, web interface on 3000)'],
  ['blocky', 'Blocky, a DNS proxy with ad blocking'],
  ['postgresql', 'the PostgreSQL database server (port 5432)'],
  ['mysql', 'the MySQL / MariaDB database server (port 3306)'],
  ['redis', 'Redis servers'],
  ['home-assistant', 'Home Assistant (port 8123)'],
  ['vaultwarden', 'Vaultwarden, a Bitwarden-compatible password server'],
  ['uptime-kuma', 'Uptime Kuma, a status and uptime monitor (port 3001)'],
  ['nextcloud', 'Nextcloud file sync and collaboration'],
  ['gitea', 'the Gitea git forge'],
  ['forgejo', 'the Forgejo git forge'],
  ['tailscale', 'the Tailscale VPN client'],
  ['qemuGuest', 'the QEMU guest agent (Proxmox VMs)'],
];

export const NIXOS_OPTION_DOCS: NixosOptionDoc[] = [
  { path: 'networking.hostName', type: 'string', default: '"nixos"', doc: "The machine's host name. Fleet tools compare it with the machine's name and the inventory's `hostname`." },
  { path: 'networking.domain', type: 'null or string', default: 'null', doc: 'The DNS domain the machine belongs to; with the host name it forms the FQDN.' },
  { path: 'networking.useDHCP', type: 'boolean', doc: 'Whether interfaces without their own setting get their address by DHCP. Static homelab machines usually turn it off.', values: BOOL },
  { path: 'networking.interfaces.<name>.ipv4.addresses', type: 'list of { address; prefixLength; }', default: '[ ]', doc: 'Static IPv4 addresses of the interface. Each address is the machine\'s own: it is checked for duplicates across the fleet, against its network, and against the deploy target.' },
  { path: 'networking.interfaces.<name>.ipv6.addresses', type: 'list of { address; prefixLength; }', default: '[ ]', doc: 'Static IPv6 addresses of the interface.' },
  { path: 'networking.interfaces.<name>.useDHCP', type: 'null or boolean', default: 'null', doc: 'Whether this interface gets its address by DHCP.', values: BOOL },
  { path: 'networking.defaultGateway', type: 'null or string or { address; interface; }', default: 'null', doc: 'The default route. It should lie inside the network of one of the interface addresses.' },
  { path: 'networking.defaultGateway6', type: 'null or string or { address; interface; }', default: 'null', doc: 'The default IPv6 route.' },
  { path: 'systemd.network.networks.<name>.address', type: 'list of string', default: '[ ]', doc: 'Static addresses of a systemd-networkd network, with their prefix (`"10.0.0.5/24"`). Each is the machine\'s own: checked for duplicates across the fleet and against its network.' },
  { path: 'systemd.network.networks.<name>.gateway', type: 'list of string', default: '[ ]', doc: 'Gateways of the network (`Gateway=`). They should lie inside the network of one of its addresses.' },
  { path: 'systemd.network.networks.<name>.dns', type: 'list of string', default: '[ ]', doc: 'DNS servers of the network (`DNS=`).' },
  { path: 'systemd.network.networks.<name>.networkConfig', type: 'attribute set', default: '{ }', doc: 'The `[Network]` section: `Address`, `Gateway`, `DNS`… are read as the machine\'s addresses, gateways and name servers.' },
  { path: 'networking.wireguard.interfaces.<name>.ips', type: 'list of string', default: '[ ]', doc: 'The machine\'s own addresses on the WireGuard tunnel (`"10.100.0.2/24"`).' },
  { path: 'networking.wg-quick.interfaces.<name>.address', type: 'list of string', default: '[ ]', doc: 'The machine\'s own addresses on the wg-quick tunnel (`"10.100.0.2/32"`).' },
  { path: 'networking.nameservers', type: 'list of string', default: '[ ]', doc: 'DNS servers the machine asks. Completion offers the addresses of the fleet\'s machines.' },
  { path: 'networking.firewall.enable', type: 'boolean', default: 'true', doc: 'Whether the NixOS firewall runs. While it does, only the ports listed below accept connections from other machines.', values: BOOL },
  { path: 'networking.firewall.allowedTCPPorts', type: 'list of port', default: '[ ]', doc: 'TCP ports open to other machines. Merged from every module of the machine (lists concatenate).' },
  { path: 'networking.firewall.allowedUDPPorts', type: 'list of port', default: '[ ]', doc: 'UDP ports open to other machines (DNS on 53, WireGuard…).' },
  { path: 'networking.firewall.allowedTCPPortRanges', type: 'list of { from; to; }', default: '[ ]', doc: 'Ranges of TCP ports open to other machines.' },
  { path: 'networking.firewall.interfaces.<name>.allowedTCPPorts', type: 'list of port', default: '[ ]', doc: 'TCP ports open on this interface only.' },
  { path: 'networking.firewall.interfaces.<name>.allowedUDPPorts', type: 'list of port', default: '[ ]', doc: 'UDP ports open on this interface only.' },
  { path: 'services.openssh.enable', type: 'boolean', default: 'false', doc: 'Runs the OpenSSH server, which every deploy method needs on the target.', values: BOOL },
  { path: 'services.openssh.ports', type: 'list of port', default: '[ 22 ]', doc: 'Ports the SSH server listens on; the firewall opens them by itself (`openFirewall`, on by default).' },
  { path: 'services.openssh.openFirewall', type: 'boolean', default: 'true', doc: 'Whether the SSH ports are opened in the firewall.', values: BOOL },
  { path: 'services.openssh.settings.PermitRootLogin', type: 'one of "yes", "without-password", "prohibit-password", "forced-commands-only", "no"', default: '"prohibit-password"', doc: 'Whether root may log in over SSH, and how.', values: ['"yes"', '"without-password"', '"prohibit-password"', '"forced-commands-only"', '"no"'] },
  { path: 'services.openssh.settings.PasswordAuthentication', type: 'boolean', default: 'true', doc: 'Whether passwords are accepted; key-only logins are safer.', values: BOOL },
  { path: 'services.prometheus.enable', type: 'boolean', default: 'false', doc: 'Runs a Prometheus server. The machine that does is the fleet\'s monitoring machine.', values: BOOL },
  { path: 'services.prometheus.port', type: 'port', default: '9090', doc: 'Port of the Prometheus web interface and API.' },
  { path: 'services.prometheus.scrapeConfigs', type: 'list of (submodule)', default: '[ ]', doc: 'Scrape jobs. `static_configs = [ { targets = [ "ADDRESS:PORT" ]; } ]` name what is scraped; every machine that exports metrics should be among the targets.' },
  { path: 'services.prometheus.exporters.<name>.enable', type: 'boolean', default: 'false', doc: 'Runs this Prometheus exporter. The monitoring machine should scrape it at this machine\'s address.', values: BOOL },
  { path: 'services.prometheus.exporters.<name>.port', type: 'port', doc: 'Port the exporter listens on (node: 9100).' },
  { path: 'services.prometheus.exporters.<name>.openFirewall', type: 'boolean', default: 'false', doc: 'Whether the exporter\'s port is opened in the firewall.', values: BOOL },
  { path: 'services.prometheus.exporters.node.enabledCollectors', type: 'list of string', default: '[ ]', doc: 'Collectors the node exporter turns on besides its defaults (systemd, processes…).' },
  { path: 'system.autoUpgrade.enable', type: 'boolean', default: 'false', doc: 'Upgrades the machine on a schedule. Machines of one host should not all upgrade in the same minute.', values: BOOL },
  { path: 'system.autoUpgrade.dates', type: 'string (systemd calendar)', default: '"04:40"', doc: 'When automatic upgrades run, as a systemd `OnCalendar` expression (`Sat 04:00`, `*-*-* 03:30:00`).' },
  { path: 'system.autoUpgrade.allowReboot', type: 'boolean', default: 'false', doc: 'Whether an upgrade may reboot the machine.', values: BOOL },
  { path: 'system.autoUpgrade.flake', type: 'null or string', default: 'null', doc: 'The flake to upgrade from (`github:me/homelab#web`).' },
  { path: 'system.stateVersion', type: 'string', doc: 'The NixOS release the machine\'s state was first created with. Leave it as installed.' },
  { path: 'proxmoxLXC.enable', type: 'boolean', default: 'true', doc: 'Settings for a NixOS system running as a Proxmox LXC container (set by the proxmox-lxc module).', values: BOOL },
  { path: 'proxmoxLXC.manageNetwork', type: 'boolean', default: 'false', doc: 'Whether NixOS manages the network itself instead of Proxmox (then `networking.interfaces` is what counts).', values: BOOL },
  { path: 'proxmoxLXC.manageHostName', type: 'boolean', default: 'false', doc: 'Whether NixOS sets the host name instead of Proxmox.', values: BOOL },
  { path: 'proxmoxLXC.privileged', type: 'boolean', default: 'false', doc: 'Whether the container is privileged.', values: BOOL },
  { path: 'boot.isContainer', type: 'boolean', default: 'false', doc: 'Whether this NixOS system runs as a container (no kernel or boot loader of its own).', values: BOOL },
  { path: 'time.timeZone', type: 'null or string', default: 'null', doc: 'The time zone (`Europe/Berlin`); automatic upgrade times are read in it.' },
  { path: 'users.users.<name>.openssh.authorizedKeys.keys', type: 'list of string', default: '[ ]', doc: 'Public keys allowed to log in as this user (deploys log in this way).' },
  { path: 'virtualisation.docker.enable', type: 'boolean', default: 'false', doc: 'Runs the Docker daemon.', values: BOOL },
  { path: 'deployment.targetHost', type: 'null or string', default: 'the node\'s name', doc: 'colmena: where the node is deployed (an address or a DNS name). It should be one of the machine\'s own addresses.' },
  { path: 'deployment.targetUser', type: 'null or string', default: '"root"', doc: 'colmena: the SSH user of the deploy.' },
  { path: 'deployment.targetPort', type: 'null or port', default: 'null', doc: 'colmena: the SSH port of the deploy.' },
  { path: 'deployment.tags', type: 'list of string', default: '[ ]', doc: 'colmena: tags to select nodes with (`colmena apply --on @web`); the Homelab tree groups machines by their first tag.' },
  ...SERVICES.map(([name, what]): NixosOptionDoc => ({ path: `services.${name}.enable`, type: 'boolean', default: 'false', doc: `Runs ${what}.`, values: BOOL })),
];

function segmentMatches(pattern: string, seg: string): boolean {
  return pattern === '<name>' || pattern === seg;
}

/** The documented option at a dotted path (`networking.interfaces.eth0.ipv4.addresses`). */
export function nixosOptionDoc(path: string[]): NixosOptionDoc | undefined {
  return NIXOS_OPTION_DOCS.find((d) => {
    const p = d.path.split('.');
    return p.length === path.length && p.every((s, i) => segmentMatches(s, path[i]));
  });
}

/** Documented options under a path prefix, with the part after the prefix (`<name>` kept). */
export function nixosOptionsUnder(prefix: string[]): { doc: NixosOptionDoc; rest: string[] }[] {
  const out: { doc: NixosOptionDoc; rest: string[] }[] = [];
  for (const d of NIXOS_OPTION_DOCS) {
    const p = d.path.split('.');
    if (p.length <= prefix.length) continue;
    if (prefix.every((s, i) => segmentMatches(p[i], s))) out.push({ doc: d, rest: p.slice(prefix.length) });
  }
  return out;
}
