// unused-setting: a profile sets a key that lib/defaults.nix declares but no
// module of the workspace reads (a hint; only when the workspace has modules).
// Core settings from the shipped catalog are exempt: they are read outside modules.
import { lookupSetting } from '../../model/catalog';
import type { Rule } from '../types';
import { at } from '../util';

export const unusedSetting: Rule = {
  id: 'unused-setting',
  defaultSeverity: 'hint',
  description: 'A setting that a profile sets but no module reads.',
  scope: 'homelab',
  // Each setting written in profiles, one profile file at a time (settingShards.ts).
  judgeOwnSetting(h, s, _pass, out) {
    if (!h.hasModules) return;
    const e = lookupSetting(h.catalog, s.block, s.key);
    if (!e || e.reads.length > 0 || e.sources.includes('shipped') || e.sources.includes('user')) return;
    out.push(at('unused-setting', s.entry.keyOrigin, `\`${s.key}\` is not read by any module`));
  },
};
