// Shared by the proxmox-* rules: the drift items of a homelab (its inventory
// against the live state the client last sent), each turned into a finding on
// the inventory's line with a message naming both values and when and how
// Proxmox was read, and `data` the quick fixes match (container, field, both
// values). Without a live state (the CLI, a folder never read) there is none.
import { proxmoxDriftOf, readTime, type DriftItem, type DriftKind } from '../model/proxmoxDrift';
import type { Finding, RuleContext, RuleId } from './types';
import { at } from './util';

/** `(read 12:03 via api)`. */
export function readSuffix(d: DriftItem): string {
  return `(read ${readTime(d.state.readAt)} via ${d.state.via})`;
}

/** The drift items of one kind for the rule's homelab. */
export function driftItems(ctx: RuleContext, kinds: readonly DriftKind[]): DriftItem[] {
  const h = ctx.homelab;
  if (!h.inventory) return [];
  const live = ctx.workspace.proxmoxLiveFor(h.root);
  if (!live) return [];
  return proxmoxDriftOf(h.inventory, live).filter((d) => kinds.includes(d.kind));
}

/** Findings for the drift items of `kinds`, with the rule's message and data. */
export function driftFindings(
  ctx: RuleContext,
  rule: RuleId,
  kinds: readonly DriftKind[],
  describe: (d: DriftItem) => { message: string; data: Record<string, unknown> } | undefined,
): Finding[] {
  const out: Finding[] = [];
  for (const d of driftItems(ctx, kinds)) {
    const r = describe(d);
    if (r) out.push(at(rule, d.origin, `${r.message} ${readSuffix(d)}`, { data: r.data }));
  }
  return out;
}

/** A value as messages show it: tags as `[a, b]`, the rest as written. */
export function shown(v: DriftItem['inventory']): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v ?? '');
}
