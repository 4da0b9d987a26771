// The workspace model: folders (each a homelab when it has an inventory or
// profiles), documents (open ones override the disk), and derived data as
// queries (query/engine.ts) owned by this instance: file texts, facts, folder
// listings and settings are inputs; parses, evaluations, discovery, each
// folder's homelab, its parts and its address index are queries, so a change
// re-derives only what read it, per folder, and stops where a result is equal.
import { DocumentStore } from './documents';
import { withProfile, type Homelab } from './homelab';
import type { WorkspaceHost } from './host';
import type { NixFileAnalysis, NixLayer } from './nixAdapter';
import { realNixLayer } from './nixBinding';
import { profileNameOf, type Profile } from './profiles';
import type { SettingRead } from './settingReads';
import { withDefaults, type HomelabSettings } from './settings';
import { directoryEntries, ignoredFolderTest, readListing, type Listing } from './listing';
import { isUnder, joinUri, normalizeUri } from './uri';
import { folderLayout, holdsHomelab, inventoryOf } from './buildHomelab';
import { homelabBeforeBuild } from './homelabBeforeBuild';
import { FleetDiscovery } from './machines/fleet';
import type { OptionIndex } from './options/optionIndex';
import { OptionScopes } from './options/scopes';
import { ProxmoxLiveStore, type FolderLiveState, type LiveHostState } from './proxmoxLive';
import { sameOutcome, type NixEvalOutcome } from './machines/fromNixEval';
import { Engine } from './query/engine';
import { modelInputs, type FileFacts, type ModelInputs } from './modelInputs';
import { homelabView } from './query/homelabParts';
import { defineModelQueries, discoveryContext, type ModelQueries, type ModelReads, type ProfileKeys } from './modelQueries';
import type { EarlyMachine } from './machines/namesFirst';
import { ProfileEvaluator } from './profileEvaluation';
import type { YamlParseResult } from '../syntax/yaml';

interface Folder {
  root: string;
  settings: HomelabSettings;
  /** Files changed since the homelab was last built (see homelabAround). */
  changedSinceBuild: Set<string>;
}

export class Workspace {
  readonly docs: DocumentStore;
  private readonly folders = new Map<string, Folder>();
  private readonly discovery = new FleetDiscovery();
  private options: OptionScopes | undefined;
  private readonly live = new ProxmoxLiveStore();
  /** What `nix eval` last said per folder root (set from outside the model: it never runs Nix itself). */
  private readonly evaluated = new Map<string, NixEvalOutcome>();
  private readonly evaluator: ProfileEvaluator;

  /** The queries and their memos (see query/engine.ts); `recomputations()` is read by the count tests. */
  readonly engine: Engine<Workspace>;
  private readonly in: ModelInputs;
  private readonly q: ModelQueries;
  private readonly reads: ModelReads;

  /** What higher layers keep per workspace (see `own`). */
  private readonly owned = new Map<symbol, unknown>();

  /**
   * State a higher layer keeps for this workspace (the checks' memory of
   * their last findings), made on first use: it lives and dies with the
   * workspace, so no module of the checks holds state of its own.
   */
  own<T>(key: symbol, create: () => T): T {
    if (!this.owned.has(key)) this.owned.set(key, create());
    return this.owned.get(key) as T;
  }

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
    return this.engine.input(this.in.options, '');
  }

  /** New indexes: the rules that judge options against them run again. One index stands for every file (tests). */
  setOptionIndex(index: OptionScopes | OptionIndex | undefined): void {
    this.options = index && OptionScopes.from(index);
    this.in.options.invalidate('');
  }

  /** What Proxmox last said about the folder's Proxmox hosts (in memory only; see proxmoxLive.ts). */
  proxmoxLiveFor(rootUri: string): FolderLiveState | undefined {
    const f = this.liveFolder(rootUri);
    return f ? this.engine.input(this.in.live, f.root) : undefined;
  }

  /** A new live state for the folder holding `folderUri`: its drift rules run again (the homelab holds none). False when nothing changed. */
  setProxmoxLive(folderUri: string, hosts: readonly LiveHostState[]): boolean {
    const f = this.liveFolder(folderUri);
    if (!f || !this.live.set(f.root, hosts)) return false;
    this.in.live.invalidate(f.root);
    return true;
  }

  /** A new outcome of `nix eval` for the folder holding `folderUri`: its homelab is rebuilt. False when nothing changed. */
  setNixEval(folderUri: string, outcome: NixEvalOutcome | undefined): boolean {
    const f = this.liveFolder(folderUri);
    if (!f || sameOutcome(this.evaluated.get(f.root), outcome)) return false;
    if (outcome) this.evaluated.set(f.root, outcome);
    else this.evaluated.delete(f.root);
    this.in.nixEval.invalidate(f.root);
    return true;
  }

  private liveFolder(uri: string): Folder | undefined {
    const u = normalizeUri(uri).replace(/\/$/, '');
    return this.folders.get(u) ?? this.folderOf(u);
  }

  constructor(
    readonly host: WorkspaceHost,
    nixLayer: NixLayer = realNixLayer,
  ) {
    this.docs = new DocumentStore(host);
    const e = (this.engine = new Engine<Workspace>(this));
    this.in = modelInputs(e, {
      text: (u) => this.docs.text(u),
      facts: (u) => this.readFacts(u),
      stamp: (u) => this.docs.stamp(u),
      open: () => this.docs.openUris().sort(),
      listing: (root) => {
        const f = this.folders.get(root);
        return f ? readListing(this.host, f.root, f.settings.exclude, (u) => this.docs.text(u)) : { files: [], gitIgnored: () => false };
      },
      settings: (root) => this.folders.get(root)?.settings,
      roots: () => [...this.folders.keys()],
      options: () => this.options,
      live: (root) => this.live.get(root),
      nixEval: (root) => this.evaluated.get(root),
    });
    // One set of reads for the evaluator and the queries (each tracked unless named raw).
    const reads = {
      nixLayer,
      revision: () => e.revision,
      untracked: <T>(f: () => T): T => e.untracked(f),
      rawText: (u: string) => this.docs.text(u),
      text: (u: string) => this.text(u),
      exists: (u: string) => this.exists(u),
      tooLarge: (u: string) => this.tooLarge(u),
      code: (u: string) => void this.codeOf(u),
      hasCode: (u: string) => this.codeOf(u),
      listDir: (u: string) => {
        const f = this.folderOf(u);
        return f ? directoryEntries(this.listingOf(f.root).files, u) : undefined;
      },
    };
    this.evaluator = new ProfileEvaluator(reads);
    this.q = defineModelQueries((this.reads = {
      ...reads,
      evaluate: (u) => this.evaluate(u),
      settingReads: (u) => this.settingReads(u),
      jsonFile: (u) => this.engine.query(this.q.json, u),
      homelabView: (root) => this.homelabView(root),
      computeEvaluation: (u) => this.evaluator.evaluate(u),
      evaluationsDone: () => this.evaluator.release(),
      discoverer: this.discovery,
      exists: (u) => this.exists(u),
      stamp: (u) => this.engine.input(this.in.stamp, u),
      listing: (root) => this.listingOf(root).files,
      openUris: () => this.engine.input(this.in.open, ''),
      nixEval: (root) => this.engine.input(this.in.nixEval, root),
      settings: (root) => this.engine.input(this.in.settings, root),
      lastCore: (root) => this.engine.peek(this.q.core, root),
      folderToBuild: (root) => {
        const f = this.folders.get(root);
        this.engine.input(this.in.settings, root);
        f?.changedSinceBuild.clear(); // the build about to run covers them (see homelabAround)
        return f;
      },
    }));
  }

  /**
   * The homelab of a folder as a view whose parts are read one by one, each
   * as a query: a rule computed through it depends only on the parts it read
   * (a rule that reads the inventory is not re-run for a profile's edit).
   */
  homelabView(rootUri: string): Homelab {
    const root = normalizeUri(rootUri).replace(/\/$/, '');
    return homelabView((field) =>
      field === 'addresses'
        ? this.engine.query(this.q.addresses, root)
        : field === 'declaredAddresses'
          ? this.engine.query(this.q.declared, root)
          : field === 'catalog'
            ? this.engine.query(this.q.catalog, root).catalog
            : this.engine.query(this.q.part, `${root}\0${field}`),
    );
  }

  /** The folder's profile files in the build's order (a tracked read, unchanged by a profile's edit). */
  profileKeys(rootUri: string): ProfileKeys {
    return this.engine.query(this.q.profileKeys, normalizeUri(rootUri).replace(/\/$/, ''));
  }

  /** Increments on every change; lets callers cache results per generation (the engine's revision). */
  get generation(): number {
    return this.engine.revision;
  }

  addFolder(rootUri: string, settings?: Partial<HomelabSettings>): void {
    const root = normalizeUri(rootUri).replace(/\/$/, '');
    this.folders.set(root, { root, settings: withDefaults(settings), changedSinceBuild: new Set() });
    this.in.roots.invalidate('');
    this.in.settings.invalidate(root);
    this.in.listing.invalidate(root);
    this.in.facts.invalidateAll(); // the size limit is the folder's
  }

  removeFolder(rootUri: string): void {
    const root = normalizeUri(rootUri).replace(/\/$/, '');
    this.folders.delete(root);
    this.live.delete(root);
    this.in.roots.invalidate('');
    this.in.settings.invalidate(root);
    this.in.live.invalidate(root);
    this.in.facts.invalidateAll();
  }

  setSettings(rootUri: string, settings: Partial<HomelabSettings>): void {
    const f = this.folders.get(normalizeUri(rootUri).replace(/\/$/, ''));
    if (!f) return;
    f.settings = withDefaults(settings);
    this.in.settings.invalidate(f.root);
    this.in.listing.invalidate(f.root); // `exclude` decides the listing
    this.in.facts.invalidateAll(); // and `maxFileSize` what is too large
  }

  folderRoots(): string[] {
    return [...this.engine.input(this.in.roots, '')];
  }

  settingsFor(uri: string): HomelabSettings {
    const f = this.folderOf(uri);
    return (f && this.engine.input(this.in.settings, f.root)) ?? withDefaults(undefined);
  }

  setDocument(uri: string, text: string, version: number): void {
    const u = normalizeUri(uri);
    const isNew = !this.docs.exists(u);
    const wasOpen = this.docs.isOpen(u);
    if (this.docs.setDocument(u, text, version) || isNew) {
      if (isNew) this.forgetListing(u);
      this.noteChange(u);
    }
    if (!wasOpen) this.in.open.invalidate('');
  }

  closeDocument(uri: string): void {
    this.docs.closeDocument(normalizeUri(uri));
    this.forgetListing(normalizeUri(uri));
    this.noteChange(normalizeUri(uri));
    this.in.open.invalidate('');
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
    this.in.text.invalidateAll();
    this.in.facts.invalidateAll();
    this.in.stamp.invalidateAll();
    this.in.listing.invalidate(f.root);
  }

  private noteChange(uri: string): void {
    if (uri.endsWith('/.gitignore')) this.forgetListing(uri);
    this.folderOf(uri)?.changedSinceBuild.add(uri);
    this.in.text.invalidate(uri);
    this.in.facts.invalidate(uri);
    this.in.stamp.invalidate(uri);
  }

  private forgetListing(uri: string): void {
    const f = this.folderOf(uri);
    if (f) this.in.listing.invalidate(f.root);
  }

  private folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const root of this.engine.input(this.in.roots, '')) {
      const f = this.folders.get(root);
      if (f && isUnder(f.root, uri) && (!best || f.root.length > best.root.length)) best = f;
    }
    return best;
  }

  text(uri: string): string | undefined {
    return this.engine.input(this.in.text, uri);
  }

  /** Whether a file exists (open, or on disk). */
  exists(uri: string): boolean {
    return this.engine.input(this.in.facts, uri).exists;
  }

  /** Whether a file is over the size limit (then it is not parsed). */
  tooLarge(uri: string): boolean {
    return this.engine.input(this.in.facts, uri).tooLarge;
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

  /** The YAML parse of a document. */
  yaml(uri: string): YamlParseResult | undefined {
    return this.engine.query(this.q.yaml, uri);
  }

  /** Syntax, scope and encryption findings of a Nix file. */
  nixAnalysis(uri: string): NixFileAnalysis | undefined {
    return this.engine.query(this.q.parse, uri);
  }

  /** Setting reads of a Nix file. */
  settingReads(uri: string): SettingRead[] {
    return this.engine.query(this.q.reads, uri);
  }

  /** The evaluated profile at `uri`; re-evaluated only when the code of a file it read changed. */
  evaluate(uri: string): Profile {
    return this.engine.query(this.q.evaluate, normalizeUri(uri));
  }

  /**
   * Whether git ignores (or `homelab.exclude` names) everything under a
   * folder of the workspace folder `rootUri`, for a watcher that leaves such
   * folders alone. The trailing slash lets directory patterns (`result/`) match.
   */
  ignoredFolders(rootUri: string): (folderUri: string) => boolean {
    const f = this.folders.get(normalizeUri(rootUri).replace(/\/$/, ''));
    return f ? ignoredFolderTest(f.root, this.listingOf(f.root).files, (u) => this.docs.text(u), f.settings.exclude) : () => false;
  }

  /** The folder's files, less what git ignores and `homelab.exclude` names. */
  private listingOf(root: string): Listing {
    return this.engine.input(this.in.listing, root);
  }

  /** Whether the `.gitignore` files of the file's folder match it (a `secrets.nix` each user makes from a committed template). */
  gitIgnored(uri: string): boolean {
    const f = this.folderOf(normalizeUri(uri));
    if (!f) return false;
    return this.listingOf(f.root).gitIgnored(normalizeUri(uri));
  }

  /** Every homelab of the workspace (folders with an inventory or profiles). */
  homelabs(): Homelab[] {
    return this.folderRoots()
      .map((root) => this.engine.query(this.q.homelab, root))
      .filter((h): h is Homelab => h !== undefined);
  }

  /**
   * `homelabs()` in steps: each folder's homelab brought up to date piece by
   * piece (the files it reads, the build, its catalog and address index; see
   * Engine.prepare), so a caller can pause between them.
   */
  *homelabSteps(): Generator<void, Homelab[]> {
    for (const root of this.folderRoots()) {
      if (this.engine.peek(this.q.homelab, root)) yield* this.engine.prepare(this.q.homelab, root);
      else yield* this.firstBuildSteps(root);
    }
    return this.homelabs();
  }

  /**
   * Before a folder's first build, which has no dependencies to prepare yet:
   * what the build will read, one file at a time (discovery a machine at a
   * time, the catalog, each
   * profile's evaluation, each Nix file's setting reads), so the build itself
   * finds them done and only assembles, in steps too.
   */
  private *firstBuildSteps(root: string): Generator<void, void> {
    const folder = this.folderBeforeBuild(root);
    if (!folder) return;
    const { files } = folder;
    // Discovery first, a machine at a time (the catalog's query reads it whole): its query then finds it done.
    yield* this.discovery.discoverSteps(discoveryContext(this.reads, root));
    this.engine.query(this.q.catalog, root);
    yield;
    // Profiles first, as the build reads them: a profile's evaluation and its parse then share one
    // parse of its text (the parse cache keeps the last few texts only); the setting reads find it done.
    for (const u of this.engine.query(this.q.profileFiles, root)) {
      this.evaluate(u);
      yield;
    }
    for (const u of files) {
      if (!u.endsWith('.nix')) continue;
      this.settingReads(u);
      yield;
    }
    // The build and the address index in their own steps (step queries), not in one piece when the homelab is read.
    yield* this.engine.update(this.q.core, root);
    if (this.engine.query(this.q.core, root)) yield* this.engine.update(this.q.addresses, root);
  }

  /** A folder's settings, files and inventory before its build; undefined where it holds no homelab (as the build decides). */
  private folderBeforeBuild(root: string): { settings: HomelabSettings; files: string[]; inv: ReturnType<typeof inventoryOf> } | undefined {
    const settings = this.engine.input(this.in.settings, root);
    if (!settings) return undefined;
    const files = this.engine.query(this.q.files, root);
    const inv = inventoryOf(root, settings, (x) => this.exists(x));
    return holdsHomelab(inv.exists, files) ? { settings, files, inv } : undefined;
  }

  /**
   * Before the folder's first build (start-up): its machines by name, from
   * its flake's outputs alone, where they are exactly the machines the build
   * will list (machines/namesFirst.ts) and nothing else adds any: no
   * inventory, no profiles by the settings' glob, no deploy list, no `nix
   * eval` outcome. Undefined once built, and wherever only the build knows.
   */
  machinesBeforeBuild(rootUri: string): EarlyMachine[] | undefined {
    const root = normalizeUri(rootUri).replace(/\/$/, '');
    if (!this.folders.has(root) || this.engine.peek(this.q.homelab, root)) return undefined;
    const folder = this.folderBeforeBuild(root);
    if (!folder || folder.inv.exists || this.engine.input(this.in.nixEval, root)) return undefined;
    const { nixFiles, globProfiles, deployListFiles } = folderLayout(root, folder.settings, folder.files);
    if (!nixFiles.length || globProfiles.length || deployListFiles.length) return undefined;
    return this.discovery.machinesBeforeModules(discoveryContext(this.reads, root));
  }

  /** Whether every folder that holds a homelab has had it built (a start-up check past its builds). */
  everyHomelabBuilt(): boolean {
    return this.folderRoots().every((root) => this.engine.peek(this.q.homelab, root) !== undefined || !this.folderBeforeBuild(root));
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
   * Before the homelab of the file's folder was ever built (start-up): what
   * the file's own checks need of it, without evaluating the fleet's profiles
   * (homelabBeforeBuild.ts). Undefined once it was built, and where the folder
   * holds no homelab.
   */
  homelabBeforeBuild(uri: string): Homelab | undefined {
    const u = normalizeUri(uri);
    const f = this.folderOf(u);
    if (!f || this.engine.peek(this.q.homelab, f.root)) return undefined;
    const folder = this.folderBeforeBuild(f.root);
    if (!folder) return undefined;
    const { settings, files, inv } = folder;
    const isProfile = this.engine.query(this.q.profileFiles, f.root).has(u);
    const defaultsFile = joinUri(f.root, settings.defaultsFile);
    return homelabBeforeBuild({
      root: f.root,
      settings,
      files,
      inventoryUri: inv.exists ? inv.uri : undefined,
      inventory: inv.exists && inv.uri ? this.engine.query(this.q.inventory, inv.uri) : undefined,
      defaultsUri: this.exists(defaultsFile) ? defaultsFile : undefined,
      catalog: this.engine.query(this.q.catalog, f.root).catalog,
      profile: isProfile && this.exists(u) ? this.evaluate(u) : undefined,
    });
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
}

export { profileNameOf };
