// setting-type: a profile setting whose value has the wrong type for its
// catalog entry (a string where a boolean is expected, and so on).
import { describeType, lookupSetting, typeAccepts, typeOfValue } from '../../model/catalog';
import type { Finding, Rule } from '../types';
import { at, inheritedRelated, ownSettings } from '../util';

export const settingType: Rule = {
  id: 'setting-type',
  defaultSeverity: 'error',
  description: 'A profile setting whose value has the wrong type (by its default or schema).',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    for (const s of ownSettings(h)) {
      const entry = lookupSetting(h.catalog, s.block, s.key);
      const t = typeOfValue(s.entry.value);
      if (!entry || !t || entry.types.length === 0 || typeAccepts(entry.types, t)) continue;
      const def = entry.default !== undefined ? ` (its default is \`${JSON.stringify(entry.default)}\`)` : '';
      out.push(at('setting-type', s.entry.value.origin, `\`${s.key}\` must be ${describeType(entry.types)}${def}, not ${describeType([t])}`, { related: inheritedRelated(s) }));
    }
    return out;
  },
};
