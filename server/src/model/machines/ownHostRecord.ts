// A machine's own record in an option its repository declares: a set with a
// field that names the machine (`hostname = "web"`: its attribute name or host name) and
// gives its address (`homelab.host = { hostname = "web"; address =
// "10.0.0.5"; interface = "eth0"; }`), which the repository's modules then
// turn into networking, DNS records or service addresses. The address is the
// machine's own, declared there; when it is not known statically (read from
// an inventory the reader cannot follow), that place is named. A set that
// names no machine, or another one (a name server, a peer), is never taken.
// The option is one the machine's modules declare, or, when the declaring
// module is not read, a `<root>.<name>` set outside NixOS' namespaces.
import type { Origin, Value } from '../../syntax/value';
import { showAttrPath } from '../../syntax/valueText';
import { ADDRESS_FIELD } from './hostTables';
import { effectiveOption, optionKeys } from './moduleSystem';
import { inputOptionAddresses } from './inputOptionAddresses';
import { splitAddress, type InterfaceAddress, type UnreadAddresses } from './networkAddresses';

/** Declared options looked at, at most (a repository declares a few hundred). */
const MAX_OPTIONS = 2_000;
const MAX_DEPTH = 6;

/** The paths of the options declared in the machine's own modules (`mkOption` calls). */
function declaredOptionPaths(options: Value[]): string[][] {
  const out: string[][] = [];
  const walk = (v: Value, path: string[]): void => {
    if (out.length >= MAX_OPTIONS || path.length > MAX_DEPTH) return;
    if (v.kind === 'unknown' && v.call?.fn === 'mkOption') {
      if (path.length) out.push(path);
      return;
    }
    if (v.kind === 'attrs') for (const [k, e] of v.entries) walk(e.value, [...path, k]);
  };
  for (const o of options) walk(o, []);
  return out;
}

/**
 * NixOS' own top-level option names, and those of the modules most fleets
 * import from inputs: a set under them is never a repository's record.
 */
const FOREIGN_ROOTS = new Set([
  'appstream', 'assertions', 'boot', 'console', 'containers', 'documentation', 'environment', 'fileSystems', 'fonts', 'gtk',
  'hardware', 'i18n', 'image', 'isoImage', 'lib', 'location', 'meta', 'networking', 'nix', 'nixpkgs', 'power', 'powerManagement',
  'programs', 'qt', 'security', 'services', 'sound', 'specialisation', 'stylix', 'swapDevices', 'system', 'systemd', 'time', 'users',
  'virtualisation', 'warnings', 'xdg', 'zramSwap', 'home-manager', 'sops', 'age', 'disko', 'clan', 'microvm', 'deployment', 'facter',
  'nixos-hardware', 'catppuccin', 'impermanence', 'hjem', 'topology', 'snowfallorg', 'wsl', 'proxmoxLXC', 'proxmox',
]);

/**
 * Records whose option no module read declares (the declaring module comes
 * from where the reader does not follow): `<root>.<name>` sets outside NixOS'
 * and common inputs' namespaces.
 */
function undeclaredRecordPaths(configs: Value[]): string[][] {
  const out: string[][] = [];
  for (const root of optionKeys(configs, []) ?? []) {
    if (FOREIGN_ROOTS.has(root) || root.startsWith('_')) continue;
    for (const k of optionKeys(configs, [root]) ?? []) out.push([root, k]);
  }
  return out;
}

function originKey(o: Origin): string {
  return `${o.uri}#${o.span.start}`;
}

/** The addresses, and the address fields not known, of the machine's own records among its declared options. */
export function ownHostRecords(configs: Value[], options: Value[] | undefined, names: Set<string>): { addresses: InterfaceAddress[]; unread: UnreadAddresses[] } {
  const addresses: InterfaceAddress[] = [];
  const unread: UnreadAddresses[] = [];
  const seen = new Set<string>();
  for (const path of [...declaredOptionPaths(options ?? []), ...undeclaredRecordPaths(configs)]) {
    const keys = optionKeys(configs, path);
    if (!keys) continue;
    const addressFields = keys.filter((k) => ADDRESS_FIELD.test(k));
    if (!addressFields.length) continue;
    const identity = keys.filter((k) => !ADDRESS_FIELD.test(k)).map((k) => effectiveOption(configs, [...path, k])?.value);
    if (!identity.some((v) => v?.kind === 'string' && names.has(v.value))) continue;
    const key = path.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    for (const field of addressFields) {
      const v = effectiveOption(configs, [...path, field])?.value;
      const option = showAttrPath([...path, field]);
      if (v?.kind === 'unknown') unread.push({ option, origin: v.origin, reason: v.reason });
      if (v?.kind !== 'string') continue;
      const a = splitAddress({ value: v.value, origin: v.origin });
      if (a) addresses.push({ interface: path[path.length - 1], address: a.address, prefixLength: a.prefixLength, option, record: true });
    }
  }
  return { addresses, unread };
}

/**
 * The machine's configuration with the addresses set through options the
 * reader does not model — its own records, and an input's overlay network
 * (inputOptionAddresses.ts) — added (each place once), and their unknown ones named.
 */
export function withOwnHostRecords<C extends { addresses: InterfaceAddress[]; unreadAddresses: UnreadAddresses[]; hostName?: { value: string } }>(
  cfg: C,
  name: string | undefined,
  configs: Value[],
  options: Value[] | undefined,
): C {
  if (!name) return cfg;
  const names = new Set([name, ...(cfg.hostName ? [cfg.hostName.value] : [])]);
  const records = ownHostRecords(configs, options, names);
  const overlays = inputOptionAddresses(configs, options);
  const own = { addresses: [...records.addresses, ...overlays.addresses], unread: [...records.unread, ...overlays.unread] };
  const known = new Set(cfg.addresses.map((a) => originKey(a.address.origin)));
  const extra = own.addresses.filter((a) => !known.has(originKey(a.address.origin)));
  if (!extra.length && !own.unread.length) return cfg;
  return { ...cfg, addresses: [...cfg.addresses, ...extra], unreadAddresses: [...cfg.unreadAddresses, ...own.unread] };
}
