// nixos-renamed-option: a module sets an option that the module tree renamed
// (`mkRenamedOptionModule`, `mkAliasOptionModule`) or removed
// (`mkRemovedOptionModule`): the new name, with a quick fix when the whole
// path is written as one key, or the removal's own message.
import { agreed, machineModuleDefinitions } from '../optionDefinitions';
import type { Finding, Rule } from '../types';
import { at } from '../util';

export const nixosRenamedOption: Rule = {
  id: 'nixos-renamed-option',
  defaultSeverity: 'warning',
  description: 'A module sets an option that was renamed (with the new name) or removed.',
  scope: 'homelab',
  check({ workspace: ws, homelab: h }) {
    const out: Finding[] = [];
    for (const { uri, defs } of machineModuleDefinitions(ws, h)) {
      for (const d of defs) {
        // Renamed or removed in every tree the file is judged against: where a machine's nixpkgs still has
        // the old name (and not the new), following the advice would break that machine.
        const r = agreed(d.views, (v) => v.renameOf(d.path));
        if (!r) continue;
        const from = r.rename.from.join('.');
        // The quick fix replaces the binding's whole key: only when that key is exactly the option's path.
        const whole = d.def.bindingSegments === d.path.length;
        const keySpan = { start: d.keySpans[0].start, end: d.keySpans[d.keySpans.length - 1].end };
        if (r.now) {
          out.push(
            at('nixos-renamed-option', { uri, span: keySpan }, `\`${from}\` was renamed to \`${r.rename.to?.join('.')}\`: set \`${r.now.join('.')}\``, {
              ...(whole ? { data: { replacement: r.now.join('.') } } : {}),
            }),
          );
        } else {
          out.push(at('nixos-renamed-option', { uri, span: keySpan }, `\`${from}\` was removed${r.rename.removed ? `: ${r.rename.removed}` : ''}`));
        }
      }
    }
    return out;
  },
};
