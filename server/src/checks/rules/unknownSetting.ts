// unknown-setting: a profile sets a key that lib/defaults.nix does not declare,
// no module reads and no schema knows; suggests the closest known key.
import { allEntries, lookupSetting } from '../../model/catalog';
import type { Homelab } from '../../model/homelab';
import type { Finding, Rule } from '../types';
import { at, didYouMean, inheritedRelated, overOwnSettings, type OwnSetting } from '../util';

function judge(h: Homelab, s: OwnSetting): Finding | undefined {
  if (lookupSetting(h.catalog, s.block, s.key)) return undefined;
  // No catalog at all: nothing to judge by.
  if (h.catalog.systemSettings.size === 0 && h.catalog.userSettings.size === 0) return undefined;
  const dym = didYouMean(s.key, h.catalog[s.block].keys()) ?? didYouMean(s.key, allEntries(h.catalog).map((e) => e.key));
  return at('unknown-setting', s.entry.keyOrigin, `unknown setting \`${s.key}\` in ${s.block}${dym ? `; did you mean \`${dym}\`?` : ''}`, {
    related: inheritedRelated(s),
    data: dym ? { replacement: dym } : undefined,
  });
}

export const unknownSetting: Rule = {
  id: 'unknown-setting',
  defaultSeverity: 'warning',
  description: 'A profile setting that is neither declared (lib/defaults.nix, schemas) nor read by any module.',
  scope: 'homelab',
  checkSetting: judge,
  check: overOwnSettings(judge),
};
