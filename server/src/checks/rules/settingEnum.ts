// setting-enum: a profile setting whose value is not one of the values its
// documentation allows (`Options: "a", "b"` in lib/defaults.nix, or a schema enum).
import { lookupSetting } from '../../model/catalog';
import type { Homelab } from '../../model/homelab';
import type { Finding, Rule, SettingPass } from '../types';
import { at, didYouMean, inheritedRelated, maySuggest, type OwnSetting } from '../util';

function judge(h: Homelab, s: OwnSetting, pass: SettingPass): Finding | undefined {
  const entry = lookupSetting(h.catalog, s.block, s.key);
  const v = s.entry.value;
  if (!entry?.enum || (v.kind !== 'string' && v.kind !== 'number' && v.kind !== 'boolean')) return undefined;
  if (entry.enum.some((x) => x === v.value)) return undefined;
  const options = entry.enum.map((x) => `\`${String(x)}\``).join(', ');
  const dym = v.kind === 'string' && maySuggest(pass, s.profileUri) ? didYouMean(v.value, entry.enum.map(String)) : undefined;
  return at('setting-enum', v.origin, `\`${String(v.value)}\` is not an option of \`${s.key}\`: use one of ${options}`, {
    related: inheritedRelated(s),
    data: dym ? { replacement: dym } : undefined,
  });
}

export const settingEnum: Rule = {
  id: 'setting-enum',
  defaultSeverity: 'error',
  description: 'A setting value that is not one of the allowed options.',
  scope: 'homelab',
  // Over every setting written in profiles, one profile file at a time (settingShards.ts).
  checkSetting: judge,
};
