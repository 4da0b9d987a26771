// Names for a new container: whether the name is one the inventory accepts,
// the host name derived the way its siblings' are (`LXC_paperless` → `paperless`
// when the siblings drop a common `LXC_` prefix), and the spellings of a
// service (its name, the built-in canonical name and aliases) used to match
// settings (`uptimeKumaEnable`) and NixOS services (`services.adguardhome`).
import { serviceNamed, type Machine, type Homelab } from '../../model/homelab';
import { builtinService } from '../../model/shipped';

/** The inventory schema's name pattern ($defs/name): letters, digits, `_`, `-`, `.`, not starting with `-` or `.`. */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function nameError(name: string): string | undefined {
  if (!NAME.test(name) || name.length > 64)
    return `\`${name}\` is not a valid container name: use letters, digits, \`_\`, \`-\` and \`.\` (at most 64), not starting with \`-\` or \`.\``;
  return undefined;
}

export function isHostLabel(s: string): boolean {
  return LABEL.test(s);
}

/**
 * The prefix every sibling's name starts with, up to its last `_` or `-`
 * (`LXC_` for LXC_HOME, LXC_proxy…): the part that is not in their host names.
 */
function commonPrefix(names: string[]): string {
  if (names.length < 2) return '';
  let p = names[0];
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  const cut = Math.max(p.lastIndexOf('_'), p.lastIndexOf('-'));
  return cut < 0 ? '' : p.slice(0, cut + 1);
}

/** `liftcraftTEST` → `liftcraft-test`, `my_box.lan` → `my-box-lan`: one DNS label, or undefined. */
function asLabel(s: string): string | undefined {
  const t = s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_.]+/g, '-')
    .toLowerCase()
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return isHostLabel(t) ? t : undefined;
}

/** The new container's host name: its name without the siblings' common prefix, as a DNS label. */
export function deriveHostname(name: string, siblings: Machine[]): string | undefined {
  const prefix = commonPrefix(siblings.map((c) => c.name));
  const stem = prefix && name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
  return asLabel(stem);
}

/** Lowercase letters and digits only: `adguard-home`, `adguardhome` and `AdGuard_Home` compare equal. */
export function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Every spelling of a service: as written, its declared or built-in canonical name, the built-in aliases. */
export function serviceSpellings(h: Homelab, name: string): string[] {
  const out = new Set<string>([name]);
  const s = serviceNamed(h, name);
  if (s) out.add(s.name);
  const b = builtinService(name);
  if (b) {
    out.add(b.name);
    for (const a of b.aliases ?? []) out.add(a);
  }
  return [...out];
}

/** `uptime-kuma` → `uptimeKuma`, `paperless-ngx` → `paperlessNgx`. */
export function camel(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p !== '');
  return parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
}
