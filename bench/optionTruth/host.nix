# A stand-in host (our own words) for module trees that plug into NixOS or
# Home Manager (stylix), for bench/optionTruth: the option sets such a tree's
# declarations look into (`options.programs ? nvf`) exist, each holding one
# placeholder option. Outside the measured tree: left out of the figures.
{ lib, ... }:
let
  placeholder = lib.mkOption {
    type = lib.types.lazyAttrsOf lib.types.raw;
    default = { };
    internal = true;
    description = "Stand-in host option.";
  };
in
{
  # NixOS and Home Manager both declare `lib` (helpers modules share through `config.lib`).
  options.lib = lib.mkOption {
    type = lib.types.attrsOf lib.types.attrs;
    default = { };
    internal = true;
    description = "Stand-in host option.";
  };
  config = { };
  _file = "stand-in host";
  imports = [ { options = lib.genAttrs [ "programs" "services" "home" "boot" "environment" "xdg" "gtk" "qt" "fonts" "console" "system" "wayland" "xsession" "i18n" "home-manager" "users" ] (_: {
    standInHost = placeholder;
  }); } ];
}
