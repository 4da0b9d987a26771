# WireGuard tunnel to the VPS hub (examples/broken: a missing `;`).
{ lib, systemSettings, ... }:

{
  networking.wireguard.enable = systemSettings.wireguardEnable
  networking.firewall.allowedUDPPorts = lib.optional systemSettings.wireguardEnable 51820;
}
