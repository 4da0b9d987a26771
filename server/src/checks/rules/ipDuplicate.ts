// ip-duplicate: one address declared by two different hosts/containers; every
// place is reported and points at the others as related information. NixOS
// machines of different `networking.domain`s sharing a private address may be
// on separate networks (two cloud regions, two sites): a warning, not an error.
import type { AddressPlace } from '../../model/addresses';
import type { Homelab } from '../../model/homelab';
import { isParsed, parseAddress } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, rel } from '../util';

/** Other places named by one finding. */
const MAX_OTHERS = 20;

/** How a finding names the owner of a place: a Proxmox container as one, any other machine as a machine. */
function ownerLabel(p: AddressPlace, h: Homelab): string {
  if (!p.owner) return 'another machine';
  if (p.owner.kind === 'profile') return `profile ${p.owner.name} (no container uses it)`;
  const decl = h.machines.get(p.owner.name)?.decl;
  return `${decl?.host || decl?.vmid ? 'container' : 'machine'} ${p.owner.name}`;
}

/** The domains of the NixOS machines declaring a private address, when every one has a domain and they differ; else undefined. */
function separateDomains(h: Homelab, key: string, decl: AddressPlace[]): Map<string, string> | undefined {
  const a = parseAddress(key);
  if (!isParsed(a) || !['private', 'uniqueLocal'].includes(a.addr.range())) return undefined;
  const domains = new Map<string, string>();
  for (const p of decl) {
    const domain = p.owner?.kind === 'container' ? h.nixosMachines.get(p.owner.name)?.config?.domain?.value : undefined;
    if (!domain) return undefined;
    domains.set(p.owner?.name ?? '', domain);
  }
  return new Set(domains.values()).size > 1 ? domains : undefined;
}

/**
 * Whether two different owners declare one of these places: most addresses of
 * a fleet are declared by one machine (its profile and its inventory entry),
 * and this rule looks at every address after each edit, so it tells that
 * without building the lists it builds for a finding.
 */
function twoOwnersDeclare(places: readonly AddressPlace[]): boolean {
  let first: AddressPlace['owner'];
  for (const p of places) {
    if (p.role !== 'declares' || !p.owner) continue;
    if (!first) first = p.owner;
    else if (p.owner.kind !== first.kind || p.owner.name !== first.name) return true;
  }
  return false;
}

export const ipDuplicate: Rule = inSteps({
  id: 'ip-duplicate',
  defaultSeverity: 'error',
  description: 'One IP address used by two hosts or containers (both places are reported).',
  scope: 'homelab',
  *checkSteps({ homelab: h }) {
    const out: Finding[] = [];
    const byKey = h.addresses.byKey;
    // Keys first, then an indexed loop: an entry iterator in a generator leaves two objects per address and step.
    const keys = [...byKey.keys()];
    for (let i = 0; i < keys.length; i++) {
      if ((i + 1) % (ITEMS_PER_STEP * 4) === 0) yield;
      const key = keys[i];
      const places = byKey.get(key) as AddressPlace[];
      if (!twoOwnersDeclare(places)) continue;
      const decl = places.filter((p) => p.role === 'declares' && p.owner);
      const owners = new Set(decl.map((p) => `${p.owner?.kind}:${p.owner?.name}`));
      if (owners.size < 2) continue;
      // Each place names the others; past a few dozen (a whole fleet on one address) the
      // lists are cut, so the work stays linear in the places instead of their square.
      const named = decl.slice(0, MAX_OTHERS + 1);
      const domains = separateDomains(h, key, decl);
      for (const p of decl) {
        const self = `${p.owner?.kind}:${p.owner?.name}`;
        const others = named.filter((o) => `${o.owner?.kind}:${o.owner?.name}` !== self).slice(0, MAX_OTHERS);
        const labels = [...new Set(others.map((o) => ownerLabel(o, h)))];
        const more = owners.size - 1 - labels.length;
        const finding = at('ip-duplicate', p.origin, `\`${key}\` is also used by ${labels.join(', ')}${more > 0 ? ` and ${more} more` : ''}`, {
          related: others.map((o) => rel(o.origin, `\`${key}\` is also used by ${ownerLabel(o, h)}`)),
          data: { address: key },
        });
        // A profile that no container uses is probably a stale copy: worth a look, not an error.
        if (decl.some((o) => o.owner?.kind === 'profile')) finding.severity = 'warning';
        if (domains) {
          finding.severity = 'warning';
          finding.message += ` (of domain ${[...new Set(others.map((o) => domains.get(o.owner?.name ?? '')))].map((d) => `\`${d}\``).join(', ')}, this one of \`${domains.get(p.owner?.name ?? '')}\`: separate networks may reuse a private address)`;
        }
        out.push(finding);
      }
    }
    return out;
  },
});
