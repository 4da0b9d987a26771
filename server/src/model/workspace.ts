// The workspace model: folders (each a homelab when it has an inventory or
// profiles), documents (open ones override the disk), and cached derived data.
// Parses are cached per document stamp, evaluations per profile with the stamps
// of every file they read, so a one-file change re-derives only what read it.
import { parseYaml, type YamlParseResult } from '../syntax/yaml';
import { buildAddressIndex } from './addresses';
import { catalogOf } from './catalog';
import { DocumentStore } from './documents';
import { withProfile, type Machine, type Homelab } from './homelab';
import type { WorkspaceHost } from './host';
import { readInventory, type Inventory } from './inventory';
import type { NixEvalSession, NixFileAnalysis, NixLayer, NixReadHost } from './nixAdapter';
import { realNixLayer } from './nixBinding';
import { makeProfile, profileNameOf, type Profile } from './profiles';
import { scanSettingReads, type SettingRead } from './settingReads';
import { withDefaults, type HomelabSettings } from './settings';
import { servicesOf } from './services';
import { matchGlob } from './glob';
import { ignoredFiles } from './ignore';
import { dirnameUri, isUnder, joinUri, normalizeUri, relativeUri } from './uri';
import { FleetDiscovery, joinMachines } from './machines/fleet';
import { joinProfileSet } from './machines/fromProfileSet';
import { deployListFiles, readDeployList } from './deployList';
import type { OptionIndex } from './options/optionIndex';
import { OptionScopes } from './options/scopes';
import { pipeFeatureInNix, pipeFeatureInNixConf, pipeFeatureSource, type PipeFeatureSource } from './pipeOperators';
import { ProxmoxLiveStore, type FolderLiveState, type LiveHostState } from './proxmoxLive';
import { joinNixEval, sameOutcome, type NixEvalOutcome } from './machines/fromNixEval';

interface Cached<T> {
  stamp: number;
  value: T;
}

interface EvalCache {
  deps: Map<string, number>;
  profile: Profile;
}

interface Folder {
  root: string;
  settings: HomelabSettings;
  files?: string[];
  /** What the folder's `.gitignore` files leave out (not `homelab.exclude`): a missing file they name is not a mistake. */
  gitIgnored?: (uri: string) => boolean;
  homelab?: { generation: number; value: Homelab | undefined };
  /** Files changed since `homelab` was built. */
  changedSinceBuild: Set<string>;
}

export class Workspace {
  readonly docs: DocumentStore;
  private readonly folders = new Map<string, Folder>();
  private readonly yamlCache = new Map<string, Cached<YamlParseResult>>();
  private readonly inventoryCache = new Map<string, Cached<Inventory>>();
  private readonly nixCache = new Map<string, Cached<NixFileAnalysis>>();
  private readonly readsCache = new Map<string, Cached<SettingRead[]>>();
  private readonly evalCache = new Map<string, EvalCache>();
  private readonly schemaCache = new Map<string, Cached<unknown>>();
  private readonly pipeCache = new Map<string, Cached<PipeFeatureSource | undefined>>();
  private readonly discovery = new FleetDiscovery();
  private gen = 0;
  private options: OptionScopes | undefined;
  private readonly live = new ProxmoxLiveStore();
  /** What `nix eval` last said per folder root (set from outside the model: it never runs Nix itself). */
  private readonly evaluated = new Map<string, NixEvalOutcome>();

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
    return this.options;
  }

  /** New indexes: the rules that judge options against them run again. One index stands for every file (tests). */
  setOptionIndex(index: OptionScopes | OptionIndex | undefined): void {
    this.options = index && OptionScopes.from(index);
    for (const f of this.folders.values()) f.homelab = undefined;
    this.gen++;
  }

  /** What Proxmox last said about the folder's Proxmox hosts (in memory only; see proxmoxLive.ts). */
  proxmoxLiveFor(rootUri: string): FolderLiveState | undefined {
    const f = this.liveFolder(rootUri);
    return f ? this.live.get(f.root) : undefined;
  }

  /**
   * A new live state for the folder holding `folderUri`: its drift rules run
   * again. The homelab holds no live state, so it is not rebuilt: a copy (a new
   * identity for the rules' caches) stands for it. False when nothing changed.
   */
  setProxmoxLive(folderUri: string, hosts: readonly LiveHostState[]): boolean {
    const f = this.liveFolder(folderUri);
    if (!f || !this.live.set(f.root, hosts)) return false;
    const before = this.gen++;
    for (const g of this.folders.values()) {
      if (g.homelab?.generation !== before) g.homelab = undefined;
      else if (g === f && g.homelab.value) g.homelab = { generation: this.gen, value: { ...g.homelab.value } };
      else g.homelab.generation = this.gen;
    }
    return true;
  }

  /** A new outcome of `nix eval` for the folder holding `folderUri`: its homelab is rebuilt. False when nothing changed. */
  setNixEval(folderUri: string, outcome: NixEvalOutcome | undefined): boolean {
    const f = this.liveFolder(folderUri);
    if (!f || sameOutcome(this.evaluated.get(f.root), outcome)) return false;
    if (outcome) this.evaluated.set(f.root, outcome);
    else this.evaluated.delete(f.root);
    f.homelab = undefined;
    this.gen++;
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
  }

  /** Increments on every change; lets callers cache results per generation. */
  get generation(): number {
    return this.gen;
  }

  addFolder(rootUri: string, settings?: Partial<HomelabSettings>): void {
    const root = normalizeUri(rootUri).replace(/\/$/, '');
    this.folders.set(root, { root, settings: withDefaults(settings), changedSinceBuild: new Set() });
    this.gen++;
  }

  removeFolder(rootUri: string): void {
    this.folders.delete(normalizeUri(rootUri).replace(/\/$/, ''));
    this.live.delete(normalizeUri(rootUri).replace(/\/$/, ''));
    this.gen++;
  }

  setSettings(rootUri: string, settings: Partial<HomelabSettings>): void {
    const f = this.folders.get(normalizeUri(rootUri).replace(/\/$/, ''));
    if (!f) return;
    f.settings = withDefaults(settings);
    f.homelab = undefined;
    f.files = undefined; // `exclude` decides the listing
    this.gen++;
  }

  folderRoots(): string[] {
    return [...this.folders.keys()];
  }

  settingsFor(uri: string): HomelabSettings {
    return this.folderOf(uri)?.settings ?? withDefaults(undefined);
  }

  setDocument(uri: string, text: string, version: number): void {
    const u = normalizeUri(uri);
    const isNew = !this.docs.exists(u);
    if (this.docs.setDocument(u, text, version) || isNew) {
      if (isNew) this.forgetListing(u);
      this.noteChange(u);
    }
  }

  closeDocument(uri: string): void {
    this.docs.closeDocument(normalizeUri(uri));
    this.forgetListing(normalizeUri(uri));
    this.noteChange(normalizeUri(uri));
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
    for (const u of f.files ?? []) this.docs.fileChanged(u);
    f.files = undefined;
    f.homelab = undefined;
    this.gen++;
  }

  private noteChange(uri: string): void {
    if (uri.endsWith('/.gitignore')) this.forgetListing(uri);
    this.folderOf(uri)?.changedSinceBuild.add(uri);
    this.gen++;
  }

  private forgetListing(uri: string): void {
    const f = this.folderOf(uri);
    if (f) f.files = undefined;
  }

  private folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders.values()) if (isUnder(f.root, uri) && (!best || f.root.length > best.root.length)) best = f;
    return best;
  }

  text(uri: string): string | undefined {
    return this.docs.text(uri);
  }

  /** Whether a file is over the size limit (then it is not parsed). */
  tooLarge(uri: string): boolean {
    const size = this.docs.size(uri);
    return size !== undefined && size > this.settingsFor(uri).maxFileSize;
  }

  /** The typed inventory read from its YAML (cached per stamp, like the parse). */
  private inventoryOf(uri: string): Inventory {
    const stamp = this.docs.stamp(uri);
    const c = this.inventoryCache.get(uri);
    if (c && c.stamp === stamp) return c.value;
    const value = readInventory(uri, this.yaml(uri)?.value);
    this.inventoryCache.set(uri, { stamp, value });
    return value;
  }

  /** The YAML parse of a document (cached per stamp). */
  yaml(uri: string): YamlParseResult | undefined {
    const stamp = this.docs.stamp(uri);
    const c = this.yamlCache.get(uri);
    if (c && c.stamp === stamp) return c.value;
    const text = this.docs.text(uri);
    if (text === undefined || this.tooLarge(uri)) return undefined;
    const value = parseYaml(text, uri);
    this.yamlCache.set(uri, { stamp, value });
    return value;
  }

  /** Syntax, scope and encryption findings of a Nix file (cached per stamp). */
  nixAnalysis(uri: string): NixFileAnalysis | undefined {
    const stamp = this.docs.stamp(uri);
    const c = this.nixCache.get(uri);
    if (c && c.stamp === stamp) return c.value;
    const text = this.docs.text(uri);
    if (text === undefined || this.tooLarge(uri)) return undefined;
    let value: NixFileAnalysis;
    try {
      value = this.nixLayer.analyze(text, uri);
    } catch (e) {
      value = { diagnostics: [{ rule: 'nix-syntax', span: { start: 0, end: 0 }, message: `internal error reading this file: ${String(e)}` }] };
    }
    this.nixCache.set(uri, { stamp, value });
    return value;
  }

  /** Where a file turns on Nix's `pipe-operators` (cached per stamp). */
  private pipeFeature(uri: string): PipeFeatureSource | undefined {
    const stamp = this.docs.stamp(uri);
    const c = this.pipeCache.get(uri);
    if (c && c.stamp === stamp) return c.value;
    const text = this.tooLarge(uri) ? undefined : this.docs.text(uri);
    const value = text === undefined ? undefined : uri.endsWith('.nix') ? pipeFeatureInNix(uri, text) : pipeFeatureInNixConf(uri, text);
    this.pipeCache.set(uri, { stamp, value });
    return value;
  }

  /** Setting reads of a Nix file (cached per stamp). */
  settingReads(uri: string): SettingRead[] {
    const stamp = this.docs.stamp(uri);
    const c = this.readsCache.get(uri);
    if (c && c.stamp === stamp) return c.value;
    const text = this.docs.text(uri);
    const value = text === undefined || this.tooLarge(uri) || text.includes('\0') ? [] : scanSettingReads(text, uri);
    this.readsCache.set(uri, { stamp, value });
    return value;
  }

  /**
   * The evaluated profile at `uri`; re-evaluated only when a file it read changed.
   * `session`: shared by the evaluations of one model build (see NixLayer.session).
   */
  evaluate(uri: string, session?: NixEvalSession): Profile {
    const c = this.evalCache.get(uri);
    if (c && [...c.deps].every(([u, s]) => this.docs.stamp(u) === s)) return c.profile;
    const deps = new Map<string, number>();
    deps.set(uri, this.docs.stamp(uri));
    let value;
    try {
      const shared = session ?? this.nixLayer.session?.(this.evalHost());
      if (this.tooLarge(uri)) value = undefined;
      else if (shared) {
        const r = shared.evaluate(uri);
        value = r.value;
        for (const d of r.deps) deps.set(normalizeUri(d), this.docs.stamp(normalizeUri(d)));
      } else {
        const host = {
          readText: (u: string): string | undefined => {
            const n = normalizeUri(u);
            deps.set(n, this.docs.stamp(n));
            return this.tooLarge(n) ? undefined : this.docs.text(n);
          },
        };
        value = this.nixLayer.evaluate(uri, host);
      }
    } catch {
      value = undefined; // the evaluator must not throw; a bug there must not take the model down
    }
    // The file's checks parse the same text: do it now, while its parse is in the shared parse cache.
    this.nixAnalysis(uri);
    const profile = makeProfile(uri, value, [...deps.keys()]);
    this.evalCache.set(uri, { deps, profile });
    return profile;
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

  /**
   * Whether git ignores (or `homelab.exclude` names) everything under a
   * folder of the workspace folder `rootUri`, for a watcher that leaves such
   * folders alone. The trailing slash lets directory patterns (`result/`) match.
   */
  ignoredFolders(rootUri: string): (folderUri: string) => boolean {
    const f = this.folders.get(normalizeUri(rootUri).replace(/\/$/, ''));
    if (!f) return () => false;
    const ignored = ignoredFiles(f.root, this.listing(f), (u) => this.docs.text(u), f.settings.exclude);
    return (folderUri) => ignored(`${normalizeUri(folderUri).replace(/\/$/, '')}/`);
  }

  /** The folder's files, less what git ignores and `homelab.exclude` names. */
  private listing(f: Folder): string[] {
    if (!f.files) {
      const all = [...new Set(this.host.listFiles(f.root))].sort();
      const ignored = ignoredFiles(f.root, all, (u) => this.docs.text(u), f.settings.exclude);
      f.files = all.filter((u) => !ignored(u));
      f.gitIgnored = ignoredFiles(f.root, all, (u) => this.docs.text(u), []);
    }
    return f.files;
  }

  /** Whether the `.gitignore` files of the file's folder match it (a `secrets.nix` each user makes from a committed template). */
  gitIgnored(uri: string): boolean {
    const f = this.folderOf(normalizeUri(uri));
    if (!f) return false;
    this.listing(f);
    return f.gitIgnored?.(normalizeUri(uri)) ?? false;
  }

  /**
   * Whether a file may exist, answered from the folder's listing where it
   * covers the file's directory (it lists a directory whole or not at all):
   * an inventory of 100,000 containers without profiles cost one stat each,
   * seconds in all. Names compare without case, and a yes is confirmed by a
   * stat, so a case-insensitive disk finds what it found before.
   */
  private listedNames(f: Folder): (uri: string) => boolean {
    const byDir = new Map<string, Set<string>>();
    for (const u of this.listing(f)) {
      const dir = dirnameUri(u);
      let names = byDir.get(dir);
      if (!names) byDir.set(dir, (names = new Set()));
      names.add(u.slice(dir.length + 1).toLowerCase());
    }
    return (uri) => {
      const dir = dirnameUri(uri);
      const names = byDir.get(dir);
      return names === undefined || names.has(uri.slice(dir.length + 1).toLowerCase()) || this.docs.isOpen(uri);
    };
  }

  private jsonFile(uri: string): unknown {
    const stamp = this.docs.stamp(uri);
    const c = this.schemaCache.get(uri);
    if (c && c.stamp === stamp) return c.value;
    let value: unknown;
    try {
      const t = this.docs.text(uri);
      value = t === undefined ? undefined : JSON.parse(t);
    } catch {
      value = undefined;
    }
    this.schemaCache.set(uri, { stamp, value });
    return value;
  }

  /** Every homelab of the workspace (folders with an inventory or profiles). */
  homelabs(): Homelab[] {
    return [...this.folders.values()].map((f) => this.homelabOfFolder(f)).filter((h): h is Homelab => h !== undefined);
  }

  /** The homelab a file belongs to. */
  homelabFor(uri: string): Homelab | undefined {
    const f = this.folderOf(normalizeUri(uri));
    return f ? this.homelabOfFolder(f) : undefined;
  }

  /**
   * The homelab as last built, without rebuilding it for the changes since:
   * for work that must not wait on a rebuild (a keystroke's per-file checks).
   */
  lastBuiltHomelabFor(uri: string): Homelab | undefined {
    const f = this.folderOf(normalizeUri(uri));
    if (!f) return undefined;
    return f.homelab?.value ?? this.homelabOfFolder(f);
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
    const last = f.homelab?.value;
    const onlyThis = [...f.changedSinceBuild].every((c) => c === u);
    // Only a profile's own text: its settings are re-read (one file), the rest of
    // the model stands. Defaults, modules and the inventory shape the rest: rebuild.
    if (last && onlyThis && last.profiles.has(u) && u !== last.defaultsUri) return withProfile(last, this.evaluate(u));
    return this.homelabOfFolder(f);
  }

  private homelabOfFolder(f: Folder): Homelab | undefined {
    if (f.homelab && f.homelab.generation === this.gen) return f.homelab.value;
    f.changedSinceBuild.clear();
    const value = this.buildHomelab(f);
    f.homelab = { generation: this.gen, value };
    return value;
  }

  private buildHomelab(f: Folder): Homelab | undefined {
    const s = f.settings;
    const files = [...new Set([...this.listing(f), ...this.docs.openUris().filter((u) => isUnder(f.root, u))])].sort();
    const rel = (u: string): string => relativeUri(f.root, u);
    const inventoryUri = s.inventory
      ? joinUri(f.root, s.inventory)
      : ['homelab.yaml', 'homelab.yml'].map((n) => joinUri(f.root, n)).find((u) => this.docs.exists(u));
    const hasInventory = inventoryUri !== undefined && this.docs.exists(inventoryUri);
    const profileUris = files.filter((u) => u.endsWith('.nix') && matchGlob(s.profiles, rel(u)));
    const nixFiles = files.filter((u) => u.endsWith('.nix'));
    // Any folder with Nix files is checked (syntax, scopes, imports), homelab or not.
    if (!hasInventory && nixFiles.length === 0) return undefined;

    const inventory = hasInventory && inventoryUri ? this.inventoryOf(inventoryUri) : undefined;
    const invDir = inventoryUri ? dirnameUri(inventoryUri) : f.root;

    const profiles = new Map<string, Profile>();
    // Files do not change during a build: its evaluations share what they import.
    const session = this.nixLayer.session?.(this.evalHost());
    const profileAt = (u: string): Profile | undefined => {
      if (!this.docs.exists(u)) return undefined;
      let p = profiles.get(u);
      if (!p) {
        p = this.evaluate(u, session);
        profiles.set(u, p);
      }
      return p;
    };
    for (const u of profileUris) profileAt(u);

    const machines = new Map<string, Machine>();
    if (inventory) {
      const mayExist = this.listedNames(f);
      for (const d of inventory.containers.values()) {
        const explicit = d.profile ? joinUri(invDir, d.profile.value) : undefined;
        const implicit = joinUri(invDir, `profiles/${d.name}-config.nix`);
        const profileUri = explicit ?? (mayExist(implicit) && this.docs.exists(implicit) ? implicit : undefined);
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
        if (!p || !this.declaresMachine(p)) continue;
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

    const discovery = this.discovery.discover({
      root: f.root,
      listing: this.listing(f),
      exists: (u) => this.docs.exists(u),
      stamp: (u) => this.docs.stamp(u),
      readHost: this.evalHost(),
      nixLayer: this.nixLayer,
      evaluate: (u) => {
        const p = this.evaluate(u, session);
        return { value: p.value, deps: p.deps };
      },
    });
    joinMachines(machines, discovery);
    const nixEval = joinNixEval(machines, discovery, this.evaluated.get(f.root), f.root);
    const baseProfiles = discovery.profileSet
      ? joinProfileSet(machines, discovery.profileSet, profileAt, (u) => (this.docs.exists(u) ? this.evaluate(u, session) : undefined), discovery.buildsDarwin ?? false, profileUris.map((u) => profiles.get(u)).filter((p): p is Profile => p !== undefined))
      : undefined;
    const listFiles = deployListFiles(f.root, files);
    const deployList = listFiles.length ? readDeployList(listFiles.map((uri) => ({ uri, text: this.docs.text(uri) }))) : undefined;

    const services = servicesOf(inventory);

    const defaultsUri = joinUri(f.root, s.defaultsFile);
    const defaults = this.docs.exists(defaultsUri) ? { value: this.evaluate(defaultsUri, session).value, text: this.docs.text(defaultsUri) } : undefined;
    const profileSet = new Set(profiles.keys());
    const reads: SettingRead[] = [];
    let hasModules = false;
    for (const u of nixFiles) {
      const r = this.settingReads(u);
      reads.push(...r);
      if (r.length && !profileSet.has(u) && u !== defaultsUri) hasModules = true;
    }
    // Reads inside profiles (e.g. `base.systemSettings.x ++ [...]`) do not make a setting "used".
    const catalog = catalogOf(defaults, reads.filter((r) => !profileSet.has(r.origin.uri)), s.schemas.map((p) => this.jsonFile(joinUri(f.root, p))));

    const partial = {
      root: f.root,
      settings: s,
      inventoryUri: hasInventory ? inventoryUri : undefined,
      inventory,
      profiles,
      machines,
      services,
      catalog,
      reads,
      hasModules,
      defaultsUri: this.docs.exists(defaultsUri) ? defaultsUri : undefined,
      files,
      nixFiles,
      nixosMachines: discovery.machines,
      machineClashes: discovery.clashes,
      readingStops: discovery.stopped ?? [],
      homeConfigurations: discovery.homes,
      ...(baseProfiles ? { baseProfiles } : {}),
      ...(deployList ? { deployList } : {}),
      pipeOperators: pipeFeatureSource(files, (u) => this.pipeFeature(u)),
      ...(nixEval ? { nixEval } : {}),
    };
    return { ...partial, addresses: buildAddressIndex(partial) };
  }

  /** A profile file that describes a machine (sets a hostname or an address in its own text). */
  private declaresMachine(p: Profile): boolean {
    const own = (k: string): boolean => {
      const e = p.system?.entries.get(k);
      return e !== undefined && e.keyOrigin.uri === p.uri;
    };
    if (p.value) return own('hostname') || own('ipAddress');
    const t = this.docs.text(p.uri) ?? '';
    return /\b(hostname|ipAddress)\s*=/.test(t);
  }
}

export { profileNameOf };
