// A repository's own host table that no module turns into `networking.*`:
// a set keyed by machine names, handed to the modules as an argument
// (`specialArgs = { hosts = devices.hosts; }`, `_module.args.hosts = …`),
// whose entry for this machine has an address field (`address`, `ip`, `ip4`,
// `ipv4`, `ipv6`…). The entry is where the repository records the machine's
// address (a Tailscale address in a devices.toml), so it declares it — with
// the origin of the table's text. The machine's own entry is found by its
// attribute name or its host name; other machines' entries are theirs.
import type { Value } from '../../syntax/value';
import type { MachineFinding } from './machine';
import { effectiveOption } from './moduleSystem';
import { optionPath, splitAddress, type InterfaceAddress } from './networkAddresses';

const ADDRESS_FIELD = /^(address|addr|ip|ip4|ipv4|ip6|ipv6|ipAddress|ipv4Address|ipv6Address)$/;

type Attrs = Extract<Value, { kind: 'attrs' }>;

function attrs(v: Value | undefined): Attrs | undefined {
  return v?.kind === 'attrs' ? v : undefined;
}

/** The address fields of one table entry (a string, or a list of strings). */
function entryAddresses(entry: Attrs, where: string[]): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const [k, e] of entry.entries) {
    if (!ADDRESS_FIELD.test(k)) continue;
    const items = e.value.kind === 'list' ? e.value.items : [e.value];
    for (const i of items) {
      if (i.kind !== 'string') continue;
      const a = splitAddress({ value: i.value, origin: i.origin });
      if (a) out.push({ interface: where[1], address: a.address, prefixLength: a.prefixLength, option: optionPath([...where, k]) });
    }
  }
  return out;
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
  for (const [k, e] of attrs(f.specialArgs)?.entries ?? []) args.push([['specialArgs', k], e.value]);
  for (const [k, e] of attrs(effectiveOption(configs, ['_module', 'args'])?.value)?.entries ?? []) args.push([['_module', 'args', k], e.value]);
  const out: InterfaceAddress[] = [];
  for (const [label, v] of args) {
    // The table itself, or a table one level down (`{ hosts = …; keys = …; }` as one argument).
    const candidates: [string[], Attrs][] = [];
    const top = attrs(v);
    if (!top) continue;
    candidates.push([label, top]);
    for (const [k, e] of top.entries) {
      const inner = attrs(e.value);
      if (inner) candidates.push([[...label, k], inner]);
    }
    for (const [where, table] of candidates)
      for (const n of names) {
        const own = attrs(table.entries.get(n)?.value);
        if (own) out.push(...entryAddresses(own, [...where, n]));
      }
  }
  const seen = new Set<string>();
  return out.filter((a) => {
    const id = `${a.address.origin.uri}#${a.address.origin.span.start}#${a.address.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
