// nixos-renamed-option: a module sets an option that the module tree renamed
// (`mkRenamedOptionModule`, `mkAliasOptionModule`) or removed
// (`mkRemovedOptionModule`): the new name, with a quick fix when the whole
// renamed name is written as one key, or the removal's own message; said
// once on the old name's keys when a set below it defines several paths.
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
      const text = ws.text(uri) ?? '';
      // `old = { a = 1; b = 2; }` defines two paths below one renamed name: said once, on its key.
      const said = new Set<string>();
      for (const d of defs) {
        // Renamed or removed in every tree the file is judged against: where a machine's nixpkgs still has
        // the old name (and not the new), following the advice would break that machine.
        const r = agreed(d.views, (v) => v.renameOf(d.path));
        if (!r) continue;
        const from = r.rename.from.join('.');
        // The keys of the renamed name itself (not of the definitions below it).
        const n = r.rename.from.length;
        const keySpan = { start: d.keySpans[0].start, end: d.keySpans[n - 1].end };
        const seen = `${keySpan.start}:${keySpan.end}`;
        if (said.has(seen)) continue;
        said.add(seen);
        if (r.now) {
          const now = r.now.slice(0, r.now.length - r.rest.length).join('.');
          // The quick fix replaces those keys: only when they are one dotted key (`a.b.old`, not `a.b = { old … }`).
          const oneKey = d.keySpans.slice(0, n).every((k, i) => i === 0 || /^\s*\.\s*$/.test(text.slice(d.keySpans[i - 1].end, k.start)));
          out.push(
            at('nixos-renamed-option', { uri, span: keySpan }, `\`${from}\` was renamed to \`${r.rename.to?.join('.')}\`: set \`${now}\``, {
              ...(oneKey ? { data: { replacement: now } } : {}),
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
