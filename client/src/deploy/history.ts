// The deploy history: per machine, its last deploys (commit, time, method,
// result, duration, who, a health summary), kept as one JSON file in a folder
// the caller gives (the extension's workspace storage: it survives restarts
// and is never inside the repository). Bounded (50 entries a machine), written
// atomically (temporary file, then rename), one write at a time. A corrupt file
// is kept aside as a backup and the history starts empty. Only typed, checked
// fields are stored: never command output, never a message, never a secret.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HealthCheckKind, HealthStatus } from './healthTargets';
import type { MachineHealth } from './health';
import { countHealth } from './health';
import { redact } from './redact';
import { DEPLOY_METHODS, type MachineResult, type DeployMethod } from './types';
import type { LastDeploy } from './changed';
import type { WaveRunSummary } from './waveRunner';

export const HISTORY_FILE = 'deploy-history.json';
export const DEFAULT_HISTORY_LIMIT = 50;

export type HistoryResult = 'succeeded' | 'failed' | 'cancelled';

export interface HistoryHealth {
  status: HealthStatus;
  ok: number;
  warning: number;
  failed: number;
  skipped: number;
  /** The checks that failed: kind and target only. */
  failedChecks?: { check: HealthCheckKind; target: string }[];
}

export interface HistoryEntry {
  machine: string;
  /** The workspace commit deployed (hex). */
  commit?: string;
  /** When the deploy started, ms since epoch. */
  time: number;
  method: DeployMethod;
  /** `succeeded` only when the deploy finished and no health check failed. */
  result: HistoryResult;
  /** Which part failed. */
  failure?: 'deploy' | 'health';
  /** The step that failed (`run`, `nixos-rebuild`, …) and its exit code. */
  failedStep?: string;
  exitCode?: number;
  durationMs: number;
  /** The OS user who ran it. */
  user: string;
  health?: HistoryHealth;
  /** What the rollback that followed did, if one was considered. */
  rollback?: 'succeeded' | 'failed' | 'cancelled' | 'declined' | 'unavailable';
}

interface HistoryFile { version: 1; machines: Record<string, HistoryEntry[]> }

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}$/;
const HEX = /^[0-9a-f]{7,64}$/;
const STEP = /^[a-z][a-z0-9-]{0,40}$/;
const RESULTS: readonly HistoryResult[] = ['succeeded', 'failed', 'cancelled'];
const STATUSES: readonly HealthStatus[] = ['ok', 'warning', 'failed', 'skipped'];
const ROLLBACKS = ['succeeded', 'failed', 'cancelled', 'declined', 'unavailable'] as const;
const KINDS: readonly HealthCheckKind[] = ['ssh', 'tcp', 'udp', 'http', 'systemd', 'prometheus'];

/** The OS user name, checked (`unknown` when it cannot be read or looks odd). */
export function osUser(): string {
  let name = '';
  try {
    name = os.userInfo().username;
  } catch {
    name = process.env.USER ?? process.env.USERNAME ?? '';
  }
  return /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}$/.test(name) ? name : 'unknown';
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e6 ? v : 0);

/** Keeps only known fields with valid values; undefined when the entry is not usable. */
function clean(raw: unknown, secrets: readonly string[]): HistoryEntry | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const e = raw as Record<string, unknown>;
  if (typeof e.machine !== 'string' || !NAME.test(e.machine)) return undefined;
  if (typeof e.time !== 'number' || !Number.isFinite(e.time) || e.time < 0) return undefined;
  if (!DEPLOY_METHODS.includes(e.method as DeployMethod) || !RESULTS.includes(e.result as HistoryResult)) return undefined;
  const scrub = (s: string): string => redact(s, secrets);
  const out: HistoryEntry = {
    machine: e.machine, time: Math.round(e.time), method: e.method as DeployMethod, result: e.result as HistoryResult,
    durationMs: count(e.durationMs), user: typeof e.user === 'string' && /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}$/.test(e.user) ? scrub(e.user) : 'unknown',
  };
  if (typeof e.commit === 'string' && HEX.test(e.commit)) out.commit = e.commit;
  if (e.failure === 'deploy' || e.failure === 'health') out.failure = e.failure;
  if (typeof e.failedStep === 'string' && STEP.test(e.failedStep)) out.failedStep = e.failedStep;
  if (typeof e.exitCode === 'number' && Number.isInteger(e.exitCode) && e.exitCode >= 0 && e.exitCode < 256) out.exitCode = e.exitCode;
  if (ROLLBACKS.includes(e.rollback as (typeof ROLLBACKS)[number])) out.rollback = e.rollback as HistoryEntry['rollback'];
  const h = e.health as Record<string, unknown> | undefined;
  if (h && typeof h === 'object' && STATUSES.includes(h.status as HealthStatus)) {
    out.health = { status: h.status as HealthStatus, ok: count(h.ok), warning: count(h.warning), failed: count(h.failed), skipped: count(h.skipped) };
    const checks = Array.isArray(h.failedChecks) ? h.failedChecks : [];
    const failedChecks = checks
      .filter((c): c is { check: HealthCheckKind; target: string } =>
        !!c && KINDS.includes(c.check) && typeof c.target === 'string' && c.target.length <= 300)
      .slice(0, 20)
      // eslint-disable-next-line no-control-regex
      .map((c) => ({ check: c.check, target: scrub(c.target.replace(/[\u0000-\u001f\u007f]/g, '?')) }));
    if (failedChecks.length) out.health.failedChecks = failedChecks;
  }
  return out;
}

/** The stored form of a health result: counts and the failed checks' names, no messages. */
export function historyHealth(health: MachineHealth): HistoryHealth {
  const c = countHealth(health.results);
  const failedChecks = health.results.filter((r) => r.status === 'failed').map((r) => ({ check: r.check, target: r.target }));
  return { status: health.status, ...c, ...(failedChecks.length ? { failedChecks } : {}) };
}

/** An entry for one container of a plain deploy run (`runDeploy`). */
export function entryFromResult(
  result: MachineResult, method: DeployMethod, info: { commit?: string; health?: MachineHealth; time?: number } = {},
): Omit<HistoryEntry, 'user'> {
  const healthFailed = info.health?.status === 'failed';
  return {
    machine: result.machine, time: info.time ?? result.startedAt ?? Date.now() - result.durationMs, method,
    result: result.status === 'succeeded' && healthFailed ? 'failed' : result.status, durationMs: result.durationMs,
    ...(info.commit ? { commit: info.commit } : {}),
    ...(result.status === 'failed' ? { failure: 'deploy' as const } : healthFailed ? { failure: 'health' as const } : {}),
    ...(result.failedStep ? { failedStep: result.failedStep } : {}),
    ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
    ...(info.health ? { health: historyHealth(info.health) } : {}),
  };
}

/** Entries for every machine a wave run touched (skipped machines are not recorded). */
export function entriesFromRun(
  summary: WaveRunSummary, methodOf: (machine: string) => DeployMethod, commit?: string,
): Omit<HistoryEntry, 'user'>[] {
  return summary.machines.filter((m) => m.status !== 'skipped' && m.deploy).map((m) => ({
    ...entryFromResult(m.deploy as MachineResult, methodOf(m.machine), { commit, health: m.health }),
    ...(m.rollback ? { rollback: m.rollback.status } : {}),
  }));
}

export interface HistoryOptions {
  /** Entries kept per machine; default 50. */
  limit?: number;
  /** Strings never stored. */
  secrets?: readonly string[];
  /** Who runs the deploys; default the OS user. */
  user?: string;
}

/** The history file in `dir`. Methods never throw on a missing or corrupt file; writes may reject on I/O errors. */
export class DeployHistory {
  readonly file: string;
  private readonly limit: number;
  private readonly secrets: readonly string[];
  private readonly user: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string, options: HistoryOptions = {}) {
    this.file = path.join(dir, HISTORY_FILE);
    this.limit = Math.max(1, Math.min(1000, options.limit ?? DEFAULT_HISTORY_LIMIT));
    this.secrets = options.secrets ?? [];
    this.user = options.user ?? osUser();
  }

  /** Adds entries (the user is filled in); returns them as stored. */
  record(...entries: Omit<HistoryEntry, 'user'>[]): Promise<HistoryEntry[]> {
    return this.serialized(async () => {
      const data = await this.load();
      const stored: HistoryEntry[] = [];
      for (const raw of entries) {
        const e = clean({ ...raw, user: this.user }, this.secrets);
        if (!e) continue;
        const list = Object.hasOwn(data.machines, e.machine) ? data.machines[e.machine] : [];
        list.push(e);
        list.sort((a, b) => a.time - b.time);
        data.machines[e.machine] = list.slice(-this.limit);
        stored.push(e);
      }
      if (stored.length) await this.save(data);
      return stored;
    });
  }

  /** A machine's entries, newest first. */
  async entries(machine: string): Promise<HistoryEntry[]> {
    const data = await this.serialized(() => this.load());
    return Object.hasOwn(data.machines, machine) ? [...data.machines[machine]].reverse() : [];
  }

  /** Machines with at least one entry. */
  async machines(): Promise<string[]> {
    const data = await this.serialized(() => this.load());
    return Object.keys(data.machines).sort();
  }

  /** The newest successful deploy of a machine (deploy finished, no health check failed). */
  async lastSuccessful(machine: string): Promise<HistoryEntry | undefined> {
    return (await this.entries(machine)).find((e) => e.result === 'succeeded');
  }

  /** For "Deploy Changed" (changed.ts): the last successful deploy of each machine. */
  async lastDeploys(machines: readonly string[]): Promise<Record<string, LastDeploy | undefined>> {
    const out: Record<string, LastDeploy | undefined> = {};
    for (const m of machines) {
      const e = await this.lastSuccessful(m);
      out[m] = e ? { atMs: e.time + e.durationMs, ...(e.commit ? { commit: e.commit } : {}) } : undefined;
    }
    return out;
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<HistoryFile> {
    let text: string;
    try {
      text = await fs.promises.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, machines: Object.create(null) };
      throw e;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const p = parsed as Partial<HistoryFile> | undefined;
    if (!p || typeof p !== 'object' || p.version !== 1 || !p.machines || typeof p.machines !== 'object' || Array.isArray(p.machines)) {
      await this.keepCorrupt();
      return { version: 1, machines: Object.create(null) };
    }
    const machines: Record<string, HistoryEntry[]> = Object.create(null);
    for (const [name, list] of Object.entries(p.machines)) {
      if (!NAME.test(name) || !Array.isArray(list)) continue;
      const entries = list.map((x) => clean(x, this.secrets)).filter((x): x is HistoryEntry => x !== undefined && x.machine === name);
      if (entries.length) machines[name] = entries.slice(-this.limit);
    }
    return { version: 1, machines };
  }

  /** Moves an unreadable file aside (`deploy-history.json.corrupt-<time>`), so nothing is lost. */
  private async keepCorrupt(): Promise<void> {
    const backup = `${this.file}.corrupt-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    await fs.promises.rename(this.file, backup).catch(() => undefined);
  }

  private async save(data: HistoryFile): Promise<void> {
    await fs.promises.mkdir(this.dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    const machines = Object.fromEntries(Object.keys(data.machines).sort().map((k) => [k, data.machines[k]]));
    await fs.promises.writeFile(tmp, JSON.stringify({ version: 1, machines }, null, 1) + '\n', { mode: 0o600 });
    try {
      await fs.promises.rename(tmp, this.file);
    } catch (e) {
      await fs.promises.rm(tmp, { force: true });
      throw e;
    }
  }
}
