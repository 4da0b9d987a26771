// One homelab (a workspace folder with an inventory, profiles or both): the
// inventory, the profiles with their effective settings, the machines (the
// model's central noun: anything deployable, whatever declares it; a container
// is a machine whose host is a Proxmox host), the services (declared and built
// in), the settings catalog and the index of every IP address. Built by the Workspace from cached parts.
import type { PipeFeatureSource } from './pipeOperators';
import type { Origin } from '../syntax/value';
import type { AddressIndex } from './addresses';
import type { Catalog } from './catalog';
import type { ContainerDecl, Inventory, Num, ServiceDecl, Str } from './inventory';
import type { Profile } from './profiles';
import type { SettingRead } from './settingReads';
import type { HomelabSettings } from './settings';
import { builtinService } from './shipped';
import type { HomeConfiguration, NixosMachine } from './machines/machine';
import type { ReadingStop } from './machines/readingStops';
import type { NameClash } from './machines/discover';
import type { NixEvalView } from './machines/fromNixEval';
import type { BaseProfile, MachineOs } from './machines/fromProfileSet';
import type { DeployList } from './deployList';
import { OverlayMap } from './overlayMap';

export interface Machine {
  name: string;
  /** The inventory's declaration (absent for a machine known from its profile only). */
  decl?: ContainerDecl;
  /** Its configuration file: its profile, else the module its flake, hive or deploy-rs node names. */
  configUri?: string;
  configExists: boolean;
  /** The profile's evaluation, when its configuration file is a profile. */
  profile?: Profile;
  /** The inventory's `ip`, else the profile's `ipAddress`. */
  ip?: Str;
  hostName?: string;
  /** The NixOS machine of this name found in a flake, hive or deploy-rs nodes. */
  nixos?: NixosMachine;
  /** Its attribute in a helper's `profiles = { … }` set (machines/fromProfileSet.ts). */
  profileSetOrigin?: Origin;
  /** `darwin` for a macOS machine (nix-darwin); NixOS otherwise. */
  os?: MachineOs;
}

export interface Service {
  name: string;
  decl?: ServiceDecl;
  /** The built-in catalog's entry, when the name is a known self-hosted service. */
  builtin?: { name: string; port?: number; protocol?: 'tcp' | 'udp'; description?: string; url?: string };
  /** The explicit port (inventory), else the built-in usual port. */
  port?: number;
  portOrigin?: Origin;
}

export interface Homelab {
  root: string;
  settings: HomelabSettings;
  inventoryUri?: string;
  inventory?: Inventory;
  /** Every profile file (the profiles glob plus paths the inventory names), by URI. */
  profiles: Map<string, Profile>;
  machines: Map<string, Machine>;
  services: Map<string, Service>;
  catalog: Catalog;
  /** Every read of a setting found in the workspace's Nix files. */
  reads: SettingRead[];
  /** Whether the workspace has modules (Nix files besides profiles and defaults that read settings). */
  hasModules: boolean;
  defaultsUri?: string;
  /** All files of the folder (URIs), and the `.nix` ones. */
  files: string[];
  nixFiles: string[];
  addresses: AddressIndex;
  /** The addresses some host or container declares (`addresses`' places that declare), a query of its own: unchanged while only used addresses move (a gateway), so what reads it alone is not re-run. */
  declaredAddresses: ReadonlySet<string>;
  /** Every machine found in a flake, a colmena hive or deploy-rs nodes (also in `machines`, by name). */
  nixosMachines: Map<string, NixosMachine>;
  /** Names that two sources configure from different files. */
  machineClashes: NameClash[];
  /** Where reading the fleet's flake or hive stopped, and why. */
  readingStops: ReadingStop[];
  /** A flake's `homeConfigurations` (their module files get Home Manager's options). */
  homeConfigurations: HomeConfiguration[];
  /** Profiles imported by machines' profiles and listed as machines nowhere (only with a helper's profile set). */
  baseProfiles?: BaseProfile[];
  /** The repository's own deploy list (`deploy-servers.conf` and its overlays), when it has one. */
  deployList?: DeployList;
  /** Where the repository turns on Nix's `pipe-operators` (`|>`, `<|`); undefined when nothing does. */
  pipeOperators?: PipeFeatureSource;
  /** What `nix eval` of the flake added or disagreed with, when it ran (or why it did not). */
  nixEval?: NixEvalView;
}
/** A service by name: declared, built in, or a built-in alias (`npm`, `node_exporter`). */
export function serviceNamed(h: Pick<Homelab, 'services'>, name: string): Service | undefined {
  const s = h.services.get(name);
  if (s) return s;
  const b = builtinService(name);
  return b ? (h.services.get(b.name) ?? { name: b.name, builtin: b, port: b.port }) : undefined;
}

/**
 * Keyed by the base homelab, not by the profile: a profile lives on in the
 * next builds, and an entry under it would keep its base homelab alive, whose
 * profiles kept theirs: every keystroke's model chained to the one before
 * (87 MB an edit of a 2.6 MB profile).
 */
const withProfileCache = new WeakMap<Homelab, { profile: Profile; value: Homelab }>();

/** The homelab with one profile replaced by a newer evaluation (and the machines that use it). */
export function withProfile(h: Homelab, profile: Profile): Homelab {
  if (h.profiles.get(profile.uri) === profile) return h;
  const cached = withProfileCache.get(h);
  if (cached?.profile === profile) return cached.value;
  // Overlays, not copies: at 10,000 machines copying both maps was most of a completion's time.
  const profiles = h.profiles.has(profile.uri) ? new OverlayMap(h.profiles, new Map([[profile.uri, profile]])) : new Map([...h.profiles, [profile.uri, profile]]);
  const replaced = new Map<string, Machine>();
  // forEach, not an iterator: no result object per machine (10,000 of them at each keystroke's completion).
  h.machines.forEach((c) => {
    if (c.configUri === profile.uri) replaced.set(c.name, { ...c, profile });
  });
  const machines = new OverlayMap(h.machines, replaced);
  const value = { ...h, profiles, machines };
  withProfileCache.set(h, { profile, value });
  return value;
}
