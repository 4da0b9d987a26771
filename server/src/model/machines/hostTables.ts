// A repository's own host table that no module turns into `networking.*`:
// a set keyed by machine names, handed to the modules as an argument
// (`specialArgs = { hosts = devices.hosts; }`, `_module.args.hosts = …`) or
// set as the value of the repository's own option
// (`networking.lab.hosts.<name>.ipv4 = …;` in a shared module), whose entry
// for this machine has an address field (`address`, `ip`, `ip4`, `ipv4`,
// `ipv6`…). An option's value counts as a table when at least two of its
// entries have such a field. The entry is where the repository records the machine's
// address (a Tailscale address in a devices.toml), so it declares it — with
// the origin of the table's text. The machine's own entry is found by its
// attribute name or its host name; other machines' entries are theirs.
import { asAttrs, type AttrsValue, type Value } from '../../syntax/value';
import { showAttrPath } from '../../syntax/valueText';
import type { MachineFinding } from './machine';
import { effectiveOption } from './moduleSystem';
import { splitAddress, type InterfaceAddress } from './networkAddresses';

/** The fields of a host entry that hold its address. */
export const ADDRESS_FIELD = /^(address|ip|ip4|ipv4|ip6|ipv6|ipAddress|ipv4Address|ipv6Address)$/;

/** Lists of `{ address = …; }` sets in an entry (tinc's `hostSettings.<name>.addresses` / `subnets`). */
const ADDRESS_LIST_FIELD = /^(addresses|subnets)$/;

/** The address fields of one table entry (a string, a list of strings, or a list of `{ address; }`). */
function entryAddresses(entry: AttrsValue, where: string[]): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const [k, e] of entry.entries) {
    const listOfSets = ADDRESS_LIST_FIELD.test(k) && e.value.kind === 'list';
    if (!ADDRESS_FIELD.test(k) && !listOfSets) continue;
    const items = e.value.kind === 'list' ? e.value.items : [e.value];
    for (const item of items) {
      const i = listOfSets && item.kind === 'attrs' ? (item.entries.get('address')?.value ?? item) : item;
      if (i.kind !== 'string') continue;
      const a = splitAddress({ value: i.value, origin: i.origin });
      if (a) out.push({ interface: where[1], address: a.address, prefixLength: a.prefixLength, option: showAttrPath([...where, k]) });
    }
  }
  return out;
}

function hasAddressField(v: Value): boolean {
  const a = asAttrs(v);
  return a !== undefined && entryAddresses(a, ['', '']).length > 0;
}

/** Sets inside one module's config that look like host tables, with their option path (cached per module value). */
const tablesOf = new WeakMap<Value, [string[], AttrsValue][]>();

function configTables(config: Value): [string[], AttrsValue][] {
  let found = tablesOf.get(config);
  if (found) return found;
  found = [];
  const walk = (v: AttrsValue, path: string[], depth: number): void => {
    let rows = 0;
    for (const e of v.entries.values()) if (hasAddressField(e.value)) rows++;
    if (rows >= 2) found?.push([path, v]);
    if (depth >= 6) return;
    for (const [k, e] of v.entries) {
      const inner = asAttrs(e.value);
      // Module-system wrappers (`mkIf`, `mkDefault`) are not tables; their content is not followed here.
      if (inner && !inner.entries.has('_type')) walk(inner, [...path, k], depth + 1);
    }
  };
  const root = asAttrs(config);
  if (root) walk(root, [], 0);
  tablesOf.set(config, found);
  return found;
}

/** The machine's configuration with the addresses of its own host-table entry added (each place once). */
export function withHostTable<C extends { addresses: InterfaceAddress[]; hostName?: { value: string } }>(cfg: C, f: MachineFinding | undefined, configs: Value[]): C {
  if (!f) return cfg;
  const known = new Set(cfg.addresses.map((a) => `${a.address.origin.uri}#${a.address.origin.span.start}`));
  const extra = hostTableAddresses(f, configs, cfg.hostName?.value).filter((a) => !known.has(`${a.address.origin.uri}#${a.address.origin.span.start}`));
  return extra.length ? { ...cfg, addresses: [...cfg.addresses, ...extra] } : cfg;
}

/** Addresses of the machine's own entry in the host tables among its module arguments. */
export function hostTableAddresses(f: MachineFinding, configs: Value[], hostName: string | undefined): InterfaceAddress[] {
  const names = new Set([f.name, ...(hostName ? [hostName] : [])]);
  const args: [string[], Value][] = [];
  for (const [k, e] of asAttrs(f.specialArgs)?.entries ?? []) args.push([['specialArgs', k], e.value]);
  for (const [k, e] of asAttrs(effectiveOption(configs, ['_module', 'args'])?.value)?.entries ?? []) args.push([['_module', 'args', k], e.value]);
  const out: InterfaceAddress[] = [];
  for (const [label, v] of args) {
    // The table itself, or a table one level down (`{ hosts = …; keys = …; }` as one argument).
    const candidates: [string[], AttrsValue][] = [];
    const top = asAttrs(v);
    if (!top) continue;
    candidates.push([label, top]);
    for (const [k, e] of top.entries) {
      const inner = asAttrs(e.value);
      if (inner) candidates.push([[...label, k], inner]);
    }
    for (const [where, table] of candidates)
      for (const n of names) {
        const own = asAttrs(table.entries.get(n)?.value);
        if (own) out.push(...entryAddresses(own, [...where, n]));
      }
  }
  for (const c of configs)
    for (const [where, table] of configTables(c))
      for (const n of names) {
        const own = asAttrs(table.entries.get(n)?.value);
        if (own) out.push(...entryAddresses(own, [...where, n]));
      }
  const seen = new Set<string>();
  return out.filter((a) => {
    const id = `${a.address.origin.uri}#${a.address.origin.span.start}#${a.address.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
