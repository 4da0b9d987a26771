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
import { machineJudgements } from '../machineJudgements';

/** Addresses scraped by any profile's prometheusRemoteTargets (`host` of each entry) or a machine's `services.prometheus.scrapeConfigs`. */
export function scrapedAddresses(h: import('../../model/homelab').Homelab): Set<string> | undefined {
  return drain(scrapedAddressSteps(h));
}

/** `scrapedAddresses` in steps (the rule's). */
function* scrapedAddressSteps(h: import('../../model/homelab').Homelab): Generator<void, Set<string> | undefined> {
  let any = false;
  const out = new Set<string>();
  let n = 0;
  for (const c of h.machines.values()) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    // Targets found at run time (Tailscale, DNS, Consul…): who is scraped cannot be told statically.
    if (c.nixos?.config?.scrapeDiscovery) return undefined;
    const targets = c.nixos?.config?.scrapeTargets ?? [];
    if (targets.length) any = true;
    for (const t of targets) {
      const host = t.value.replace(/:\d+$/, '');
      const a = parseAddress(host);
      // A Prometheus scraping 127.0.0.1 or localhost scrapes its own machine (an exporter listening on loopback).
      if ((isParsed(a) && (a.key.startsWith('127.') || a.key === '::1')) || host.toLowerCase() === 'localhost' || host === '[::1]') out.add(`self:${c.name}`);
      else if (isParsed(a)) out.add(a.key);
      // A host name (`web.tailnet.example`) scrapes the machine of that name.
      else if (/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(host)) out.add(`name:${host.split('.')[0].toLowerCase()}`);
    }
  }
  for (const p of h.profiles.values()) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    const v = settingValue(p, 'prometheusRemoteTargets');
    if (!v || v.kind !== 'list' || v.items.length === 0) continue;
    any = true;
    // A fleet's monitoring profile lists every machine: its items count toward the pauses too.
    for (const t of v.items) {
      if (++n % (ITEMS_PER_STEP * 4) === 0) yield;
      const host = t.kind === 'attrs' ? t.entries.get('host')?.value : t;
      if (host?.kind !== 'string') continue;
      const a = parseAddress(host.value.replace(/:\d+$/, ''));
      if (isParsed(a)) out.add(a.key);
    }
  }
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
    const out: Finding[] = [];
    const scraped = yield* scrapedAddressSteps(h);
    if (!scraped) return out; // no monitoring profile in this homelab
    // A machine judged at the last run against the same scraped addresses, unchanged since, is not judged again.
    const judged = machineJudgements<readonly Finding[]>(workspace, 'monitoring-coverage', [scraped]);
    let n = 0;
    for (const c of h.machines.values()) {
      if (++n % ITEMS_PER_STEP === 0) yield;
      for (const f of judged.of(c, (m) => machineFindings(m, scraped))) out.push(f);
    }
    judged.done();
    return out;
  },
});
