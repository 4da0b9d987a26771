// nixos-unknown-option: a module sets an option the option index does not
// know, where the index covers that prefix and the module system would reject
// it (not below an option whose value is an attribute set, a submodule with a
// freeform type, or a `<name>` entry), below a top-level name a whole tree
// declares (the workspace's own modules extend namespaces, they never cover
// one: model/options/union.ts). With "did you mean" among the options
// that are there. Only when an index is loaded; renamed and removed options
// are nixos-renamed-option's. Judged against the file's own trees (its
// machines' nixpkgs, or Home Manager's for a Home Manager module), reported
// only when unknown in each.
import { didYouMean, at } from '../util';
import { agreed, machineModuleDefinitions } from '../optionDefinitions';
import type { OptionLookup } from '../../model/options/union';
import type { Span } from '../../syntax/value';
import type { Finding, Rule } from '../types';

/** The first segment of `path` a tree covers but does not declare, with a suggestion among the names it has there. */
function unknownAt(index: OptionLookup, path: string[]): { k: number; suggestion?: string } | undefined {
  if (!index.coveredRoots().has(path[0]) || index.renameOf(path)) return undefined;
  for (let k = 1; k < path.length; k++) {
    const prefix = path.slice(0, k);
    if (index.lookup(prefix)) return undefined; // below an option: its value's own keys
    const children = index.childrenOf(prefix);
    if (children.length === 0) return undefined; // not covered by the index
    if (children.some((c) => c.name === path[k] || c.name === '<name>' || c.name === '*')) continue;
    return { k, suggestion: didYouMean(path[k], children.map((c) => c.name)) };
  }
  return undefined;
}

export const nixosUnknownOption: Rule = {
  id: 'nixos-unknown-option',
  defaultSeverity: 'warning',
  description: 'A module sets an option that the option index covers but does not declare.',
  scope: 'homelab',
  check({ workspace: ws, homelab: h }) {
    const out: Finding[] = [];
    for (const { uri, defs } of machineModuleDefinitions(ws, h)) {
      for (const d of defs) {
        // Unknown in every tree the file is judged against (a machine on another nixpkgs may have it).
        const u = agreed(d.views, (v) => unknownAt(v, d.path));
        if (!u) continue;
        const prefix = d.path.slice(0, u.k);
        const full = [...prefix, d.path[u.k]].join('.');
        const span: Span = d.keySpans[u.k];
        out.push(
          at('nixos-unknown-option', { uri, span }, `unknown option \`${full}\`${u.suggestion ? `; did you mean \`${[...prefix, u.suggestion].join('.')}\`?` : ''}`, {
            ...(u.suggestion ? { data: { replacement: u.suggestion } } : {}),
          }),
        );
      }
    }
    return out;
  },
};
