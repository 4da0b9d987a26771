# Node exporter and cAdvisor on every machine that sets prometheusExporterEnable;
# LXC_monitoring scrapes them (prometheusRemoteTargets).
{ lib, systemSettings, ... }:

lib.mkIf systemSettings.prometheusExporterEnable {
  services.prometheus.exporters.node = {
    enable = true;
    port = systemSettings.prometheusNodeExporterPort;
    enabledCollectors = [ "systemd" "processes" ];
  };

  services.cadvisor = lib.mkIf systemSettings.prometheusExporterCadvisorEnable {
    enable = true;
    listenAddress = "0.0.0.0";
    port = systemSettings.prometheusCadvisorPort;
  };
}
