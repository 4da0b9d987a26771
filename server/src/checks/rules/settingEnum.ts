// setting-enum: a profile setting whose value is not one of the values its
// documentation allows (`Options: "a", "b"` in lib/defaults.nix, or a schema enum).
import { lookupSetting } from '../../model/catalog';
import type { Finding, Rule } from '../types';
import { at, didYouMean, inheritedRelated, ownSettings } from '../util';

export const settingEnum: Rule = {
  id: 'setting-enum',
  defaultSeverity: 'error',
  description: 'A setting value that is not one of the allowed options.',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    for (const s of ownSettings(h)) {
      const entry = lookupSetting(h.catalog, s.block, s.key);
      const v = s.entry.value;
      if (!entry?.enum || (v.kind !== 'string' && v.kind !== 'number' && v.kind !== 'boolean')) continue;
      if (entry.enum.some((x) => x === v.value)) continue;
      const options = entry.enum.map((x) => `\`${String(x)}\``).join(', ');
      const dym = v.kind === 'string' ? didYouMean(v.value, entry.enum.map(String)) : undefined;
      out.push(
        at('setting-enum', v.origin, `\`${String(v.value)}\` is not an option of \`${s.key}\`: use one of ${options}`, {
          related: inheritedRelated(s),
          data: dym ? { replacement: dym } : undefined,
        }),
      );
    }
    return out;
  },
};
