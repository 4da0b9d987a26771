// A folder's homelab as far as it is known before its first build: the
// folder's settings, files, inventory, catalog and whether a file is one of
// its profiles, none of which needs the fleet's profiles evaluated. At
// start-up a file opened in a fleet of thousands gets its own checks from
// this (its syntax, its settings against the catalog) while the profiles are
// still being read; the whole homelab replaces it once built.
import type { Catalog } from './catalog';
import type { Homelab } from './homelab';
import type { Inventory } from './inventory';
import type { Profile } from './profiles';
import type { HomelabSettings } from './settings';

/** What is known of a folder before its build (each read through the workspace's queries). */
export interface KnownBeforeBuild {
  root: string;
  settings: HomelabSettings;
  files: string[];
  inventoryUri: string | undefined;
  inventory: Inventory | undefined;
  defaultsUri: string | undefined;
  catalog: Catalog;
  /** The file the caller asks about, when it is one of the folder's profiles. */
  profile: Profile | undefined;
}

/**
 * Parts of a homelab that are not known before the build (machines,
 * services, addresses, discovery's findings, whether pipe operators are
 * enabled): a check made from the result must not read them. Checks that
 * would (the rules in BEFORE_BUILD_UNKNOWN of checks/run.ts) wait for the build.
 */
export function homelabBeforeBuild(k: KnownBeforeBuild): Homelab {
  return {
    root: k.root,
    settings: k.settings,
    inventoryUri: k.inventoryUri,
    inventory: k.inventory,
    profiles: new Map(k.profile ? [[k.profile.uri, k.profile]] : []),
    machines: new Map(),
    services: new Map(),
    catalog: k.catalog,
    reads: [],
    hasModules: false,
    defaultsUri: k.defaultsUri,
    files: k.files,
    nixFiles: k.files.filter((u) => u.endsWith('.nix')),
    addresses: { places: [], byKey: new Map(), networks: [] },
    declaredAddresses: new Set(),
    nixosMachines: new Map(),
    machineClashes: [],
    readingStops: [],
    homeConfigurations: [],
  };
}
