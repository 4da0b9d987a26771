// machine-name-clash: two sources configure a machine of one name from
// different module files (a flake's `nixosConfigurations.web` and a hive's
// node `web`, say). They are not merged silently: both places are reported.
import type { Finding, Rule } from '../types';
import { at, rel } from '../util';

export const machineNameClash: Rule = {
  id: 'machine-name-clash',
  defaultSeverity: 'error',
  description: 'Two places configure a machine of the same name from different files.',
  scope: 'homelab',
  check({ homelab: h }) {
    const out: Finding[] = [];
    for (const clash of h.machineClashes) {
      for (const [i, place] of clash.places.entries()) {
        const others = clash.places.filter((_, j) => j !== i);
        out.push(
          at('machine-name-clash', place, `two machines are named ${clash.name}: this one and ${others.length} other configured from different files`, {
            related: others.map((o) => rel(o, `the other machine named ${clash.name}`)),
            data: { machine: clash.name },
          }),
        );
      }
    }
    return out;
  },
};
