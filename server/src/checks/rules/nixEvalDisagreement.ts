// nix-eval: what the real `nix eval` of the flake said, where it differs from
// the static reading (a machine the static reading found that Nix does not
// list, naming both), or the one line saying why Nix was not run (an input
// missing from the store, no git repository, a failure). Machines only Nix
// found are not findings: they are added to the fleet (fromNixEval.ts).
import { disagreementMessage } from '../../model/machines/fromNixEval';
import type { Finding, Rule } from '../types';
import { at } from '../util';

export const nixEvalDisagreement: Rule = {
  id: 'nix-eval',
  defaultSeverity: 'info',
  description: 'What the real nix eval of the flake says differs from the static reading, or why it was not run.',
  scope: 'homelab',
  check({ homelab: h, workspace }) {
    const v = h.nixEval;
    if (!v) return [];
    if (v.note) {
      // On the missing input's name in flake.nix when it is written there, else at the top.
      const text = workspace.text(v.flakeUri) ?? '';
      const name = v.missingInput?.split('/')[0];
      const m = name ? new RegExp(`(^|[^\\w'-])(${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?![\\w'-])`).exec(text) : null;
      const start = m ? m.index + m[1].length : 0;
      return [at('nix-eval', { uri: v.flakeUri, span: { start, end: m ? start + m[2].length : 0 } }, v.note)];
    }
    const out: Finding[] = [];
    for (const d of v.disagreements) out.push(at('nix-eval', d.origin, disagreementMessage(d), { data: { machine: d.name, output: d.output } }));
    return out;
  },
};
