// inventory-profile-mismatch: the inventory and a container's profile disagree
// where both speak: `ip` vs `ipAddress`, `hostname`, `update` vs
// `autoSystemUpdateOnCalendar`. Reported on the profile's text when the
// profile itself sets the value, else on the inventory's.
import { parseCalendar } from '../../model/calendar';
import { isParsed, parseAddress } from '../../model/ip';
import type { Str } from '../../model/inventory';
import { setting } from '../../model/profiles';
import { profileOwnAddresses } from '../../model/profileAddresses';
import type { Origin } from '../../syntax/value';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, rel } from '../util';
import type { NixosMachine } from '../../model/machines/machine';
import type { Machine } from '../../model/homelab';
import { judgeEachMachine } from '../machineJudgements';

/**
 * The inventory against a NixOS machine's configuration: its `ip` must be one
 * of the interface addresses, its `hostname` the `networking.hostName`.
 * Reported on both places (each a line the user may have to change).
 */
function machineMismatch(name: string, ip: Str | undefined, hostname: Str | undefined, m: NixosMachine, profileAddresses: string[]): Finding[] {
  const out: Finding[] = [];
  const both = (inv: Str, conf: Str, label: string, field: string): void => {
    const data = { field, inventory: inv.value, profile: conf.value };
    out.push(
      at('inventory-profile-mismatch', inv.origin, `${label} disagrees: the inventory says \`${inv.value}\` for ${name}, its configuration says \`${conf.value}\``, {
        related: [rel(conf.origin, `the configuration's ${label}`)],
        data,
      }),
      at('inventory-profile-mismatch', conf.origin, `${label} disagrees: ${name}'s configuration says \`${conf.value}\`, the inventory says \`${inv.value}\``, {
        related: [rel(inv.origin, `the inventory's ${label}`)],
        data,
      }),
    );
  };
  const addresses = m.config?.addresses ?? [];
  const want = ip ? parseAddress(ip.value) : undefined;
  if (ip && want && isParsed(want) && addresses.length) {
    // The profile's own addresses count too: a profile whose `ipAddress` the repository's modules apply in ways
    // not read (a bridge, a VPN) still says where the machine is, and the profile check below compares them.
    const match = [...addresses.map((a) => a.address.value), ...profileAddresses].some((a) => {
      const k = parseAddress(a);
      return isParsed(k) && k.key === want.key;
    });
    if (!match) both(ip, addresses[0].address, 'IP address', 'ip');
  }
  const hn = m.config?.hostName;
  if (hostname && hn && hostname.value !== hn.value) both(hostname, hn, 'hostname', 'hostname');
  return out;
}

/** Where one machine's inventory entry and configuration disagree (reads the machine alone). */
function machineFindings(c: Machine): readonly Finding[] {
  const out: Finding[] = [];
  const d = c.decl;
  if (d && c.nixos) out.push(...machineMismatch(c.name, d.ip, d.hostname, c.nixos, c.profile ? profileOwnAddresses(c.profile).map((a) => a.address) : []));
  const p = c.profile;
  if (!d || !p || !c.configUri) return out.length ? out : NONE;
  const compare = (inv: Str | undefined, key: string, label: string, same: (a: string, b: string) => boolean | undefined): void => {
    const hit = setting(p, key);
    const v = hit?.entry.value;
    if (!inv || !v || v.kind !== 'string' || v.value === '') return;
    const eq = same(inv.value, v.value);
    if (eq !== false) return;
    const inProfile = v.origin.uri === c.configUri;
    const place: Origin = inProfile ? v.origin : inv.origin;
    const other: Origin = inProfile ? inv.origin : v.origin;
    const msg = `${label} disagrees: the inventory says \`${inv.value}\` for ${c.name}, its profile says \`${v.value}\``;
    out.push(
      at('inventory-profile-mismatch', place, msg, {
        related: [rel(other, inProfile ? `the inventory's ${label}` : `the profile's ${label}`)],
        data: { field: key, inventory: inv.value, profile: v.value },
      }),
    );
  };
  compare(d.ip, 'ipAddress', 'IP address', (a, b) => {
    const x = parseAddress(a);
    const y = parseAddress(b);
    return isParsed(x) && isParsed(y) ? x.key === y.key : undefined;
  });
  compare(d.hostname, 'hostname', 'hostname', (a, b) => a === b);
  compare(d.update, 'autoSystemUpdateOnCalendar', 'update calendar', (a, b) => {
    const x = parseCalendar(a);
    const y = parseCalendar(b);
    return 'error' in x || 'error' in y ? undefined : x.normalized === y.normalized;
  });
  return out.length ? out : NONE;
}

const NONE: readonly Finding[] = Object.freeze([]);

export const inventoryProfileMismatch: Rule = inSteps({
  id: 'inventory-profile-mismatch',
  defaultSeverity: 'warning',
  description: 'The inventory and the profile of a container disagree (address, hostname, update calendar).',
  scope: 'homelab',
  *checkSteps({ workspace, homelab: h }) {
    // A machine judged at the last run and unchanged since is not judged again.
    return yield* judgeEachMachine(workspace, 'inventory-profile-mismatch', [], h, machineFindings, ITEMS_PER_STEP);
  },
});
