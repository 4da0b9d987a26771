// unknown-setting: a profile sets a key that lib/defaults.nix does not declare,
// no module reads and no schema knows; suggests the closest known key.
import { allEntries, lookupSetting, type Catalog } from '../../model/catalog';
import type { Homelab } from '../../model/homelab';
import type { Finding, Rule, SettingPass } from '../types';
import { at, didYouMean, inheritedRelated, maySuggest, type OwnSetting } from '../util';

/** The keys to suggest from, per catalog (not rebuilt for each of thousands of unknown keys). */
const keysOf = new WeakMap<Catalog, { systemSettings: string[]; userSettings: string[]; all: string[] }>();

function suggestionKeys(cat: Catalog): { systemSettings: string[]; userSettings: string[]; all: string[] } {
  let keys = keysOf.get(cat);
  if (!keys) {
    keys = { systemSettings: [...cat.systemSettings.keys()], userSettings: [...cat.userSettings.keys()], all: allEntries(cat).map((e) => e.key) };
    keysOf.set(cat, keys);
  }
  return keys;
}

function judge(h: Homelab, s: OwnSetting, pass: SettingPass): Finding | undefined {
  if (lookupSetting(h.catalog, s.block, s.key)) return undefined;
  // No catalog at all: nothing to judge by.
  if (h.catalog.systemSettings.size === 0 && h.catalog.userSettings.size === 0) return undefined;
  const keys = suggestionKeys(h.catalog);
  const dym = maySuggest(pass, s.profileUri) ? (didYouMean(s.key, keys[s.block]) ?? didYouMean(s.key, keys.all)) : undefined;
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
  // Over every setting written in profiles, one profile file at a time (settingShards.ts).
  checkSetting: judge,
};
