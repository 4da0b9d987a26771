// The deploy plan in a few short lines, for the deploy's confirmation dialog:
// an incomplete plan says so first, then one line per machine and per
// knock-on. Pure (no vscode), so it is tested on its own.
import type { DeployPlanResult, PlanChange } from '../../../server/src/protocol/customMessages';

function describe(c: PlanChange): string {
  if (c.message) return c.message;
  const arrow = c.old !== undefined && c.new !== undefined ? `${c.old} → ${c.new}` : c.new ?? (c.old !== undefined ? `was ${c.old}` : '');
  return `${c.kind.replace(/-/g, ' ')} ${c.key}${arrow ? `: ${arrow}` : ''}`;
}

export function planSummary(answer: DeployPlanResult): string[] {
  if (answer.error) return [`(no plan: ${answer.error})`];
  const out: string[] = [];
  const unreadable = answer.plan.unreadable ?? [];
  if (unreadable.length) {
    const files = unreadable.map((u) => `${u.file}${u.side === 'after' ? '' : ` at ${u.revision ?? u.commit ?? 'the revision'}`}`);
    out.push(`INCOMPLETE: could not read ${[...new Set(files)].join(', ')}`);
  }
  out.push(...answer.plan.machines.map((m) => `${m.machine}: ${m.status === 'changed' ? `${m.changes.length} change${m.changes.length === 1 ? '' : 's'}` : m.status}`));
  for (const k of answer.plan.knockOns) out.push(`knock-on on ${k.machine}: ${describe(k)}`);
  return out.length ? out : ['no changes since the last deploy'];
}
