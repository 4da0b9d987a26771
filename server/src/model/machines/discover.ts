// Merges what the discovery sources found into one machine per name. A
// name found by several sources is one machine when they agree (a flake's
// `nixosConfigurations.web` and its `deploy.nodes.web`, or a hive node built
// from the same files); two sources that configure a name from disjoint
// module files are a clash, reported on both places, never merged silently.
// A machine keeps the nixpkgs its configuring source names (pins.ts) and the
// Home Manager modules its users get (homeModules.ts); `homeConfigurations`
// outputs are Home Manager configurations beside the machines.
import { asString, type Origin, type Value } from '../../syntax/value';
import type { Str } from '../inventory';
import type { DeployTarget, HomeConfiguration, NixosMachine, MachineFinding } from './machine';
import type { HomeFinding } from './fromFlake';
import { homeClosure, homeModuleRoots } from './homeModules';
import { effectiveOption, moduleClosure, type ModuleClosure, type ModuleLoader } from './moduleSystem';
import { readNixosConfig } from './nixosConfig';
import type { ReadingStop } from './readingStops';
import { withMachineArgs, type MachineModuleCall } from './machineArgs';
import { withHostTable } from './hostTables';
import { withOwnHostRecords } from './ownHostRecord';
import type { ProfileSet } from './fromProfileSet';

export interface NameClash {
  name: string;
  places: Origin[];
}

export interface Discovery {
  machines: Map<string, NixosMachine>;
  clashes: NameClash[];
  /** `homeConfigurations.<name>` outputs. */
  homes: HomeConfiguration[];
  /** Where reading the fleet stopped, and why (never a silent zero). */
  stopped?: ReadingStop[];
  /** A helper's `profiles = { … }` set (fromProfileSet.ts). */
  profileSet?: ProfileSet;
  /** Whether the files the flake read build darwin configurations (`darwinSystem`). */
  buildsDarwin?: boolean;
}

const BY_CONVENTION = new Set(['snowfall', 'clan', 'nixos-unified', 'convention']);

/** colmena's `deployment.*`, from the node's merged modules (the target defaults to the node's name). */
function colmenaDeploy(f: MachineFinding, closure: ModuleClosure): { deploy?: DeployTarget; tags: Str[] } {
  const opt = (k: string): Value | undefined => effectiveOption(closure.configs, ['deployment', k])?.value;
  const target = opt('targetHost');
  const port = opt('targetPort');
  const tags = opt('tags');
  return {
    deploy:
      target?.kind === 'null'
        ? // `targetHost = null`: colmena deploys it only on itself (`colmena apply-local`).
          { method: 'colmena', local: true, origin: target.origin }
        : {
            method: 'colmena',
            host: asString(target) ?? (target === undefined ? { value: f.name, origin: f.source.origin } : undefined),
            user: asString(opt('targetUser')),
            port: port?.kind === 'number' ? { value: port.value, origin: port.origin } : undefined,
            origin: f.source.origin,
          },
    tags: tags?.kind === 'list' ? tags.items.flatMap((t) => (t.kind === 'string' ? [{ value: t.value, origin: t.origin }] : [])) : [],
  };
}

/**
 * The deploy target of a machine found by clan (its inventory's, else
 * `clan.core.networking.targetHost` in its modules) or in a morph / NixOps
 * network (`deployment.targetHost` / `targetUser` of the node): deployed
 * with nixos-rebuild's `--target-host`, as both tools do underneath.
 */
function conventionDeploy(group: MachineFinding[], closures: Map<MachineFinding, ModuleClosure>, load: ModuleLoader): DeployTarget | undefined {
  for (const f of group) {
    // clan's `clan.core.networking.targetHost`, nixos-unified's `nixos-unified.sshTarget` (what its `activate` deploys to): `user@host`.
    const targetOption = f.source.kind === 'clan' ? ['clan', 'core', 'networking', 'targetHost'] : f.source.kind === 'nixos-unified' ? ['nixos-unified', 'sshTarget'] : undefined;
    if (targetOption) {
      if (f.deploy) return f.deploy;
      const t = asString(effectiveOption(closures.get(f)?.configs ?? [], targetOption)?.value);
      if (t) {
        const at = t.value.lastIndexOf('@');
        const host = at < 0 ? t : { value: t.value.slice(at + 1), origin: t.origin };
        return { method: 'nixos-rebuild', host, user: at < 0 ? undefined : { value: t.value.slice(0, at), origin: t.origin }, origin: f.source.origin };
      }
    }
    if (f.source.kind === 'morph') {
      const c = colmenaDeploy(f, closures.get(f) ?? moduleClosure([], load));
      if (c.deploy) return { ...c.deploy, method: 'nixos-rebuild' };
    }
  }
  return undefined;
}

/** The machines of these findings, merged by name; a step after each machine (its modules read), so a caller may pause. */
export function* discoverMachineSteps(findings: MachineFinding[], load: ModuleLoader, homeFindings: HomeFinding[] = [], callWithArgs?: MachineModuleCall): Generator<void, Discovery> {
  const byName = new Map<string, MachineFinding[]>();
  for (const f of findings) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  const machines = new Map<string, NixosMachine>();
  const clashes: NameClash[] = [];
  for (const [name, group] of byName) {
    yield;
    const closures = new Map<MachineFinding, ModuleClosure>();
    for (const f of group) {
      if (!f.modules) continue;
      const first = withMachineArgs(f, moduleClosure(f.modules, load), load, callWithArgs);
      const again = f.refine?.(first.configs);
      closures.set(f, again ? withMachineArgs(f, moduleClosure(again, load), load, callWithArgs) : first);
    }
    const configuring = [...closures.keys()];
    const chosen = configuring[0];
    for (const other of configuring.slice(1)) {
      const a = new Set(closures.get(chosen)?.files);
      const b = closures.get(other)?.files ?? [];
      if (a.size && b.length && !b.some((u) => a.has(u))) clashes.push({ name, places: [chosen.source.origin, other.source.origin] });
    }
    const closure = chosen ? closures.get(chosen) : undefined;
    // A network node whose every module file is missing cannot be built: its imports are reported where they are written.
    if (closure && group.every((f) => f.source.kind === 'morph') && closure.files.every((u) => group.some((f) => f.source.origin.uri === u)) && closure.unreadable.some((r) => r.reason.endsWith('not found'))) continue;
    // A folder convention also holds Macs (clan's `machines/<mac>/`): their modules say so.
    const platform = asString(closure ? effectiveOption(closure.configs, ['nixpkgs', 'hostPlatform'])?.value : undefined);
    if (platform?.value.endsWith('-darwin') && group.every((f) => BY_CONVENTION.has(f.source.kind))) continue;
    let deploy: DeployTarget | undefined;
    let tags: Str[] = [];
    for (const f of group) {
      if (f.source.kind === 'colmena' && !deploy) {
        const c = colmenaDeploy(f, closures.get(f) ?? moduleClosure([], load));
        deploy = c.deploy;
        tags = c.tags;
      }
    }
    if (!deploy) deploy = conventionDeploy(group, closures, load) ?? group.find((f) => f.source.kind === 'convention' && f.deploy)?.deploy;
    const rs = group.find((f) => f.source.kind === 'deploy-rs')?.deploy;
    if (rs) deploy = rs;
    if (!deploy && chosen) deploy = { method: 'nixos-rebuild', origin: chosen.source.origin };
    // The configuring source's nixpkgs: the one whose modules were read.
    const nixpkgs = chosen?.nixpkgs;
    const image = group.find((f) => f.image)?.image;
    const aliases = group.flatMap((f) => f.aliases ?? []);
    machines.set(name, {
      name,
      ...(image ? { image } : {}),
      sources: group.map((f) => f.source),
      moduleFiles: closure?.files ?? [],
      unreadable: closure?.unreadable ?? [],
      config: closure ? withOwnHostRecords(withHostTable(readNixosConfig(closure.configs), chosen, closure.configs), chosen?.name, closure.configs, closure.options) : undefined,
      configs: closure?.configs ?? [],
      deploy,
      tags,
      ...(nixpkgs ? { nixpkgs } : {}),
      homeFiles: closure ? homeClosure(homeModuleRoots(closure.configs), load) : [],
      ...(aliases.length ? { aliases } : {}),
    });
  }
  // An inline module leaves the flake a flake (not a Home Manager module), as for a machine's users.
  const homes = homeFindings.map((f) => ({ name: f.name, origin: f.origin, moduleFiles: homeClosure(f.modules.map((value) => ({ value, givenIn: f.origin.uri })), load) }));
  return { machines, clashes, homes };
}
