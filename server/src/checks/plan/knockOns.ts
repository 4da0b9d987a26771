// The knock-ons of a deploy: what the planned machines' changes do to other
// machines, judged on the homelab before and after. A machine the monitoring
// machine no longer scrapes; a service whose inventory `proxy:` forwards to a
// port the machine behind it no longer opens; two machines of one host that
// now update in the same minute (a clash that did not exist before). Each
// names the machine it lands on and the machine whose change causes it.
import { parseCalendar, sameMinute, type CalendarSpec } from '../../model/calendar';
import type { Machine, Homelab } from '../../model/homelab';
import { setting, settingValue } from '../../model/profiles';
import type { Origin, Value } from '../../syntax/value';
import { knownPorts } from '../rules/portNotOpen';
import { machineAddresses, runningUpdate, type MachineFacts } from './machineFacts';
import type { PlanChange } from './planTypes';

export type Place = (o: Origin) => { file: string; line: number };

export interface KnockOnInput {
  before: Homelab | undefined;
  after: Homelab;
  factsBefore: Map<string, MachineFacts>;
  factsAfter: Map<string, MachineFacts>;
  placeBefore: Place;
  placeAfter: Place;
}

/** Who scrapes each address: machine name → the target's fact. */
function scrapers(facts: Map<string, MachineFacts>): Map<string, Map<string, { text: string; origin: Origin }>> {
  const out = new Map<string, Map<string, { text: string; origin: Origin }>>();
  for (const m of facts.values())
    for (const f of m.facts.values()) {
      if (f.family !== 'scrape' || !f.address) continue;
      let by = out.get(f.address);
      if (!by) out.set(f.address, (by = new Map()));
      if (!by.has(m.name)) by.set(m.name, { text: f.text, origin: f.origin });
    }
  return out;
}

function noLongerScraped(i: KnockOnInput): PlanChange[] {
  if (!i.before) return [];
  const out: PlanChange[] = [];
  const was = scrapers(i.factsBefore);
  const now = scrapers(i.factsAfter);
  for (const x of i.after.machines.values()) {
    const old = i.before.machines.get(x.name);
    if (!old) continue;
    const nowBy = new Set(machineAddresses(x).flatMap((a) => [...(now.get(a)?.keys() ?? [])]));
    for (const address of machineAddresses(old))
      for (const [m, target] of was.get(address) ?? []) {
        if (m === x.name || nowBy.has(m) || !i.after.machines.has(m)) continue;
        // Caused by the scraping machine when its own targets lost the address (else the machine moved).
        if (now.get(address)?.has(m)) continue;
        out.push({
          machine: x.name,
          kind: 'no-longer-scraped',
          key: address,
          old: target.text,
          ...i.placeBefore(target.origin),
          cause: m,
          message: `${m} no longer scrapes ${x.name} at ${address}`,
        });
      }
  }
  return out;
}

/** Whether `port` is open on the machine: undefined when not known statically. */
function portOpen(c: Machine, port: number, udp: boolean): { open: boolean | undefined; list?: Value } {
  const listName = udp ? 'allowedUDPPorts' : 'allowedTCPPorts';
  if (c.profile?.system || c.profile?.user || !c.nixos?.config) {
    const fw = settingValue(c.profile, 'firewallEnable');
    if (fw?.kind === 'boolean' && !fw.value) return { open: true };
    const hit = setting(c.profile, listName);
    const ports = knownPorts(hit?.entry.value);
    return { open: ports ? ports.includes(port) : undefined, list: hit?.entry.value };
  }
  const cfg = c.nixos.config;
  if (cfg.firewall === false) return { open: true };
  const ports = udp ? cfg.udpPorts : cfg.tcpPorts;
  const list = cfg.options.get(`networking.firewall.${listName}`)?.value;
  if (!ports || cfg.firewall === undefined) return { open: undefined, list };
  return { open: ports.some((p) => p.value === port) || (!udp && cfg.sshPorts.includes(port)), list };
}

function proxyPortClosed(i: KnockOnInput): PlanChange[] {
  const out: PlanChange[] = [];
  if (!i.before || !i.after.inventory) return out;
  for (const c of i.after.machines.values()) {
    const old = i.before.machines.get(c.name);
    if (!old) continue;
    for (const ref of c.decl?.services ?? []) {
      const s = i.after.services.get(ref.value)?.decl;
      const proxy = s?.proxy?.value;
      if (!s?.port || !proxy || proxy === c.name) continue;
      const protocol = s.node.kind === 'attrs' ? s.node.entries.get('protocol')?.value : undefined;
      const udp = protocol?.kind === 'string' && protocol.value === 'udp';
      const now = portOpen(c, s.port.value, udp);
      if (now.open !== false || portOpen(old, s.port.value, udp).open !== true) continue;
      const proto = udp ? 'udp' : 'tcp';
      out.push({
        machine: proxy,
        kind: 'proxy-port-closed',
        key: ref.value,
        old: `${proto}/${s.port.value} open on ${c.name}`,
        new: `${proto}/${s.port.value} closed on ${c.name}`,
        ...i.placeAfter(now.list?.origin ?? i.factsAfter.get(c.name)?.place ?? ref.origin),
        cause: c.name,
        message: `${proxy} proxies ${ref.value} to ${c.name} on port ${s.port.value}/${proto}, which ${c.name} no longer opens`,
      });
    }
  }
  return out;
}

interface Scheduled {
  c: Machine;
  host: string;
  spec: CalendarSpec;
  origin: Origin;
}

function schedules(h: Homelab): Map<string, Scheduled> {
  const out = new Map<string, Scheduled>();
  for (const c of h.machines.values()) {
    const cal = runningUpdate(c);
    const spec = cal ? parseCalendar(cal.value) : undefined;
    if (cal && spec && !('error' in spec)) out.set(c.name, { c, host: c.hostName ?? '', spec, origin: cal.origin });
  }
  return out;
}

function clashes(s: Map<string, Scheduled>): Set<string> {
  const out = new Set<string>();
  const list = [...s.values()].sort((a, b) => (a.c.name < b.c.name ? -1 : a.c.name > b.c.name ? 1 : 0));
  for (let x = 0; x < list.length; x++)
    for (let y = x + 1; y < list.length; y++)
      if (list[x].host === list[y].host && sameMinute(list[x].spec, list[y].spec)) out.add(`${list[x].c.name}\0${list[y].c.name}`);
  return out;
}

function updateClash(i: KnockOnInput): PlanChange[] {
  const out: PlanChange[] = [];
  const was = i.before ? schedules(i.before) : new Map<string, Scheduled>();
  const now = schedules(i.after);
  const before = clashes(was);
  const moved = (name: string): boolean => {
    const a = was.get(name);
    const b = now.get(name);
    return !a || !b || a.host !== b.host || a.spec.normalized !== b.spec.normalized;
  };
  for (const pair of clashes(now)) {
    if (before.has(pair)) continue;
    const [a, b] = pair.split('\0');
    for (const [mover, other] of [[a, b], [b, a]]) {
      if (!moved(mover)) continue;
      const m = now.get(mover)!;
      out.push({
        machine: other,
        kind: 'update-clash',
        key: mover,
        new: m.spec.normalized,
        ...i.placeAfter(m.origin),
        cause: mover,
        message: `${mover} now auto-updates in the same minute as ${other}${m.host ? ` on host ${m.host}` : ''} (\`${m.spec.normalized}\`)`,
      });
    }
  }
  return out;
}

/** Every knock-on between the two homelabs (not yet filtered by the machines planned). */
export function knockOns(i: KnockOnInput): PlanChange[] {
  return [...noLongerScraped(i), ...proxyPortClosed(i), ...updateClash(i)];
}
