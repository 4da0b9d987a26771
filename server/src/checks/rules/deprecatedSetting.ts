// deprecated-setting: a profile sets a key the catalog marks as deprecated
// (with its replacement when one is named).
import { lookupSetting } from '../../model/catalog';
import type { Finding, Rule } from '../types';
import { at, inheritedRelated, ownSettings } from '../util';

export const deprecatedSetting: Rule = {
  id: 'deprecated-setting',
  defaultSeverity: 'warning',
  description: 'A setting that is deprecated (the message names its replacement).',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    for (const s of ownSettings(h)) {
      const d = lookupSetting(h.catalog, s.block, s.key)?.deprecated;
      if (!d) continue;
      const msg = `\`${s.key}\` is deprecated${d.replacement ? `: use \`${d.replacement}\` instead` : ''}${d.message ? ` (${d.message})` : ''}`;
      out.push(at('deprecated-setting', s.entry.keyOrigin, msg, { related: inheritedRelated(s), data: d.replacement ? { replacement: d.replacement } : undefined }));
    }
    return out;
  },
};
