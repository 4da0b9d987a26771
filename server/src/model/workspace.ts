// The workspace model: folders (each a homelab when it has an inventory or
// profiles), documents (open ones override the disk), and derived data as
// queries (query/engine.ts) owned by this instance: file texts, facts, folder
// listings and settings are inputs; parses, evaluations, discovery, each
// folder's homelab, its parts and its address index are queries, so a change
// re-derives only what read it, per folder, and stops where a result is equal.
import { parseYaml, type YamlParseResult } from '../syntax/yaml';
import { buildAddressIndex } from './addresses';
import { catalogOf } from './catalog';
import { DocumentStore } from './documents';
import { withProfile, type Homelab } from './homelab';
import type { WorkspaceHost } from './host';
import { readInventory, type Inventory } from './inventory';
import type { NixEvalSession, NixFileAnalysis, NixLayer, NixReadHost } from './nixAdapter';
import { realNixLayer } from './nixBinding';
import { makeProfile, profileNameOf, type Profile } from './profiles';
import { scanSettingReads, type SettingRead } from './settingReads';
import { withDefaults, type HomelabSettings } from './settings';
import { ignoredFiles } from './ignore';
import { listedNames, readListing, type Listing } from './listing';
import { isUnder, joinUri, normalizeUri } from './uri';
import { FleetDiscovery } from './machines/fleet';
import type { Discovery } from './machines/discover';
import type { OptionIndex } from './options/optionIndex';
import { OptionScopes } from './options/scopes';
import { pipeFeatureInNix, pipeFeatureInNixConf, type PipeFeatureSource } from './pipeOperators';
import { ProxmoxLiveStore, type FolderLiveState, type LiveHostState } from './proxmoxLive';
import { sameOutcome, type NixEvalOutcome } from './machines/fromNixEval';
import { buildHomelab, type HomelabSources } from './buildHomelab';
import { Engine, Input, defineQuery, type QueryDef } from './query/engine';
import { homelabPartEquals, homelabView, type HomelabCore } from './query/homelabParts';
import type { AddressIndex } from './addresses';
import { deepEqual, sameArray } from './query/equal';
import type { Catalog } from './catalog';

/** What is known of a file without reading it: a change of text inside the limit leaves it equal. */
interface FileFacts {
  exists: boolean;
  tooLarge: boolean;
}

interface Folder {
  root: string;
  settings: HomelabSettings;
  /** Files changed since the homelab was last built (see homelabAround). */
  changedSinceBuild: Set<string>;
}

type Q<V> = QueryDef<V, Workspace>;

/** The model's derived queries (memoised per key: a file's URI, or a folder's root). */
interface ModelQueries {
  yaml: Q<YamlParseResult | undefined>;
  parse: Q<NixFileAnalysis | undefined>;
  inventory: Q<Inventory>;
  reads: Q<SettingRead[]>;
  pipe: Q<PipeFeatureSource | undefined>;
  json: Q<unknown>;
  evaluate: Q<Profile>;
  discovery: Q<Discovery>;
  core: Q<HomelabCore | undefined>;
  /** One part of a folder's homelab, keyed `root\0field`. */
  part: Q<unknown>;
  catalog: Q<{ sources: unknown[]; catalog: Catalog }>;
  addresses: Q<AddressIndex>;
  homelab: Q<Homelab | undefined>;
}

export class Workspace {
  readonly docs: DocumentStore;
  private readonly folders = new Map<string, Folder>();
  private readonly discovery = new FleetDiscovery();
  private options: OptionScopes | undefined;
  private readonly live = new ProxmoxLiveStore();
  /** What `nix eval` last said per folder root (set from outside the model: it never runs Nix itself). */
  private readonly evaluated = new Map<string, NixEvalOutcome>();
  /** The evaluator session of one revision: files do not change within it, so evaluations share what they import. */
  private session: { revision: number; value: NixEvalSession | undefined } | undefined;

  /** The queries and their memos (see query/engine.ts); `recomputations()` is read by the count tests. */
  readonly engine: Engine<Workspace>;
  private readonly textIn: Input<string | undefined>;
  private readonly factsIn: Input<FileFacts>;
  private readonly stampIn: Input<number>;
  private readonly openIn: Input<string[]>;
  private readonly listingIn: Input<Listing>;
  private readonly settingsIn: Input<HomelabSettings | undefined>;
  private readonly rootsIn: Input<string[]>;
  private readonly optionsIn: Input<OptionScopes | undefined>;
  private readonly liveIn: Input<FolderLiveState | undefined>;
  private readonly nixEvalIn: Input<NixEvalOutcome | undefined>;
  private readonly q: ModelQueries;

  /**
   * Where a bug inside the model or a rule is told (a rule that throws is
   * skipped so the others still report, but never silently). The server
   * sends it to the client's log; the CLI and tests write it to stderr.
   */
  logInternalError: (what: string, error: unknown) => void = (what, error) => {
    process.stderr.write(`homelab: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  };

  /** The NixOS / Home Manager / workspace options, when indexes are loaded (built off the main thread); the scopes pick a file's. */
  get optionIndex(): OptionScopes | undefined {
    return this.engine.input(this.optionsIn, '');
  }

  /** New indexes: the rules that judge options against them run again. One index stands for every file (tests). */
  setOptionIndex(index: OptionScopes | OptionIndex | undefined): void {
    this.options = index && OptionScopes.from(index);
    this.optionsIn.invalidate('');
  }

  /** What Proxmox last said about the folder's Proxmox hosts (in memory only; see proxmoxLive.ts). */
  proxmoxLiveFor(rootUri: string): FolderLiveState | undefined {
    const f = this.liveFolder(rootUri);
    return f ? this.engine.input(this.liveIn, f.root) : undefined;
  }

  /** A new live state for the folder holding `folderUri`: its drift rules run again (the homelab holds none). False when nothing changed. */
  setProxmoxLive(folderUri: string, hosts: readonly LiveHostState[]): boolean {
    const f = this.liveFolder(folderUri);
    if (!f || !this.live.set(f.root, hosts)) return false;
    this.liveIn.invalidate(f.root);
    return true;
  }

  /** A new outcome of `nix eval` for the folder holding `folderUri`: its homelab is rebuilt. False when nothing changed. */
  setNixEval(folderUri: string, outcome: NixEvalOutcome | undefined): boolean {
    const f = this.liveFolder(folderUri);
    if (!f || sameOutcome(this.evaluated.get(f.root), outcome)) return false;
    if (outcome) this.evaluated.set(f.root, outcome);
    else this.evaluated.delete(f.root);
    this.nixEvalIn.invalidate(f.root);
    return true;
  }

  private liveFolder(uri: string): Folder | undefined {
    const u = normalizeUri(uri).replace(/\/$/, '');
    return this.folders.get(u) ?? this.folderOf(u);
  }

  constructor(
    readonly host: WorkspaceHost,
    private readonly nixLayer: NixLayer = realNixLayer,
  ) {
    this.docs = new DocumentStore(host);
    const e = (this.engine = new Engine<Workspace>(this));
    this.textIn = new Input(e, 'text', (u) => this.docs.text(u));
    this.factsIn = new Input(e, 'facts', (u) => this.readFacts(u), (a, b) => a.exists === b.exists && a.tooLarge === b.tooLarge);
    this.stampIn = new Input(e, 'stamp', (u) => this.docs.stamp(u));
    this.openIn = new Input(e, 'open', () => this.docs.openUris().sort(), (a, b) => a.length === b.length && a.every((x, i) => x === b[i]));
    this.listingIn = new Input(e, 'listing', (root) => {
      const f = this.folders.get(root);
      return f ? readListing(this.host, f.root, f.settings.exclude, (u) => this.docs.text(u)) : { files: [], gitIgnored: () => false };
    });
    this.settingsIn = new Input(e, 'settings', (root) => this.folders.get(root)?.settings);
    this.rootsIn = new Input(e, 'roots', () => [...this.folders.keys()], (a, b) => a.length === b.length && a.every((x, i) => x === b[i]));
    this.optionsIn = new Input(e, 'options', () => this.options);
    this.liveIn = new Input(e, 'live', (root) => this.live.get(root));
    this.nixEvalIn = new Input(e, 'nixEval', (root) => this.evaluated.get(root));
    this.q = this.defineQueries();
  }

  /** Every derived query of the model, memoised in this workspace's engine. */
  private defineQueries(): ModelQueries {
    const sameAnalysis = (a: NixFileAnalysis | undefined, b: NixFileAnalysis | undefined): boolean =>
      a === b || (a !== undefined && b !== undefined && a.syntaxKey !== undefined && a.syntaxKey === b.syntaxKey && a.unparseable === b.unparseable);
    const yaml = defineQuery<YamlParseResult | undefined, Workspace>('yaml', (r, uri) => {
      const text = this.text(uri);
      return text === undefined || this.tooLarge(uri) ? undefined : parseYaml(text, uri);
    });
    const parse = defineQuery<NixFileAnalysis | undefined, Workspace>(
      'parse',
      (r, uri) => {
        const text = this.text(uri);
        if (text === undefined || this.tooLarge(uri)) return undefined;
        try {
          return this.nixLayer.analyze(text, uri);
        } catch (e) {
          return { diagnostics: [{ rule: 'nix-syntax', span: { start: 0, end: 0 }, message: `internal error reading this file: ${String(e)}` }] };
        }
      },
      sameAnalysis,
    );
    return {
      yaml,
      parse,
      inventory: defineQuery<Inventory, Workspace>('inventory', (r, uri) => readInventory(uri, r.query(yaml, uri)?.value)),
      /** Depends on the code only (the parse's syntax key): a comment typed changes nothing here. */
      reads: defineQuery<SettingRead[], Workspace>('settingReads', (r, uri) => {
        if (!this.codeOf(uri)) return [];
        const text = this.engine.untracked(() => this.docs.text(uri));
        return text === undefined || text.includes('\0') ? [] : scanSettingReads(text, uri);
      }),
      pipe: defineQuery<PipeFeatureSource | undefined, Workspace>('pipeFeature', (r, uri) => {
        if (uri.endsWith('.nix')) {
          if (!this.codeOf(uri)) return undefined;
          const text = this.engine.untracked(() => this.docs.text(uri));
          return text === undefined ? undefined : pipeFeatureInNix(uri, text);
        }
        const text = this.tooLarge(uri) ? undefined : this.text(uri);
        return text === undefined ? undefined : pipeFeatureInNixConf(uri, text);
      }),
      json: defineQuery<unknown, Workspace>('json', (r, uri) => {
        try {
          const t = this.text(uri);
          return t === undefined ? undefined : JSON.parse(t);
        } catch {
          return undefined;
        }
      }),
      evaluate: defineQuery<Profile, Workspace>('evaluate', (r, uri) => this.computeEvaluation(uri)),
      discovery: defineQuery<Discovery, Workspace>('discovery', (r, root) => this.computeDiscovery(root)),
      core: defineQuery<HomelabCore | undefined, Workspace>('homelabCore', (r, root) => {
        const f = this.folders.get(root);
        this.engine.input(this.settingsIn, root);
        if (!f) return undefined;
        f.changedSinceBuild.clear();
        return buildHomelab(f.root, f.settings, this.homelabSources(f));
      }),
      part: defineQuery<unknown, Workspace>(
        'homelabPart',
        (r, key) => {
          const [root, field] = key.split('\0');
          const core = r.query(this.q.core, root) as Record<string, unknown> | undefined;
          return core?.[field];
        },
        homelabPartEquals,
      ),
      /** The catalog, rebuilt only when its own sources changed (defaults, modules' reads, schemas), not on a profile's edit. */
      catalog: defineQuery<{ sources: unknown[]; catalog: Catalog }, Workspace>(
        'catalog',
        (r, root) => {
          const view = this.homelabView(root);
          const s = view.settings;
          const profiles = view.profiles;
          const defaultsUri = view.defaultsUri;
          const defaults = defaultsUri ? { value: this.evaluate(defaultsUri).value, text: this.text(defaultsUri) } : undefined;
          // Reads inside profiles (e.g. `base.systemSettings.x ++ [...]`) do not make a setting "used".
          const readLists = view.nixFiles.filter((u) => !profiles.has(u)).map((u) => this.settingReads(u));
          const schemas = s.schemas.map((p) => this.jsonFile(joinUri(root, p)));
          const sources = [defaults?.value, defaults?.text, ...readLists, ...schemas];
          return { sources, catalog: catalogOf(defaults, readLists.flat(), schemas) };
        },
        (a, b) => sameArray(a.sources, b.sources),
      ),
      addresses: defineQuery<AddressIndex, Workspace>('addresses', (r, root) => buildAddressIndex(this.homelabView(root)), addressesEqual),
      homelab: defineQuery<Homelab | undefined, Workspace>('homelab', (r, root) => {
        const core = r.query(this.q.core, root);
        return core ? { ...core, catalog: r.query(this.q.catalog, root).catalog, addresses: r.query(this.q.addresses, root) } : undefined;
      }),
    };
  }

  /**
   * The homelab of a folder as a view whose parts are read one by one, each
   * as a query: a rule computed through it depends only on the parts it read
   * (a rule that reads the inventory is not re-run for a profile's edit).
   */
  homelabView(rootUri: string): Homelab {
    const root = normalizeUri(rootUri).replace(/\/$/, '');
    return homelabView((field) =>
      field === 'addresses' ? this.engine.query(this.q.addresses, root) : field === 'catalog' ? this.engine.query(this.q.catalog, root).catalog : this.engine.query(this.q.part, `${root}\0${field}`),
    );
  }

  /** Increments on every change; lets callers cache results per generation (the engine's revision). */
  get generation(): number {
    return this.engine.revision;
  }

  addFolder(rootUri: string, settings?: Partial<HomelabSettings>): void {
    const root = normalizeUri(rootUri).replace(/\/$/, '');
    this.folders.set(root, { root, settings: withDefaults(settings), changedSinceBuild: new Set() });
    this.rootsIn.invalidate('');
    this.settingsIn.invalidate(root);
    this.listingIn.invalidate(root);
    this.factsIn.invalidateAll(); // the size limit is the folder's
  }

  removeFolder(rootUri: string): void {
    const root = normalizeUri(rootUri).replace(/\/$/, '');
    this.folders.delete(root);
    this.live.delete(root);
    this.rootsIn.invalidate('');
    this.settingsIn.invalidate(root);
    this.liveIn.invalidate(root);
    this.factsIn.invalidateAll();
  }

  setSettings(rootUri: string, settings: Partial<HomelabSettings>): void {
    const f = this.folders.get(normalizeUri(rootUri).replace(/\/$/, ''));
    if (!f) return;
    f.settings = withDefaults(settings);
    this.settingsIn.invalidate(f.root);
    this.listingIn.invalidate(f.root); // `exclude` decides the listing
    this.factsIn.invalidateAll(); // and `maxFileSize` what is too large
  }

  folderRoots(): string[] {
    return [...this.engine.input(this.rootsIn, '')];
  }

  settingsFor(uri: string): HomelabSettings {
    const f = this.folderOf(uri);
    return (f && this.engine.input(this.settingsIn, f.root)) ?? withDefaults(undefined);
  }

  setDocument(uri: string, text: string, version: number): void {
    const u = normalizeUri(uri);
    const isNew = !this.docs.exists(u);
    const wasOpen = this.docs.isOpen(u);
    if (this.docs.setDocument(u, text, version) || isNew) {
      if (isNew) this.forgetListing(u);
      this.noteChange(u);
    }
    if (!wasOpen) this.openIn.invalidate('');
  }

  closeDocument(uri: string): void {
    this.docs.closeDocument(normalizeUri(uri));
    this.forgetListing(normalizeUri(uri));
    this.noteChange(normalizeUri(uri));
    this.openIn.invalidate('');
  }

  /** A file event for a closed file (created, changed or deleted on disk). */
  fileChanged(uri: string, kind: 'created' | 'changed' | 'deleted' = 'changed'): void {
    const u = normalizeUri(uri);
    this.docs.fileChanged(u);
    if (kind !== 'changed') this.forgetListing(u);
    this.noteChange(u);
  }

  /** Everything under a folder may have changed on disk (a file watcher overflowed): read it afresh. */
  rescanFolder(rootUri: string): void {
    const f = this.folders.get(normalizeUri(rootUri).replace(/\/$/, ''));
    if (!f) return;
    for (const u of this.engine.untracked(() => this.listingOf(f.root).files)) this.docs.fileChanged(u);
    this.textIn.invalidateAll();
    this.factsIn.invalidateAll();
    this.stampIn.invalidateAll();
    this.listingIn.invalidate(f.root);
  }

  private noteChange(uri: string): void {
    if (uri.endsWith('/.gitignore')) this.forgetListing(uri);
    this.folderOf(uri)?.changedSinceBuild.add(uri);
    this.textIn.invalidate(uri);
    this.factsIn.invalidate(uri);
    this.stampIn.invalidate(uri);
  }

  private forgetListing(uri: string): void {
    const f = this.folderOf(uri);
    if (f) this.listingIn.invalidate(f.root);
  }

  private folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const root of this.engine.input(this.rootsIn, '')) {
      const f = this.folders.get(root);
      if (f && isUnder(f.root, uri) && (!best || f.root.length > best.root.length)) best = f;
    }
    return best;
  }

  text(uri: string): string | undefined {
    return this.engine.input(this.textIn, uri);
  }

  /** Whether a file exists (open, or on disk). */
  exists(uri: string): boolean {
    return this.engine.input(this.factsIn, uri).exists;
  }

  /** Whether a file is over the size limit (then it is not parsed). */
  tooLarge(uri: string): boolean {
    return this.engine.input(this.factsIn, uri).tooLarge;
  }

  private readFacts(uri: string): FileFacts {
    const size = this.docs.size(uri);
    const f = this.folderOf(uri);
    const limit = (f ? f.settings : withDefaults(undefined)).maxFileSize;
    return { exists: this.docs.exists(uri), tooLarge: size !== undefined && size > limit };
  }

  /** The code of a file (its parse, whose equality is its syntax key): true when there is code to read. */
  private codeOf(uri: string): boolean {
    return this.engine.query(this.q.parse, uri) !== undefined;
  }

  /** The typed inventory read from its YAML. */
  private inventoryOf(uri: string): Inventory {
    return this.engine.query(this.q.inventory, uri);
  }

  /** The YAML parse of a document. */
  yaml(uri: string): YamlParseResult | undefined {
    return this.engine.query(this.q.yaml, uri);
  }

  /** Syntax, scope and encryption findings of a Nix file. */
  nixAnalysis(uri: string): NixFileAnalysis | undefined {
    return this.engine.query(this.q.parse, uri);
  }

  /** Where a file turns on Nix's `pipe-operators`. */
  private pipeFeature(uri: string): PipeFeatureSource | undefined {
    return this.engine.query(this.q.pipe, uri);
  }

  /** Setting reads of a Nix file. */
  settingReads(uri: string): SettingRead[] {
    return this.engine.query(this.q.reads, uri);
  }

  /** The evaluated profile at `uri`; re-evaluated only when the code of a file it read changed. */
  evaluate(uri: string): Profile {
    return this.engine.query(this.q.evaluate, normalizeUri(uri));
  }

  private sessionNow(): NixEvalSession | undefined {
    const revision = this.engine.revision;
    if (this.session?.revision !== revision) this.session = { revision, value: this.nixLayer.session?.(this.evalHost()) };
    return this.session.value;
  }

  private computeEvaluation(uri: string): Profile {
    const read = new Set<string>([uri]);
    let value;
    const large = this.tooLarge(uri);
    try {
      const shared = large ? undefined : this.sessionNow();
      if (large) value = undefined;
      else if (shared) {
        const r = this.engine.untracked(() => shared.evaluate(uri));
        value = r.value;
        for (const d of r.deps) read.add(normalizeUri(d));
      } else {
        const host = {
          readText: (u: string): string | undefined => {
            const n = normalizeUri(u);
            read.add(n);
            return this.tooLarge(n) ? undefined : this.docs.text(n);
          },
        };
        value = this.engine.untracked(() => this.nixLayer.evaluate(uri, host));
      }
    } catch {
      value = undefined; // the evaluator must not throw; a bug there must not take the model down
    }
    // What the value depends on: the code of every file read (not its comments), whether it exists and fits.
    for (const d of read) {
      if (!this.exists(d) || this.tooLarge(d)) continue;
      if (d.endsWith('.nix')) this.codeOf(d);
      else this.text(d);
    }
    return makeProfile(uri, value, [...read]);
  }

  /** How the Nix layer reads files: open documents first, nothing over the size limit. */
  private evalHost(): NixReadHost {
    return {
      readText: (u: string): string | undefined => {
        const n = normalizeUri(u);
        return this.tooLarge(n) ? undefined : this.docs.text(n);
      },
    };
  }

  /** Discovery reads through tracked inputs, so the query depends on every file it read. */
  private computeDiscovery(root: string): Discovery {
    const listing = this.listingOf(root).files;
    return this.discovery.discover({
      root,
      listing,
      exists: (u) => this.exists(u),
      stamp: (u) => this.engine.input(this.stampIn, u),
      readHost: { readText: (u) => (this.tooLarge(normalizeUri(u)) ? undefined : this.text(normalizeUri(u))) },
      nixLayer: this.nixLayer,
      evaluate: (u) => {
        const p = this.evaluate(u);
        return { value: p.value, deps: p.deps };
      },
    });
  }

  /**
   * Whether git ignores (or `homelab.exclude` names) everything under a
   * folder of the workspace folder `rootUri`, for a watcher that leaves such
   * folders alone. The trailing slash lets directory patterns (`result/`) match.
   */
  ignoredFolders(rootUri: string): (folderUri: string) => boolean {
    const f = this.folders.get(normalizeUri(rootUri).replace(/\/$/, ''));
    if (!f) return () => false;
    const ignored = ignoredFiles(f.root, this.listingOf(f.root).files, (u) => this.docs.text(u), f.settings.exclude);
    return (folderUri) => ignored(`${normalizeUri(folderUri).replace(/\/$/, '')}/`);
  }

  /** The folder's files, less what git ignores and `homelab.exclude` names. */
  private listingOf(root: string): Listing {
    return this.engine.input(this.listingIn, root);
  }

  /** Whether the `.gitignore` files of the file's folder match it (a `secrets.nix` each user makes from a committed template). */
  gitIgnored(uri: string): boolean {
    const f = this.folderOf(normalizeUri(uri));
    if (!f) return false;
    return this.listingOf(f.root).gitIgnored(normalizeUri(uri));
  }

  private jsonFile(uri: string): unknown {
    return this.engine.query(this.q.json, uri);
  }

  /** Every homelab of the workspace (folders with an inventory or profiles). */
  homelabs(): Homelab[] {
    return this.folderRoots()
      .map((root) => this.engine.query(this.q.homelab, root))
      .filter((h): h is Homelab => h !== undefined);
  }

  /** The homelab a file belongs to. */
  homelabFor(uri: string): Homelab | undefined {
    const f = this.folderOf(normalizeUri(uri));
    return f ? this.engine.query(this.q.homelab, f.root) : undefined;
  }

  /**
   * The homelab as last built, without rebuilding it for the changes since:
   * for work that must not wait on a rebuild (a keystroke's per-file checks).
   */
  lastBuiltHomelabFor(uri: string): Homelab | undefined {
    const f = this.folderOf(normalizeUri(uri));
    if (!f) return undefined;
    return this.engine.peek(this.q.homelab, f.root) ?? this.engine.query(this.q.homelab, f.root);
  }

  /**
   * The homelab for a request inside `uri` that reads that document's current
   * text itself (completion): when nothing but this profile changed since the
   * last build, that build with the profile evaluated afresh, so a request
   * right after a keystroke does not wait for a whole rebuild.
   */
  homelabAround(uri: string): Homelab | undefined {
    const u = normalizeUri(uri);
    const f = this.folderOf(u);
    if (!f) return undefined;
    const last = this.engine.peek(this.q.homelab, f.root);
    if (last && this.engine.isCurrent(this.q.homelab, f.root)) return last;
    const onlyThis = [...f.changedSinceBuild].every((c) => c === u);
    // Only a profile's own text: its settings are re-read (one file), the rest of
    // the model stands. Defaults, modules and the inventory shape the rest: rebuild.
    if (last && onlyThis && last.profiles.has(u) && u !== last.defaultsUri) return withProfile(last, this.evaluate(u));
    return this.engine.query(this.q.homelab, f.root);
  }

  /** What the homelab build reads, each a tracked input or query of this workspace. */
  private homelabSources(f: Folder): HomelabSources {
    return {
      files: () => [...new Set([...this.listingOf(f.root).files, ...this.engine.input(this.openIn, '').filter((u) => isUnder(f.root, u))])].sort(),
      exists: (u) => this.exists(u),
      text: (u) => this.text(u),
      code: (u) => (this.codeOf(u) ? this.engine.untracked(() => this.docs.text(u)) : undefined),
      evaluate: (u) => this.evaluate(u),
      inventory: (u) => this.inventoryOf(u),
      settingReads: (u) => this.settingReads(u),
      pipeFeature: (u) => this.pipeFeature(u),
      discovery: () => this.engine.query(this.q.discovery, f.root),
      nixEval: () => this.engine.input(this.nixEvalIn, f.root),
      mayExist: () => listedNames(this.listingOf(f.root).files, new Set(this.engine.input(this.openIn, ''))),
    };
  }
}

/** Address indexes with the same places and networks (an edit that moved no address leaves the rules that read them alone). */
function addressesEqual(a: AddressIndex, b: AddressIndex): boolean {
  return deepEqual(a.places, b.places) && deepEqual(a.networks, b.networks);
}

export { profileNameOf };
