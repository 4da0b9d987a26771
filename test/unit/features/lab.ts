// A small homelab the feature tests share: one network, a Proxmox host, two
// machines with profiles over a base profile, two services. Tests copy it and
// put the cursor (`$0`) where they need it with `mark`.

export const INVENTORY = `networks:
  lan:
    cidr: 10.1.0.0/28
    gateway: 10.1.0.1
    dns: [10.1.0.1]
hosts:
  pve1:
    kind: proxmox
    ip: 10.1.0.2
containers:
  LXC_web:
    host: pve1
    ip: 10.1.0.5
    services: [site]
  LXC_db:
    host: pve1
    ip: 10.1.0.6
    services: [store]
services:
  site:
    port: 8080
  store:
    port: 5432
`;

export const BASE = `{
  systemSettings = {
    hostname = "base";
    allowedTCPPorts = [ 22 ];
  };
  userSettings = { };
}
`;

export const WEB = `let
  base = import ./LXC-base-config.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "web";
    ipAddress = "10.1.0.5";
  };
  userSettings = base.userSettings // { };
}
`;

export const DB = `let
  base = import ./LXC-base-config.nix;
in
{
  systemSettings = base.systemSettings // {
    hostname = "db";
    ipAddress = "10.1.0.6";
  };
  userSettings = base.userSettings // { };
}
`;

export const FILES = {
  'homelab.yaml': INVENTORY,
  'profiles/LXC-base-config.nix': BASE,
  'profiles/LXC_web-config.nix': WEB,
  'profiles/LXC_db-config.nix': DB,
} as const;

/** Puts `$0` before the `nth` (0-based) occurrence of `find` in `text`, `by` characters further on. */
export function mark(text: string, find: string, by = 0, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(find, at + 1);
    if (at < 0) throw new Error(`mark: ${JSON.stringify(find)} #${nth} not found`);
  }
  return `${text.slice(0, at + by)}$0${text.slice(at + by)}`;
}

/** The shared lab with the cursor put into one file. */
export function labWith(file: keyof typeof FILES, find: string, by = 0, nth = 0): Record<string, string> {
  return { ...FILES, [file]: mark(FILES[file], find, by, nth) };
}
