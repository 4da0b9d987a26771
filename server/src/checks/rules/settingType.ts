// setting-type: a profile setting whose value has the wrong type for its
// catalog entry (a string where a boolean is expected, and so on).
import { describeType, lookupSetting, typeAccepts, typeOfValue } from '../../model/catalog';
import type { Homelab } from '../../model/homelab';
import type { Finding, Rule } from '../types';
import { at, inheritedRelated, type OwnSetting } from '../util';

function judge(h: Homelab, s: OwnSetting): Finding | undefined {
  const entry = lookupSetting(h.catalog, s.block, s.key);
  const t = typeOfValue(s.entry.value);
  if (!entry || !t || entry.types.length === 0 || typeAccepts(entry.types, t)) return undefined;
  const def = entry.default !== undefined ? ` (its default is \`${JSON.stringify(entry.default)}\`)` : '';
  return at('setting-type', s.entry.value.origin, `\`${s.key}\` must be ${describeType(entry.types)}${def}, not ${describeType([t])}`, { related: inheritedRelated(s) });
}

export const settingType: Rule = {
  id: 'setting-type',
  defaultSeverity: 'error',
  description: 'A profile setting whose value has the wrong type (by its default or schema).',
  scope: 'homelab',
  // Over every setting written in profiles, one profile file at a time (settingShards.ts).
  checkSetting: judge,
};
