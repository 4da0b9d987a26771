// The one answer to "where is this machine, and how and where is it
// deployed": its address, deploy method, target, user and deploy settings,
// decided from all of its sources (the inventory's defaults and entry, its
// profile, the flake, hive or deploy-rs node, the repository's deploy list
// (deployList.ts)). The CLI, the tree, deploys,
// plans and health checks all read this function, so they cannot disagree.
import type { Homelab, Machine } from './homelab';
import type { DeploySpec, Str } from './inventory';
import { listDotfilesDir } from './deployList';
import { isParsed, parseAddress } from './ip';
import type { MachineSourceKind } from './machines/machine';
import { primaryAddress } from './machines/networkAddresses';
import { profileOwnAddresses, type ProfileAddress } from './profileAddresses';

export type DeployMethodName = 'ssh-script' | 'nixos-rebuild' | 'colmena' | 'deploy-rs' | 'command';
const METHODS: readonly DeployMethodName[] = ['ssh-script', 'nixos-rebuild', 'colmena', 'deploy-rs', 'command'];

/** Where the deploy target came from, in the order that decides it. */
export type TargetSource = 'deploy-target' | 'inventory' | 'deploy-list' | 'configuration' | 'hostname';

export interface EffectiveDeploy {
  method: DeployMethodName;
  /**
   * Who said the method: the inventory (its entry or its defaults), a flake /
   * hive / deploy-rs source, or nobody (`default`: ssh-script, the inventory
   * format's default, for a machine that no source gives a way to deploy).
   */
  methodFrom: 'inventory' | MachineSourceKind | 'deploy-list' | 'default';
  /** Deployed on the machine itself only (colmena `targetHost = null`): no network target. */
  local?: boolean;
  /** The explicit deploy target, else the inventory's `ip`, else the configured address, else the host name. */
  target?: Str;
  targetFrom?: TargetSource;
  /**
   * Every address or host name a deploy may use, in the order to try them
   * (the first that answers wins): the deploy list's, else the target alone.
   */
  targets: Str[];
  /** SSH connect time-out in seconds, when a source gives one (the deploy list's SSH_TIMEOUT). */
  connectTimeout?: number;
  /** The deploy list's group (`@GROUP`), for the tree. */
  group?: string;
  user?: string;
  port?: number;
  dotfilesDir?: string;
  command?: string;
  branch?: string;
  sshOptions: string[];
  parallel?: number;
}

export interface EffectiveMachine {
  name: string;
  /** The address shown for it: the inventory's `ip`, else the profile's `ipAddress`, else its first configured address. */
  address?: Str;
  /** Every address its sources give it, the shown one first, without repeats. */
  addresses: Str[];
  /** The Proxmox (or other) host the inventory puts it on. */
  host?: string;
  hostName?: Str;
  deploy: EffectiveDeploy;
}

function merged(defaults: DeploySpec | undefined, own: DeploySpec | undefined): Omit<EffectiveDeploy, 'method' | 'methodFrom' | 'target' | 'targetFrom' | 'targets' | 'connectTimeout' | 'group'> {
  const pick = (k: 'user' | 'dotfilesDir' | 'command' | 'branch'): string | undefined => own?.[k]?.value ?? defaults?.[k]?.value;
  const sshOptions = own?.sshOptions.length ? own.sshOptions : (defaults?.sshOptions ?? []);
  const port = own?.port?.value ?? defaults?.port?.value;
  const parallel = own?.parallel?.value ?? defaults?.parallel?.value;
  return {
    user: pick('user'),
    dotfilesDir: pick('dotfilesDir'),
    command: pick('command'),
    branch: pick('branch'),
    sshOptions: sshOptions.map((s) => s.value),
    ...(port !== undefined ? { port } : {}),
    ...(parallel !== undefined ? { parallel } : {}),
  };
}

/** Every address a machine's sources give it: the inventory's or profile's first, the profile's other own addresses, then its configured interfaces. */
export function machineAddressList(c: Machine, profileAddresses: readonly ProfileAddress[] = c.profile ? profileOwnAddresses(c.profile) : []): Str[] {
  const addresses: Str[] = [];
  const seen = new Set<string>();
  const fromProfile = profileAddresses.map((a) => ({ value: a.address, origin: a.origin }));
  for (const a of [c.ip, ...fromProfile, ...(c.nixos?.config?.addresses ?? []).map((x) => x.address)]) {
    if (a && !seen.has(a.value)) {
      seen.add(a.value);
      addresses.push(a);
    }
  }
  return addresses;
}

/** The addresses the machine's own files give it (its profile's and its configuration's), not the inventory's. */
function ownAddresses(c: Machine, profileAddresses: readonly ProfileAddress[]): string[] {
  return [...profileAddresses.map((a) => a.address), ...(c.nixos?.config?.addresses ?? []).map((x) => x.address.value)];
}

export function effectiveMachine(h: Pick<Homelab, 'inventory' | 'deployList'>, c: Machine): EffectiveMachine {
  const inv = h.inventory;
  const m = c.nixos;
  // Read once: the profile's settings are walked by name patterns, and the tree asks this for every machine.
  const profileAddresses = c.profile ? profileOwnAddresses(c.profile) : [];
  const addresses = machineAddressList(c, profileAddresses);

  const invMethod = c.decl?.deploy?.method ?? inv?.deploy?.method;
  const settings = merged(inv?.deploy, c.decl?.deploy);
  // The repository's deploy list: an ssh-script deploy; the inventory wins for what it declares.
  const listed = h.deployList?.entries.get(c.name);
  let method: DeployMethodName = 'ssh-script';
  let methodFrom: EffectiveDeploy['methodFrom'] = 'default';
  if (invMethod && METHODS.includes(invMethod.value as DeployMethodName)) {
    method = invMethod.value as DeployMethodName;
    methodFrom = 'inventory';
  } else if (listed) {
    method = 'ssh-script';
    methodFrom = 'deploy-list';
  } else if (m?.deploy) {
    method = m.deploy.method;
    // A name only `nix eval` listed carries no deploy method: the static sources decide.
    const stat = m.sources.filter((s): s is typeof s & { kind: Exclude<typeof s.kind, 'nix-eval'> } => s.kind !== 'nix-eval');
    methodFrom = stat.find((s) => s.origin.uri === m.deploy?.origin.uri)?.kind ?? stat[0]?.kind ?? 'flake';
  }
  if (listed) {
    if (!settings.user && listed.user) settings.user = listed.user.value;
    if (!settings.command && listed.command) settings.command = listed.command;
    if (!settings.dotfilesDir) settings.dotfilesDir = listDotfilesDir(settings.user);
  }
  // The machine's own deploy user counts where the inventory says none.
  if (!settings.user && m?.deploy?.user) settings.user = m.deploy.user.value;
  if (settings.port === undefined && m?.deploy?.port) settings.port = m.deploy.port.value;

  const configured = primaryAddress(m?.config?.addresses)?.address;
  // An inventory `ip` that restates an address the machine's own files give it describes the machine: the
  // target its own sources choose stays (a deploy list's order, its host name), so writing an inventory moves no
  // deploy. An address only the inventory knows is the user's say, and wins.
  const invIp = c.decl?.ip;
  const restated = invIp !== undefined && ownAddresses(c, profileAddresses).includes(invIp.value);
  const profileIp = c.profile?.system?.entries.get('ipAddress')?.value;
  const ownIp = invIp ? (profileIp?.kind === 'string' && profileIp.value ? { value: profileIp.value, origin: profileIp.origin } : undefined) : c.ip;
  const candidates: [Str | undefined, TargetSource][] = [
    [methodFrom === 'deploy-list' ? undefined : m?.deploy?.host, 'deploy-target'],
    [restated ? undefined : invIp, 'inventory'],
    [listed?.addresses[0], 'deploy-list'],
    [ownIp ?? configured, 'configuration'],
    [m?.config?.hostName, 'hostname'],
    [invIp, 'inventory'],
  ];
  // colmena's `targetHost = null` deploys on the machine itself whoever names colmena as the method.
  const local = method === m?.deploy?.method && methodFrom !== 'deploy-list' && m?.deploy?.local === true;
  const found = local ? undefined : candidates.find(([s]) => s !== undefined && s.value !== '');
  // The inventory's own line is where the target is said when it says the same address.
  const chosen: [Str | undefined, TargetSource] | undefined = found && invIp && found[1] !== 'inventory' && found[0]?.value === invIp.value && found[1] !== 'deploy-list' ? [invIp, 'inventory'] : found;
  // The list's own order when it gives the target; the inventory's ip first when it wins.
  const targets = chosen?.[1] === 'deploy-list' && listed ? listed.addresses : chosen ? [chosen[0] as Str] : [];
  for (const a of listed?.addresses ?? []) {
    if (isParsed(parseAddress(a.value)) && !addresses.some((x) => x.value === a.value)) addresses.push(a);
  }
  return {
    name: c.name,
    address: addresses[0],
    addresses,
    host: c.hostName ?? c.decl?.host?.value,
    hostName: m?.config?.hostName,
    deploy: {
      method,
      methodFrom,
      ...settings,
      ...(local ? { local: true } : {}),
      ...(chosen ? { target: chosen[0], targetFrom: chosen[1] } : {}),
      targets,
      ...(listed?.connectTimeout ? { connectTimeout: listed.connectTimeout.value } : {}),
      ...(listed?.group ? { group: listed.group } : {}),
    },
  };
}
