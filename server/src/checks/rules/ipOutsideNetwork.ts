// ip-outside-network: a host's or container's address that lies in no declared
// network, or that is the network or broadcast address of its network. Only
// machines the inventory declares are judged: one it does not know (a laptop's
// profile, a machine at another site) gets information at most, since the
// inventory's networks need not be its networks.
import { networkOf, type AddressIndex, type AddressPlace } from '../../model/addresses';
import type { Homelab } from '../../model/homelab';
import { judgementsOf } from '../machineJudgements';
import { isParsed, parseAddress, reservedRole } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP } from '../util';

/** The finding about one declared address, if any (reads the place, the networks and the inventory alone). */
function placeFinding(h: Homelab, idx: AddressIndex, p: AddressPlace): Finding | undefined {
  // A VPS lives on the internet, outside the homelab's networks.
  if (p.owner?.kind === 'host' && h.inventory?.hosts.get(p.owner.name)?.kind?.value === 'vps') return undefined;
  const a = parseAddress(p.key);
  if (!isParsed(a)) return undefined;
  const net = networkOf(idx, p.key);
  const declared = p.owner?.kind === 'host' || (p.owner?.kind === 'container' && h.inventory?.containers.has(p.owner.name) === true);
  if (!net) {
    const list = idx.networks.map((n) => `${n.name} ${n.cidr.key}`).join(', ');
    if (declared) return at('ip-outside-network', p.origin, `\`${p.text}\` is outside every declared network (${list})`);
    return {
      ...at('ip-outside-network', p.origin, `\`${p.text}\` is outside every network of the inventory (${list}); ${p.owner?.name ?? 'this machine'} is not in the inventory, so its networks may be others (another site)`),
      severity: 'info',
    };
  }
  const role = reservedRole(net.cidr, a.addr);
  return role ? at('ip-outside-network', p.origin, `\`${p.text}\` is the ${role} address of network ${net.name} (${net.cidr.key}), not usable by a ${p.owner?.kind ?? 'machine'}`) : undefined;
}

export const ipOutsideNetwork: Rule = inSteps({
  id: 'ip-outside-network',
  defaultSeverity: 'error',
  description: 'An address outside every declared network, or the network/broadcast address of its network.',
  scope: 'homelab',
  *checkSteps({ workspace, homelab: h }) {
    const out: Finding[] = [];
    const idx = h.addresses;
    if (idx.networks.length === 0) return out;
    // The index keeps an unchanged source's places as the same objects: a place judged at the last run against the
    // same networks and inventory is not judged again.
    const judged = judgementsOf<Finding | undefined, AddressPlace>(workspace, 'place ip-outside-network', [idx.networks, h.inventory]);
    let n = 0;
    // Indexed: an iterator in a generator leaves an object per place and step.
    for (let i = 0; i < idx.places.length; i++) {
      if (++n % (ITEMS_PER_STEP * 4) === 0) yield;
      const p = idx.places[i];
      if (p.role !== 'declares') continue;
      const f = judged.of(p, (x) => placeFinding(h, idx, x));
      if (f) out.push(f);
    }
    judged.done();
    return out;
  },
});
