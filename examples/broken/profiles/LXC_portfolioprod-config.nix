# LXC_portfolioprod: the personal portfolio website (Next.js), production.
let
  base = import ./LXC-base-config.nix;
  secrets = import ../secrets/domains.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "portfolio-prod";
    ipAddress = "192.168.8.88";
    nameServers = [ "192.168.8.1" ];
    allowedTCPPorts = [ 22 3000 9092 9100 ];

    dockerComposeProjects = [ "portfolio" ];

    autoSystemUpdateOnCalendar = "Sat *-*-* 07:15:00";
    notificationToEmail = secrets.alertEmail;
  };

  userSettings = base.userSettings // { };
}
