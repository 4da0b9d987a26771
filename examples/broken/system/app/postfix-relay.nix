# Postfix as the LAN's SMTP relay towards an external provider.
{ lib, systemSettings, ... }:

lib.mkIf systemSettings.postfixRelayEnable {
  services.postfix = {
    enable = true;
    relayHost = systemSettings.postfixRelayHost;
    relayPort = systemSettings.postfixRelayPort;
    # Not declared in lib/defaults.nix: only loopback may relay unless the profile widens it.
    networks = systemSettings.postfixRelayAllowedNetworks or [ "127.0.0.0/8" ];
    config.smtp_tls_security_level = "encrypt";
  };
}
