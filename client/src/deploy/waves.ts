// The order of a fleet deploy, in waves: machines the others depend on go
// first and alone, one per wave — an explicit `wave: N` (or colmena tag
// `wave-N`), then DNS, databases, reverse proxies, monitoring, recognised by
// their services' names — so a broken one stops the run before anything that
// needs it is touched. The rest follow in groups of `parallel`. Also plans
// every wave up front (all values validated before anything runs).
import { planDeploy } from './plan';
import type { DeployPlan, DeployTarget, FieldIssue, PlanOptions } from './types';

export type WaveRole = 'explicit' | 'dns' | 'database' | 'proxy' | 'monitoring' | 'rest';

export interface WaveCandidate {
  name: string;
  /** Names of the services it runs. */
  services?: readonly string[];
  /** colmena `deployment.tags`; `wave-N` places it explicitly. */
  tags?: readonly string[];
  /** An explicit wave number (inventory `wave: N`); wins over a tag. */
  wave?: number;
}

export interface Wave {
  /** 1-based position in the run. */
  index: number;
  machines: string[];
  role: WaveRole;
  /** Why it is in this wave: `wave 1 (explicit)`, `DNS (adguard)`, `the rest (2 of 5)`. */
  reason: string;
}

/** Role order for machines the others depend on: name resolution first, then data, the front door, then watching. */
const ROLE_ORDER: WaveRole[] = ['dns', 'database', 'proxy', 'monitoring'];
const ROLE_LABEL: Record<WaveRole, string> = {
  explicit: 'explicit wave', dns: 'DNS', database: 'database', proxy: 'reverse proxy', monitoring: 'monitoring', rest: 'the rest',
};

/** Prefixes of a service's compact name (lower case, letters and digits only). */
const PREFIXES: [WaveRole, string[]][] = [
  ['dns', ['adguard', 'pihole', 'unbound', 'blocky', 'dnsmasq', 'bind9', 'coredns', 'powerdns', 'technitium']],
  ['database', ['postgres', 'mysql', 'mariadb', 'redis', 'valkey']],
  ['proxy', ['nginxproxymanager', 'reverseproxy', 'nginx', 'caddy', 'traefik', 'haproxy']],
  ['monitoring', ['prometheus', 'grafana']],
];
/** Whole words that name a role on their own. */
const WORDS: [WaveRole, string[]][] = [
  ['dns', ['dns', 'bind', 'named']],
  ['database', ['db', 'database']],
  ['proxy', ['npm', 'proxy']],
];
/** Agents that run on every machine: not the thing they report to. */
const AGENT = /exporter|agent|promtail|alloy|client|cli$/;

/** The role a service's name suggests, if it is one the others depend on. */
export function serviceRole(service: string): WaveRole | undefined {
  const lower = String(service).toLowerCase();
  const compact = lower.replace(/[^a-z0-9]/g, '');
  if (compact === '' || AGENT.test(compact)) return undefined;
  for (const [role, prefixes] of PREFIXES) if (prefixes.some((p) => compact.startsWith(p))) return role;
  const words = lower.split(/[^a-z0-9]+/).filter((w) => w !== '');
  for (const [role, list] of WORDS) if (words.some((w) => list.includes(w))) return role;
  return undefined;
}

/** The explicit wave of a machine: `wave: N`, else a `wave-N` tag (N a whole number 0–999). */
export function explicitWave(c: WaveCandidate): number | undefined {
  if (typeof c.wave === 'number' && Number.isInteger(c.wave) && c.wave >= 0 && c.wave <= 999) return c.wave;
  for (const tag of c.tags ?? []) {
    const m = /^wave-(\d{1,3})$/.exec(tag);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Orders machines in waves. Explicit waves first (by number), then machines
 * the others depend on (DNS, database, proxy, monitoring), each alone; within
 * the same rank the input order is kept. Then the rest, `parallel` at a time.
 */
export function orderWaves(candidates: readonly WaveCandidate[], parallel: number): Wave[] {
  const size = Number.isInteger(parallel) && parallel >= 1 ? parallel : 1;
  const ranked = candidates.map((c, i) => {
    const n = explicitWave(c);
    if (n !== undefined) return { c, i, rank: [0, n], role: 'explicit' as WaveRole, reason: `wave ${n} (explicit)` };
    // The most foundational role among its services decides.
    const best = (c.services ?? [])
      .map((service) => ({ service, role: serviceRole(service) }))
      .filter((x): x is { service: string; role: WaveRole } => x.role !== undefined)
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))[0];
    if (best) return { c, i, rank: [1, ROLE_ORDER.indexOf(best.role)], role: best.role, reason: `${ROLE_LABEL[best.role]} (${best.service})` };
    return { c, i, rank: [2, 0], role: 'rest' as WaveRole, reason: '' };
  });
  const first = ranked.filter((r) => r.role !== 'rest')
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.i - b.i);
  const waves: Wave[] = first.map((r, k) => ({ index: k + 1, machines: [r.c.name], role: r.role, reason: r.reason }));
  const rest = ranked.filter((r) => r.role === 'rest').map((r) => r.c.name);
  const groups = Math.ceil(rest.length / size);
  for (let g = 0; g < groups; g++) {
    waves.push({
      index: waves.length + 1, machines: rest.slice(g * size, (g + 1) * size), role: 'rest',
      reason: groups > 1 ? `the rest (${g + 1} of ${groups})` : 'the rest',
    });
  }
  return waves;
}

export interface PlannedWave extends Wave {
  plan: DeployPlan;
}

export type WavePlanResult = { ok: true; waves: PlannedWave[] } | { ok: false; issues: FieldIssue[] };

/**
 * Orders the targets in waves and plans each wave (a colmena selection becomes
 * one colmena call per wave). Every target and setting is validated before
 * anything runs; any problem refuses the whole run. `candidates` adds each
 * target's services, tags and explicit wave (by name).
 */
export function planWaves(
  targets: readonly DeployTarget[],
  options: PlanOptions,
  candidates: Readonly<Record<string, Omit<WaveCandidate, 'name'>>> = {},
): WavePlanResult {
  const whole = planDeploy(targets, options);
  if (!whole.ok) return whole;
  const waves = orderWaves(targets.map((t) => ({ ...candidates[t.name], name: t.name })), whole.plan.parallel);
  const byName = new Map(targets.map((t) => [t.name, t]));
  const planned: PlannedWave[] = [];
  for (const w of waves) {
    const r = planDeploy(w.machines.map((m) => byName.get(m) as DeployTarget), { ...options, parallel: Math.min(64, w.machines.length) });
    if (!r.ok) return r;
    planned.push({ ...w, plan: r.plan });
  }
  return { ok: true, waves: planned };
}

/** One line per wave, for the confirmation: `wave 1: dns01 — DNS (adguard)`. */
export function formatWaves(waves: readonly Wave[]): string[] {
  return waves.map((w) => `wave ${w.index}: ${w.machines.join(', ')} — ${w.reason}`);
}
