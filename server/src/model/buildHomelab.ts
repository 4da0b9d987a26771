// One folder's homelab assembled from the workspace's queries: the inventory's
// machines with their profiles, discovered machines joined by name, the deploy
// list, the services and the setting reads. Called by the Workspace's
// `homelabCore` query; every read goes through `HomelabSources`, so the query
// depends on exactly what the build read.
import type { Machine } from './homelab';
import type { ContainerDecl, Inventory } from './inventory';
import type { Profile } from './profiles';
import type { SettingRead } from './settingReads';
import type { HomelabSettings } from './settings';
import { servicesOf } from './services';
import { matchGlob } from './glob';
import { dirnameUri, joinUri, relativeUri } from './uri';
import { joinMachines } from './machines/fleet';
import { joinProfileSet } from './machines/fromProfileSet';
import { deployListFiles, readDeployList } from './deployList';
import { pipeFeatureSource, type PipeFeatureSource } from './pipeOperators';
import { joinNixEval, type NixEvalOutcome } from './machines/fromNixEval';
import type { Discovery } from './machines/discover';
import type { HomelabCore } from './query/homelabParts';

/** What the build reads (each a tracked read of the workspace's inputs and queries). */
export interface HomelabSources {
  /** The folder's files (listing and open documents), sorted. */
  files(): string[];
  /** What the build derives from the file list alone (folderLayout). */
  layout(): FolderLayout;
  exists(uri: string): boolean;
  text(uri: string): string | undefined;
  /** The text of a Nix file read for its code only (depends on the parse's syntax key, not on comments). */
  code(uri: string): string | undefined;
  evaluate(uri: string): Profile;
  inventory(uri: string): Inventory;
  settingReads(uri: string): SettingRead[];
  pipeFeature(uri: string): PipeFeatureSource | undefined;
  discovery(): Discovery;
  nixEval(): NixEvalOutcome | undefined;
  /** Whether a file may exist, from the listing (see Workspace.listedNames). */
  mayExist(): (uri: string) => boolean;
}

/** What a folder's file list says before any file is read: a query of its own, so a build after a profile's edit does not filter a thousand paths again. */
export interface FolderLayout {
  nixFiles: string[];
  /** The Nix files the `homelab.profiles` glob matches. */
  globProfiles: string[];
  /** The deploy list and its overlays (deployList.ts). */
  deployListFiles: string[];
}

export function folderLayout(root: string, s: HomelabSettings, files: readonly string[]): FolderLayout {
  const nixFiles = files.filter((u) => u.endsWith('.nix'));
  return {
    nixFiles,
    globProfiles: nixFiles.filter((u) => matchGlob(s.profiles, relativeUri(root, u))),
    deployListFiles: deployListFiles(root, files),
  };
}

/** Where the folder's inventory is (named by the settings, else `homelab.yaml` / `homelab.yml`) and whether it exists. */
export function inventoryOf(root: string, s: HomelabSettings, exists: (uri: string) => boolean): { uri: string | undefined; exists: boolean } {
  const uri = s.inventory ? joinUri(root, s.inventory) : ['homelab.yaml', 'homelab.yml'].map((n) => joinUri(root, n)).find((u) => exists(u));
  return { uri, exists: uri !== undefined && exists(uri) };
}

/** Whether a folder holds a homelab at all: an inventory, or any Nix file (checked for syntax, scopes, imports). */
export function holdsHomelab(hasInventory: boolean, files: readonly string[]): boolean {
  return hasInventory || files.some((u) => u.endsWith('.nix'));
}

/** The profile file of an inventory machine: its `profile:`, else `profiles/<name>-config.nix` when that file exists. */
function machineProfileUri(d: ContainerDecl, invDir: string, mayExist: (uri: string) => boolean, exists: (uri: string) => boolean): string | undefined {
  if (d.profile) return joinUri(invDir, d.profile.value);
  const implicit = joinUri(invDir, `profiles/${d.name}-config.nix`);
  return mayExist(implicit) && exists(implicit) ? implicit : undefined;
}

/**
 * The files the folder's homelab will hold as profiles, found without
 * evaluating any (what the catalog needs to tell modules from profiles, so it
 * is built before the profiles are, and a profile's edit does not touch it):
 * the `homelab.profiles` glob's, the inventory machines', the flake's profile
 * set's; each that exists. The same set as `buildHomelab`'s `profiles` (its
 * `profileAt` calls are these).
 */
export function profileFilesOf(root: string, s: HomelabSettings, src: Pick<HomelabSources, 'layout' | 'exists' | 'inventory' | 'discovery' | 'mayExist'>): Set<string> {
  const out = new Set<string>();
  const add = (u: string | undefined): void => {
    if (u !== undefined && !out.has(u) && src.exists(u)) out.add(u);
  };
  for (const u of src.layout().globProfiles) add(u);
  const inv = inventoryOf(root, s, src.exists);
  if (inv.exists && inv.uri) {
    const invDir = dirnameUri(inv.uri);
    const mayExist = src.mayExist();
    for (const d of src.inventory(inv.uri).containers.values()) add(machineProfileUri(d, invDir, mayExist, src.exists));
  }
  for (const e of src.discovery().profileSet?.entries ?? []) add(e.uri);
  return out;
}

/** Machines (or Nix files) the build goes through between two pauses: at 10,000 machines the build is one step per few milliseconds. */
const BUILD_ITEMS_PER_STEP = 128;

/** The build in steps (the `homelabCore` query's): it yields every so many machines and files, so a keystroke waits for one step at most. */
export function* buildHomelab(root: string, s: HomelabSettings, src: HomelabSources): Generator<void, HomelabCore | undefined> {
  const files = src.files();
  const layout = src.layout();
  const inv = inventoryOf(root, s, src.exists);
  const inventoryUri = inv.uri;
  const hasInventory = inv.exists;
  const profileUris = layout.globProfiles;
  const nixFiles = layout.nixFiles;
  if (!holdsHomelab(hasInventory, nixFiles)) return undefined;

  const inventory = hasInventory && inventoryUri ? src.inventory(inventoryUri) : undefined;
  const invDir = inventoryUri ? dirnameUri(inventoryUri) : root;

  const profiles = new Map<string, Profile>();
  const profileAt = (u: string): Profile | undefined => {
    if (!src.exists(u)) return undefined;
    let p = profiles.get(u);
    if (!p) {
      p = src.evaluate(u);
      profiles.set(u, p);
    }
    return p;
  };
  let n = 0;
  for (const u of profileUris) {
    if (++n % BUILD_ITEMS_PER_STEP === 0) yield;
    profileAt(u);
  }

  const machines = new Map<string, Machine>();
  if (inventory) {
    const mayExist = src.mayExist();
    for (const d of inventory.containers.values()) {
      if (++n % BUILD_ITEMS_PER_STEP === 0) yield;
      const profileUri = machineProfileUri(d, invDir, mayExist, src.exists);
      const profile = profileUri ? profileAt(profileUri) : undefined;
      const ipSetting = profile?.system?.entries.get('ipAddress')?.value;
      machines.set(d.name, {
        name: d.name,
        decl: d,
        configUri: profileUri,
        configExists: profile !== undefined,
        profile,
        ip: d.ip ?? (ipSetting?.kind === 'string' && ipSetting.value ? { value: ipSetting.value, origin: ipSetting.origin } : undefined),
        hostName: d.host?.value,
      });
    }
  } else {
    for (const u of profileUris) {
      const p = profiles.get(u);
      if (!p || !declaresMachine(p, src)) continue;
      const ipv = p.system?.entries.get('ipAddress')?.value;
      machines.set(p.name, {
        name: p.name,
        configUri: u,
        configExists: true,
        profile: p,
        ip: ipv?.kind === 'string' && ipv.value ? { value: ipv.value, origin: ipv.origin } : undefined,
      });
    }
  }

  const discovery = src.discovery();
  joinMachines(machines, discovery);
  const nixEval = joinNixEval(machines, discovery, src.nixEval(), root);
  const baseProfiles = discovery.profileSet
    ? joinProfileSet(machines, discovery.profileSet, profileAt, (u) => (src.exists(u) ? src.evaluate(u) : undefined), discovery.buildsDarwin ?? false, profileUris.map((u) => profiles.get(u)).filter((p): p is Profile => p !== undefined))
    : undefined;
  const listFiles = layout.deployListFiles;
  const deployList = listFiles.length ? readDeployList(listFiles.map((uri) => ({ uri, text: src.text(uri) }))) : undefined;
  // The machines joined with what discovery found: a step of its own (a few milliseconds at 10,000 machines).
  yield;

  const services = servicesOf(inventory);

  const defaultsUri = joinUri(root, s.defaultsFile);
  const profileSet = new Set(profiles.keys());
  const reads: SettingRead[] = [];
  let hasModules = false;
  for (const u of nixFiles) {
    if (++n % BUILD_ITEMS_PER_STEP === 0) yield;
    const r = src.settingReads(u);
    for (const x of r) reads.push(x);
    if (r.length && !profileSet.has(u) && u !== defaultsUri) hasModules = true;
  }

  const pipeOperators = yield* pipeFeatureSource(files, (u) => src.pipeFeature(u), BUILD_ITEMS_PER_STEP);
  const partial = {
    root: root,
    settings: s,
    inventoryUri: hasInventory ? inventoryUri : undefined,
    inventory,
    profiles,
    machines,
    services,
    reads,
    hasModules,
    defaultsUri: src.exists(defaultsUri) ? defaultsUri : undefined,
    files,
    nixFiles,
    nixosMachines: discovery.machines,
    machineClashes: discovery.clashes,
    readingStops: discovery.stopped ?? [],
    homeConfigurations: discovery.homes,
    ...(baseProfiles ? { baseProfiles } : {}),
    ...(deployList ? { deployList } : {}),
    pipeOperators,
    ...(nixEval ? { nixEval } : {}),
  };
  return partial;
}

/** A profile file that describes a machine (sets a hostname or an address in its own text). */
function declaresMachine(p: Profile, src: HomelabSources): boolean {
  const own = (k: string): boolean => {
    const e = p.system?.entries.get(k);
    return e !== undefined && e.keyOrigin.uri === p.uri;
  };
  if (p.value) return own('hostname') || own('ipAddress');
  // The regex ignores nothing, but the answer only matters for code: a comment typed re-reads one parse.
  const t = src.code(p.uri) ?? '';
  return /\b(hostname|ipAddress)\s*=/.test(t);
}
