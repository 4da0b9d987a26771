# Static or DHCP networking and the firewall, from the network settings.
{ lib, systemSettings, ... }:

let
  static = systemSettings.ipAddress != "";
in
{
  networking.networkmanager.enable = systemSettings.networkManagerEnable;
  networking.useDHCP = !static && systemSettings.wifiIpAddress == "";
  networking.nameservers = systemSettings.nameServers;

  networking.interfaces.eth0.ipv4.addresses = lib.optionals static [
    { address = systemSettings.ipAddress; prefixLength = 24; }
  ];
  networking.interfaces.wlan0.ipv4.addresses = lib.optionals (systemSettings.wifiIpAddress != "") [
    { address = systemSettings.wifiIpAddress; prefixLength = 24; }
  ];
  networking.defaultGateway = lib.mkIf (systemSettings.defaultGateway != "") systemSettings.defaultGateway;

  networking.firewall = {
    enable = systemSettings.firewallEnable;
    allowedTCPPorts = systemSettings.allowedTCPPorts;
    allowedUDPPorts = systemSettings.allowedUDPPorts;
  };
}
