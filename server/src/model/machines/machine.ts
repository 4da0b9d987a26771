// A NixOS machine found in a flake's `nixosConfigurations`, a colmena hive or
// deploy-rs nodes: its modules, options, deploy target and tags. Each discovery
// source yields partial machines (`MachineFinding`); `discover.ts` merges them
// by name. The homelab's `Machine` (homelab.ts) joins one with the inventory's
// declaration and the profile of the same name, as its `nixos` side.
import type { Origin } from '../../syntax/value';
import type { Num, Str } from '../inventory';
import type { NixosConfig } from './nixosConfig';
import { primaryAddress } from './networkAddresses';
import type { Value } from '../../syntax/value';

/**
 * `snowfall` / `clan`: a machine a framework builds from a folder convention
 * (`systems/<arch>-linux/<name>/`, `machines/<name>/configuration.nix`);
 * `lite-config`: a host of the lite-config flake module (fromLiteConfig.ts); `den`: a host of den (fromDen.ts).
 * `morph`: a node of a morph or NixOps network file; `convention`: a
 * `machines/<name>/configuration.nix` of a repository without a flake or hive.
 * `nix-eval`: listed by the real `nix eval` only (fromNixEval.ts), not found by the static reading.
 */
export type MachineSourceKind = 'flake' | 'colmena' | 'deploy-rs' | 'snowfall' | 'clan' | 'nixos-unified' | 'lite-config' | 'den' | 'morph' | 'convention' | 'nix-eval';
export type DeployMethod = 'nixos-rebuild' | 'colmena' | 'deploy-rs';

export interface MachineSource {
  kind: MachineSourceKind;
  /** The attribute name that declares the machine (`nixosConfigurations.<name>`, a hive node, `deploy.nodes.<name>`). */
  origin: Origin;
}

export interface DeployTarget {
  method: DeployMethod;
  /** `deployment.targetHost` / `deploy.nodes.<n>.hostname`. */
  host?: Str;
  user?: Str;
  port?: Num;
  /** Deployed on the machine itself only (colmena's `targetHost = null`: `colmena apply-local`), never over the network. */
  local?: boolean;
  origin: Origin;
}

/**
 * Where a machine's NixOS modules come from, when the file that declares it
 * says so statically: a flake input (`nixpkgs-stable.lib.nixosSystem { … }`,
 * colmena's `meta.nixpkgs = import nixpkgs { … }`) or a NIX_PATH entry
 * (`import <nixos-24.05> { }`). Options are judged against that tree.
 */
export interface NixpkgsPin {
  via: 'input' | 'nix-path';
  /** The flake input's name, or the NIX_PATH entry's. */
  name: string;
  origin: Origin;
}

/** What one source says about one machine. */
export interface MachineFinding {
  name: string;
  source: MachineSource;
  /** Its root modules (paths or inline modules), when this source configures it. */
  modules?: Value[];
  deploy?: DeployTarget;
  tags?: Str[];
  nixpkgs?: NixpkgsPin;
  /**
   * Its root modules again, given what a first reading of them configured
   * (colmena's `defaults` reads the node's own `config`, e.g.
   * `config.networking.fqdn`): undefined when the first reading stands.
   */
  refine?: (configs: Value[]) => Value[] | undefined;
  /** Arguments its modules get besides the module system's (`nixosSystem { specialArgs = … }`), as far as known. */
  specialArgs?: Value;
  /** `generator` for a `nixosGenerate` output (nixos-generators): an image, not a machine. */
  image?: ImageKind;
  /** Other names the source gives the same configuration (`core-lab` beside `core.lab`), not other machines. */
  aliases?: string[];
}

/** What an image configuration builds: an installer ISO, an SD-card image, a nixos-generators output (images.ts). */
export type ImageKind = 'iso' | 'generator';

export interface NixosMachine {
  name: string;
  /** Set when it is an image to build and write to a medium, not a machine of the fleet. */
  image?: ImageKind;
  sources: MachineSource[];
  /** The import closure of its modules (file URIs), in the order met. */
  moduleFiles: string[];
  /** Why parts of its configuration could not be read (inputs' modules, computed paths); `imports`: a module's whole imports list. */
  unreadable: { reason: string; origin: Origin; imports?: boolean }[];
  /** Its standard NixOS options, when a source configures it. */
  config?: NixosConfig;
  /** The `config` part of each of its modules, for the effective value of any option (hover). */
  configs: Value[];
  deploy?: DeployTarget;
  tags: Str[];
  /** The nixpkgs its modules come from, when known statically (else the workspace's default). */
  nixpkgs?: NixpkgsPin;
  /** Home Manager module files of its users (`home-manager.users.<u>`, `home-manager.sharedModules`) and their imports. */
  homeFiles: string[];
  /** Other names its flake gives it (MachineFinding `aliases`): a scrape target or a DNS name may use one. */
  aliases?: string[];
}

/** A `homeConfigurations.<name>` output: a Home Manager configuration of its own (no machine). */
export interface HomeConfiguration {
  name: string;
  origin: Origin;
  /** The import closure of its modules (file URIs). */
  moduleFiles: string[];
}

/** The machine's deploy target, else its first configured address, else its host name. */
export function machineAddress(m: NixosMachine): Str | undefined {
  return m.deploy?.host ?? primaryAddress(m.config?.addresses)?.address ?? m.config?.hostName;
}
