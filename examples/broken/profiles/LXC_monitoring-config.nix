# LXC_monitoring: Prometheus and Grafana for the whole homelab, behind nginx.
let
  base = import ./LXC-base-config.nix;
  secrets = import ../secrets/domains.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "monitoring";
    ipAddress = "192.168.8.85";
    nameServers = [ "192.168.8.1" ];
    allowedTCPPorts = [ 22 80 443 3002 9090 9092 9100 ];

    grafanaEnable = true;
    grafanaPort = 3002;
    grafanaDomain = "monitor.local.akunito.com";
    nginxEnable = true;

    prometheusEnable = true;
    prometheusRetention = "90d";
    # Every container runs the node exporter and cAdvisor (see the base profile).
    prometheusRemoteTargets = [
      { name = "lxc_home"; host = "192.168.8.80"; nodePort = 9100; cadvisorPort = 9092; }
      { name = "lxc_proxy"; host = "192.168.8.102"; nodePort = 9100; cadvisorPort = 9092; }
      { name = "lxc_monitoring"; host = "192.168.8.85"; nodePort = 9100; cadvisorPort = 9092; }
      { name = "lxc_plane"; host = "192.168.8.86"; nodePort = 9100; cadvisorPort = 9092; }
      { name = "lxc_liftcraft_test"; host = "192.168.8.87"; nodePort = 9100; cadvisorPort = 9092; }
      { name = "lxc_portfolio_prod"; host = "192.168.8.88"; nodePort = 9100; cadvisorPort = 9092; }
    ];

    prometheusBlackboxEnable = true;
    prometheusBlackboxHttpTargets = [
      "https://nextcloud.local.akunito.com"
      "https://jellyfin.local.akunito.com"
      "https://monitor.local.akunito.com"
      "https://plane.akunito.com"
    ];
    # Network devices: firewall, Proxmox, access points, switches, NAS.
    prometheusBlackboxIcmpTargets = [
      "192.168.8.1"
      "192.168.8.82"
      "192.168.8.180"
      "192.168.10.181"
      "192.168.8.250"
      "192.168.20.200"
    ];
    prometheusSnmpEnable = true;
    prometheusSnmpTargets = [ "192.168.8.1" ];
    prometheusPveExporterEnable = true;
    prometheusPveHost = "192.168.8.82";

    # Not in lib/defaults.nix: read by system/app/monitoring.nix as
    # `systemSettings.backupMonitoringEnable or false`.
    backupMonitoringEnable = true;

    # 07:00 in the overview, moved to 07:10 so it does not restart together with LXC_HOME.
    autoSystemUpdateOnCalendar = "Sat *-*-* 07:10:00";
    notificationToEmail = secrets.alertEmail;
  };

  userSettings = base.userSettings // { };
}
