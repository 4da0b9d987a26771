// Reads the inventory's value tree (from the YAML front end) into typed
// declarations that keep the origin of every key and value. Tolerant: a wrong
// shape is left out here (the schema rule reports it), never thrown.
import type { Entry, Origin, Value } from '../syntax/value';

export interface Str {
  value: string;
  origin: Origin;
}
export interface Num {
  value: number;
  origin: Origin;
}

export interface NetworkDecl {
  name: string;
  keyOrigin: Origin;
  node: Value;
  cidr?: Str;
  gateway?: Str;
  dns: Str[];
  description?: Str;
}

export interface HostDecl {
  name: string;
  keyOrigin: Origin;
  node: Value;
  kind?: Str;
  ip?: Str;
  description?: Str;
  /** How to read a Proxmox host's live state and create containers on it (`proxmox:` block). */
  proxmox?: ProxmoxDecl;
}

/** `hosts.<name>.proxmox`: where the live state comes from and New Container's defaults. */
export interface ProxmoxDecl {
  node: Value;
  /** The API's base URL (`https://192.168.8.82:8006`). */
  api?: Str;
  /** `USER@REALM!TOKENID`; the secret lives in the editor's secret storage, never here. */
  tokenId?: Str;
  /** The certificate's SHA-256 fingerprint to pin. */
  fingerprint?: Str;
  /** A CA certificate file to trust, relative to the inventory's folder. */
  caFile?: Str;
  /** `api` (default when `api` is set) or `ssh` (`pvesh` over SSH). */
  via?: Str;
  /** SSH user for `pvesh` and `pct` (default root). */
  user?: Str;
  /** The Proxmox node name (default: the host's name). */
  nodeName?: Str;
  /** New Container's defaults for `pct create`. */
  template?: Str;
  storage?: Str;
  bridge?: Str;
}

export interface ServiceDecl {
  name: string;
  keyOrigin: Origin;
  node: Value;
  port?: Num;
  url?: Str;
  expose?: Str;
  /** The container or host that proxies this service, when the inventory names one. */
  proxy?: Str;
  description?: Str;
}

export interface DeploySpec {
  node: Value;
  method?: Str;
  user?: Str;
  dotfilesDir?: Str;
  command?: Str;
  branch?: Str;
  sshOptions: Str[];
  port?: Num;
  parallel?: Num;
}

export interface ContainerDecl {
  name: string;
  keyOrigin: Origin;
  node: Value;
  host?: Str;
  vmid?: Num;
  ip?: Str;
  hostname?: Str;
  profile?: Str;
  services: Str[];
  update?: Str;
  description?: Str;
  deploy?: DeploySpec;
  /** Proxmox tags the container should carry (compared with the live ones when declared). */
  tags: Str[];
}

export interface Inventory {
  uri: string;
  value: Value | undefined;
  domain?: Str;
  localDomain?: Str;
  networks: Map<string, NetworkDecl>;
  hosts: Map<string, HostDecl>;
  containers: Map<string, ContainerDecl>;
  services: Map<string, ServiceDecl>;
  deploy?: DeploySpec;
}

// A string or number of the tree is its own `Str`/`Num` (it has the value and
// the origin): the inventory keeps its tree, so a copy of each would be a second
// object per field (~110,000 for a 10,000-machine inventory, ~4 MB).
export function str(v: Value | undefined): Str | undefined {
  if (!v) return undefined;
  if (v.kind === 'string' || v.kind === 'path') return v;
  // Unquoted YAML numbers where a string is expected (e.g. `vmid`-like names) are kept as text.
  if (v.kind === 'number') return { value: String(v.value), origin: v.origin };
  return undefined;
}

export function num(v: Value | undefined): Num | undefined {
  return v && v.kind === 'number' ? v : undefined;
}

export function strList(v: Value | undefined): Str[] {
  if (!v) return [];
  if (v.kind === 'list') {
    // `map` makes an array of exactly the list's length; `filter` pushes, leaving room for 17 (a fleet's containers keep one each).
    const all = v.items.map(str);
    return all.includes(undefined) ? all.filter((s): s is Str => s !== undefined) : (all as Str[]);
  }
  const one = str(v);
  return one ? [one] : [];
}

function entries(v: Value | undefined): Entry[] {
  return v && v.kind === 'attrs' ? [...v.entries.values()] : [];
}

function get(v: Value | undefined, key: string): Value | undefined {
  return v && v.kind === 'attrs' ? v.entries.get(key)?.value : undefined;
}

export function readDeploy(node: Value | undefined): DeploySpec | undefined {
  if (!node || node.kind !== 'attrs') return undefined;
  return {
    node,
    method: str(get(node, 'method')),
    user: str(get(node, 'user')),
    dotfilesDir: str(get(node, 'dotfilesDir')),
    command: str(get(node, 'command')),
    branch: str(get(node, 'branch')),
    sshOptions: strList(get(node, 'sshOptions')),
    port: num(get(node, 'port')),
    parallel: num(get(node, 'parallel')),
  };
}

export function readProxmox(node: Value | undefined): ProxmoxDecl | undefined {
  if (!node || node.kind !== 'attrs') return undefined;
  return {
    node,
    api: str(get(node, 'api')),
    tokenId: str(get(node, 'tokenId')),
    fingerprint: str(get(node, 'fingerprint')),
    caFile: str(get(node, 'caFile')),
    via: str(get(node, 'via')),
    user: str(get(node, 'user')),
    nodeName: str(get(node, 'node')),
    template: str(get(node, 'template')),
    storage: str(get(node, 'storage')),
    bridge: str(get(node, 'bridge')),
  };
}

export function readInventory(uri: string, value: Value | undefined): Inventory {
  const inv: Inventory = {
    uri,
    value,
    domain: str(get(value, 'domain')),
    localDomain: str(get(value, 'localDomain')),
    networks: new Map(),
    hosts: new Map(),
    containers: new Map(),
    services: new Map(),
    deploy: readDeploy(get(value, 'deploy')),
  };
  for (const e of entries(get(value, 'networks'))) {
    inv.networks.set(e.key, {
      name: e.key,
      keyOrigin: e.keyOrigin,
      node: e.value,
      cidr: str(get(e.value, 'cidr')),
      gateway: str(get(e.value, 'gateway')),
      dns: strList(get(e.value, 'dns')),
      description: str(get(e.value, 'description')),
    });
  }
  for (const e of entries(get(value, 'hosts'))) {
    inv.hosts.set(e.key, {
      name: e.key,
      keyOrigin: e.keyOrigin,
      node: e.value,
      kind: str(get(e.value, 'kind')),
      ip: str(get(e.value, 'ip')),
      description: str(get(e.value, 'description')),
      proxmox: readProxmox(get(e.value, 'proxmox')),
    });
  }
  for (const e of entries(get(value, 'services'))) {
    inv.services.set(e.key, {
      name: e.key,
      keyOrigin: e.keyOrigin,
      node: e.value,
      port: num(get(e.value, 'port')),
      url: str(get(e.value, 'url')),
      expose: str(get(e.value, 'expose')),
      proxy: str(get(e.value, 'proxy')),
      description: str(get(e.value, 'description')),
    });
  }
  for (const e of entries(get(value, 'containers'))) {
    inv.containers.set(e.key, {
      name: e.key,
      keyOrigin: e.keyOrigin,
      node: e.value,
      host: str(get(e.value, 'host')),
      vmid: num(get(e.value, 'vmid')),
      ip: str(get(e.value, 'ip')),
      hostname: str(get(e.value, 'hostname')),
      profile: str(get(e.value, 'profile')),
      services: strList(get(e.value, 'services')),
      update: str(get(e.value, 'update')),
      description: str(get(e.value, 'description')),
      deploy: readDeploy(get(e.value, 'deploy')),
      tags: strList(get(e.value, 'tags')),
    });
  }
  return inv;
}
