// The messages about Proxmox between the client and the server, as plain types
// and method names. Both sides import this file; its imports are type-only
// (the live state's shapes are the model's, New Container's request the
// feature's), so nothing of the server reaches the client bundle.
//
// Who does what: the client reads the live state (it holds the API token in
// SecretStorage, or runs `pvesh` over SSH) and sends it with
// `homelab/proxmoxLiveState`; the server judges drift against the inventory,
// publishes it as diagnostics with quick fixes and puts the live state into
// the topology. New Container is proposed by the server (a workspace edit and
// the `pct create` argument vector); the client shows it and runs it.

export const ProxmoxLiveStateNotification = 'homelab/proxmoxLiveState';
export const NewContainerRequest = 'homelab/newContainer';

/** How the inventory says to read one Proxmox host (`hosts.<name>.proxmox`). */
export interface ProxmoxAccess {
  /** The inventory host (kind proxmox). */
  host: string;
  /** `api`: the HTTPS API with a token; `ssh`: `pvesh` over SSH to the host's address. */
  via: 'api' | 'ssh';
  /** The API's base URL, e.g. `https://192.168.8.82:8006` (via api). */
  api?: string;
  /** `USER@REALM!TOKENID`; the secret is never in the inventory (via api). */
  tokenId?: string;
  /** SHA-256 fingerprint of the certificate to pin (`AB:CD:…`), instead of the system CAs. */
  fingerprint?: string;
  /** A CA certificate file (absolute path) to trust besides the system CAs. */
  caFile?: string;
  /** The host's address and SSH user (via ssh, and to run `pct create`). */
  address?: string;
  user?: string;
  /** The Proxmox node name of this host (default: the inventory host's name). */
  node?: string;
}

export type { LiveGuest as ProxmoxGuest, LiveHostState as ProxmoxHostState } from '../model/proxmoxLive';
import type { LiveHostState as ProxmoxHostState } from '../model/proxmoxLive';

export interface ProxmoxLiveStateParams {
  /** The folder whose inventory declares these hosts. */
  folderUri: string;
  /** Every host read this round; a host left out keeps no live state. */
  hosts: ProxmoxHostState[];
}

/** Live state of one inventory container, as the topology carries it to the tree. */
export interface ContainerLiveState {
  /** `missing`: the host was read and has no such container. */
  status: string;
  node?: string;
  uptimeSeconds?: number;
  cpu?: number;
  memoryBytes?: number;
  maxMemoryBytes?: number;
  liveAddresses?: string[];
}

/** What the client asks New Container for (the feature's own input shape). */
export type { NewContainerInput as NewContainerParams } from '../features/newContainer/types';

/** A text edit of the LSP's shape (kept here so this file imports nothing). */
export interface ProposalTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export interface NewContainerProposal {
  vmid: number;
  address: string;
  prefixLength: number;
  gateway?: string;
  /** The update slot (`OnCalendar` form) chosen to keep the host's updates staggered. */
  update?: string;
  /** The new profile's path relative to the folder. */
  profilePath?: string;
  /** Files to create (URI → whole text). */
  createFiles: Record<string, string>;
  /** Edits to existing files (URI → edits), comments and layout kept. */
  edits: Record<string, ProposalTextEdit[]>;
  /** The arguments of `pct create` (after `pct`), to run on the host over SSH. */
  pctCreate: string[];
  /** One line per decision, for the preview (`vmid 110: next free on pve`). */
  summary: string[];
  /** Why no proposal could be made (unknown host, network full…). */
  error?: string;
}
