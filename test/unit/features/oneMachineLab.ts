// A homelab with one machine on a /29 network (three addresses left free),
// for tests that fill the network, edit the one profile or break the
// inventory: the files, the workspace built on them, and an edit applied.
import { memoryHost } from '../memoryHost';
import { Workspace } from '../../../server/src/model/workspace';
import type { TextEdit } from '../../../server/src/features/types';

export const ROOT = 'file:///mem';
export const INV = `networks:
  lan:
    cidr: 10.0.0.0/29
    gateway: 10.0.0.1
    dns: [10.0.0.1]
hosts:
  pve:
    kind: proxmox
    ip: 10.0.0.2
containers:
  LXC_a:
    host: pve
    ip: 10.0.0.3
    services: [web]
services:
  web:
    port: 8080
`;
export const BASE = `{
  systemSettings = {
    allowedTCPPorts = [ 22 ];
  };
  userSettings = { };
}
`;
export const A = `let
  base = import ./LXC-base-config.nix;
in
{
  # comment kept
  systemSettings = base.systemSettings // {
    hostname = "a";
    ipAddress = "10.0.0.3";
  };
  userSettings = base.userSettings // { };
}
`;

/** The workspace of the lab, `extra` files added or replacing its own. */
export function workspace(extra: Record<string, string> = {}): Workspace {
  const ws = new Workspace(memoryHost({ 'homelab.yaml': INV, 'profiles/LXC-base-config.nix': BASE, 'profiles/LXC_a-config.nix': A, ...extra }, ROOT));
  ws.addFolder(ROOT);
  return ws;
}

/** A text with one edit applied. */
export function apply(text: string, e: TextEdit): string {
  return text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
}
