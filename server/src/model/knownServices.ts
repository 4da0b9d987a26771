// The built-in catalog of common self-hosted services with their usual port, so
// that an inventory can say `services: [jellyfin]` without declaring jellyfin.
// Pure data and a lookup: the usual port helps completion, hovers and the tree,
// but is never held against a firewall (only a port the inventory states is).

export interface KnownService {
  /** Canonical name, lowercase with `-`, as written in an inventory. */
  name: string;
  /** The port the service usually listens on (its web UI for apps that have one). */
  port?: number;
  /** Transport of `port`; absent means tcp. */
  protocol?: 'tcp' | 'udp';
  /** One line saying what it is. */
  description: string;
  /** The project's home page. */
  url?: string;
  /** Other names people write for it (`npm`, `node_exporter`, ...), matched like the name. */
  aliases?: readonly string[];
}

export const knownServices: readonly KnownService[] = [
  // Files, sync and documents
  { name: 'nextcloud', port: 80, description: 'File sync, sharing and collaboration suite (the AIO image serves on 11000 behind a proxy)', url: 'https://nextcloud.com' },
  { name: 'syncthing', port: 8384, description: 'Peer-to-peer file synchronisation (web UI; sync on 22000 tcp/udp, discovery on 21027/udp)', url: 'https://syncthing.net' },
  { name: 'immich', port: 2283, description: 'Self-hosted photo and video backup', url: 'https://immich.app' },
  { name: 'photoprism', port: 2342, description: 'AI-powered photo library', url: 'https://www.photoprism.app' },
  { name: 'paperless-ngx', port: 8000, description: 'Document management with OCR', url: 'https://docs.paperless-ngx.com', aliases: ['paperless'] },
  { name: 'collabora', port: 9980, description: 'Collabora Online office suite for Nextcloud', url: 'https://www.collaboraonline.com' },
  { name: 'stirling-pdf', port: 8080, description: 'Web tools to edit and convert PDF files', url: 'https://www.stirlingpdf.com' },
  { name: 'samba', port: 445, description: 'SMB file sharing', url: 'https://www.samba.org', aliases: ['smb'] },
  { name: 'nfs', port: 2049, description: 'NFS file server', aliases: ['nfs-server'] },
  { name: 'minio', port: 9000, description: 'S3-compatible object storage (console on 9001)', url: 'https://min.io' },

  // Media
  { name: 'jellyfin', port: 8096, description: 'Media server for movies, TV and music', url: 'https://jellyfin.org' },
  { name: 'plex', port: 32400, description: 'Plex Media Server', url: 'https://www.plex.tv' },
  { name: 'emby', port: 8096, description: 'Emby media server', url: 'https://emby.media' },
  { name: 'navidrome', port: 4533, description: 'Music streaming server (Subsonic API)', url: 'https://www.navidrome.org' },
  { name: 'audiobookshelf', port: 13378, description: 'Audiobook and podcast server', url: 'https://www.audiobookshelf.org' },
  { name: 'sonarr', port: 8989, description: 'TV series collection manager (*arr)', url: 'https://sonarr.tv' },
  { name: 'radarr', port: 7878, description: 'Movie collection manager (*arr)', url: 'https://radarr.video' },
  { name: 'lidarr', port: 8686, description: 'Music collection manager (*arr)', url: 'https://lidarr.audio' },
  { name: 'readarr', port: 8787, description: 'Book collection manager (*arr)', url: 'https://readarr.com' },
  { name: 'prowlarr', port: 9696, description: 'Indexer manager for the *arr stack', url: 'https://prowlarr.com' },
  { name: 'bazarr', port: 6767, description: 'Subtitle manager for Sonarr and Radarr', url: 'https://www.bazarr.media' },
  { name: 'jackett', port: 9117, description: 'Torrent indexer proxy', url: 'https://github.com/Jackett/Jackett' },
  { name: 'flaresolverr', port: 8191, description: 'Proxy that solves Cloudflare challenges for indexers', url: 'https://github.com/FlareSolverr/FlareSolverr' },
  { name: 'jellyseerr', port: 5055, description: 'Media request management for Jellyfin', url: 'https://docs.jellyseerr.dev' },
  { name: 'overseerr', port: 5055, description: 'Media request management for Plex', url: 'https://overseerr.dev' },
  { name: 'tautulli', port: 8181, description: 'Plex usage statistics', url: 'https://tautulli.com' },
  { name: 'qbittorrent', port: 8080, description: 'BitTorrent client (web UI)', url: 'https://www.qbittorrent.org' },
  { name: 'transmission', port: 9091, description: 'BitTorrent client (web UI)', url: 'https://transmissionbt.com' },
  { name: 'sabnzbd', port: 8080, description: 'Usenet downloader', url: 'https://sabnzbd.org' },
  { name: 'calibre-web', port: 8083, description: 'Web front end for a Calibre e-book library', url: 'https://github.com/janeczku/calibre-web', aliases: ['calibreweb'] },
  { name: 'kavita', port: 5000, description: 'Reading server for manga, comics and books', url: 'https://www.kavitareader.com' },
  { name: 'komga', port: 25600, description: 'Comics and manga server', url: 'https://komga.org' },
  { name: 'emulatorjs', port: 3000, description: 'Browser-based retro game emulators (management UI; games on 80)', url: 'https://emulatorjs.org' },

  // Monitoring and observability
  { name: 'grafana', port: 3000, description: 'Dashboards and alerting', url: 'https://grafana.com' },
  { name: 'prometheus', port: 9090, description: 'Metrics collection and time-series database', url: 'https://prometheus.io' },
  { name: 'alertmanager', port: 9093, description: 'Prometheus alert routing', url: 'https://prometheus.io/docs/alerting/latest/alertmanager/' },
  { name: 'node-exporter', port: 9100, description: 'Prometheus exporter for host metrics', url: 'https://github.com/prometheus/node_exporter', aliases: ['node_exporter', 'prometheus-node-exporter'] },
  { name: 'cadvisor', port: 8080, description: 'Container resource usage exporter (often moved off 8080, e.g. to 9092)', url: 'https://github.com/google/cadvisor' },
  { name: 'blackbox-exporter', port: 9115, description: 'Prometheus exporter for HTTP, TCP and ICMP probes', url: 'https://github.com/prometheus/blackbox_exporter', aliases: ['blackbox_exporter'] },
  { name: 'snmp-exporter', port: 9116, description: 'Prometheus exporter for SNMP devices', url: 'https://github.com/prometheus/snmp_exporter', aliases: ['snmp_exporter'] },
  { name: 'pve-exporter', port: 9221, description: 'Prometheus exporter for Proxmox VE', url: 'https://github.com/prometheus-pve/prometheus-pve-exporter', aliases: ['pve_exporter'] },
  { name: 'loki', port: 3100, description: 'Log aggregation for Grafana', url: 'https://grafana.com/oss/loki/' },
  { name: 'influxdb', port: 8086, description: 'Time-series database', url: 'https://www.influxdata.com' },
  { name: 'uptime-kuma', port: 3001, description: 'Uptime monitoring and status pages', url: 'https://uptime.kuma.pet', aliases: ['uptimekuma'] },
  { name: 'dozzle', port: 8080, description: 'Live Docker log viewer', url: 'https://dozzle.dev' },
  { name: 'ntfy', port: 80, description: 'Push notifications over HTTP', url: 'https://ntfy.sh' },
  { name: 'changedetection', port: 5000, description: 'Website change detection', url: 'https://changedetection.io', aliases: ['changedetection.io'] },

  // Network, proxy and access
  { name: 'nginx-proxy-manager', port: 443, description: 'Reverse proxy with Let\'s Encrypt, managed from a web UI (admin UI on 81, HTTP on 80)', url: 'https://nginxproxymanager.com', aliases: ['npm', 'nginxproxymanager'] },
  { name: 'nginx-proxy', port: 443, description: 'Automated nginx reverse proxy for Docker containers (routes by VIRTUAL_HOST)', url: 'https://github.com/nginx-proxy/nginx-proxy' },
  { name: 'nginx', port: 443, description: 'Web server and reverse proxy', url: 'https://nginx.org' },
  { name: 'caddy', port: 443, description: 'Web server with automatic HTTPS', url: 'https://caddyserver.com' },
  { name: 'traefik', port: 443, description: 'Reverse proxy for containers (dashboard on 8080)', url: 'https://traefik.io' },
  { name: 'cloudflared', description: 'Cloudflare Tunnel daemon; connects outwards, listens on no public port', url: 'https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/', aliases: ['cloudflare-tunnel'] },
  { name: 'acme', description: 'ACME client (acme.sh, lego) renewing certificates; no listening port', aliases: ['acme.sh'] },
  { name: 'wireguard', port: 51820, protocol: 'udp', description: 'WireGuard VPN endpoint', url: 'https://www.wireguard.com', aliases: ['wg'] },
  { name: 'wg-easy', port: 51821, description: 'Web UI for WireGuard (VPN itself on 51820/udp)', url: 'https://github.com/wg-easy/wg-easy', aliases: ['wireguard-ui'] },
  { name: 'tailscale', port: 41641, protocol: 'udp', description: 'Tailscale mesh VPN node', url: 'https://tailscale.com' },
  { name: 'pi-hole', port: 53, protocol: 'udp', description: 'DNS sinkhole for ad blocking (web UI on 80)', url: 'https://pi-hole.net', aliases: ['pihole'] },
  { name: 'adguard-home', port: 53, protocol: 'udp', description: 'DNS ad blocker (web UI on 3000 during setup, then 80)', url: 'https://adguard.com/adguard-home/overview.html', aliases: ['adguard', 'adguardhome'] },
  { name: 'unbound', port: 53, protocol: 'udp', description: 'Validating, recursive DNS resolver', url: 'https://nlnetlabs.nl/projects/unbound/' },
  { name: 'unifi', port: 8443, description: 'UniFi Network controller (devices inform on 8080, STUN on 3478/udp)', url: 'https://ui.com', aliases: ['unifi-controller', 'unifi-network-application'] },
  { name: 'authelia', port: 9091, description: 'Single sign-on and two-factor authentication portal', url: 'https://www.authelia.com' },
  { name: 'authentik', port: 9000, description: 'Identity provider (SSO)', url: 'https://goauthentik.io' },
  { name: 'ssh', port: 22, description: 'OpenSSH server', url: 'https://www.openssh.com', aliases: ['openssh', 'sshd'] },

  // Mail
  { name: 'postfix', port: 25, description: 'SMTP server, often a relay for the LAN', url: 'https://www.postfix.org', aliases: ['smtp'] },

  // Apps
  { name: 'plane', port: 80, description: 'Project management (Jira/Linear alternative)', url: 'https://plane.so' },
  { name: 'freshrss', port: 80, description: 'RSS feed reader', url: 'https://freshrss.org' },
  { name: 'home-assistant', port: 8123, description: 'Home automation platform', url: 'https://www.home-assistant.io', aliases: ['homeassistant', 'hass'] },
  { name: 'esphome', port: 6052, description: 'Firmware builder and dashboard for ESP devices', url: 'https://esphome.io' },
  { name: 'zigbee2mqtt', port: 8080, description: 'Zigbee to MQTT bridge (frontend)', url: 'https://www.zigbee2mqtt.io' },
  { name: 'mosquitto', port: 1883, description: 'MQTT broker', url: 'https://mosquitto.org', aliases: ['mqtt'] },
  { name: 'node-red', port: 1880, description: 'Flow-based automation', url: 'https://nodered.org', aliases: ['nodered'] },
  { name: 'homebridge', port: 8581, description: 'HomeKit bridge (web UI)', url: 'https://homebridge.io' },
  { name: 'frigate', port: 5000, description: 'Network video recorder with object detection', url: 'https://frigate.video' },
  { name: 'vaultwarden', port: 80, description: 'Bitwarden-compatible password manager server', url: 'https://github.com/dani-garcia/vaultwarden', aliases: ['bitwarden'] },
  { name: 'gitea', port: 3000, description: 'Git forge (SSH on 22 or 2222)', url: 'https://about.gitea.com' },
  { name: 'forgejo', port: 3000, description: 'Git forge, community fork of Gitea', url: 'https://forgejo.org' },
  { name: 'code-server', port: 8443, description: 'VS Code in the browser', url: 'https://coder.com/docs/code-server' },
  { name: 'n8n', port: 5678, description: 'Workflow automation', url: 'https://n8n.io' },
  { name: 'searxng', port: 8080, description: 'Privacy-respecting metasearch engine', url: 'https://docs.searxng.org' },
  { name: 'mealie', port: 9000, description: 'Recipe manager and meal planner', url: 'https://mealie.io' },
  { name: 'wikijs', port: 3000, description: 'Wiki.js wiki', url: 'https://js.wiki', aliases: ['wiki-js', 'wiki.js'] },
  { name: 'bookstack', port: 6875, description: 'Documentation wiki organised as books', url: 'https://www.bookstackapp.com' },
  { name: 'matrix-synapse', port: 8008, description: 'Matrix homeserver', url: 'https://element-hq.github.io/synapse/', aliases: ['synapse', 'matrix'] },
  { name: 'homepage', port: 3000, description: 'Dashboard of homelab services', url: 'https://gethomepage.dev' },
  { name: 'homarr', port: 7575, description: 'Dashboard of homelab services', url: 'https://homarr.dev' },
  { name: 'heimdall', port: 80, description: 'Application dashboard', url: 'https://heimdall.site' },
  { name: 'portainer', port: 9443, description: 'Docker management UI', url: 'https://www.portainer.io' },
  { name: 'watchtower', description: 'Updates running Docker containers; no listening port', url: 'https://containrrr.dev/watchtower/' },

  // Infrastructure
  { name: 'proxmox', port: 8006, description: 'Proxmox VE web UI and API', url: 'https://www.proxmox.com', aliases: ['pve'] },
  { name: 'docker', description: 'Docker engine; listens on a local socket only' },
  { name: 'postgresql', port: 5432, description: 'PostgreSQL database', url: 'https://www.postgresql.org', aliases: ['postgres'] },
  { name: 'mariadb', port: 3306, description: 'MariaDB / MySQL database', url: 'https://mariadb.org', aliases: ['mysql'] },
  { name: 'redis', port: 6379, description: 'In-memory key-value store', url: 'https://redis.io' },
];

/** Lowercase, with `_` and spaces read as `-`, so `Uptime_Kuma` finds `uptime-kuma`. */
function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[_\s]+/g, '-');
}

let index: Map<string, KnownService> | undefined;

function buildIndex(): Map<string, KnownService> {
  const map = new Map<string, KnownService>();
  for (const s of knownServices) map.set(normalise(s.name), s);
  // Canonical names win over aliases of other entries.
  for (const s of knownServices) {
    for (const a of s.aliases ?? []) {
      const key = normalise(a);
      if (!map.has(key)) map.set(key, s);
    }
  }
  return map;
}

/** The known service called `name` (or one of its aliases), ignoring case and `_`/`-`. */
export function findKnownService(name: string): KnownService | undefined {
  index ??= buildIndex();
  return index.get(normalise(name));
}
