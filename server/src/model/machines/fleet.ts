// Discovery for one workspace folder: its `flake.nix` and `hive.nix`
// evaluated for discovery (cached by the stamps of every file they read and
// the folder's listing, which `builtins.readDir` answers from), the sources'
// findings merged into machines, and the machines joined with the homelab's
// containers by name (the inventory's declaration stays authoritative).
import type { Value } from '../../syntax/value';
import type { Container } from '../homelab';
import { isParsed, parseAddress } from '../ip';
import type { NixLayer, NixReadHost } from '../nixAdapter';
import { joinUri, normalizeUri } from '../uri';
import { discoverMachines, type Discovery } from './discover';
import { hiveFindings } from './fromColmena';
import { flakeFindings, homeFindings, type HomeFinding } from './fromFlake';
import { snowfallFindings } from './fromSnowfall';
import { clanFindings } from './fromClan';
import { looksLikeNetwork, morphFindings, networkFileCandidates } from './fromMorph';
import { conventionFindings } from './fromConvention';
import { machineAddress, type Machine, type MachineFinding } from './machine';
import type { ModuleLoader } from './moduleSystem';
import { buildsDarwin, profileSetsIn } from './fromProfileSet';

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
  private readonly cache = new Map<string, { deps: Map<string, number>; listing: string[]; value: Value | undefined }>();
  /** The last merge and every file it read (flake, hive, modules and their imports), per folder. */
  private readonly merged = new Map<string, { deps: Map<string, number>; listing: string[]; discovery: Discovery }>();

  discover(ctx: DiscoveryContext): Discovery {
    // An edit elsewhere (the inventory, a profile) leaves every machine as it was: no re-merge of their modules.
    const last = this.merged.get(ctx.root);
    if (last && last.listing === ctx.listing && [...last.deps].every(([u, st]) => ctx.stamp(u) === st)) return last.discovery;
    const findings: MachineFinding[] = [];
    const homes: HomeFinding[] = [];
    const deps = new Map<string, number>();
    const flakeUri = joinUri(ctx.root, 'flake.nix');
    const flake = this.evaluated(ctx, flakeUri, 'flake', deps);
    if (flake) findings.push(...flakeFindings(flake), ...snowfallFindings(flake, ctx.listing));
    deps.set(joinUri(ctx.root, 'inventory.json'), ctx.stamp(joinUri(ctx.root, 'inventory.json')));
    if (ctx.exists(flakeUri)) findings.push(...clanFindings(flake, ctx.readHost.readText(flakeUri), ctx.root, ctx.listing, (u) => ctx.readHost.readText(u)));
    if (flake) homes.push(...homeFindings(flake));
    const hive = this.evaluated(ctx, joinUri(ctx.root, 'hive.nix'), 'hive', deps);
    if (hive) findings.push(...hiveFindings(hive));
    for (const u of networkFileCandidates(ctx.root, ctx.listing)) {
      if (!looksLikeNetwork(ctx.readHost.readText(u))) continue;
      findings.push(...morphFindings(this.evaluated(ctx, u, 'hive', deps)));
    }
    // Nothing declared where it can be read: machines by folder convention. Beside a hive whose nodes
    // cannot be read (built from another tool's output), they are its nodes, deployed to their names.
    if (!findings.length) {
      const hiveUri = joinUri(ctx.root, 'hive.nix');
      for (const f of conventionFindings(ctx.root, ctx.listing, (u) => ctx.readHost.readText(u), ctx.exists(hiveUri)))
        findings.push(ctx.exists(hiveUri) ? { ...f, deploy: { method: 'colmena', host: { value: f.name, origin: f.source.origin }, origin: { uri: hiveUri, span: { start: 0, end: 0 } } } } : f);
    }
    const load: ModuleLoader = (u) => {
      const uri = normalizeUri(u);
      const file = ctx.exists(uri) && uri.endsWith('.nix') ? uri : ctx.exists(`${uri}/default.nix`) ? `${uri}/default.nix` : ctx.exists(uri) ? uri : undefined;
      deps.set(uri, ctx.stamp(uri));
      deps.set(`${uri}/default.nix`, ctx.stamp(`${uri}/default.nix`));
      if (!file) return undefined;
      const r = ctx.evaluate(file);
      for (const d of r.deps) deps.set(normalizeUri(d), ctx.stamp(normalizeUri(d)));
      return { uri: file, value: r.value };
    };
    const found: Discovery = findings.length || homes.length ? discoverMachines(findings, load, homes) : { machines: new Map(), clashes: [], homes: [] };
    const discovery = { ...found, ...this.profileSet(ctx, deps) };
    this.merged.set(ctx.root, { deps, listing: ctx.listing, discovery });
    return discovery;
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

  /** A flake's outputs or a hive, evaluated for discovery. */
  private evaluated(ctx: DiscoveryContext, uri: string, mode: 'flake' | 'hive', read: Map<string, number>): Value | undefined {
    read.set(uri, ctx.stamp(uri));
    if (!ctx.exists(uri) || !ctx.nixLayer.evaluateForDiscovery) return undefined;
    const c = this.cache.get(uri);
    if (c && c.listing === ctx.listing && [...c.deps].every(([u, st]) => ctx.stamp(u) === st)) {
      for (const [u, st] of c.deps) read.set(u, st);
      return c.value;
    }
    const host: NixReadHost = { ...ctx.readHost, listDir: (dir) => directoryEntries(ctx.listing, normalizeUri(dir)) };
    let value: Value | undefined;
    const deps = new Map<string, number>([[uri, ctx.stamp(uri)]]);
    try {
      const r = ctx.nixLayer.evaluateForDiscovery(uri, host, mode);
      value = r.value;
      for (const d of r.deps) deps.set(normalizeUri(d), ctx.stamp(normalizeUri(d)));
    } catch {
      value = undefined; // as in Workspace.evaluate: an evaluator bug must not take the model down
    }
    this.cache.set(uri, { deps, listing: ctx.listing, value });
    for (const [u, st] of deps) read.set(u, st);
    return value;
  }
}

/** Each machine becomes the container of its name, or joins the inventory's. */
export function joinMachines(containers: Map<string, Container>, discovery: Discovery): void {
  for (const m of discovery.machines.values()) {
    const c = containers.get(m.name);
    const address = machineAddress(m);
    const ownIp = m.config?.addresses[0]?.address ?? (address && isParsed(parseAddress(address.value)) ? address : undefined);
    if (c) containers.set(m.name, { ...c, machine: m, ip: c.ip ?? ownIp });
    else
      containers.set(m.name, {
        name: m.name,
        machine: m,
        profileUri: configurationFile(m),
        profileExists: m.moduleFiles.length > 0,
        ip: ownIp,
      });
  }
}

/**
 * The file a machine's configuration is best opened at: one of its own module
 * files named after it (`hosts/web/…`, `web.nix`), else its first module file
 * that is not the flake or hive declaring every machine.
 */
export function configurationFile(m: Machine): string | undefined {
  const own = m.moduleFiles.filter((u) => !m.sources.some((src) => src.origin.uri === u));
  const named = own.find((u) => u.split('/').some((seg) => seg === m.name || seg === `${m.name}.nix`));
  return named ?? own[0] ?? m.moduleFiles[0];
}

/** The entries of a directory, from a folder's listing of files (a folder appears through the files under it). */
function directoryEntries(listing: string[], dir: string): Map<string, 'directory' | 'regular'> | undefined {
  const prefix = `${dir.replace(/\/$/, '')}/`;
  const out = new Map<string, 'directory' | 'regular'>();
  for (const u of listing) {
    if (!u.startsWith(prefix)) continue;
    const rest = u.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) out.set(decodeURIComponent(rest), 'regular');
    else out.set(decodeURIComponent(rest.slice(0, slash)), 'directory');
  }
  return out.size ? out : undefined;
}
