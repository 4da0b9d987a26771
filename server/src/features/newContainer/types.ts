// New Container's plain data: what the client asks for (the protocol's
// NewContainerParams is this type) and what the features answer, in offsets
// like every other feature; protocol/newContainerRequest.ts turns it into the
// LSP-shaped proposal.
import type { Machine, Homelab } from '../../model/homelab';
import type { HostDecl, NetworkDecl } from '../../model/inventory';
import type { NetworkInfo } from '../../model/addresses';
import type { Workspace } from '../../model/workspace';
import type { TextEdit } from '../types';

export interface NewContainerInput {
  folderUri: string;
  name: string;
  /** The inventory host (kind proxmox). */
  host: string;
  network: string;
  services: string[];
  /** vmids Proxmox already uses (live), so the proposal avoids them too. */
  liveVmids?: number[];
  /** Addresses in use live (static or reported), avoided too. */
  liveAddresses?: string[];
  /** The container template for `pct create` (e.g. `local:vztmpl/nixos-…tar.xz`). */
  template?: string;
  /** The storage for the root disk (default `local-lvm`). */
  storage?: string;
}

export interface NewContainerPlan {
  vmid: number;
  address: string;
  prefixLength: number;
  gateway?: string;
  update?: string;
  /** The new profile, relative to the folder. */
  profilePath?: string;
  /** New files, URI → whole text. */
  createFiles: Map<string, string>;
  /** Edits to existing files, URI → edits in offsets of their current text. */
  edits: Map<string, TextEdit[]>;
  pctCreate: string[];
  summary: string[];
}

/** Everything the parts of the proposal share, resolved once from the input. */
export interface NewContainerContext {
  ws: Workspace;
  h: Homelab;
  name: string;
  /** Its host name (one DNS label), derived like the siblings'. */
  hostname?: string;
  host: HostDecl;
  network: NetworkDecl;
  net: NetworkInfo;
  /** The services as asked (names as the user wrote them), without repeats. */
  services: string[];
  /** The containers of the same Proxmox host, in inventory order. */
  siblings: Machine[];
  vmid: number;
  address: string;
  update?: string;
}

/** Adds an edit to a per-URI map. */
export function addEdit(edits: Map<string, TextEdit[]>, uri: string, edit: TextEdit): void {
  const list = edits.get(uri) ?? [];
  list.push(edit);
  edits.set(uri, list);
}
