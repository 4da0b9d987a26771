# Common settings of every NixOS LXC container on the Proxmox host.
# Each LXC_<name>-config.nix starts from this file with
# `base.systemSettings // { ... }` and only writes what differs.
{
  systemSettings = {
    profile = "lxc";
    bootMode = "container";
    systemStateVersion = "25.11";

    # Main LAN: pfSense is the gateway and the DNS resolver.
    defaultGateway = "192.168.8.1";
    nameServers = [ "192.168.8.1" ];

    # SSH, node exporter and cAdvisor; each profile repeats these in its own list.
    firewallEnable = true;
    allowedTCPPorts = [ 22 9092 9100 ];

    sshEnable = true;
    sshAuthorizedKeys = [
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHomelabProfilesExampleKeyNotARealKey0000 akunito@nixosaku"
    ];
    fail2banEnable = true;

    # Weekly auto-update on Saturday morning; every profile sets its own
    # minute so that no two containers restart at once.
    autoSystemUpdateEnable = true;
    nixpkgsBranch = "nixos-25.11";
    autoGarbageCollectEnable = true;

    # Failure emails go through the Postfix relay on LXC_mailer.
    notificationOnFailureEnable = true;
    notificationFromEmail = "nixos-updates@local.akunito.com";
    notificationSmtpHost = "192.168.8.89";
    notificationSmtpPort = 25;

    # Every container exports host and Docker metrics to LXC_monitoring.
    prometheusExporterEnable = true;
    prometheusExporterCadvisorEnable = true;
  };

  userSettings = {
    username = "akunito";
    name = "Akunito";
    dotfilesDir = "/home/akunito/.dotfiles";
    installCommand = "./install.sh";
    homeStateVersion = "25.11";
    shell = "zsh";
    editor = "nvim";
    dockerEnable = true;
    tmuxEnable = true;
  };
}
