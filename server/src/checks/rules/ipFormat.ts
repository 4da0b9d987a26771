// ip-format: a malformed IP address or network, in the inventory (`ip`, `cidr`,
// `gateway`, `dns`) or in a profile (`ipAddress`, `nameServers`, any value that
// looks like an address, such as a scrape target).
import { isParsed, parseAddress, parseCidr } from '../../model/ip';
import type { Str } from '../../model/inventory';
import { lookupSetting } from '../../model/catalog';
import type { Finding, Rule } from '../types';
import { at, forEachString, inSteps, ITEMS_PER_STEP } from '../util';
import type { Origin } from '../../syntax/value';

/** Profile settings whose strings must be addresses (empty = DHCP / unset). */
const ADDRESS_SETTINGS = new Set(['ipAddress', 'wifiIpAddress', 'defaultGateway', 'nameServers']);

/** Looks like an attempt at an IPv4 address (digits and dots), with an optional `:port`. */
function looksLikeIpv4(s: string): boolean {
  return /^\d{1,4}(\.\d{0,4}){2,4}(:\d+)?$/.test(s);
}

function keyOf(cidrText: string): string | undefined {
  const a = parseAddress(cidrText.trim().split('/')[0]);
  return isParsed(a) ? a.key : undefined;
}

export function addressError(text: string): string | undefined {
  const r = parseAddress(text);
  return isParsed(r) ? undefined : r.error;
}

export const ipFormat: Rule = inSteps({
  id: 'ip-format',
  defaultSeverity: 'error',
  description: 'A malformed IP address or CIDR network.',
  scope: 'homelab',
  // The inventory's values here; the settings written in profiles one profile file at a time (settingShards.ts).
  *checkSteps({ homelab: h }) {
    const out: Finding[] = [];
    const addr = (s: Str | undefined): void => {
      const e = s && addressError(s.value);
      if (s && e) out.push(at('ip-format', s.origin, e));
    };
    const inv = h.inventory;
    if (inv) {
      for (const n of inv.networks.values()) {
        if (n.cidr) {
          const c = parseCidr(n.cidr.value);
          if (!isParsed(c)) out.push(at('ip-format', n.cidr.origin, c.error));
          else if (parseAddress(n.cidr.value.trim().split('/')[0]) && c.network !== keyOf(n.cidr.value))
            out.push(at('ip-format', n.cidr.origin, `\`${n.cidr.value}\` has host bits set: the network is \`${c.key}\``, { data: { replacement: c.key } }));
        }
        addr(n.gateway);
        n.dns.forEach(addr);
      }
      for (const x of inv.hosts.values()) addr(x.ip);
      let n = 0;
      for (const c of inv.containers.values()) {
        if (++n % (ITEMS_PER_STEP * 4) === 0) yield;
        addr(c.ip);
      }
    }
    return out;
  },
  // In steps: a fleet's monitoring profile lists every machine's address in one setting.
  *judgeOwnSetting(h, s, _pass, out) {
    const entry = lookupSetting(h.catalog, s.block, s.key);
    const strict = ADDRESS_SETTINGS.has(s.key) || entry?.format === 'ip' || entry?.format === 'ip-list';
    // A list item by item (its strings as in the whole list: one level down).
    const v = s.entry.value;
    const items = v.kind === 'list' ? v.items : [v];
    const judge = (value: string, origin: Origin): void => {
      if (value === '') return;
      const ipv4 = looksLikeIpv4(value);
      if (!strict && !ipv4) return;
      const e = addressError(ipv4 && value.includes(':') ? value.slice(0, value.indexOf(':')) : value);
      if (e) out.push(at('ip-format', origin, e));
    };
    for (let i = 0; i < items.length; i++) {
      if (i > 0 && i % (ITEMS_PER_STEP * 4) === 0) yield;
      forEachString(items[i], judge, v.kind === 'list' ? 1 : 0);
    }
  },
});
