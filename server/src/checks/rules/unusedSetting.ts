// unused-setting: a profile sets a key that lib/defaults.nix declares but no
// module of the workspace reads (a hint; only when the workspace has modules).
// Core settings from the shipped catalog are exempt: they are read outside modules.
import { lookupSetting } from '../../model/catalog';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, ownSettingsSteps } from '../util';

export const unusedSetting: Rule = inSteps({
  id: 'unused-setting',
  defaultSeverity: 'hint',
  description: 'A setting that a profile sets but no module reads.',
  scope: 'homelab',
  *checkSteps({ homelab: h, workspace: ws }) {
    const out: Finding[] = [];
    if (!h.hasModules) return out;
    let n = 0;
    for (const s of yield* ownSettingsSteps(ws, h)) {
      if (++n % (ITEMS_PER_STEP * 16) === 0) yield;
      const e = lookupSetting(h.catalog, s.block, s.key);
      if (!e || e.reads.length > 0 || e.sources.includes('shipped') || e.sources.includes('user')) continue;
      out.push(at('unused-setting', s.entry.keyOrigin, `\`${s.key}\` is not read by any module`));
    }
    return out;
  },
});
