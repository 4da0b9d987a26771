# Prometheus, its exporters for probes/SNMP/Proxmox, and Grafana behind nginx.
{ pkgs, lib, systemSettings, ... }:

let
  targets = systemSettings.prometheusRemoteTargets;
  nodeJob = {
    job_name = "node";
    static_configs = map (t: {
      targets = [ "${t.host}:${toString t.nodePort}" ];
      labels.instance = t.name;
    }) targets;
  };
  cadvisorJob = {
    job_name = "cadvisor";
    static_configs = map (t: {
      targets = [ "${t.host}:${toString t.cadvisorPort}" ];
      labels.instance = t.name;
    }) (builtins.filter (t: (t.cadvisorPort or null) != null) targets);
  };
  probeJob = module: list: {
    job_name = "blackbox-${module}";
    metrics_path = "/probe";
    params.module = [ module ];
    static_configs = [ { targets = list; } ];
    relabel_configs = [
      { source_labels = [ "__address__" ]; target_label = "__param_target"; }
      { target_label = "__address__"; replacement = "127.0.0.1:9115"; }
    ];
  };
in
{
  services.prometheus = lib.mkIf systemSettings.prometheusEnable {
    enable = true;
    port = systemSettings.prometheusPort;
    retentionTime = systemSettings.prometheusRetention;
    scrapeConfigs =
      [ nodeJob cadvisorJob ]
      ++ lib.optionals systemSettings.prometheusBlackboxEnable [
        (probeJob "http_2xx" systemSettings.prometheusBlackboxHttpTargets)
        (probeJob "icmp" systemSettings.prometheusBlackboxIcmpTargets)
      ]
      ++ lib.optional systemSettings.prometheusSnmpEnable {
        job_name = "snmp";
        static_configs = [ { targets = systemSettings.prometheusSnmpTargets; } ];
      }
      ++ lib.optional systemSettings.prometheusPveExporterEnable {
        job_name = "pve";
        static_configs = [ { targets = [ systemSettings.prometheusPveHost ]; } ];
      };
    exporters.blackbox.enable = systemSettings.prometheusBlackboxEnable;
    exporters.snmp.enable = systemSettings.prometheusSnmpEnable;
    exporters.pve.enable = systemSettings.prometheusPveExporterEnable;
  };

  services.grafana = lib.mkIf systemSettings.grafanaEnable {
    enable = true;
    settings.server = {
      http_addr = "127.0.0.1";
      http_port = systemSettings.grafanaPort;
      domain = systemSettings.grafanaDomain;
    };
  };

  services.nginx = lib.mkIf systemSettings.nginxEnable {
    enable = true;
    virtualHosts.${systemSettings.grafanaDomain} = {
      forceSSL = true;
      useACMEHost = "local.akunito.com";
      locations."/".proxyPass = "http://127.0.0.1:${toString systemSettings.grafanaPort}";
    };
  };

  # Not declared in lib/defaults.nix: an alert on stale backups, off unless a profile asks.
  systemd.services.backup-age-check = lib.mkIf (systemSettings.backupMonitoringEnable or false) {
    description = "Export the age of the last TrueNAS snapshot as a metric";
    path = [ pkgs.curl ];
    script = "curl -fsS http://127.0.0.1:9090/-/healthy";
    startAt = "hourly";
  };
}
