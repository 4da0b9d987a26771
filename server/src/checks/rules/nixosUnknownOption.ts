// nixos-unknown-option: a module sets an option the option index does not
// know, where the index covers that prefix and the module system would reject
// it (not below an option whose value is an attribute set, a submodule with a
// freeform type, or a `<name>` entry). With "did you mean" among the options
// that are there. Only when an index is loaded; renamed and removed options
// are nixos-renamed-option's.
import { didYouMean, at } from '../util';
import { machineModuleDefinitions } from '../optionDefinitions';
import type { Finding, Rule } from '../types';

export const nixosUnknownOption: Rule = {
  id: 'nixos-unknown-option',
  defaultSeverity: 'warning',
  description: 'A module sets an option that the option index covers but does not declare.',
  scope: 'homelab',
  check({ workspace: ws, homelab: h }) {
    const out: Finding[] = [];
    const index = ws.optionIndex;
    if (!index) return out;
    const roots = new Set(index.childrenOf([]).map((c) => c.name));
    for (const { uri, defs } of machineModuleDefinitions(ws, h)) {
      for (const d of defs) {
        if (!roots.has(d.path[0]) || index.renameOf(d.path)) continue;
        for (let k = 1; k < d.path.length; k++) {
          const prefix = d.path.slice(0, k);
          if (index.lookup(prefix)) break; // below an option: its value's own keys
          const children = index.childrenOf(prefix);
          if (children.length === 0) break; // not covered by the index
          if (children.some((c) => c.name === d.path[k] || c.name === '<name>' || c.name === '*')) continue;
          const suggestion = didYouMean(d.path[k], children.map((c) => c.name));
          const full = [...prefix, d.path[k]].join('.');
          out.push(
            at('nixos-unknown-option', { uri, span: d.keySpans[k] }, `unknown option \`${full}\`${suggestion ? `; did you mean \`${[...prefix, suggestion].join('.')}\`?` : ''}`, {
              ...(suggestion ? { data: { replacement: suggestion } } : {}),
            }),
          );
          break;
        }
      }
    }
    return out;
  },
};
