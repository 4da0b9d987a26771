// What the deploy plan compares for one machine of a homelab, as flat facts
// keyed by family and key, each with its value text and where it is set:
// inventory fields, profile settings, standard NixOS options (leaves of the
// options the model reads), services, open firewall ports, scrape targets and
// the update calendar it runs. A family whose value is not known statically is
// marked unknown as a whole, so the plan never reports a guess.
import { machineAddressList } from '../../model/effectiveMachine';
import { parseCalendar } from '../../model/calendar';
import type { Machine, Homelab } from '../../model/homelab';
import { isParsed, parseAddress } from '../../model/ip';
import { setting, settingValue } from '../../model/profiles';
import { relativeUri } from '../../model/uri';
import type { Origin, Value } from '../../syntax/value';
import { showAttrName, showAttrPath, valueText } from '../../syntax/valueText';
import { updateCalendar } from '../rules/updateNotStaggered';

export type Family = 'inventory' | 'setting' | 'option' | 'service' | 'tcp' | 'udp' | 'scrape' | 'update';

export interface Fact {
  family: Family;
  key: string;
  /** The value as text (Nix-like), for display. */
  text: string;
  /** What equality is judged on (the text unless said otherwise). */
  cmp: string;
  origin: Origin;
  /** The value (or a part of it) is not known statically. */
  unknown: boolean;
  /** Scrape targets: the address scraped (normalised), when it is one. */
  address?: string;
}

export interface MachineFacts {
  name: string;
  /** Where the machine is declared. */
  place: Origin;
  facts: Map<string, Fact>;
  /** Families whose whole value is not known (a port list built by a function...). */
  unknownFamilies: Set<Family>;
}

/** Settings other families report in their own terms (ports, scrape targets, the update calendar). */
const COVERED_SETTINGS = new Set(['allowedTCPPorts', 'allowedUDPPorts', 'prometheusRemoteTargets', 'autoSystemUpdateOnCalendar']);
const NOT_INVENTORY_FACTS = new Set(['services', 'update', 'description']);
const UNKNOWN = '«unknown»';

/** A value as Nix text; paths relative to `root`. */
function factText(v: Value, root: string): string {
  return valueText(v, {
    path: (p) => {
      const r = relativeUri(root, p.value);
      return r === p.value ? p.value : `./${r}`;
    },
    unknown: () => UNKNOWN,
    maxDepth: 24,
  });
}

/** An address with its port (`host:9100`) or alone, normalised; undefined when not an address. */
export function addressKey(text: string): string | undefined {
  const a = parseAddress(text.replace(/:\d+$/, ''));
  return isParsed(a) ? a.key : undefined;
}

/** The addresses a machine answers on: its inventory or profile address and its NixOS interface addresses. */
export function machineAddresses(c: Machine): string[] {
  const out = new Set<string>();
  for (const a of machineAddressList(c)) {
    const k = addressKey(a.value);
    if (k) out.add(k);
  }
  return [...out];
}

/** Whether the machine has auto-updates switched off in its profile. */
function autoUpdateOff(c: Machine): boolean {
  const enabled = settingValue(c.profile, 'autoSystemUpdateEnable');
  return enabled?.kind === 'boolean' && enabled.value === false;
}

/** The calendar the machine updates on (as update-not-staggered judges it), undefined when it does not. */
export function runningUpdate(c: Machine): { value: string; origin: Origin; normalized?: string } | undefined {
  if (autoUpdateOff(c)) return undefined;
  const cal = updateCalendar(c);
  if (!cal) return undefined;
  const spec = parseCalendar(cal.value);
  return { ...cal, normalized: 'error' in spec ? undefined : spec.normalized };
}

/** Options reported by other families: `services.<x>.enable`, firewall ports, scrape configs, the upgrade calendar. */
function coveredOption(path: string[]): boolean {
  const p = path.join('.');
  if (path.length === 3 && path[0] === 'services' && path[2] === 'enable') return true;
  if (p === 'networking.firewall.allowedTCPPorts' || p === 'networking.firewall.allowedUDPPorts') return true;
  if (path.length === 5 && p.startsWith('networking.firewall.interfaces.') && /^allowed(TCP|UDP)Ports$/.test(path[4])) return true;
  if (p.startsWith('services.prometheus.scrapeConfigs')) return true;
  return p === 'system.autoUpgrade.dates';
}

export function machineFacts(h: Homelab, c: Machine): MachineFacts {
  const facts = new Map<string, Fact>();
  const unknownFamilies = new Set<Family>();
  const add = (family: Family, key: string, v: Value | { text: string; origin: Origin; unknown?: boolean; cmp?: string; address?: string }): void => {
    const id = `${family}\0${key}`;
    if (facts.has(id)) return;
    if ('kind' in v) {
      const text = factText(v, h.root);
      facts.set(id, { family, key, text, cmp: text, origin: v.origin, unknown: text.includes(UNKNOWN) });
    } else facts.set(id, { family, key, text: v.text, cmp: v.cmp ?? v.text, origin: v.origin, unknown: v.unknown ?? false, address: v.address });
  };

  // The inventory's declaration (services and update are their own families; a description deploys nothing).
  if (c.decl?.node.kind === 'attrs')
    for (const [k, e] of c.decl.node.entries) if (!NOT_INVENTORY_FACTS.has(k)) add('inventory', k, e.value);
  for (const s of c.decl?.services ?? []) add('service', s.value, { text: 'inventory', origin: s.origin });

  // Profile settings.
  for (const [block, attrs] of [['systemSettings', c.profile?.system], ['userSettings', c.profile?.user]] as const)
    for (const [k, e] of attrs?.entries ?? []) if (!COVERED_SETTINGS.has(k)) add('setting', `${block}.${k}`, e.value);

  // NixOS options, as leaves.
  const cfg = c.nixos?.config;
  if (cfg) {
    let budget = 20_000;
    const leaves = (path: string[], v: Value, depth: number): void => {
      if (budget-- <= 0 || coveredOption(path)) return;
      if (v.kind === 'attrs' && v.entries.size > 0 && depth < 12) {
        for (const [k, e] of v.entries) leaves([...path, k], e.value, depth + 1);
        return;
      }
      add('option', showAttrPath(path), v);
    };
    for (const [p, eff] of cfg.options) leaves(p.split('.'), eff.value, 0);
    const services = cfg.options.get('services')?.value;
    for (const [name, e] of services?.kind === 'attrs' ? services.entries : []) {
      const en = e.value.kind === 'attrs' ? e.value.entries.get('enable')?.value : undefined;
      if (en && ((en.kind === 'boolean' && en.value) || en.kind === 'unknown'))
        add('service', `services.${showAttrName(name)}.enable`, { text: 'enabled', origin: en.origin, unknown: en.kind === 'unknown' });
    }
  }

  // Open ports: the profile's lists and the NixOS firewall's.
  for (const [family, settingName, nixos] of [['tcp', 'allowedTCPPorts', cfg?.tcpPorts], ['udp', 'allowedUDPPorts', cfg?.udpPorts]] as const) {
    const hit = setting(c.profile, settingName);
    const list = hit?.entry.value;
    if (list) {
      if (list.kind !== 'list' || list.items.some((i) => i.kind !== 'number')) unknownFamilies.add(family);
      else for (const i of list.items) if (i.kind === 'number') add(family, `${family}/${i.value}`, { text: 'open', origin: i.origin });
    }
    if (cfg && nixos === undefined) unknownFamilies.add(family);
    for (const p of nixos ?? []) add(family, `${family}/${p.value}`, { text: 'open', origin: p.origin });
  }

  // Scrape targets: the profile's prometheusRemoteTargets, the NixOS scrape configs.
  const remote = settingValue(c.profile, 'prometheusRemoteTargets');
  if (remote) {
    if (remote.kind !== 'list') unknownFamilies.add('scrape');
    for (const t of remote.kind === 'list' ? remote.items : []) {
      const host = t.kind === 'attrs' ? t.entries.get('host')?.value : t;
      if (host?.kind !== 'string') {
        unknownFamilies.add('scrape');
        continue;
      }
      add('scrape', host.value, { text: factText(t, h.root), origin: t.origin, address: addressKey(host.value) });
    }
  }
  if (cfg) {
    if (cfg.options.get('services.prometheus.scrapeConfigs')?.value.kind === 'unknown') unknownFamilies.add('scrape');
    for (const t of cfg.scrapeTargets) add('scrape', t.value, { text: JSON.stringify(t.value), origin: t.origin, address: addressKey(t.value) });
  }

  // The update calendar it runs (the same minute written differently is no move).
  const cal = runningUpdate(c);
  if (cal) add('update', 'calendar', { text: cal.value, cmp: cal.normalized ?? cal.value, origin: cal.origin });

  const place: Origin = c.decl?.keyOrigin ?? c.nixos?.sources[0]?.origin ?? { uri: c.configUri ?? h.root, span: { start: 0, end: 0 } };
  return { name: c.name, place, facts, unknownFamilies };
}
