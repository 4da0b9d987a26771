// Runs planned waves (waves.ts) one after the other: before a wave, reads
// what a rollback would return to (optional probe); deploys the wave (the
// runner's pool); then checks the health of its deployed machines. The first
// failed deploy or failed health check stops the run: the wave finishes, its
// failed machines are rolled back when `shouldRollback` says yes, and later
// waves are not touched. Cancelling (AbortSignal) stops at once and is
// reported. Resolves (never rejects) with what happened to every machine.
import { checkHealth, type HealthMachine, type HealthOptions, type MachineHealth } from './health';
import { redact } from './redact';
import { runDeploy } from './runner';
import type { MachineResult, DeployUnit, PlanStep, RollbackPlanResult, RunOptions } from './types';
import type { PlannedWave, Wave } from './waves';

export interface WaveFailure {
  machine: string;
  wave: number;
  /** `deploy`: a step failed; `health`: the deploy finished and a check failed. */
  kind: 'deploy' | 'health';
  /** One line: the failed step's message, or the failed checks. */
  message: string;
  deploy?: MachineResult;
  health?: MachineHealth;
  /** What the probe read before the deploy (a generation link or a commit). */
  before?: string;
}

export type MachineStatus = 'deployed' | 'failed' | 'cancelled' | 'skipped';

export interface RollbackOutcome {
  /** `declined`: the policy or the user said no; `unavailable`: no way back is known. */
  status: 'succeeded' | 'failed' | 'cancelled' | 'declined' | 'unavailable';
  message?: string;
  /** What it returned to: `generation 41 of /nix/var/nix/profiles/system`, `commit 0123abcd…`. */
  description?: string;
  result?: MachineResult;
  /** Health after the rollback, when the machine has checks. */
  health?: MachineHealth;
}

export interface MachineReport {
  machine: string;
  wave: number;
  status: MachineStatus;
  /** Set when failed: which part failed. */
  failure?: 'deploy' | 'health';
  /** Why skipped, cancelled or failed. */
  message?: string;
  deploy?: MachineResult;
  health?: MachineHealth;
  rollback?: RollbackOutcome;
}

export interface WaveReport {
  index: number;
  machines: string[];
  reason: string;
  status: 'succeeded' | 'failed' | 'cancelled' | 'skipped';
}

export interface WaveRunSummary {
  /** One per machine, in wave order. */
  machines: MachineReport[];
  waves: WaveReport[];
  /** The failure that stopped the run. */
  stoppedBy?: { wave: number; machine: string; kind: 'deploy' | 'health'; message: string };
  cancelled: boolean;
  durationMs: number;
}

export type WaveEvent =
  | { type: 'wave-start'; wave: Wave; time: number }
  | { type: 'health'; wave: Wave; health: MachineHealth }
  | { type: 'rollback-start'; wave: Wave; machine: string; description: string }
  | { type: 'rollback-end'; wave: Wave; machine: string; outcome: RollbackOutcome }
  | { type: 'wave-end'; wave: Wave; report: WaveReport; time: number }
  | { type: 'stopped'; wave: Wave; machine: string; kind: 'deploy' | 'health'; message: string }
  | { type: 'cancelled'; wave: Wave };

export interface WaveRunOptions extends RunOptions {
  /** Health description per machine name; a machine without one is not checked. */
  health?: Readonly<Record<string, HealthMachine>>;
  /** Time-outs, concurrency, ssh settings of the checks (signal, secrets and env come from here). */
  healthOptions?: Omit<HealthOptions, 'signal' | 'secrets' | 'env'>;
  /** A step run before the machine's wave whose output (one line) a rollback needs. */
  probe?: (machine: string) => PlanStep | undefined;
  /** The way back for a failed machine (rollback.ts `rollbackHooks`). */
  rollbackPlan?: (machine: string, failure: WaveFailure) => RollbackPlanResult;
  /** Asked once per failed machine that has a way back; no callback means no rollback. */
  shouldRollback?: (machine: string, failure: WaveFailure) => Promise<boolean>;
  onWaveEvent?: (event: WaveEvent) => void;
}

/** Runs a one-step unit quietly and returns its stdout (bounded), or undefined when it failed. */
async function capture(step: PlanStep, options: WaveRunOptions): Promise<string | undefined> {
  let out = '';
  const unit: DeployUnit = { id: `probe:${step.id}`, machines: ['probe'], method: 'command', steps: [step] };
  const r = await runDeploy({ units: [unit], parallel: 1 }, {
    signal: options.signal, env: options.env, killGraceMs: options.killGraceMs,
    onEvent: (e) => { if (e.type === 'output' && e.stream === 'stdout') out = (out + e.text).slice(-4096); },
  });
  return r.results[0]?.status === 'succeeded' ? out : undefined;
}

function failedChecks(h: MachineHealth): string {
  return h.results.filter((r) => r.status === 'failed').map((r) => `${r.check} ${r.target}: ${r.message}`).join('; ');
}

export async function runWaves(waves: readonly PlannedWave[], options: WaveRunOptions = {}): Promise<WaveRunSummary> {
  const started = Date.now();
  const emit = (e: WaveEvent): void => { try { options.onWaveEvent?.(e); } catch { /* a UI problem never stops a deploy */ } };
  const secrets = options.secrets ?? [];
  const healthOptions = (): HealthOptions => ({ ...options.healthOptions, signal: options.signal, secrets, env: options.env });
  const reports: MachineReport[] = [];
  const waveReports: WaveReport[] = [];
  let stoppedBy: WaveRunSummary['stoppedBy'];
  let cancelled = false;

  for (const planned of waves) {
    // Events carry the wave without its plan (the plan's argv is the deploy's, logged redacted by the runner).
    const wave: Wave = { index: planned.index, machines: planned.machines, role: planned.role, reason: planned.reason };
    const waveReport: WaveReport = { index: wave.index, machines: wave.machines, reason: wave.reason, status: 'skipped' };
    waveReports.push(waveReport);
    if (stoppedBy || cancelled || options.signal?.aborted) {
      if (options.signal?.aborted && !stoppedBy) cancelled = true;
      const why = stoppedBy ? `not started: ${stoppedBy.machine} (wave ${stoppedBy.wave}) failed its ${stoppedBy.kind}` : 'not started: the run was cancelled';
      for (const machine of wave.machines) reports.push({ machine, wave: wave.index, status: 'skipped', message: why });
      continue;
    }
    emit({ type: 'wave-start', wave, time: Date.now() });

    // What a rollback would return to, read before anything changes.
    const before = new Map<string, string>();
    if (options.probe && options.rollbackPlan) {
      await Promise.all(wave.machines.map(async (machine) => {
        const step = options.probe?.(machine);
        const out = step ? await capture(step, options) : undefined;
        const line = out?.split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '').pop();
        if (line && /^[A-Za-z0-9_.+-]{1,200}$/.test(line)) before.set(machine, line);
      }));
    }

    const run = await runDeploy(planned.plan, options);
    const byMachine = new Map(run.results.map((r) => [r.machine, r]));
    const waveMachines: MachineReport[] = wave.machines.map((machine) => {
      const deploy = byMachine.get(machine);
      const status: MachineStatus = deploy?.status === 'succeeded' ? 'deployed' : deploy?.status === 'cancelled' ? 'cancelled' : 'failed';
      return {
        machine, wave: wave.index, status, deploy,
        ...(status === 'failed' ? { failure: 'deploy' as const } : {}),
        ...(status !== 'deployed' ? { message: deploy?.message ?? 'no result' } : {}),
      };
    });
    reports.push(...waveMachines);

    // Health of the machines this wave deployed.
    const toCheck = waveMachines.filter((m) => m.status === 'deployed' && options.health?.[m.machine]);
    if (toCheck.length > 0 && !options.signal?.aborted) {
      const results = await checkHealth(toCheck.map((m) => options.health?.[m.machine] as HealthMachine), healthOptions());
      toCheck.forEach((m, i) => {
        m.health = results[i];
        emit({ type: 'health', wave, health: results[i] });
        if (results[i].status === 'failed') {
          m.status = 'failed';
          m.failure = 'health';
          m.message = `health check failed: ${failedChecks(results[i])}`;
        }
      });
    }

    if (options.signal?.aborted) {
      cancelled = true;
      waveReport.status = 'cancelled';
      emit({ type: 'cancelled', wave });
      emit({ type: 'wave-end', wave, report: waveReport, time: Date.now() });
      continue;
    }

    const failed = waveMachines.filter((m) => m.status === 'failed');
    waveReport.status = failed.length > 0 ? 'failed' : waveMachines.some((m) => m.status === 'cancelled') ? 'cancelled' : 'succeeded';
    if (failed.length > 0) {
      const first = failed[0];
      stoppedBy = { wave: wave.index, machine: first.machine, kind: first.failure ?? 'deploy', message: redact(first.message ?? '', secrets) };
      emit({ type: 'stopped', wave, machine: first.machine, kind: stoppedBy.kind, message: stoppedBy.message });
      for (const m of failed) {
        m.rollback = await rollBack(wave, m, before.get(m.machine), options, healthOptions, emit);
      }
    }
    emit({ type: 'wave-end', wave, report: waveReport, time: Date.now() });
  }
  if (options.signal?.aborted && !stoppedBy) cancelled = true;
  return { machines: reports, waves: waveReports, ...(stoppedBy ? { stoppedBy } : {}), cancelled, durationMs: Date.now() - started };
}

async function rollBack(
  wave: Wave, m: MachineReport, before: string | undefined, options: WaveRunOptions,
  healthOptions: () => HealthOptions, emit: (e: WaveEvent) => void,
): Promise<RollbackOutcome | undefined> {
  if (!options.rollbackPlan) return undefined;
  const failure: WaveFailure = {
    machine: m.machine, wave: wave.index, kind: m.failure ?? 'deploy', message: m.message ?? '',
    ...(m.deploy ? { deploy: m.deploy } : {}), ...(m.health ? { health: m.health } : {}), ...(before ? { before } : {}),
  };
  const plan = options.rollbackPlan(m.machine, failure);
  if (!plan.ok) {
    const outcome: RollbackOutcome = { status: 'unavailable', message: plan.reason };
    emit({ type: 'rollback-end', wave, machine: m.machine, outcome });
    return outcome;
  }
  let yes = false;
  try {
    yes = options.shouldRollback ? await options.shouldRollback(m.machine, failure) : false;
  } catch {
    yes = false;
  }
  if (!yes || options.signal?.aborted) {
    const outcome: RollbackOutcome = { status: 'declined', description: plan.description };
    emit({ type: 'rollback-end', wave, machine: m.machine, outcome });
    return outcome;
  }
  emit({ type: 'rollback-start', wave, machine: m.machine, description: plan.description });
  const run = await runDeploy({ units: [plan.unit], parallel: 1 }, options);
  const result = run.results[0];
  const outcome: RollbackOutcome = {
    status: result.status === 'succeeded' ? 'succeeded' : result.status, description: plan.description, result,
    ...(result.message ? { message: result.message } : {}),
  };
  const desc = options.health?.[m.machine];
  if (outcome.status === 'succeeded' && desc && !options.signal?.aborted) {
    outcome.health = (await checkHealth([desc], healthOptions()))[0];
  }
  emit({ type: 'rollback-end', wave, machine: m.machine, outcome });
  return outcome;
}
