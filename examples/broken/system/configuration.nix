# Entry module of every machine: identity, locale and the module list.
# The flake passes `systemSettings` and `userSettings` (defaults // profile)
# as module arguments.
{ pkgs, lib, systemSettings, userSettings, ... }:

{
  imports = [
    ./network.nix
    ./security/sshd.nix
    ./app/auto-update.nix
    ./app/docker.nix
    ./app/prometheus-exporters.nix
    ./app/monitoring.nix
    ./app/proxy.nix
    ./app/postfix-relay.nix
    ./app/selfhosted.nix
  ];

  networking.hostName = systemSettings.hostname;
  time.timeZone = systemSettings.timezone;
  i18n.defaultLocale = systemSettings.locale;
  console.keyMap = systemSettings.consoleKeymap;

  boot.isContainer = systemSettings.bootMode == "container";
  boot.loader.systemd-boot.enable = systemSettings.bootMode == "uefi";
  boot.loader.grub.enable = systemSettings.bootMode == "bios";
  boot.kernelPackages = lib.mkIf (systemSettings.bootMode != "container") systemSettings.kernelPackages;

  # Lets scripts on the machine know which profile family built it.
  environment.etc."homelab-profile".text = systemSettings.profile;

  users.users.${userSettings.username} = {
    isNormalUser = true;
    description = userSettings.name;
    extraGroups = userSettings.extraGroups;
    shell = pkgs.${userSettings.shell};
  };

  nix.settings.experimental-features = [ "nix-command" "flakes" ];
  system.stateVersion = systemSettings.systemStateVersion;
}
