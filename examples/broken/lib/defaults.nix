# Global defaults: every setting a profile may set, with its default value.
# A profile starts from these (defaults -> LXC-base-config.nix -> profile) and
# only writes what differs. Feature flags follow the `xxxEnable = false;`
# pattern: off here, switched on per profile.
{ pkgs, ... }:

{
  systemSettings = {
    # --- Identity -----------------------------------------------------------

    # Host name of the machine (networking.hostName).
    hostname = "nixos";

    # Which family of machine this profile describes; selects the module set.
    # Options: "personal", "work", "homelab", "lxc", "vps", "wsl"
    profile = "personal";

    # Nix system double the profile is built for.
    # Options: "x86_64-linux", "aarch64-linux"
    system = "x86_64-linux";

    # NixOS release the machine was first installed with (system.stateVersion). Never change it on an existing machine.
    systemStateVersion = "25.11";

    # Time zone (time.timeZone). Auto-update calendars are read in this zone.
    timezone = "Etc/UTC";

    # Default locale (i18n.defaultLocale).
    locale = "en_US.UTF-8";

    # Keyboard layout of the console.
    consoleKeymap = "us";

    # How the machine boots. LXC containers do not boot a kernel of their own.
    # Options: "uefi", "bios", "container"
    bootMode = "uefi";

    # Kernel package set used on physical machines and VMs.
    kernelPackages = pkgs.linuxPackages;

    # --- Network ------------------------------------------------------------

    # Static IPv4 address of the wired interface; empty means DHCP.
    ipAddress = "";

    # Static IPv4 address of the Wi-Fi interface; empty means DHCP.
    wifiIpAddress = "";

    # Default gateway for a static address; empty means DHCP.
    defaultGateway = "";

    # DNS resolvers, in order of preference.
    nameServers = [ "1.1.1.1" "9.9.9.9" ];

    # Manage the network with NetworkManager instead of static networking.
    networkManagerEnable = false;

    # Enable the NixOS firewall (networking.firewall.enable).
    firewallEnable = true;

    # TCP ports opened in the firewall.
    allowedTCPPorts = [ ];

    # UDP ports opened in the firewall.
    allowedUDPPorts = [ ];

    # --- SSH ----------------------------------------------------------------

    # Run the OpenSSH daemon.
    sshEnable = false;

    # Port the OpenSSH daemon listens on.
    sshPort = 22;

    # Allow password logins over SSH (keys only when false).
    sshPasswordAuthentication = false;

    # Public keys allowed to log in as the main user.
    sshAuthorizedKeys = [ ];

    # --- Automatic updates --------------------------------------------------

    # Pull the dotfiles and rebuild the system on a timer.
    autoSystemUpdateEnable = false;

    # systemd OnCalendar expression of the system auto-update. Containers of one host should not fire at the same minute.
    autoSystemUpdateOnCalendar = "Sat *-*-* 04:00:00";

    # Reboot after an auto-update when the kernel or systemd changed.
    autoSystemUpdateAllowReboot = false;

    # Also update the Home Manager configuration on a timer.
    autoUserUpdateEnable = false;

    # systemd OnCalendar expression of the user auto-update.
    autoUserUpdateOnCalendar = "Sat *-*-* 05:00:00";

    # nixpkgs branch the auto-update follows.
    # Options: "nixos-25.11", "nixos-unstable"
    nixpkgsBranch = "nixos-25.11";

    # Collect old generations and store paths on a timer.
    autoGarbageCollectEnable = false;

    # Generations older than this are deleted by the garbage collector (nix-collect-garbage --delete-older-than).
    autoGarbageCollectOlderThan = "30d";

    # --- Notifications ------------------------------------------------------

    # Send an email when an auto-update or another monitored unit fails.
    notificationOnFailureEnable = false;

    # Address that receives failure notifications.
    notificationToEmail = "";

    # Sender address of failure notifications.
    notificationFromEmail = "nixos@localhost";

    # SMTP relay that notifications are sent through (an IP or host name).
    notificationSmtpHost = "";

    # Port of the SMTP relay.
    notificationSmtpPort = 25;

    # Authenticate to the SMTP relay.
    notificationSmtpAuthEnable = false;

    # User name for SMTP authentication.
    notificationSmtpUser = "";

    # File holding the SMTP password, read at send time (never put the password in the store).
    notificationSmtpPasswordFile = "";

    # Use STARTTLS towards the SMTP relay.
    notificationSmtpTlsEnable = false;

    # --- Metrics exporters (every machine) -----------------------------------

    # Run the Prometheus node exporter so the monitoring host can scrape this machine.
    prometheusExporterEnable = false;

    # Port of the node exporter.
    prometheusNodeExporterPort = 9100;

    # Run cAdvisor for Docker container metrics next to the node exporter.
    prometheusExporterCadvisorEnable = false;

    # Port of cAdvisor (9092, because 8080 is usually taken by an application).
    prometheusCadvisorPort = 9092;

    # --- Monitoring server ---------------------------------------------------

    # Run a Prometheus server.
    prometheusEnable = false;

    # Port of the Prometheus server.
    prometheusPort = 9090;

    # How long Prometheus keeps samples.
    prometheusRetention = "30d";

    # Machines to scrape: a list of { name; host; nodePort; cadvisorPort ? null; }.
    prometheusRemoteTargets = [ ];

    # Run the blackbox exporter for HTTP and ICMP probes.
    prometheusBlackboxEnable = false;

    # URLs probed over HTTP(S) by the blackbox exporter.
    prometheusBlackboxHttpTargets = [ ];

    # Addresses probed with ICMP ping by the blackbox exporter.
    prometheusBlackboxIcmpTargets = [ ];

    # Run the SNMP exporter (for the firewall).
    prometheusSnmpEnable = false;

    # Addresses scraped by the SNMP exporter.
    prometheusSnmpTargets = [ ];

    # Run the Proxmox VE exporter.
    prometheusPveExporterEnable = false;

    # Address of the Proxmox VE API scraped by the PVE exporter.
    prometheusPveHost = "";

    # Run Grafana.
    grafanaEnable = false;

    # Port Grafana listens on.
    grafanaPort = 3000;

    # Public host name of Grafana (used for links in alert emails).
    grafanaDomain = "localhost";

    # --- Web, proxy and tunnel -----------------------------------------------

    # Run nginx as a TLS-terminating reverse proxy in front of local services.
    nginxEnable = false;

    # Run Nginx Proxy Manager (Docker) as the entry point for *.local domains.
    nginxProxyManagerEnable = false;

    # Run the Cloudflare Tunnel daemon.
    cloudflaredEnable = false;

    # Obtain certificates with acme.sh / Let's Encrypt.
    acmeEnable = false;

    # DNS provider used for the DNS-01 challenge.
    # Options: "cloudflare", "route53", "digitalocean"
    acmeDnsProvider = "cloudflare";

    # --- Applications ---------------------------------------------------------

    # Docker Compose projects (folders under ~/.homelab) started at boot.
    dockerComposeProjects = [ ];

    # Run Nextcloud as a NixOS service (instead of Docker).
    nextcloudEnable = false;

    # Run Jellyfin as a NixOS service (instead of Docker).
    jellyfinEnable = false;

    # Run Syncthing as a NixOS service (instead of Docker).
    syncthingEnable = false;

    # Run Uptime Kuma.
    uptimeKumaEnable = false;

    # Run Postfix as an SMTP relay for the LAN.
    postfixRelayEnable = false;

    # Upstream SMTP server Postfix relays to.
    postfixRelayHost = "";

    # Port of the upstream SMTP server.
    postfixRelayPort = 587;

    # Mount NFS shares.
    nfsClientEnable = false;

    # NFS mounts: a list of { what; where; }.
    nfsMounts = [ ];

    # Ban addresses after repeated failed logins.
    fail2banEnable = false;

    # Run a WireGuard interface.
    wireguardEnable = false;

    # Keep a local cache of media metadata (declared here, but no module reads it yet).
    mediaCacheEnable = false;
  };

  userSettings = {
    # Login name of the main user.
    username = "user";

    # Full name of the main user (also used by git).
    name = "";

    # Email address of the main user (also used by git).
    email = "";

    # Where the dotfiles repository is checked out.
    dotfilesDir = "/home/user/.dotfiles";

    # Command the deploy runs inside dotfilesDir.
    installCommand = "./install.sh";

    # Home Manager release the user environment was created with (home.stateVersion).
    homeStateVersion = "25.11";

    # Login shell.
    # Options: "zsh", "bash", "fish"
    shell = "zsh";

    # Default editor ($EDITOR).
    # Options: "nvim", "vim", "nano", "emacs"
    editor = "nvim";

    # Add the user to the docker group and install Docker.
    dockerEnable = false;

    # Install tmux with the shared configuration.
    tmuxEnable = false;

    # Install direnv with nix-direnv.
    direnvEnable = false;

    # Extra groups of the main user.
    extraGroups = [ "wheel" ];
  };
}
