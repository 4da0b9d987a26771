// A small fleet for the NixOS option features: one flake machine `gw` built
// from host.nix and forwarding.nix, and an option tree of our own (one module
// declaring `services.relay`, with options renamed, removed, aliased, changed
// and moved out of the set) kept where a pinned nixpkgs would be, outside the
// folder. The index is built from it in this thread, through the same scanner
// the worker runs.
import { assemble, scanFiles } from '../../../server/src/model/options/scanTree';
import { OptionIndex } from '../../../server/src/model/options';
import type { OptionIndexData } from '../../../server/src/model/options/types';
import { fixture, type Fixture } from './check';

/** Where the option tree lives: a store path, not a file of the folder. */
export const RELAY_MODULE = 'file:///store/nixpkgs/nixos/modules/services/relay.nix';

export const RELAY_OPTIONS = `{ config, lib, ... }:
{
  imports = [
    (lib.mkRenamedOptionModule [ "services" "relay" "listenPort" ] [ "services" "relay" "port" ])
    (lib.mkRemovedOptionModule [ "services" "relay" "legacyMode" ] "The old wire format is gone.")
    (lib.mkAliasOptionModule [ "services" "relay" "upstreams" ] [ "services" "relay" "peers" ])
    (lib.mkRenamedOptionModule [ "services" "relay" "hostName" ] [ "networking" "relayName" ])
    (lib.mkChangedOptionModule [ "services" "relay" "quick" ] [ "services" "relay" "mode" ] (config: if config.services.relay.quick then "fast" else "safe"))
  ];
  options.services.relay = {
    enable = lib.mkEnableOption "the relay";
    port = lib.mkOption {
      type = lib.types.port;
      default = 7000;
      description = "Port the relay listens on.";
    };
    mode = lib.mkOption {
      type = lib.types.enum [ "fast" "safe" ];
      default = "safe";
      description = "How the relay forwards.";
    };
    peers = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = [ ];
      description = "Other relays.";
    };
  };
}
`;

export const FLAKE = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.gw = nixpkgs.lib.nixosSystem { modules = [ ./host.nix ./forwarding.nix ]; };
  };
}
`;

export const HOST = `{ lib, ... }:
{
  networking.hostName = "gw";
  services.relay.enable = true;
  services.relay.port = lib.mkDefault 7100;
  services.relay = {
    mode = "fast";
  };
}
`;

/** The machine's second module: it forces the port over host.nix's default. */
export const RELAY_CONFIG = `{ lib, ... }:
{
  services.relay.port = lib.mkForce 7200;
  services.relay.peers = [ "north" "south" ];
}
`;

let data: OptionIndexData | undefined;
let index: OptionIndex | undefined;

/** What the scanner reads from the option tree (built once). */
export function relayData(): OptionIndexData {
  data ??= assemble(scanFiles([RELAY_MODULE], undefined, { readText: (u) => (u === RELAY_MODULE ? RELAY_OPTIONS : undefined) }), 1, 0);
  return data;
}

/** The index of the option tree. */
export function relayIndex(): OptionIndex {
  index ??= new OptionIndex(relayData());
  return index;
}

/** The fleet with `host` as host.nix and `extra` files (the cursor marked in one); the option index loaded unless `withIndex` is false. */
export function optionLab(host: string, withIndex = true, extra: Record<string, string> = {}): Fixture {
  const fx = fixture({ 'flake.nix': FLAKE, 'host.nix': host, 'forwarding.nix': RELAY_CONFIG, [RELAY_MODULE]: RELAY_OPTIONS, ...extra });
  if (withIndex) fx.ws.setOptionIndex(relayIndex());
  return fx;
}
