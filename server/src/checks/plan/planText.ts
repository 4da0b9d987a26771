// The deploy plan as readable lines, for the terminal and the editor's output:
// one heading per machine, one line per change starting with its `file:line`
// (terminals and editors turn those into links), then the knock-ons. A plan
// that could not read some file says so first, naming each file and where.
import type { DeployPlan, PlanChange, UnreadablePlanFile } from './planTypes';

function describe(c: PlanChange): string {
  const was = c.old ?? '(unset)';
  const now = c.new ?? '(unset)';
  switch (c.kind) {
    case 'inventory':
      return `inventory ${c.key}: ${was} → ${now}`;
    case 'setting':
    case 'option':
      return `${c.key}: ${was} → ${now}`;
    case 'service-added':
      return `service added: ${c.key}`;
    case 'service-removed':
      return `service removed: ${c.key}`;
    case 'port-opened':
      return `port opened: ${c.key}`;
    case 'port-closed':
      return `port closed: ${c.key}`;
    case 'scrape-target-gained':
      return `scrape target added: ${c.key}`;
    case 'scrape-target-lost':
      return `scrape target removed: ${c.key}`;
    case 'scrape-target-changed':
      return `scrape target ${c.key}: ${was} → ${now}`;
    case 'update-window-moved':
      return `update window: ${c.old ?? '(none)'} → ${c.new ?? '(none)'}`;
    default:
      return `${c.message ?? `${c.kind} ${c.key}`}${c.cause ? ` (caused by ${c.cause})` : ''}`;
  }
}

/** Where a file could not be read: at a revision (its commit), or in the working tree. */
export function unreadableWhere(u: UnreadablePlanFile): string {
  if (u.side === 'after') return 'in the working tree';
  const commit = u.commit ? u.commit.slice(0, 12) : undefined;
  if (u.revision === undefined) return commit ? `at ${commit}` : 'before';
  return `at ${u.revision}${commit && !u.revision.startsWith(commit) ? ` (${commit})` : ''}`;
}

/** The sentence that opens an incomplete plan. */
export function incompleteSentence(plan: DeployPlan): string | undefined {
  const n = plan.unreadable?.length ?? 0;
  if (n === 0) return undefined;
  return `incomplete plan: ${n} file${n === 1 ? '' : 's'} could not be read, so what ${n === 1 ? 'it says' : 'they say'} is missing from this plan`;
}

export function formatPlanText(plan: DeployPlan): string[] {
  const lines: string[] = [];
  const incomplete = incompleteSentence(plan);
  if (incomplete) {
    lines.push(`${incomplete}:`);
    for (const u of plan.unreadable ?? []) lines.push(`  ${u.file}:${u.line}  ${unreadableWhere(u)}: ${u.message}`);
  }
  const head = lines.length;
  for (const m of plan.machines) {
    const since = m.since ? ` since ${m.since}` : '';
    if (m.status === 'new') lines.push(`${m.machine}: new machine${since ? ` (not there${since})` : ''}  ${m.file}:${m.line}`);
    else if (m.status === 'removed') lines.push(`${m.machine}: removed${since}  ${m.file}:${m.line}`);
    else {
      lines.push(`${m.machine}: ${m.changes.length} change${m.changes.length === 1 ? '' : 's'}${since}`);
      for (const c of m.changes) lines.push(`  ${c.file}:${c.line}  ${describe(c)}`);
    }
  }
  if (plan.knockOns.length) {
    lines.push(`knock-ons on other machines:`);
    for (const c of plan.knockOns) lines.push(`  ${c.file}:${c.line}  ${c.machine}: ${describe(c)}`);
  }
  if (lines.length === head) lines.push(incomplete ? 'no changes found in the files that could be read' : 'no changes');
  return lines;
}
