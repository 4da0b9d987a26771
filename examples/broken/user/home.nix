# Home Manager configuration of the main user.
{ pkgs, lib, userSettings, ... }:

{
  home.username = userSettings.username;
  home.homeDirectory = "/home/${userSettings.username}";
  home.stateVersion = userSettings.homeStateVersion;

  programs.git = {
    enable = true;
    userName = userSettings.name;
    userEmail = userSettings.email;
  };

  programs.zsh.enable = userSettings.shell == "zsh";
  programs.fish.enable = userSettings.shell == "fish";
  home.sessionVariables.EDITOR = userSettings.editor;

  programs.tmux.enable = userSettings.tmuxEnable;
  programs.direnv = lib.mkIf userSettings.direnvEnable {
    enable = true;
    nix-direnv.enable = true;
  };

  home.packages = [ pkgs.htop pkgs.ripgrep ];
}
