# Stand-in (our own words) for nixpkgs' modules/generic/meta-maintainers.nix,
# for bench/optionTruth: `meta.maintainers`, loosely typed. Outside the
# measured tree: left out of the figures.
{ lib, ... }:
{
  options.meta.maintainers = lib.mkOption {
    type = lib.types.listOf lib.types.raw;
    internal = true;
    default = [ ];
    description = "Stand-in: who maintains the module.";
  };
}
