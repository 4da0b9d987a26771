// Discovery for one workspace folder: its `flake.nix` and `hive.nix`
// evaluated for discovery (cached by the stamps of every file they read and
// the folder's listing, which `builtins.readDir` answers from), the sources'
// findings merged into machines, and the machines joined with the homelab's
// containers by name (the inventory's declaration stays authoritative).
import type { Origin, Value } from '../../syntax/value';
import type { Machine } from '../homelab';
import { markImages } from './images';
import { isParsed, parseAddress } from '../ip';
import type { DiscoveryStop, NixLayer, NixReadHost } from '../nixAdapter';
import { joinUri, normalizeUri } from '../uri';
import { directoryEntries } from '../listing';
import { discoverMachineSteps, type Discovery } from './discover';
import { hiveFindings } from './fromColmena';
import { flakeFindings, flakeOutputs, homeFindings, type HomeFinding } from './fromFlake';
import { encryptedModuleStops, flakeOutputStops, hintFor, moduleLessMachineStops, partialOutputStops, unreadAddressStops, unreadImportStops, type ReadingStop } from './readingStops';
import { snowfallFindings } from './fromSnowfall';
import { clanFindings } from './fromClan';
import { nixosUnifiedFindings } from './fromNixosUnified';
import { liteConfigFindings } from './fromLiteConfig';
import { denFindings, denIncludeStops } from './fromDen';
import { looksLikeNetwork, morphFindings, networkFileCandidates } from './fromMorph';
import { conventionFindings } from './fromConvention';
import { machineAddress, type NixosMachine, type MachineFinding } from './machine';
import { primaryAddress } from './networkAddresses';
import type { ModuleLoader } from './moduleSystem';
import { buildsDarwin, profileSetsIn } from './fromProfileSet';
import { earlyMachines, mayMarkImages, type EarlyMachine } from './namesFirst';

/** What discovery needs of the workspace: its files as they are now. */
export interface DiscoveryContext {
  root: string;
  listing: string[];
  exists(uri: string): boolean;
  stamp(uri: string): number;
  readHost: NixReadHost;
  nixLayer: NixLayer;
  /** A module file's value and every file it read (cached by the workspace per the stamps of what it read). */
  evaluate(uri: string): { value: Value | undefined; deps: string[] };
}

export class FleetDiscovery {
  private readonly cache = new Map<string, { deps: Map<string, number>; listing: string[]; value: Value | undefined; stops: DiscoveryStop[] }>();
  /** The last merge and every file it read (flake, hive, modules and their imports), per folder. */
  private readonly merged = new Map<string, { deps: Map<string, number>; listing: string[]; discovery: Discovery }>();

  discover(ctx: DiscoveryContext): Discovery {
    const steps = this.discoverSteps(ctx);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * `discover` in steps (after each entry file's evaluation, after each
   * machine), for a start-up that answers requests meanwhile
   * (Workspace.firstBuildSteps); the discovery query then finds the result
   * in this cache, checked by the stamps of every file it read.
   */
  *discoverSteps(ctx: DiscoveryContext): Generator<void, Discovery> {
    // An edit elsewhere (the inventory, a profile) leaves every machine as it was: no re-merge of their modules.
    const last = this.merged.get(ctx.root);
    if (last && last.listing === ctx.listing && [...last.deps].every(([u, st]) => ctx.stamp(u) === st)) return last.discovery;
    const findings: MachineFinding[] = [];
    const homes: HomeFinding[] = [];
    const deps = new Map<string, number>();
    const stopped: ReadingStop[] = [];
    const flakes = entryFiles(ctx.root, ctx.listing, 'flake.nix');
    for (const entry of flakes) {
      const r = this.evaluated(ctx, entry, 'flake', deps);
      yield;
      if (!r) continue;
      const entryRoot = entry.slice(0, entry.lastIndexOf('/'));
      const inventoryJson = joinUri(entryRoot, 'inventory.json');
      deps.set(inventoryJson, ctx.stamp(inventoryJson));
      const fromThis = [...flakeFindings(r.value), ...frameworkFindings(ctx, entry, r)];
      findings.push(...fromThis);
      homes.push(...homeFindings(r.value));
      const here: Origin = { uri: entry, span: { start: 0, end: 0 } };
      const outputStops = flakeOutputStops(flakeOutputs(r.value) ?? r.value, here);
      // An output read some other way (nixosConfigurations taken from the hive's nodes) is no stop when machines were found.
      if (!fromThis.length) stopped.push(...outputStops);
      // A part of an output that is not read is named even beside the machines that were found.
      stopped.push(...partialOutputStops(flakeOutputs(r.value) ?? r.value));
      stopped.push(...denIncludeStops(r.value));
      stopped.push(...moduleLessMachineStops(flakeOutputs(r.value) ?? r.value, new Set(fromThis.filter((f) => f.modules).map((f) => f.name))));
      // A flake module from an input (treefmt, agenix) is ordinary where machines are found: only a zero is explained by it.
      const evalStops = r.stops.filter((st) => st.kind === 'unresolved-import' || st.kind === 'evaluation-budget' || !fromThis.length);
      stopped.push(...evalStops.map((st) => ({ ...st, hint: hintFor(st.kind) })));
      if (!fromThis.length && !outputStops.length && !evalStops.length)
        stopped.push({ kind: 'no-machines', origin: here, reason: "the flake's outputs have no `nixosConfigurations`, `colmena` or `deploy.nodes`", hint: hintFor('no-machines') });
    }
    const hives = entryFiles(ctx.root, ctx.listing, 'hive.nix');
    for (const entry of hives) {
      const r = this.evaluated(ctx, entry, 'hive', deps);
      if (r) findings.push(...hiveFindings(r.value));
    }
    for (const u of networkFileCandidates(ctx.root, ctx.listing)) {
      if (!looksLikeNetwork(ctx.readHost.readText(u))) continue;
      findings.push(...morphFindings(this.evaluated(ctx, u, 'hive', deps)?.value));
    }
    // Nothing declared where it can be read, and no flake (or a hive beside it): machines by folder
    // convention. Beside a hive whose nodes cannot be read (built from another tool's output), they are its
    // nodes, deployed to their names. A lone flake that gives no machine says where its reading stopped
    // instead of being guessed around.
    const hiveUri = hives.find((u) => ctx.exists(u));
    if (!findings.length && (!flakes.some((u) => ctx.exists(u)) || hiveUri)) {
      for (const f of conventionFindings(ctx.root, ctx.listing, (u) => ctx.readHost.readText(u), hiveUri !== undefined))
        findings.push(hiveUri ? { ...f, deploy: { method: 'colmena', host: { value: f.name, origin: f.source.origin }, origin: { uri: hiveUri, span: { start: 0, end: 0 } } } } : f);
      // The hive's machines explain a flake without nixosConfigurations (one that only builds Macs, say).
      if (findings.length) stopped.splice(0, stopped.length, ...stopped.filter((st) => st.kind !== 'no-machines'));
    }
    // Each machine's closure asks again for the shared modules (a thousand hosts, twenty modules each):
    // within one discovery the files do not change, so each path is resolved and evaluated once.
    const loaded = new Map<string, ReturnType<ModuleLoader>>();
    const load: ModuleLoader = (u) => {
      if (loaded.has(u)) return loaded.get(u);
      const r = loadOnce(u);
      loaded.set(u, r);
      return r;
    };
    const loadOnce: ModuleLoader = (u) => {
      const uri = normalizeUri(u);
      const file = ctx.exists(uri) && uri.endsWith('.nix') ? uri : ctx.exists(`${uri}/default.nix`) ? `${uri}/default.nix` : ctx.exists(uri) ? uri : undefined;
      deps.set(uri, ctx.stamp(uri));
      deps.set(`${uri}/default.nix`, ctx.stamp(`${uri}/default.nix`));
      if (!file) return undefined;
      const r = ctx.evaluate(file);
      for (const d of r.deps) deps.set(normalizeUri(d), ctx.stamp(normalizeUri(d)));
      return { uri: file, value: r.value };
    };
    // Shared modules called again with each machine's own arguments (host tables looked up by its name).
    // With the folder's listing, as discovery's own evaluation has it: a module importing every folder beside it (`readDir ./.`) reads the same again.
    const perMachine = ctx.nixLayer.machineModules?.(listingHost(ctx));
    const callWithArgs = perMachine
      ? (module: string | Value, args: Parameters<typeof perMachine.evaluate>[1]): Value | undefined => {
          try {
            const r = typeof module === 'string' ? perMachine.evaluate(module, args) : perMachine.recall?.(module, args);
            if (!r) return undefined;
            for (const d of r.deps) deps.set(normalizeUri(d), ctx.stamp(normalizeUri(d)));
            return r.value;
          } catch {
            return undefined; // as for discovery's own evaluation: an evaluator bug must not take the model down
          }
        }
      : undefined;
    const order: ReadingStop['kind'][] = ['evaluation-budget', 'unknown-output', 'unknown-builder', 'external-option', 'unresolved-import', 'no-machines', 'external-module', 'unread-imports', 'unread-address', 'unread-include'];
    stopped.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    const found = findings.length || homes.length ? yield* discoverMachineSteps(findings, load, homes, callWithArgs) : { machines: new Map(), clashes: [], homes: [] };
    const discovery = { ...found, stopped, ...this.profileSet(ctx, deps) };
    markImages(discovery.machines, [...deps.keys()].filter((u) => u.endsWith('.nix') && ctx.exists(u)), (u) => ctx.readHost.readText(u));
    // Addresses written where they cannot be read are named too (an image's are not the fleet's).
    const fleetMachines = [...discovery.machines.values()].filter((m) => !m.image);
    stopped.push(...unreadImportStops(fleetMachines), ...unreadAddressStops(fleetMachines), ...encryptedModuleStops(fleetMachines));
    this.merged.set(ctx.root, { deps, listing: ctx.listing, discovery });
    return discovery;
  }

  /**
   * The machines of the folder by name before any machine's modules are read
   * (namesFirst.ts), from the same evaluation of the flake that discovery then
   * reuses; undefined where only the whole discovery knows the names: a hive
   * or network file, a folder convention, a framework (snowfall, clan,
   * lite-config, den, nixos-unified), a helper's profile set, or a file that could make a
   * machine an installer image.
   */
  machinesBeforeModules(ctx: DiscoveryContext): EarlyMachine[] | undefined {
    if (entryFiles(ctx.root, ctx.listing, 'hive.nix').some((u) => ctx.exists(u))) return undefined;
    if (networkFileCandidates(ctx.root, ctx.listing).some((u) => looksLikeNetwork(ctx.readHost.readText(u)))) return undefined;
    const flakeUri = joinUri(ctx.root, 'flake.nix');
    const flakeText = ctx.exists(flakeUri) ? ctx.readHost.readText(flakeUri) : undefined;
    if (flakeText && !flakeText.includes('\0') && profileSetsIn(flakeUri, flakeText).length) return undefined;
    const findings: MachineFinding[] = [];
    const read = new Map<string, number>();
    for (const entry of entryFiles(ctx.root, ctx.listing, 'flake.nix')) {
      const r = this.evaluated(ctx, entry, 'flake', read);
      if (!r) continue;
      if (frameworkFindings(ctx, entry, r).length) return undefined;
      findings.push(...flakeFindings(r.value));
    }
    if (ctx.listing.some((u) => /\.(nix|json|toml)$/.test(u) && mayMarkImages(ctx.readHost.readText(u)))) return undefined;
    return earlyMachines(findings, ctx.exists);
  }

  /** A helper's `profiles = { … }` set in flake.nix, and whether the files the flake read build darwin configurations. */
  private profileSet(ctx: DiscoveryContext, read: Map<string, number>): Pick<Discovery, 'profileSet' | 'buildsDarwin'> {
    const uri = joinUri(ctx.root, 'flake.nix');
    const text = ctx.exists(uri) ? ctx.readHost.readText(uri) : undefined;
    if (!text || text.includes('\0')) return {};
    const sets = profileSetsIn(uri, text);
    if (!sets.length) return {};
    const entries = sets.flatMap((s) => s.entries);
    return {
      profileSet: { origin: sets[0].origin, entries },
      buildsDarwin: buildsDarwin([...read.keys()].filter((u) => u.endsWith('.nix')).map((u) => ctx.readHost.readText(u))),
    };
  }

  /** A flake's outputs or a hive, evaluated for discovery, and where its evaluation stopped following it. */
  private evaluated(ctx: DiscoveryContext, uri: string, mode: 'flake' | 'hive', read: Map<string, number>): { value: Value | undefined; stops: DiscoveryStop[] } | undefined {
    read.set(uri, ctx.stamp(uri));
    if (!ctx.exists(uri) || !ctx.nixLayer.evaluateForDiscovery) return undefined;
    const c = this.cache.get(uri);
    if (c && c.listing === ctx.listing && [...c.deps].every(([u, st]) => ctx.stamp(u) === st)) {
      for (const [u, st] of c.deps) read.set(u, st);
      return c;
    }
    const host = listingHost(ctx);
    let value: Value | undefined;
    let stops: DiscoveryStop[] = [];
    const deps = new Map<string, number>([[uri, ctx.stamp(uri)]]);
    try {
      const r = ctx.nixLayer.evaluateForDiscovery(uri, host, mode);
      value = r.value;
      stops = r.stops ?? [];
      for (const d of r.deps) deps.set(normalizeUri(d), ctx.stamp(normalizeUri(d)));
    } catch {
      value = undefined; // as in Workspace.evaluate: an evaluator bug must not take the model down
    }
    const entry = { deps, listing: ctx.listing, value, stops };
    this.cache.set(uri, entry);
    for (const [u, st] of deps) read.set(u, st);
    return entry;
  }
}

/** The machines a framework builds from a flake's evaluation and the folder's files (snowfall, lite-config, den, clan, nixos-unified). */
function frameworkFindings(ctx: DiscoveryContext, entry: string, r: { value: Value | undefined; stops: DiscoveryStop[] }): MachineFinding[] {
  const entryRoot = entry.slice(0, entry.lastIndexOf('/'));
  return [
    ...snowfallFindings(r.value, ctx.listing),
    ...liteConfigFindings(r.value, ctx.listing, entryRoot),
    ...denFindings(r.value),
    ...clanFindings(r.value, ctx.readHost.readText(entry), entryRoot, ctx.listing, (u) => ctx.readHost.readText(u)),
    ...nixosUnifiedFindings(r.stops, entryRoot, ctx.listing, r.value),
  ];
}

/** How deep below the folder a flake.nix or hive.nix is looked for when there is none at its root. */
const ENTRY_DEPTH = 3;

/**
 * The flake.nix (or hive.nix) discovery reads: the folder's own, else the
 * shallowest ones below it (`nixos/flake.nix`), at most ENTRY_DEPTH folders
 * down; the listing already leaves out what git ignores.
 */
export function entryFiles(root: string, listing: string[], name: string): string[] {
  const base = root.replace(/\/$/, '');
  const rootFile = `${base}/${name}`;
  if (listing.includes(rootFile)) return [rootFile];
  let best = Infinity;
  let found: string[] = [];
  for (const u of listing) {
    if (!u.startsWith(`${base}/`) || !u.endsWith(`/${name}`)) continue;
    const depth = u.slice(base.length + 1).split('/').length - 1;
    if (depth > ENTRY_DEPTH || depth > best) continue;
    if (depth < best) {
      best = depth;
      found = [];
    }
    found.push(u);
  }
  // An open, unsaved flake at the root is read even before it is on disk.
  return found.length ? found : [rootFile];
}

/** Each machine becomes the container of its name, or joins the inventory's. */
export function joinMachines(machines: Map<string, Machine>, discovery: Discovery): void {
  for (const m of discovery.machines.values()) {
    const c = machines.get(m.name);
    // An image is built and written to a medium, not a machine of the fleet (unless the inventory declares it).
    if (m.image && !c) continue;
    const address = machineAddress(m);
    const ownIp = primaryAddress(m.config?.addresses)?.address ?? (address && isParsed(parseAddress(address.value)) ? address : undefined);
    if (c) machines.set(m.name, { ...c, nixos: m, ip: c.ip ?? ownIp });
    else
      machines.set(m.name, {
        name: m.name,
        nixos: m,
        configUri: configurationFile(m),
        configExists: m.moduleFiles.length > 0,
        ip: ownIp,
      });
  }
}

/**
 * The file a machine's configuration is best opened at: one of its own module
 * files named after it (`hosts/web/…`, `web.nix`; the file declaring it when
 * only that one is), else its first module file that is not the flake or hive
 * declaring every machine.
 */
export function configurationFile(m: NixosMachine): string | undefined {
  // A folder convention's finding points at the machine's own file (`systems/<arch>/web/default.nix`), not at a shared declaration.
  const declaring = m.sources.filter((src) => src.kind !== 'snowfall' && src.kind !== 'nixos-unified' && src.kind !== 'convention');
  const own = m.moduleFiles.filter((u) => !declaring.some((src) => src.origin.uri === u));
  const isNamed = (u: string): boolean => u.split('/').some((seg) => seg === m.name || seg === `${m.name}.nix`);
  // A declaring file named after the machine (flake-parts' one file per machine, `machines/web.nix`) is its own too.
  return own.find(isNamed) ?? m.moduleFiles.find(isNamed) ?? own[0] ?? m.moduleFiles[0];
}

/** How discovery's evaluations read the folder: its files, and its listing for `builtins.readDir`. */
function listingHost(ctx: DiscoveryContext): NixReadHost {
  return { ...ctx.readHost, listDir: (dir) => directoryEntries(ctx.listing, normalizeUri(dir)) };
}
