# OpenSSH with key-only logins for the main user, and fail2ban.
{ lib, systemSettings, userSettings, ... }:

{
  services.openssh = lib.mkIf systemSettings.sshEnable {
    enable = true;
    ports = [ systemSettings.sshPort ];
    settings = {
      PasswordAuthentication = systemSettings.sshPasswordAuthentication;
      PermitRootLogin = "no";
    };
  };

  users.users.${userSettings.username}.openssh.authorizedKeys.keys = systemSettings.sshAuthorizedKeys;

  services.fail2ban.enable = systemSettings.fail2banEnable;
}
