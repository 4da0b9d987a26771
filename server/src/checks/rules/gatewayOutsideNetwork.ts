// gateway-outside-network: a network's `gateway` that does not lie inside its
// own `cidr`, or a NixOS machine's `networking.defaultGateway` outside the
// networks of its interface addresses and of the routes it puts on a link.
import { contains, isParsed, parseAddress, parseCidr } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at, rel } from '../util';

export const gatewayOutsideNetwork: Rule = {
  id: 'gateway-outside-network',
  defaultSeverity: 'error',
  description: "A network's gateway that is not inside the network's own CIDR.",
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    for (const n of h.inventory?.networks.values() ?? []) {
      if (!n.cidr || !n.gateway) continue;
      const c = parseCidr(n.cidr.value);
      const g = parseAddress(n.gateway.value);
      if (!isParsed(c) || !isParsed(g)) continue;
      if (!contains(c, g.addr)) out.push(at('gateway-outside-network', n.gateway.origin, `gateway \`${n.gateway.value}\` is outside network ${n.name} (${c.key})`));
    }
    // A NixOS machine's gateways (networking.defaultGateway, networkd's) must lie in the network of one of its interface addresses of that family.
    for (const m of h.nixosMachines.values()) {
      const nets = (m.config?.addresses ?? []).flatMap((a) => {
        const cidr = a.prefixLength !== undefined ? parseCidr(`${a.address.value}/${a.prefixLength}`) : undefined;
        return cidr && isParsed(cidr) ? [{ cidr, a }] : [];
      });
      // A host route onto the link (a cloud's /32 address and its gateway's route) makes the gateway reachable.
      const links = (m.config?.onLink ?? []).flatMap((r) => {
        const cidr = parseCidr(`${r.address}/${r.prefixLength}`);
        return isParsed(cidr) ? [cidr] : [];
      });
      const seen = new Set<string>();
      for (const gw of m.config?.gateways ?? []) {
        const g = parseAddress(gw.value);
        if (!isParsed(g) || seen.has(`${gw.origin.uri}#${gw.origin.span.start}#${g.key}`)) continue;
        seen.add(`${gw.origin.uri}#${gw.origin.span.start}#${g.key}`);
        const family = nets.filter((n) => n.cidr.addr.kind() === g.addr.kind());
        // An IPv6 gateway is often link-local (fe80::1), reached without a global address in its network.
        if (family.length === 0 || family.some((n) => contains(n.cidr, g.addr)) || links.some((c) => c.addr.kind() === g.addr.kind() && contains(c, g.addr))) continue;
        if (g.addr.kind() === 'ipv6' && g.addr.range() === 'linkLocal') continue;
        const first = family[0].a;
        out.push(
          at('gateway-outside-network', gw.origin, `${m.name}'s gateway \`${gw.value}\` is outside the networks of its addresses (${family.map((n) => n.cidr.key).join(', ')})`, {
            related: [rel(first.address.origin, `${m.name}'s address ${first.address.value}/${first.prefixLength}`)],
          }),
        );
      }
    }
    return out;
  },
};
