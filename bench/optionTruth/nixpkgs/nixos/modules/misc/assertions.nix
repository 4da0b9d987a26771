# Stand-in (our own words) for nixpkgs' nixos/modules/misc/assertions.nix, for
# bench/optionTruth: the two options that trees outside nixpkgs import it for.
# Its options lie outside the measured tree and are left out of the figures.
{ lib, ... }:
{
  options = {
    assertions = lib.mkOption {
      type = lib.types.listOf lib.types.unspecified;
      internal = true;
      default = [ ];
      description = "Stand-in: conditions that must hold.";
    };
    warnings = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      internal = true;
      default = [ ];
      description = "Stand-in: messages shown while building.";
    };
  };
}
