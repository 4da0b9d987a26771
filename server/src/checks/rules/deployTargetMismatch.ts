// deploy-target-mismatch: a machine's deploy target (colmena's
// `deployment.targetHost`, deploy-rs's `hostname`) is an address that none of
// its configured interfaces has: the deploy would go to another machine, or
// nowhere. Reported on the target and on the configured address. A machine
// whose only address of the target's family is its record in an option of
// the repository's own (not an interface) is not compared.
import { isParsed, parseAddress } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at, rel } from '../util';

export const deployTargetMismatch: Rule = {
  id: 'deploy-target-mismatch',
  defaultSeverity: 'error',
  description: "A machine's deploy target address is not one of the addresses its configuration gives it.",
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    for (const m of h.nixosMachines.values()) {
      // An image is written to a medium, never deployed.
      if (m.image) continue;
      const target = m.deploy?.host;
      const addresses = m.config?.addresses ?? [];
      if (!target || addresses.length === 0) continue;
      const t = parseAddress(target.value);
      if (!isParsed(t)) continue; // a DNS name: cannot be compared statically
      const keys = addresses.map((a) => parseAddress(a.address.value));
      if (keys.some((k) => isParsed(k) && k.key === t.key)) continue;
      // An IPv4 target of a machine configured with IPv6 addresses only (or the reverse), or with a tunnel's
      // address only in that family: its other address comes from DHCP (a tunnel's end is not its link's address).
      const sameFamily = (a: (typeof addresses)[number], i: number): boolean => { const k = keys[i]; return !a.tunnel && isParsed(k) && k.addr.kind() === t.addr.kind(); };
      if (!addresses.some(sameFamily)) continue;
      // Only a record in the repository's own option gives an address of that family: it names one address of the
      // machine, not every one (its interfaces may take the target by DHCP).
      if (addresses.every((a, i) => !sameFamily(a, i) || a.record)) continue;
      const first = addresses.find(sameFamily) ?? addresses[0];
      const configured = addresses.map((a) => `\`${a.address.value}\``).join(', ');
      out.push(
        at('deploy-target-mismatch', target.origin, `${m.name} is deployed to \`${t.key}\`, but its configuration gives it ${configured}`, {
          related: [rel(first.address.origin, `${m.name}'s configured address (${first.interface})`)],
          data: { machine: m.name, target: t.key, configured: first.address.value },
        }),
        at('deploy-target-mismatch', first.address.origin, `${m.name} is configured as \`${first.address.value}\`, but its deploy target is \`${t.key}\``, {
          related: [rel(target.origin, `${m.name}'s deploy target (${m.deploy?.method})`)],
          data: { machine: m.name, target: t.key, configured: first.address.value },
        }),
      );
    }
    return out;
  },
};
