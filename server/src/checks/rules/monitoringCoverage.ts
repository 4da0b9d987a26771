// monitoring-coverage: a container that exports metrics
// (`prometheusExporterEnable = true`) but that no profile's
// `prometheusRemoteTargets` scrapes at its address.
import { isParsed, parseAddress } from '../../model/ip';
import { setting, settingValue } from '../../model/profiles';
import type { Origin } from '../../syntax/value';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP } from '../util';
import { drain } from '../../model/query/engine';
import type { Machine } from '../../model/homelab';
import { judgeEachMachine, judgementsOf, machineJudgements } from '../machineJudgements';
import type { Profile } from '../../model/profiles';
import type { Workspace } from '../../model/workspace';

/** Addresses scraped by any profile's prometheusRemoteTargets (`host` of each entry) or a machine's `services.prometheus.scrapeConfigs`. */
export function scrapedAddresses(h: import('../../model/homelab').Homelab): Set<string> | undefined {
  return drain(scrapedAddressSteps(h));
}

/** What one machine's own Prometheus scrapes: targets found at run time (who is scraped cannot be told), or these keys. */
type MachineScrapes = 'at run time' | readonly string[];

function machineScrapes(c: Machine): MachineScrapes {
  // Targets found at run time (Tailscale, DNS, Consul…): who is scraped cannot be told statically.
  if (c.nixos?.config?.scrapeDiscovery) return 'at run time';
  const targets = c.nixos?.config?.scrapeTargets ?? [];
  if (!targets.length) return NO_KEYS;
  const out: string[] = [];
  for (const t of targets) {
    const host = t.value.replace(/:\d+$/, '');
    const a = parseAddress(host);
    // A Prometheus scraping 127.0.0.1 or localhost scrapes its own machine (an exporter listening on loopback).
    if ((isParsed(a) && (a.key.startsWith('127.') || a.key === '::1')) || host.toLowerCase() === 'localhost' || host === '[::1]') out.push(`self:${c.name}`);
    else if (isParsed(a)) out.push(a.key);
    // A host name (`web.tailnet.example`) scrapes the machine of that name.
    else if (/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(host)) out.push(`name:${host.split('.')[0].toLowerCase()}`);
  }
  // A machine with targets counts as monitoring, even when none is read as an address.
  return out.length ? out : ANY_NONE;
}

/** What a profile's `prometheusRemoteTargets` scrapes (undefined: it sets none). */
function* profileScrapes(p: Profile): Generator<void, readonly string[] | undefined> {
  const v = settingValue(p, 'prometheusRemoteTargets');
  if (!v || v.kind !== 'list' || v.items.length === 0) return undefined;
  const out: string[] = [];
  // A fleet's monitoring profile lists every machine: its items count toward the pauses too.
  for (let i = 0; i < v.items.length; i++) {
    if (i > 0 && i % (ITEMS_PER_STEP * 4) === 0) yield;
    const t = v.items[i];
    const host = t.kind === 'attrs' ? t.entries.get('host')?.value : t;
    if (host?.kind !== 'string') continue;
    const a = parseAddress(host.value.replace(/:\d+$/, ''));
    if (isParsed(a)) out.push(a.key);
  }
  return out;
}

const NO_KEYS: readonly string[] = Object.freeze([]);
/** A profile that sets no targets (kept as such). */
const NOT_SET: readonly string[] = Object.freeze([]);
/** Targets, none of them read: the machine still scrapes (a distinct object from NO_KEYS). */
const ANY_NONE: readonly string[] = Object.freeze([]);

/**
 * `scrapedAddresses` in steps (the rule's). With the workspace, what each
 * machine and profile scrapes is kept while it is the same object: a
 * profile's edit reads again that profile's targets, not the monitoring
 * profile's thousand.
 */
function* scrapedAddressSteps(h: import('../../model/homelab').Homelab, ws?: Workspace): Generator<void, Set<string> | undefined> {
  let any = false;
  const out = new Set<string>();
  const byMachine = ws ? machineJudgements<MachineScrapes>(ws, 'monitoring-coverage scrapes', []) : undefined;
  let n = 0;
  for (const c of h.machines.values()) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    const scrapes = byMachine ? byMachine.of(c, machineScrapes) : machineScrapes(c);
    if (scrapes === 'at run time') return undefined;
    if (scrapes === NO_KEYS) continue;
    any = true;
    for (const k of scrapes) out.add(k);
  }
  byMachine?.done();
  const byProfile = ws ? judgementsOf<readonly string[], Profile>(ws, 'profile monitoring-coverage', []) : undefined;
  for (const p of h.profiles.values()) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    let scrapes = byProfile?.kept(p)?.value;
    if (!scrapes) {
      // In steps: a monitoring profile's targets may be thousands.
      scrapes = yield* profileScrapes(p);
      byProfile?.put(p, scrapes ?? NOT_SET);
    }
    if (!scrapes || scrapes === NOT_SET) continue;
    any = true;
    // A kept judgement of the monitoring profile is its thousands of targets: added in steps too.
    for (let i = 0; i < scrapes.length; i++) {
      if (i > 0 && i % (ITEMS_PER_STEP * 8) === 0) yield;
      out.add(scrapes[i]);
    }
  }
  byProfile?.done();
  return any ? out : undefined;
}

/** Whether a machine that exports metrics goes unscraped (reads the machine and the scraped addresses alone). */
function machineFindings(c: Machine, scraped: Set<string>): readonly Finding[] {
  const exporter = c.nixos?.config?.exporters[0];
  if (exporter && c.ip) {
    const a = parseAddress(c.ip.value);
    const byName = scraped.has(`self:${c.name}`) || [c.name, c.nixos?.config?.hostName?.value, ...(c.nixos?.aliases ?? [])].some((n) => n !== undefined && scraped.has(`name:${n.toLowerCase()}`));
    if (isParsed(a) && !scraped.has(a.key) && !byName)
      return [
        at('monitoring-coverage', exporter.origin, `${c.name} exports metrics (services.prometheus.exporters.${exporter.name}) but no scrape configuration targets ${a.key}`, {
          data: { container: c.name, address: a.key },
        }),
      ];
    return NONE;
  }
  const flag = setting(c.profile, 'prometheusExporterEnable');
  if (!flag || flag.entry.value.kind !== 'boolean' || !flag.entry.value.value || !c.ip) return NONE;
  const a = parseAddress(c.ip.value);
  if (!isParsed(a) || scraped.has(a.key)) return NONE;
  const ownIp = c.profile?.system?.entries.get('ipAddress');
  const place: Origin =
    flag.entry.keyOrigin.uri === c.configUri
      ? flag.entry.keyOrigin
      : ownIp && ownIp.keyOrigin.uri === c.configUri
        ? ownIp.keyOrigin
        : (c.decl?.keyOrigin ?? flag.entry.keyOrigin);
  return [
    at('monitoring-coverage', place, `${c.name} exports metrics (prometheusExporterEnable) but no profile's prometheusRemoteTargets scrapes ${a.key}`, {
      data: { container: c.name, address: a.key },
    }),
  ];
}

const NONE: readonly Finding[] = Object.freeze([]);

export const monitoringCoverage: Rule = inSteps({
  id: 'monitoring-coverage',
  defaultSeverity: 'warning',
  description: 'A container that exports Prometheus metrics which no profile scrapes.',
  scope: 'homelab',
  *checkSteps({ workspace, homelab: h }) {
    const scraped = yield* scrapedAddressSteps(h, workspace);
    if (!scraped) return []; // no monitoring profile in this homelab
    // A machine judged at the last run against the same scraped addresses, unchanged since, is not judged again.
    return yield* judgeEachMachine(workspace, 'monitoring-coverage', [scraped], h, (m) => machineFindings(m, scraped), ITEMS_PER_STEP);
  },
});
