# Stand-in (our own words) for nixpkgs' modular-service systemd module, for
# bench/optionTruth: the unit sets a portable service may define, typed
# loosely. Outside the measured tree: left out of the figures.
{ lib, ... }:
let
  units = lib.mkOption {
    type = lib.types.lazyAttrsOf lib.types.raw;
    default = { };
    description = "Stand-in: units of the service.";
  };
in
{
  options.systemd = {
    services = units;
    sockets = units;
    timers = units;
    paths = units;
  };
}
