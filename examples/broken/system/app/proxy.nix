# Entry point services: Cloudflare Tunnel, Nginx Proxy Manager and the wildcard certificate.
{ pkgs, lib, systemSettings, ... }:

{
  services.cloudflared.enable = systemSettings.cloudflaredEnable;

  virtualisation.oci-containers.containers = lib.mkIf systemSettings.nginxProxyManagerEnable {
    nginx-proxy-manager = {
      image = "jc21/nginx-proxy-manager:latest";
      ports = [ "80:80" "81:81" "443:443" ];
      volumes = [ "/var/lib/npm/data:/data" "/var/lib/acme:/etc/letsencrypt" ];
    };
  };

  security.acme = lib.mkIf systemSettings.acmeEnable {
    acceptTerms = true;
    certs."local.akunito.com" = {
      domain = "*.local.akunito.com";
      dnsProvider = systemSettings.acmeDnsProvider;
      group = "nginx";
    };
  };

  environment.systemPackages = lib.optionals systemSettings.acmeEnable [ pkgs.acme-sh ];
}
