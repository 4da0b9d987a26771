# LXC_plane: Plane project management, published through the Cloudflare Tunnel.
let
  base = import ./LXC-base-config.nix;
  secrets = import ../secrets/domains.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "plane";
    ipAddress = "192.168.8.86";
    nameServers = [ "192.168.8.1" ];
    allowedTCPPorts = [ 22 80 9092 9100 ];

    dockerComposeProjects = [ "plane" ];
    dockerEnabel = true;

    autoSystemUpdateOnCalendar = "Sat *-*-* 07:15:00";
    notificationToEmail = secrets.alertEmail;
  };

  userSettings = base.userSettings // { };
}
