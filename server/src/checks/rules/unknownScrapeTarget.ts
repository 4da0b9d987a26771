// unknown-scrape-target: a scrape or probe target address (prometheusRemoteTargets
// hosts, ICMP/SNMP targets, the PVE host...) that belongs to no known host or container.
import { isParsed, parseAddress } from '../../model/ip';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, ownSettingsSteps, stringsIn } from '../util';

function isTargetSetting(key: string): boolean {
  return /Targets$/.test(key) || /^prometheus\w*Host$/.test(key);
}

export const unknownScrapeTarget: Rule = inSteps({
  id: 'unknown-scrape-target',
  defaultSeverity: 'warning',
  description: 'A scrape or probe target address that belongs to no host or container of the inventory.',
  scope: 'homelab',
  *checkSteps({ homelab: h, workspace: ws }) {
    const out: Finding[] = [];
    if (!h.inventory) return out; // nothing to compare with
    const known = new Set<string>();
    let n = 0;
    for (const p of h.addresses.places) {
      if (++n % (ITEMS_PER_STEP * 16) === 0) yield;
      if (p.role === 'declares') known.add(p.key);
    }
    for (const s of yield* ownSettingsSteps(ws, h)) {
      if (++n % (ITEMS_PER_STEP * 16) === 0) yield;
      if (!isTargetSetting(s.key)) continue;
      const v = s.entry.value;
      const strings =
        v.kind === 'list'
          ? v.items.flatMap((i) => (i.kind === 'attrs' ? (i.entries.get('host') ? stringsIn(i.entries.get('host')!.value) : []) : stringsIn(i)))
          : stringsIn(v);
      for (const str of strings) {
        const a = parseAddress(str.value.replace(/:\d+$/, ''));
        if (!isParsed(a) || known.has(a.key)) continue;
        out.push(at('unknown-scrape-target', str.origin, `\`${str.value}\` in ${s.key} is not the address of any host or container in the inventory`));
      }
    }
    return out;
  },
});
