// Converts the model's homelabs into the `homelab/topology` answer the client's
// tree shows: plain JSON with names, addresses, declaration places, the
// effective deploy settings and the feature flags that are on.
import { serviceNamed, type Homelab, type Machine } from '../model/homelab';
import { effectiveMachine } from '../model/effectiveMachine';
import { networkOf } from '../model/addresses';
import { BLOCKS, blockOf } from '../model/profiles';
import { basenameUri, normalizeUri } from '../model/uri';
import type { Workspace } from '../model/workspace';
import type { EarlyMachine } from '../model/machines/namesFirst';
import type { Origin } from '../syntax/value';
import type { ServerContext } from './context';
import type { MachineNode, DeploySettings, HomelabTopology, HostKind, Located, Topology } from './customMessages';
import { containerLive, hostLive, liveMatchFor, proxmoxAccess } from './proxmoxTopology';

const HOST_KINDS: HostKind[] = ['proxmox', 'nas', 'router', 'switch', 'access-point', 'vps', 'workstation', 'other'];

export function topology(ctx: ServerContext, memo?: MachineNodeMemo): Topology {
  return { homelabs: ctx.workspace.homelabs().map((h) => homelabTopology(ctx, h, memo)) };
}

/**
 * The tree's node of each machine, kept while the machine is the same object
 * (the homelab build keeps an unchanged machine's object) and the homelab's
 * parts every node reads are too: after a keystroke in one profile of a
 * 10,000-machine fleet, one node is made again, not 10,000 (each walks its
 * profile's settings and works out its effective machine: ~0.4 s in all).
 * Owned by the one that asks for topologies (TopologyNotifier), per folder.
 */
export class MachineNodeMemo {
  private readonly byRoot = new Map<string, { inputs: readonly unknown[]; nodes: WeakMap<Machine, MachineNode> }>();
  /** Nodes made (not taken from the memo), for tests. */
  made = 0;

  /** The folder's kept nodes, emptied when one of the parts every node reads changed. */
  nodesFor(h: Homelab, live: unknown): WeakMap<Machine, MachineNode> {
    const inputs = [h.inventory, h.deployList, h.addresses.networks, h.services, h.defaultsUri, h.baseProfiles, live];
    const kept = this.byRoot.get(h.root);
    if (kept && kept.inputs.length === inputs.length && kept.inputs.every((x, i) => x === inputs[i])) return kept.nodes;
    const fresh = { inputs, nodes: new WeakMap<Machine, MachineNode>() };
    this.byRoot.set(h.root, fresh);
    return fresh.nodes;
  }

  /** Folders no longer in the workspace are let go. */
  keepOnly(roots: ReadonlySet<string>): void {
    for (const root of this.byRoot.keys()) if (!roots.has(root)) this.byRoot.delete(root);
  }
}

/**
 * The topology before the folders are built (start-up): a folder whose
 * machines are known by name first (Workspace.machinesBeforeBuild) lists them
 * as still being read; any other folder is built now, as `topology` does.
 * Undefined when no folder is answered names first.
 */
export function topologyBeforeBuild(ctx: ServerContext): Topology | undefined {
  const early = ctx.workspace.folderRoots().map((root) => ({ root, machines: ctx.workspace.machinesBeforeBuild(root) }));
  if (!early.some((e) => e.machines)) return undefined;
  const homelabs: HomelabTopology[] = [];
  for (const { root, machines } of early) {
    if (machines) homelabs.push(readingTopology(ctx, root, machines));
    else {
      const h = ctx.workspace.homelabFor(root);
      if (h) homelabs.push(homelabTopology(ctx, h));
    }
  }
  return { homelabs };
}

/** A folder's machines by name, each marked as still being read: what is known before their modules are (names first). */
function readingTopology(ctx: ServerContext, root: string, early: EarlyMachine[]): HomelabTopology {
  const machines = early.map((m): MachineNode => {
    const kinds = m.sources.map((s) => s.kind);
    return {
      name: m.name,
      configUri: m.configUri,
      configExists: m.configUri !== undefined,
      configDependencies: m.configUri ? [m.configUri] : [],
      services: [],
      flagsOn: [],
      deploy: { method: m.method },
      location: location(ctx, m.sources[0]?.origin),
      sources: kinds,
      tags: [],
      // The build groups by the first colmena tag, not known yet; else by where it was found, as here.
      ...(kinds.includes('colmena') ? {} : { group: kinds[0] }),
      reading: true,
    };
  });
  return { rootUri: root, name: basenameUri(normalizeUri(root)), networks: [], hosts: [], machines, stopped: [], services: [] };
}

function location(ctx: ServerContext, origin: Origin | undefined): Located['location'] {
  if (!origin) return undefined;
  const { line, character } = ctx.lines.get(origin.uri).positionAt(origin.span.start);
  return { uri: origin.uri, line, character };
}

function homelabTopology(ctx: ServerContext, h: Homelab, memo?: MachineNodeMemo): HomelabTopology {
  const inv = h.inventory;
  const workspace: Workspace = ctx.workspace;
  const networkName = (ip: string | undefined): string | undefined => (ip ? networkOf(h.addresses, ip)?.name : undefined);
  const match = liveMatchFor(workspace, h);
  const kept = memo?.nodesFor(h, workspace.proxmoxLiveFor(h.root));
  const machines: MachineNode[] = [...h.machines.values()].map((c) => {
    const known = kept?.get(c);
    if (known) return known;
    if (memo) memo.made++;
    const node = machineNode(c);
    kept?.set(c, node);
    return node;
  });
  function machineNode(c: Machine): MachineNode {
    const profile = c.profile;
    const flagsOn = new Set<string>();
    for (const block of BLOCKS) {
      for (const [key, entry] of blockOf(profile ?? { uri: '', name: '', value: undefined, deps: [] }, block)?.entries ?? []) {
        if (/Enable$/.test(key) && entry.value.kind === 'boolean' && entry.value.value) flagsOn.add(key);
      }
    }
    const deps = new Set<string>(profile?.deps ?? (c.configUri ? [c.configUri] : []));
    if (h.defaultsUri) deps.add(h.defaultsUri);
    const declared = (c.decl?.services ?? []).map((s) => ({ name: s.value, origin: s.origin }));
    const m = c.nixos;
    // A machine's enabled NixOS services when the inventory names none (openssh is every machine's: left out).
    const enabled = (m?.config?.services ?? []).filter((s) => s.name !== 'openssh').map((s) => ({ name: s.name, origin: s.origin }));
    const services = (declared.length ? declared : enabled).map((s) => {
      const svc = serviceNamed(h, s.name);
      return { name: s.name, ...(svc?.port !== undefined ? { port: svc.port } : {}), location: location(ctx, s.origin) };
    });
    // A flake or hive holds every machine: its problems are not counted against each of them.
    const shared = new Set(m?.sources.map((src) => src.origin.uri));
    for (const u of m?.moduleFiles ?? []) if (!shared.has(u)) deps.add(u);
    const eff = effectiveMachine(h, c);
    const { method, user, dotfilesDir, command, branch, sshOptions, parallel, connectTimeout } = eff.deploy;
    const deploy: DeploySettings = {
      method, user, dotfilesDir, command, branch, sshOptions,
      ...(parallel !== undefined ? { parallel } : {}),
      ...(connectTimeout !== undefined ? { connectTimeout } : {}),
    };
    const bases = (h.baseProfiles ?? []).filter((b) => b.usedBy.includes(c.name)).map((b) => ({ name: b.name, uri: b.uri }));
    const tags = m?.tags.map((t) => t.value) ?? [];
    const live = containerLive(match, c.name);
    return {
      name: c.name,
      host: eff.host,
      ip: eff.address?.value,
      network: networkName(eff.address?.value),
      vmid: c.decl?.vmid?.value,
      configUri: c.configUri,
      configExists: c.configExists,
      configDependencies: [...deps].filter((u) => workspace.docs.exists(u)),
      description: c.decl?.description?.value,
      services,
      flagsOn: [...flagsOn].sort(),
      update: c.decl?.update?.value,
      deploy,
      location: location(ctx, c.decl?.keyOrigin ?? m?.sources[0]?.origin),
      ...(m
        ? {
            sources: m.sources.map((src) => src.kind),
            tags,
            group: tags[0] ?? m.sources[0]?.kind,
            hostName: m.config?.hostName?.value,
          }
        : {}),
      // The deploy list's group wins: the owner grouped the machines so.
      ...(eff.deploy.group ? { group: eff.deploy.group } : {}),
      ...(eff.deploy.target ? { deployTarget: eff.deploy.target.value } : {}),
      ...(eff.deploy.targets.length > 1 ? { deployTargets: eff.deploy.targets.map((t) => t.value) } : {}),
      ...(c.os === 'darwin' ? { os: 'darwin' as const } : {}),
      ...(bases.length ? { baseProfiles: bases } : {}),
      ...(live ? { live } : {}),
    };
  }
  const serviceUsers = new Map<string, string[]>();
  for (const c of machines) {
    for (const s of c.services) {
      const users = serviceUsers.get(s.name);
      // Pushed, not copied: a service on every one of 10,000 machines was 50 million copies.
      if (users) users.push(c.name);
      else serviceUsers.set(s.name, [c.name]);
    }
  }
  return {
    rootUri: h.root,
    name: basenameUri(normalizeUri(h.root)),
    inventoryUri: h.inventoryUri,
    networks: [...(inv?.networks.values() ?? [])].map((n) => ({
      name: n.name,
      cidr: n.cidr?.value ?? '',
      description: n.description?.value,
      location: location(ctx, n.keyOrigin),
    })),
    hosts: [...(inv?.hosts.values() ?? [])].map((host) => {
      const proxmox = proxmoxAccess(h, host);
      const live = hostLive(workspace, h, host, match);
      return {
        name: host.name,
        kind: HOST_KINDS.includes(host.kind?.value as HostKind) ? (host.kind?.value as HostKind) : 'other',
        ip: host.ip?.value,
        network: networkName(host.ip?.value),
        description: host.description?.value,
        location: location(ctx, host.keyOrigin),
        ...(proxmox ? { proxmox } : {}),
        ...(live ? { live } : {}),
      };
    }),
    machines,
    stopped: h.readingStops.map((st) => {
      const loc = location(ctx, st.origin);
      const rel = st.origin.uri.startsWith(`${h.root.replace(/\/$/, '')}/`) ? st.origin.uri.slice(h.root.replace(/\/$/, '').length + 1) : basenameUri(st.origin.uri);
      return { place: `${decodeURIComponent(rel)}:${(loc?.line ?? 0) + 1}`, reason: st.reason, hint: st.hint, location: loc };
    }),
    services: [...h.services.values()]
      .filter((s) => s.decl || serviceUsers.has(s.name))
      .map((s) => ({
        name: s.name,
        port: s.port,
        url: s.decl?.url?.value ?? s.builtin?.url,
        expose: s.decl?.expose?.value,
        machines: serviceUsers.get(s.name) ?? [],
        builtIn: !s.decl,
        location: location(ctx, s.decl?.keyOrigin),
      })),
  };
}
