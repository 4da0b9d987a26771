# LXC_proxy: the entry point. Cloudflare Tunnel for external access, Nginx
# Proxy Manager with a wildcard Let's Encrypt certificate for *.local.akunito.com.
let
  base = import ./LXC-base-config.nix;
  secrets = import ../secrets/domains.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "proxy";
    ipAddress = "192.168.8.102";
    nameServers = [ "192.168.8.1" ];
    allowedTCPPorts = [ 22 80 81 443 9092 9100 ];

    cloudflaredEnable = true;
    nginxProxyManagerEnable = true;
    acmeEnable = true;
    acmeDnsProvider = "cloudflare";

    autoSystemUpdateOnCalendar = "Sat *-*-* 07:05:00";
    notificationToEmail = secrets.alertEmail;
  };

  userSettings = base.userSettings // {
    shell = "tcsh";
  };
}
