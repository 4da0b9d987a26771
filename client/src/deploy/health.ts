// Health checks after a machine's deploy: does it still answer SSH with a
// banner, do its declared TCP ports accept connections, do its service URLs
// answer 2xx/3xx (TLS verified unless the service says otherwise), is systemd
// `running`, and is Prometheus's `up` 1 for it. The checks of all machines run
// in one bounded pool with short time-outs; an AbortSignal ends them at once.
// Results are plain data, safe to log and to keep in the deploy history.
import { prometheusCache, runHealthCheck, type CheckContext } from './healthChecks';
import {
  healthChecksFor, type HealthCheckResult, type HealthMachine, type HealthSettings, type HealthStatus,
} from './healthTargets';

export * from './healthTargets';

export const DEFAULT_HEALTH_TIMEOUT_MS = 5000;
export const DEFAULT_HEALTH_COMMAND_TIMEOUT_MS = 15_000;
export const DEFAULT_HEALTH_CONCURRENCY = 8;

export interface HealthOptions extends HealthSettings {
  /** Per network check (banner, port, URL, Prometheus); default 5 s. */
  timeoutMs?: number;
  /** Per ssh command (login included); default 15 s. */
  commandTimeoutMs?: number;
  /** Checks running at the same time, over all machines; default 8. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Strings never to appear in a result. */
  secrets?: readonly string[];
  /** Environment of the ssh process; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface MachineHealth {
  machine: string;
  /** The worst result: failed, else warning, else ok; skipped when nothing could be checked. */
  status: HealthStatus;
  results: HealthCheckResult[];
  durationMs: number;
}

export interface HealthCounts { ok: number; warning: number; failed: number; skipped: number }

export function countHealth(results: readonly HealthCheckResult[]): HealthCounts {
  const counts: HealthCounts = { ok: 0, warning: 0, failed: 0, skipped: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

export function worstStatus(results: readonly HealthCheckResult[]): HealthStatus {
  const c = countHealth(results);
  return c.failed ? 'failed' : c.warning ? 'warning' : c.ok ? 'ok' : 'skipped';
}

/** `3 ok, 1 warning, 1 failed` (zero counts left out). */
export function summarizeHealth(results: readonly HealthCheckResult[]): string {
  const c = countHealth(results);
  const parts = (['ok', 'warning', 'failed', 'skipped'] as const).filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`);
  return parts.length ? parts.join(', ') : 'no checks';
}

/** One line per check, for the deploy output: `  ✗ tcp 10.0.0.5:3000 (grafana): connection refused (12 ms)`. */
export function formatHealth(health: MachineHealth): string[] {
  const mark: Record<HealthStatus, string> = { ok: '✓', warning: '!', failed: '✗', skipped: '-' };
  return [
    `${health.machine}: health ${health.status} (${summarizeHealth(health.results)})`,
    ...health.results.map((r) => `  ${mark[r.status]} ${r.check} ${r.target}: ${r.message} (${r.durationMs} ms)`),
  ];
}

/** Checks several machines; one result per machine, in input order. Never rejects. */
export async function checkHealth(machines: readonly HealthMachine[], options: HealthOptions = {}): Promise<MachineHealth[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
  const ctx: CheckContext = {
    timeoutMs,
    commandTimeoutMs: options.commandTimeoutMs ?? DEFAULT_HEALTH_COMMAND_TIMEOUT_MS,
    signal: options.signal,
    secrets: options.secrets ?? [],
    env: options.env,
    prometheus: prometheusCache(timeoutMs, options.signal),
  };
  const started = Date.now();
  const specs = machines.map((m) => healthChecksFor(m, options));
  const results: HealthCheckResult[][] = specs.map((list) => new Array(list.length));
  const finished: number[] = machines.map(() => started);
  const queue = specs.flatMap((list, m) => list.map((spec, i) => ({ m, i, spec })));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const { m, i, spec } = queue[next++];
      results[m][i] = await runHealthCheck(spec, ctx);
      finished[m] = Math.max(finished[m], Date.now());
    }
  };
  const width = Math.max(1, Math.min(options.concurrency ?? DEFAULT_HEALTH_CONCURRENCY, queue.length));
  await Promise.all(Array.from({ length: width }, worker));
  return machines.map((machine, m) => ({
    machine: machine.name, status: worstStatus(results[m]), results: results[m], durationMs: finished[m] - started,
  }));
}

/** Checks one machine. */
export async function checkMachineHealth(machine: HealthMachine, options: HealthOptions = {}): Promise<MachineHealth> {
  return (await checkHealth([machine], options))[0];
}
