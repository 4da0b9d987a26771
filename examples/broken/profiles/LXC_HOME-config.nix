# LXC_HOME: the self-hosted applications (Nextcloud, Syncthing, FreshRSS,
# Calibre-Web, EmulatorJS), the media stack (Jellyfin, *arr, qBittorrent),
# the UniFi controller and the internal nginx-proxy, all in Docker.
let
  base = import ./LXC-base-config.nix;
  secrets = import ../secrets/domains.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "home";
    ipAddress = "192.168.8.80";
    nameServers = [ "192.168.8.1" ];

    # Every service port the inventory declares for LXC_HOME, plus SSH and exporters.
    allowedTCPPorts = [
      22 443 3000 5055 6767 7878 8080 8082 8083 8096 8384 8443 8989 9092 9100 9696 11000 22000
    ];
    # Syncthing sync and discovery, UniFi STUN and device discovery.
    allowedUDPPorts = [ 3478 10001 21027 22000 ];

    dockerComposeProjects = [ "nginx-proxy" "homelab" "media" "unifi" ];
    autoUpdateEnable = true;
    mediaCacheEnable = true;

    autoSystemUpdateOnCalendar = "Sat *-*-* 07:00:00";
    notificationToEmail = secrets.alertEmail;
  };

  userSettings = base.userSettings // {
    direnvEnable = true;
  };
}
