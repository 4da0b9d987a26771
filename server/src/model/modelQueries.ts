// The model's derived queries, defined once per workspace over what it reads
// (`ModelReads`): parses, the inventory, setting reads, evaluation, discovery,
// a folder's homelab core, each of its parts, the catalog and the address
// index. Each is memoised in the workspace's engine (query/engine.ts) with what
// it read, and cut off where its result is equal to the last one.
import { parseYaml, type YamlParseResult } from '../syntax/yaml';
import { buildAddressIndex, type AddressIndex } from './addresses';
import { catalogOf, type Catalog } from './catalog';
import type { Homelab } from './homelab';
import { readInventory, type Inventory } from './inventory';
import { internalErrorDiagnostic, type NixFileAnalysis, type NixLayer } from './nixAdapter';
import type { Profile } from './profiles';
import { scanSettingReads, type SettingRead } from './settingReads';
import { isUnder, joinUri, normalizeUri } from './uri';
import type { HomelabSettings } from './settings';
import { buildHomelab, folderLayout, profileFilesOf, type FolderLayout } from './buildHomelab';
import { listedNames } from './listing';
import type { DiscoveryContext, FleetDiscovery } from './machines/fleet';
import type { NixEvalOutcome } from './machines/fromNixEval';
import type { Discovery } from './machines/discover';
import { pipeFeatureInNix, pipeFeatureInNixConf, type PipeFeatureSource } from './pipeOperators';
import { defineQuery, defineStepQuery, type QueryDef, type QueryReader } from './query/engine';
import { homelabPartEquals, internMachines, type HomelabCore } from './query/homelabParts';
import { deepEqual, sameArray } from './query/equal';
import type { Workspace } from './workspace';

type Q<V> = QueryDef<V, Workspace>;

/** The model's derived queries (memoised per key: a file's URI, or a folder's root). */
export interface ModelQueries {
  yaml: Q<YamlParseResult | undefined>;
  parse: Q<NixFileAnalysis | undefined>;
  inventory: Q<Inventory>;
  reads: Q<SettingRead[]>;
  pipe: Q<PipeFeatureSource | undefined>;
  json: Q<unknown>;
  evaluate: Q<Profile>;
  discovery: Q<Discovery>;
  /** A folder's files (its listing and the open documents under it), sorted. */
  files: Q<string[]>;
  /** The files a folder's homelab holds as profiles, found without evaluating them (buildHomelab.ts `profileFilesOf`). */
  profileFiles: Q<Set<string>>;
  core: Q<HomelabCore | undefined>;
  /** A folder's profile files in the build's order, and as a set: cut off while the same files are profiles (a profile's edit changes nothing here). */
  profileKeys: Q<ProfileKeys>;
  /** One part of a folder's homelab, keyed `root\0field`. */
  part: Q<unknown>;
  catalog: Q<{ sources: unknown[]; catalog: Catalog }>;
  addresses: Q<AddressIndex>;
  /** The addresses some host or container declares (Homelab.declaredAddresses): cut off while the same. */
  declared: Q<ReadonlySet<string>>;
  homelab: Q<Homelab | undefined>;
}

/** The files a folder's homelab holds as profiles (see ModelQueries.profileKeys). */
export interface ProfileKeys {
  list: readonly string[];
  set: ReadonlySet<string>;
}

/** What the queries read from their workspace: tracked reads unless said otherwise. */
export interface ModelReads {
  readonly nixLayer: NixLayer;
  text(uri: string): string | undefined;
  /** A document's text, untracked (the caller depends on the parse instead). */
  rawText(uri: string): string | undefined;
  tooLarge(uri: string): boolean;
  /** Whether the file has code to read (its parse; equal while only comments change). */
  hasCode(uri: string): boolean;
  evaluate(uri: string): Profile;
  settingReads(uri: string): SettingRead[];
  jsonFile(uri: string): unknown;
  homelabView(root: string): Homelab;
  exists(uri: string): boolean;
  /** The file's modification stamp. */
  stamp(uri: string): number;
  /** The folder's files, less what git ignores and `homelab.exclude` names. */
  listing(root: string): string[];
  /** The open documents, sorted. */
  openUris(): string[];
  /** What `nix eval` last said for the folder. */
  nixEval(root: string): NixEvalOutcome | undefined;
  /** The workspace's evaluation of a profile (profileEvaluation.ts). */
  computeEvaluation(uri: string): Profile;
  /** The evaluations of a build are over: what they shared may go (ProfileEvaluator.release). */
  evaluationsDone(): void;
  /** The workspace's discovery (its caches of files read whole, keyed by stamp). */
  readonly discoverer: FleetDiscovery;
  /** A folder's settings (undefined when it is gone). */
  settings(root: string): HomelabSettings | undefined;
  /**
   * The folder's last built core, untracked: only to keep the objects of its
   * unchanged machines (homelabParts.ts `internMachines`), never for what it says.
   */
  lastCore(root: string): HomelabCore | undefined;
  /** The folder whose homelab is about to be built (reads its settings; undefined when it is gone). */
  folderToBuild(root: string): { root: string; settings: HomelabSettings } | undefined;
}

export function defineModelQueries(m: ModelReads): ModelQueries {
  const sameAnalysis = (a: NixFileAnalysis | undefined, b: NixFileAnalysis | undefined): boolean =>
    a === b || (a !== undefined && b !== undefined && a.syntaxKey !== undefined && a.syntaxKey === b.syntaxKey && a.unparseable === b.unparseable);
  const yaml = defineQuery<YamlParseResult | undefined, Workspace>('yaml', (r, uri) => {
    const text = m.text(uri);
    return text === undefined || m.tooLarge(uri) ? undefined : parseYaml(text, uri);
  });
  const parse = defineQuery<NixFileAnalysis | undefined, Workspace>(
    'parse',
    (r, uri) => {
      const text = m.text(uri);
      if (text === undefined || m.tooLarge(uri)) return undefined;
      try {
        return m.nixLayer.analyze(text, uri);
      } catch (e) {
        return { diagnostics: [internalErrorDiagnostic(e)] };
      }
    },
    sameAnalysis,
  );
  const discovery = defineQuery<Discovery, Workspace>('discovery', (r, root) => discover(m, root));
  const inventory = defineQuery<Inventory, Workspace>('inventory', (r, uri) => readInventory(uri, r.query(yaml, uri)?.value));
  const reads = defineQuery<SettingRead[], Workspace>('settingReads', (r, uri) => {
    // Depends on the code only (the parse's syntax key): a comment typed changes nothing here.
    if (!m.hasCode(uri)) return [];
    const text = m.rawText(uri);
    return text === undefined || text.includes('\0') ? [] : scanSettingReads(text, uri);
  });
  const pipe = defineQuery<PipeFeatureSource | undefined, Workspace>('pipeFeature', (r, uri) => {
    if (uri.endsWith('.nix')) {
      if (!m.hasCode(uri)) return undefined;
      const text = m.rawText(uri);
      return text === undefined ? undefined : pipeFeatureInNix(uri, text);
    }
    const text = m.tooLarge(uri) ? undefined : m.text(uri);
    return text === undefined ? undefined : pipeFeatureInNixConf(uri, text);
  });
  const files = defineQuery<string[], Workspace>(
    'folderFiles',
    (r, root) => [...new Set([...m.listing(root), ...m.openUris().filter((u) => isUnder(root, u))])].sort(),
    (a, b) => sameArray(a, b),
  );
  const layout = defineQuery<FolderLayout, Workspace>(
    'folderLayout',
    (r, root) => {
      const s = m.settings(root);
      return s ? folderLayout(root, s, r.query(files, root)) : { nixFiles: [], globProfiles: [], deployListFiles: [] };
    },
    (a, b) => sameArray(a.nixFiles, b.nixFiles) && sameArray(a.globProfiles, b.globProfiles) && sameArray(a.deployListFiles, b.deployListFiles),
  );
  // Which names the listing holds, per folder (a function: equal only to itself, made again when the listing or the open documents change).
  const listed = defineQuery<(uri: string) => boolean, Workspace>('listedNames', (r, root) => listedNames(m.listing(root), new Set(m.openUris())));
  const mayExist = (r: QueryReader<Workspace>, root: string): ((uri: string) => boolean) => r.query(listed, root);
  const profileFiles = defineQuery<Set<string>, Workspace>(
    'profileFiles',
    (r, root) => {
      const s = m.settings(root);
      if (!s) return new Set();
      return profileFilesOf(root, s, {
        layout: () => r.query(layout, root),
        exists: (u) => m.exists(u),
        inventory: (u) => r.query(inventory, u),
        discovery: () => r.query(discovery, root),
        mayExist: () => mayExist(r, root),
      });
    },
    (a, b) => a.size === b.size && [...a].every((u) => b.has(u)),
  );
  // In steps (Engine.update pauses between them); read as a plain query it is built at once.
  const core = defineStepQuery<HomelabCore | undefined, Workspace>('homelabCore', function* (r, root) {
    const f = m.folderToBuild(root);
    if (!f) return undefined;
    try {
      const built = yield* build(r, f);
      if (built) yield* internMachines(built.machines, m.lastCore(root)?.machines);
      return built;
    } finally {
      m.evaluationsDone();
    }
  });
  const build = (r: QueryReader<Workspace>, f: { root: string; settings: HomelabSettings }): Generator<void, HomelabCore | undefined> =>
    buildHomelab(f.root, f.settings, {
      files: () => r.query(files, f.root),
      layout: () => r.query(layout, f.root),
      exists: (u) => m.exists(u),
      text: (u) => m.text(u),
      code: (u) => (m.hasCode(u) ? m.rawText(u) : undefined),
      evaluate: (u) => m.evaluate(u),
      inventory: (u) => r.query(inventory, u),
      settingReads: (u) => r.query(reads, u),
      pipeFeature: (u) => r.query(pipe, u),
      discovery: () => r.query(discovery, f.root),
      nixEval: () => m.nixEval(f.root),
      mayExist: () => mayExist(r, f.root),
    });
  const catalog = defineQuery<{ sources: unknown[]; catalog: Catalog }, Workspace>(
    'catalog',
    // Rebuilt only when its own sources changed (defaults, modules' reads, schemas), not on a profile's edit;
    // it reads no profile and not the homelab build, so it is there before the fleet's profiles are evaluated.
    (r, root) => {
      const settings = m.settings(root);
      if (!settings) return { sources: [], catalog: catalogOf(undefined, [], []) };
      const profiles = r.query(profileFiles, root);
      const defaultsFile = joinUri(root, settings.defaultsFile);
      const defaultsUri = m.exists(defaultsFile) ? defaultsFile : undefined;
      const defaults = defaultsUri ? { value: m.evaluate(defaultsUri).value, text: m.text(defaultsUri) } : undefined;
      // Reads inside profiles (e.g. `base.systemSettings.x ++ [...]`) do not make a setting "used".
      const readLists = r
        .query(layout, root)
        .nixFiles.filter((u) => !profiles.has(u))
        .map((u) => m.settingReads(u));
      const schemas = settings.schemas.map((p) => m.jsonFile(joinUri(root, p)));
      const sources = [defaults?.value, defaults?.text, ...readLists, ...schemas];
      return { sources, catalog: catalogOf(defaults, readLists.flat(), schemas) };
    },
    (a, b) => sameArray(a.sources, b.sources),
  );
  const addresses = defineStepQuery<AddressIndex, Workspace>('addresses', (r, root) => buildAddressIndex(m.homelabView(root)), addressesEqual);
  const declared = defineStepQuery<ReadonlySet<string>, Workspace>(
    'declaredAddresses',
    // In steps: a fleet's index holds tens of thousands of places.
    function* (r, root) {
      const out = new Set<string>();
      const places = r.query(addresses, root).places;
      // Indexed: an iterator in a generator leaves an object per place and step.
      for (let i = 0; i < places.length; i++) {
        if ((i + 1) % DECLARED_PLACES_PER_STEP === 0) yield;
        if (places[i].role === 'declares') out.add(places[i].key);
      }
      return out;
    },
    sameSet,
  );
  return {
    yaml,
    parse,
    inventory,
    reads,
    pipe,
    json: defineQuery<unknown, Workspace>('json', (r, uri) => {
      try {
        const t = m.text(uri);
        return t === undefined ? undefined : JSON.parse(t);
      } catch {
        return undefined;
      }
    }),
    evaluate: defineQuery<Profile, Workspace>('evaluate', (r, uri) => m.computeEvaluation(uri)),
    discovery,
    files,
    profileFiles,
    core,
    profileKeys: defineQuery<ProfileKeys, Workspace>(
      'profileKeys',
      (r, root) => {
        const list = [...(r.query(core, root)?.profiles.keys() ?? [])];
        return { list, set: new Set(list) };
      },
      (a, b) => sameArray(a.list, b.list),
    ),
    part: defineQuery<unknown, Workspace>(
      'homelabPart',
      (r, key) => {
        const [root, field] = key.split('\0');
        const c = r.query(core, root) as Record<string, unknown> | undefined;
        return c?.[field];
      },
      homelabPartEquals,
    ),
    catalog,
    addresses,
    declared,
    homelab: defineQuery<Homelab | undefined, Workspace>('homelab', (r, root) => {
      const c = r.query(core, root);
      return c ? { ...c, catalog: r.query(catalog, root).catalog, addresses: r.query(addresses, root), declaredAddresses: r.query(declared, root) } : undefined;
    }),
  };
}

/** Discovery reads through tracked inputs, so the query depends on every file it read. */
function discover(m: ModelReads, root: string): Discovery {
  return m.discoverer.discover(discoveryContext(m, root));
}

/** What discovery reads of a folder (also read before the build, for the machines' names: Workspace.machinesBeforeBuild). */
export function discoveryContext(m: ModelReads, root: string): DiscoveryContext {
  return {
    root,
    listing: m.listing(root),
    exists: (u) => m.exists(u),
    stamp: (u) => m.stamp(u),
    readHost: { readText: (u) => (m.tooLarge(normalizeUri(u)) ? undefined : m.text(normalizeUri(u))) },
    nixLayer: m.nixLayer,
    evaluate: (u) => {
      const p = m.evaluate(u);
      return { value: p.value, deps: p.deps };
    },
  };
}

/** Address indexes with the same places and networks (an edit that moved no address leaves the rules that read them alone). */
/** Places of the address index read by `declaredAddresses` between two pauses. */
const DECLARED_PLACES_PER_STEP = 2048;

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

function addressesEqual(a: AddressIndex, b: AddressIndex): boolean {
  return deepEqual(a.places, b.places) && deepEqual(a.networks, b.networks);
}
