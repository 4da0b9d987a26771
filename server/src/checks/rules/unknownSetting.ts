// unknown-setting: a profile sets a key that lib/defaults.nix does not declare,
// no module reads and no schema knows; suggests the closest known key.
import { allEntries, lookupSetting } from '../../model/catalog';
import type { Finding, Rule } from '../types';
import { at, didYouMean, inheritedRelated, ownSettings } from '../util';

export const unknownSetting: Rule = {
  id: 'unknown-setting',
  defaultSeverity: 'warning',
  description: 'A profile setting that is neither declared (lib/defaults.nix, schemas) nor read by any module.',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    if (allEntries(h.catalog).length === 0) return out; // no catalog: nothing to judge by
    for (const s of ownSettings(h)) {
      if (lookupSetting(h.catalog, s.block, s.key)) continue;
      const dym = didYouMean(s.key, [...h.catalog[s.block].keys()]) ?? didYouMean(s.key, allEntries(h.catalog).map((e) => e.key));
      out.push(
        at('unknown-setting', s.entry.keyOrigin, `unknown setting \`${s.key}\` in ${s.block}${dym ? `; did you mean \`${dym}\`?` : ''}`, {
          related: inheritedRelated(s),
          data: dym ? { replacement: dym } : undefined,
        }),
      );
    }
    return out;
  },
};
