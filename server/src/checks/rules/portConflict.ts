// port-conflict: two services on one container that claim the same port
// (explicit inventory ports, else the built-in catalog's usual ports).
import { serviceNamed, type Homelab, type Machine } from '../../model/homelab';
import type { Origin } from '../../syntax/value';
import { judgeEachMachine } from '../machineJudgements';
import type { Finding, Rule } from '../types';
import { at, inSteps, ITEMS_PER_STEP, rel } from '../util';

/** Services of one machine that claim the same port (reads the machine and the services alone). */
function machineFindings(h: Homelab, c: Machine): readonly Finding[] {
  let out: Finding[] | undefined;
  const claimed = new Map<number, { name: string; origin: Origin }>();
  for (const ref of c.decl?.services ?? []) {
    const port = serviceNamed(h, ref.value)?.port;
    if (port === undefined) continue;
    const first = claimed.get(port);
    if (!first) {
      claimed.set(port, { name: ref.value, origin: ref.origin });
      continue;
    }
    if (first.name === ref.value) continue;
    (out ??= []).push(
      at('port-conflict', ref.origin, `${ref.value} and ${first.name} both use port ${port} on ${c.name}`, {
        related: [rel(first.origin, `${first.name} uses port ${port}`)],
      }),
    );
  }
  return out ?? NONE;
}

const NONE: readonly Finding[] = Object.freeze([]);

export const portConflict: Rule = inSteps({
  id: 'port-conflict',
  defaultSeverity: 'warning',
  description: 'Two services on one container that claim the same port.',
  scope: 'homelab',
  *checkSteps({ workspace, homelab: h }) {
    // A machine judged at the last run, unchanged since (nor the services), is not judged again.
    return yield* judgeEachMachine(workspace, 'port-conflict', [h.services], h, (m) => machineFindings(h, m), ITEMS_PER_STEP * 2);
  },
});
