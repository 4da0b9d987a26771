// deprecated-setting: a profile sets a key the catalog marks as deprecated
// (with its replacement when one is named).
import { lookupSetting } from '../../model/catalog';
import type { Homelab } from '../../model/homelab';
import type { Finding, Rule } from '../types';
import { at, inheritedRelated, type OwnSetting } from '../util';

function judge(h: Homelab, s: OwnSetting): Finding | undefined {
  const d = lookupSetting(h.catalog, s.block, s.key)?.deprecated;
  if (!d) return undefined;
  const msg = `\`${s.key}\` is deprecated${d.replacement ? `: use \`${d.replacement}\` instead` : ''}${d.message ? ` (${d.message})` : ''}`;
  return at('deprecated-setting', s.entry.keyOrigin, msg, { related: inheritedRelated(s), data: d.replacement ? { replacement: d.replacement } : undefined });
}

export const deprecatedSetting: Rule = {
  id: 'deprecated-setting',
  defaultSeverity: 'warning',
  description: 'A setting that is deprecated (the message names its replacement).',
  scope: 'homelab',
  // Over every setting written in profiles, one profile file at a time (settingShards.ts).
  checkSetting: judge,
};
