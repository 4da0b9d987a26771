# Weekly self-update: pull the dotfiles, rebuild, collect garbage, and mail
# the owner when it fails. The calendar comes from the profile so that the
# containers of one host can be staggered.
{ pkgs, lib, systemSettings, userSettings, ... }:

let
  dir = userSettings.dotfilesDir;
  notify = systemSettings.notificationOnFailureEnable;
in
{
  systemd.services.homelab-auto-update = lib.mkIf systemSettings.autoSystemUpdateEnable {
    description = "Pull ${dir} (${systemSettings.nixpkgsBranch}) and rebuild the system";
    path = [ pkgs.git pkgs.nix pkgs.bash ];
    serviceConfig = {
      Type = "oneshot";
      User = "root";
      WorkingDirectory = dir;
    };
    script = ''
      git -C ${dir} pull --ff-only
      ${userSettings.installCommand} ${dir} ${systemSettings.hostname} -s -u -q
      ${lib.optionalString systemSettings.autoSystemUpdateAllowReboot "systemctl reboot"}
    '';
    onFailure = lib.optionals notify [ "homelab-notify@%n.service" ];
  };

  systemd.timers.homelab-auto-update = lib.mkIf systemSettings.autoSystemUpdateEnable {
    wantedBy = [ "timers.target" ];
    timerConfig = {
      OnCalendar = systemSettings.autoSystemUpdateOnCalendar;
      Persistent = true;
    };
  };

  systemd.user.timers.homelab-user-update = lib.mkIf systemSettings.autoUserUpdateEnable {
    wantedBy = [ "timers.target" ];
    timerConfig.OnCalendar = systemSettings.autoUserUpdateOnCalendar;
  };

  nix.gc = lib.mkIf systemSettings.autoGarbageCollectEnable {
    automatic = true;
    options = "--delete-older-than ${systemSettings.autoGarbageCollectOlderThan}";
  };

  # Failure mail through the LAN relay.
  systemd.services."homelab-notify@" = lib.mkIf notify {
    description = "Mail ${systemSettings.notificationToEmail} about a failed unit";
    path = [ pkgs.msmtp ];
    scriptArgs = "%i";
    script = ''
      printf 'Subject: %s failed on %s\n\n' "$1" "${systemSettings.hostname}" | msmtp \
        --host=${systemSettings.notificationSmtpHost} \
        --port=${toString systemSettings.notificationSmtpPort} \
        --from=${systemSettings.notificationFromEmail} \
        ${lib.optionalString systemSettings.notificationSmtpTlsEnable "--tls=on"} \
        ${lib.optionalString systemSettings.notificationSmtpAuthEnable
          "--auth=on --user=${systemSettings.notificationSmtpUser} --passwordeval='cat ${systemSettings.notificationSmtpPasswordFile}'"} \
        ${systemSettings.notificationToEmail}
    '';
  };
}
