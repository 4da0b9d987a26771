// port-not-open: a service with an explicit `port` in the inventory runs on a
// container whose effective `allowedTCPPorts` (for a NixOS machine, its
// `networking.firewall.allowedTCPPorts` from all its modules) lacks that port (the catalog's
// usual ports do not count), unless the service is `expose: none` or reached
// through a proxy the inventory names.
import { settingValue, setting } from '../../model/profiles';
import type { Value } from '../../syntax/value';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, rel } from '../util';
import type { Homelab, Machine } from '../../model/homelab';
import { judgeEachMachine } from '../machineJudgements';
import type { Str } from '../../model/inventory';
import type { NixosConfig } from '../../model/machines/nixosConfig';

function str(v: Value, key: string): string | undefined {
  const x = v.kind === 'attrs' ? v.entries.get(key)?.value : undefined;
  return x?.kind === 'string' ? x.value : undefined;
}

/** The numbers of a list value, or undefined when any part is not known. */
export function knownPorts(v: Value | undefined): number[] | undefined {
  if (!v || v.kind !== 'list') return undefined;
  const out: number[] = [];
  for (const i of v.items) {
    if (i.kind !== 'number') return undefined;
    out.push(i.value);
  }
  return out;
}

/** The same judgement on a NixOS machine: its firewall's ports merged from all its modules (SSH ports count as open). */
function machinePortsNotOpen(h: Homelab, name: string, refs: Str[], cfg: NixosConfig): Finding[] {
  const out: Finding[] = [];
  const inv = h.inventory;
  if (cfg.firewall !== true || !inv) return out;
  for (const ref of refs) {
    const s = h.services.get(ref.value)?.decl;
    if (!s?.port || s.expose?.value === 'none') continue;
    if (s.proxy && (inv.containers.has(s.proxy.value) || inv.hosts.has(s.proxy.value))) continue;
    const udp = str(s.node, 'protocol') === 'udp';
    const ports = udp ? cfg.udpPorts : cfg.tcpPorts;
    if (!ports) continue; // not known statically
    const open = new Set([...ports.map((p) => p.value), ...(udp ? [] : cfg.sshPorts)]);
    if (open.has(s.port.value)) continue;
    const option = `networking.firewall.allowed${udp ? 'UDP' : 'TCP'}Ports`;
    out.push(
      at('port-not-open', ref.origin, `${ref.value} listens on port ${s.port.value}, but ${name}'s ${option} does not open it`, {
        related: [...(ports[0] ? [rel(ports[0].origin, `${option} of ${name}`)] : []), rel(s.port.origin, `port of ${ref.value}`)],
        data: { port: s.port.value, container: name },
      }),
    );
  }
  return out;
}

/** The ports a machine's services need that its firewall does not open (reads the machine, the services and the inventory). */
function machineFindings(h: Homelab, c: Machine): readonly Finding[] {
  const inv = h.inventory;
  if (!inv) return NONE;
  if (c.decl && c.nixos?.config && !c.profile?.system && !c.profile?.user) {
    const found = machinePortsNotOpen(h, c.name, c.decl.services, c.nixos.config);
    return found.length ? found : NONE;
  }
  if (!c.decl || !c.profile) return NONE;
  const fw = settingValue(c.profile, 'firewallEnable');
  if (fw?.kind === 'boolean' && !fw.value) return NONE;
  let out: Finding[] | undefined;
  for (const ref of c.decl.services) {
    const s = h.services.get(ref.value)?.decl;
    if (!s?.port) continue;
    const udp = str(s.node, 'protocol') === 'udp';
    const listName = udp ? 'allowedUDPPorts' : 'allowedTCPPorts';
    const hit = setting(c.profile, listName);
    const ports = knownPorts(hit?.entry.value);
    if (!hit || !ports) continue;
    if (s.expose?.value === 'none') continue;
    if (s.proxy && (inv.containers.has(s.proxy.value) || inv.hosts.has(s.proxy.value))) continue;
    if (ports.includes(s.port.value)) continue;
    (out ??= []).push(
      at('port-not-open', ref.origin, `${ref.value} listens on port ${s.port.value}, but ${c.name}'s ${listName} does not open it`, {
        related: [rel(hit.entry.value.origin, `${listName} of ${c.name}`), rel(s.port.origin, `port of ${ref.value}`)],
        data: { port: s.port.value, profileUri: c.configUri, container: c.name },
      }),
    );
  }
  return out ?? NONE;
}

const NONE: readonly Finding[] = Object.freeze([]);

export const portNotOpen: Rule = inSteps({
  id: 'port-not-open',
  defaultSeverity: 'warning',
  description: "A service's declared port that the container's firewall (`allowedTCPPorts`) does not open.",
  scope: 'homelab',
  *checkSteps({ workspace, homelab: h }) {
    if (!h.inventory) return [];
    // A machine judged at the last run, unchanged since (nor the services or the inventory), is not judged again.
    return yield* judgeEachMachine(workspace, 'port-not-open', [h.services, h.inventory], h, (m) => machineFindings(h, m), ITEMS_PER_STEP);
  },
});
