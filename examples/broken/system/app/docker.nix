# Docker for the main user, and the Compose projects of the profile started at boot.
{ pkgs, lib, systemSettings, userSettings, ... }:

let
  home = "/home/${userSettings.username}";
  project = name: {
    name = "compose-${name}";
    value = {
      description = "Docker Compose project ${name}";
      after = [ "docker.service" "network-online.target" ];
      wantedBy = [ "multi-user.target" ];
      serviceConfig = {
        Type = "oneshot";
        RemainAfterExit = true;
        WorkingDirectory = "${home}/.homelab/${name}";
        ExecStart = "${pkgs.docker}/bin/docker compose up -d --remove-orphans";
        ExecStop = "${pkgs.docker}/bin/docker compose down";
      };
    };
  };
in
lib.mkIf userSettings.dockerEnable {
  virtualisation.docker = {
    enable = true;
    autoPrune = {
      enable = true;
      # Not declared in lib/defaults.nix: a profile may set it, the `or` gives the default.
      dates = systemSettings.dockerPruneOnCalendar or "Sun *-*-* 03:00:00";
    };
  };
  users.users.${userSettings.username}.extraGroups = [ "docker" ];
  systemd.services = builtins.listToAttrs (map project systemSettings.dockerComposeProjects);
}
