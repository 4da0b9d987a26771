# LXC_liftcraftTEST: test environment of the LeftyWorkout training app.
let
  base = import ./LXC-base-config.nix;
  secrets = import ../secrets/domains.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "liftcraft-test";
    ipAddress = "192.168.8.87";
    nameServers = [ "192.168.8.1" ];
    allowedTCPPorts = [ 22 3000 9092 9100 ];

    dockerComposeProjects = [ "liftcraft" ];

    autoSystemUpdateOnCalendar = "Sat *-*-* 07:25:00";
    notificationToEmail = secrets.alertEmail;
  };

  userSettings = base.userSettings // { };
}
