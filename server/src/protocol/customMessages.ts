// The custom LSP messages between the client and the server, as plain types and
// method names. Both sides import this file (it imports nothing), so the client
// never parses a homelab file itself: it asks the server.

export const TopologyRequest = 'homelab/topology';
export const TopologyChangedNotification = 'homelab/topologyChanged';
export const CheckWorkspaceRequest = 'homelab/checkWorkspace';
export const CreateInventoryRequest = 'homelab/createInventory';
/**
 * How much work the server did that a good client should never cause: full-text
 * diffs to find an edit, topologies built, topology notifications sent. Counts,
 * not times, so a test can assert them (test/lsp/incrementalSync.test.ts).
 */
export const CountersRequest = 'homelab/counters';
export interface Counters {
  fullTextDiffs: number;
  topologiesBuilt: number;
  topologyNotifications: number;
  /** Machine nodes of the tree made anew (a built topology reuses an unchanged machine's node). */
  topologyMachineNodesMade: number;
}
/**
 * The client's workspace trust (`{ trusted: boolean }`), sent when it changes;
 * the start-up state goes in `initializationOptions.workspaceTrusted`. The
 * server runs `nix eval` only in a trusted workspace; a client that says
 * nothing is untrusted.
 */
export const WorkspaceTrustNotification = 'homelab/workspaceTrust';

export interface Topology {
  homelabs: HomelabTopology[];
}

export interface HomelabTopology {
  /** URI of the folder the homelab lives in. */
  rootUri: string;
  name: string;
  inventoryUri?: string;
  networks: NetworkNode[];
  hosts: HostNode[];
  machines: MachineNode[];
  services: ServiceNode[];
  /** Where reading the fleet stopped (file:line, why, what to do): the tree shows them when it finds no machine. */
  stopped?: StoppedNode[];
}

export interface StoppedNode extends Located {
  /** `parts/hosts.nix:5`, relative to the homelab's folder. */
  place: string;
  reason: string;
  hint: string;
}

export interface Located {
  /** Where the thing is declared, to reveal it. */
  location?: { uri: string; line: number; character: number };
}

export interface NetworkNode extends Located {
  name: string;
  cidr: string;
  description?: string;
}

export type HostKind =
  | 'proxmox' | 'nas' | 'router' | 'switch' | 'access-point' | 'vps' | 'workstation' | 'other';

export interface HostNode extends Located {
  name: string;
  kind: HostKind;
  ip?: string;
  network?: string;
  description?: string;
  /** How to read this Proxmox host (its inventory `proxmox:` block, paths made absolute). */
  proxmox?: ProxmoxAccess;
  /** What the last read of this Proxmox host found (only for hosts the inventory says to read). */
  live?: HostLiveState;
}

/** A Proxmox host's last read, for the tree. */
export interface HostLiveState {
  via: 'api' | 'ssh';
  readAt: string;
  /** Why it could not be read; the tree shows it and drift is not judged. */
  error?: string;
  /** Guests Proxmox has that no inventory container declares ("unmanaged"). */
  unmanaged: ProxmoxGuest[];
}

export interface MachineNode extends Located {
  name: string;
  host?: string;
  ip?: string;
  network?: string;
  vmid?: number;
  configUri?: string;
  configExists: boolean;
  /** The profile and every file it imports (the base profile...), plus the defaults file. */
  configDependencies?: string[];
  description?: string;
  services: { name: string; port?: number; location?: Located['location'] }[];
  /** Feature flags (`*Enable`) that are true in the effective settings. */
  flagsOn: string[];
  update?: string;
  deploy: DeploySettings;
  /** Where a NixOS machine was found (`flake`, `colmena`, `deploy-rs`), besides the inventory and profiles. */
  sources?: string[];
  /** colmena's `deployment.tags`. */
  tags?: string[];
  /** The tree's group for a machine the inventory puts on no host: its first colmena tag, else where it was found. */
  group?: string;
  /**
   * Where a deploy goes (model/effectiveMachine.ts): the explicit deploy target
   * (colmena `targetHost`, deploy-rs `hostname`), else the inventory's `ip`,
   * else the configured address, else the host name. Deploys use it.
   */
  deployTarget?: string;
  /**
   * Every address or host name a deploy may use, in the order to try them
   * (a deploy list's); a deploy uses the first that answers. Absent: `deployTarget` alone.
   */
  deployTargets?: string[];
  /** `darwin` for a macOS machine (nix-darwin). */
  os?: 'darwin';
  /** Base profiles its profile imports (not machines of their own), to open from the tree. */
  baseProfiles?: { name: string; uri: string }[];
  /** The NixOS machine's `networking.hostName`. */
  hostName?: string;
  /** What Proxmox says of it, when its host was read (status `missing` when Proxmox does not have it). */
  live?: ContainerLiveState;
  /**
   * Known by name only, its modules still being read (the start-up answer of
   * a large fleet: `homelab/topologyChanged` follows once the whole homelab is
   * built). Its address, services and deploy target are not known yet.
   */
  reading?: true;
}

export interface ServiceNode extends Located {
  name: string;
  port?: number;
  url?: string;
  expose?: string;
  /** Machines that run it. */
  machines: string[];
  builtIn: boolean;
}

/** A machine's deploy settings after inventory defaults and overrides are merged. */
export interface DeploySettings {
  method: 'ssh-script' | 'nixos-rebuild' | 'colmena' | 'deploy-rs' | 'command';
  user?: string;
  dotfilesDir?: string;
  command?: string;
  sshOptions?: string[];
  parallel?: number;
  branch?: string;
  /** SSH connect time-out in seconds from the machine's source (a deploy list's SSH_TIMEOUT). */
  connectTimeout?: number;
}

export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export interface CreateInventoryParams {
  folderUri: string;
}

export interface CreateInventoryResult {
  /** Where the inventory should be written. */
  uri: string;
  text: string;
  containers: number;
}

export const DeployPlanRequest = 'homelab/deployPlan';

/** What deploying a folder's current state would change since a revision (see checks/plan). */
export interface DeployPlanParams {
  folderUri: string;
  /** The revision to compare with (default: the upstream of the current branch, else HEAD). */
  since?: string;
  /** Per machine, its own revision (its last successful deploy); overrides `since` for those machines. */
  sinceByMachine?: Record<string, string>;
  /**
   * The machines to plan. Omitted: the machines of `sinceByMachine` when given
   * (and every other machine too when `since` is also given), else every machine.
   */
  machines?: string[];
}

export interface DeployPlanResult {
  plan: DeployPlanJson;
  /** The plan as readable lines (`file:line  change`). */
  text: string;
  /** Each revision compared with → the commit it resolved to. */
  commits?: Record<string, string>;
  /** Why there is no plan (a bad revision, not a git repository, git missing...). */
  error?: string;
}

// The plan's own types, shared with the CLI (type-only: nothing of the checks layer reaches the client bundle).
export type { DeployPlan as DeployPlanJson, MachinePlan, PlanChange, PlanChangeKind, UnreadablePlanFile } from '../checks/plan/planTypes';
import type { DeployPlan as DeployPlanJson } from '../checks/plan/planTypes';

import type { ContainerLiveState, ProxmoxAccess, ProxmoxGuest } from './proxmoxMessages';
