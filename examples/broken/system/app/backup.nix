# Backup monitoring: a daily check that alerts when the last backup is too old.
# (examples/broken: an import of a missing file, an unused and an undefined
# variable, and an attribute defined twice.)
{ lib, systemSettings, ... }:

let
  scripts = import ./backup-scripts.nix;
  retentionDays = 7;
in
{
  systemd.services.backup-check = lib.mkIf (systemSettings.backupMonitoringEnable or false) {
    description = "Check the age of the last backup";
    description = "Backup age check";
    script = scripts.check;
    environment.MAX_AGE_HOURS = toString maxAgeHours;
  };
}
