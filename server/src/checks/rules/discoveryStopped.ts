// discovery-stopped: where reading the fleet's flake stopped (an output built
// by a function that is not read, an import that does not resolve, a flake
// module or option from an input), as information on that line, so that no
// machine goes missing without a word. A stop that only explains an empty
// fleet (a flake module from an input, a flake without machines) is left out
// when the homelab has machines from elsewhere (an inventory, profiles).
import type { Finding, Rule } from '../types';
import { at } from '../util';

export const discoveryStopped: Rule = {
  id: 'discovery-stopped',
  defaultSeverity: 'info',
  description: 'Where reading the fleet stopped: machines declared past it are not found.',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    for (const s of h.readingStops) {
      if (!s.origin.uri.startsWith('file:')) continue;
      const explainsZero = s.kind === 'external-module' || s.kind === 'external-option' || s.kind === 'no-machines';
      if (explainsZero && h.machines.size > 0) continue;
      out.push(at('discovery-stopped', s.origin, `reading the fleet stops here: ${s.reason}; ${s.hint}`, { data: { kind: s.kind } }));
    }
    return out;
  },
};
