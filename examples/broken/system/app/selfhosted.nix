# Applications run as NixOS services rather than in Docker.
{ lib, systemSettings, userSettings, ... }:

{
  services.nextcloud = lib.mkIf systemSettings.nextcloudEnable {
    enable = true;
    hostName = "nextcloud.local.akunito.com";
  };

  services.jellyfin.enable = systemSettings.jellyfinEnable;

  services.syncthing = lib.mkIf systemSettings.syncthingEnable {
    enable = true;
    user = userSettings.username;
    dataDir = "/home/${userSettings.username}";
  };

  services.uptime-kuma = lib.mkIf systemSettings.uptimeKumaEnable {
    enable = true;
    settings.HOST = "0.0.0.0";
  };

  fileSystems = lib.mkIf systemSettings.nfsClientEnable (builtins.listToAttrs (map (m: {
    name = m.where;
    value = { device = m.what; fsType = "nfs"; };
  }) systemSettings.nfsMounts));

  networking.wireguard.enable = systemSettings.wireguardEnable;
}
