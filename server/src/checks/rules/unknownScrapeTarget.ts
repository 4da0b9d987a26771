// unknown-scrape-target: a scrape or probe target address (prometheusRemoteTargets
// hosts, ICMP/SNMP targets, the PVE host...) that belongs to no known host or container.
import { isParsed, parseAddress } from '../../model/ip';
import type { Rule } from '../types';
import { at, forEachString, ITEMS_PER_STEP } from '../util';
import type { Origin } from '../../syntax/value';

/** A `:port` at the end of a target. */
const PORT = /:\d+$/;

function isTargetSetting(key: string): boolean {
  return /Targets$/.test(key) || /^prometheus\w*Host$/.test(key);
}

export const unknownScrapeTarget: Rule = {
  id: 'unknown-scrape-target',
  defaultSeverity: 'warning',
  description: 'A scrape or probe target address that belongs to no host or container of the inventory.',
  scope: 'homelab',
  // Each setting written in profiles, one profile file at a time (settingShards.ts).
  // In steps: a fleet's monitoring profile scrapes every machine from one setting.
  *judgeOwnSetting(h, s, _pass, out) {
    if (!isTargetSetting(s.key)) return;
    if (!h.inventory) return; // nothing to compare with
    // The declared addresses alone (a query of their own): a gateway or DNS server moved re-judges no target.
    const known = h.declaredAddresses;
    const v = s.entry.value;
    // A list item by item: a target's `host`, or the item's strings.
    const items = v.kind === 'list' ? v.items : [v];
    const judge = (value: string, origin: Origin): void => {
      const a = parseAddress(PORT.test(value) ? value.replace(PORT, '') : value);
      if (!isParsed(a) || known.has(a.key)) return;
      out.push(at('unknown-scrape-target', origin, `\`${value}\` in ${s.key} is not the address of any host or container in the inventory`));
    };
    for (let i = 0; i < items.length; i++) {
      if (i > 0 && i % (ITEMS_PER_STEP * 4) === 0) yield;
      const item = items[i];
      if (v.kind === 'list' && item.kind === 'attrs') {
        const host = item.entries.get('host');
        if (host) forEachString(host.value, judge);
      } else forEachString(item, judge);
    }
  },
};
