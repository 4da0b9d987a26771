# Stand-in (our own words) for nixpkgs' nixos/modules/misc/meta.nix, for
# bench/optionTruth: `meta.*`, declared loosely enough that any tree's
# definitions fit. Outside the measured tree: left out of the figures.
{ lib, ... }:
{
  options.meta = lib.mkOption {
    type = lib.types.lazyAttrsOf lib.types.raw;
    internal = true;
    default = { };
    description = "Stand-in: module metadata.";
  };
}
