# LXC_mailer: Postfix relay for every homelab service (to SMTP2GO) and Uptime Kuma.
let
  base = import ./LXC-base-config.nix;
  secrets = import ../secrets/domains.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "mailer";
    ipAddress = "192.168.8.89";
    nameServers = [ "192.168.8.1" ];
    allowedTCPPorts = [ 22 25 3001 9092 9100 ];

    postfixRelayEnable = true;
    postfixRelayHost = "mail.smtp2go.com";
    postfixRelayPort = 2525;
    # Not in lib/defaults.nix: read by system/app/postfix-relay.nix with an `or` default.
    postfixRelayAllowedNetworks = [ "192.168.8.0/24" ];

    uptimeKumaEnable = true;
    sshPort = "22";

    autoSystemUpdateOnCalendar = "Sat *-*-* 07:35:00";
    notificationToEmail = secrets.alertEmail;
  };

  userSettings = base.userSettings // { };
}
