// Runs a deploy plan: each step is spawned without a shell, in its own process
// group, with output streamed to the caller. Units run in a small pool
// (`parallel`); a failing step stops its unit; cancelling (AbortSignal) ends
// each running process group, and for ssh steps the remote command too (the
// steps use -tt, so the remote side is hung up when ssh goes away).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { displayCommand } from './quote';
import { LineRedactor, redact } from './redact';
import { failureTail } from './failureText';
import { explainSshFailure } from './sshErrors';
import type {
  MachineResult, DeployEvent, DeployPlan, DeployUnit, PlanStep, RunOptions, RunSummary,
} from './types';

const TAIL = 8192;

interface StepOutcome {
  exitCode: number | null;
  signal: string | null;
  cancelled: boolean;
  /** Set when the process could not start. */
  spawnError?: string;
  stderrTail: string;
  outputTail: string;
  /** The tails were cut from longer streams (their first line may be partial). */
  stderrTruncated: boolean;
  outputTruncated: boolean;
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function runStep(unit: DeployUnit, index: number, step: PlanStep, options: RunOptions): Promise<StepOutcome> {
  const emit = options.onEvent ?? ((): void => undefined);
  const secrets = options.secrets ?? [];
  return new Promise((resolve) => {
    const outcome: StepOutcome = {
      exitCode: null, signal: null, cancelled: false, stderrTail: '', outputTail: '', stderrTruncated: false, outputTruncated: false,
    };
    if (options.signal?.aborted) {
      outcome.cancelled = true;
      resolve(outcome);
      return;
    }
    const env = { ...(options.env ?? process.env), ...(step.env ?? {}) };
    let child;
    try {
      child = spawn(step.argv[0], step.argv.slice(1), {
        cwd: step.cwd, env, shell: false, detached: true, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true,
      });
    } catch (e) {
      outcome.spawnError = e instanceof Error ? e.message : String(e);
      resolve(outcome);
      return;
    }
    const onAbort = (): void => {
      outcome.cancelled = true;
      emit({ type: 'log', unit, message: redact(`Cancelling ${step.title} (${unit.machines.join(', ')})`, secrets) });
      killGroup(child.pid, 'SIGTERM');
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), options.killGraceMs ?? 3000).unref();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    for (const stream of ['stdout', 'stderr'] as const) {
      const decoder = new StringDecoder('utf8');
      const redactor = options.redactOutput ? new LineRedactor(secrets) : undefined;
      const send = (text: string): void => {
        if (text === '') return;
        emit({ type: 'output', unit, stepIndex: index, step, stream, text });
      };
      child[stream]?.on('data', (chunk: Buffer) => {
        const text = decoder.write(chunk);
        if (stream === 'stderr') {
          const all = outcome.stderrTail + text;
          if (all.length > TAIL) outcome.stderrTruncated = true;
          outcome.stderrTail = all.slice(-TAIL);
        }
        const all = outcome.outputTail + text;
        if (all.length > TAIL) outcome.outputTruncated = true;
        outcome.outputTail = all.slice(-TAIL);
        send(redactor ? redactor.push(text) : text);
      });
      child[stream]?.on('end', () => {
        const rest = decoder.end();
        send(redactor ? redactor.push(rest) + redactor.flush() : rest);
      });
    }
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      // On cancel the SIGKILL timer stays armed for members of the group that
      // outlive its leader and ignore SIGTERM (it is unref'd).
      resolve(outcome);
    };
    child.on('error', (e) => {
      outcome.spawnError = e.message;
      finish();
    });
    child.on('close', (code, signal) => {
      if (settled) return;
      outcome.exitCode = code;
      outcome.signal = signal;
      finish();
    });
  });
}

function describeFailure(unit: DeployUnit, step: PlanStep, o: StepOutcome, secrets: readonly string[]): string {
  if (o.spawnError) {
    if (step.cwd !== undefined && !fs.existsSync(step.cwd)) return `${step.title}: the folder ${step.cwd} does not exist`;
    return /ENOENT/.test(o.spawnError)
      ? `${step.title}: cannot start ${step.argv[0]}: not found (is it installed and on PATH?)`
      : `${step.title}: cannot start ${step.argv[0]}: ${o.spawnError}`;
  }
  if (step.remoteCommand !== undefined && o.exitCode === 255) {
    const ssh = explainSshFailure(o.stderrTail, unit.address);
    if (ssh) return `${step.title}: ${ssh}`;
  }
  const how = o.signal ? `was ended by ${o.signal}` : `exited with code ${o.exitCode}`;
  const tail = failureTail({
    stderr: o.stderrTail, output: o.outputTail, stderrTruncated: o.stderrTruncated, outputTruncated: o.outputTruncated,
  }, step.remoteCommand !== undefined, secrets);
  return `${step.title} ${how}${tail ? `: ${tail}` : ''}`;
}

async function runUnit(unit: DeployUnit, options: RunOptions): Promise<MachineResult[]> {
  const emit = options.onEvent ?? ((): void => undefined);
  const secrets = options.secrets ?? [];
  const startedAt = Date.now();
  const results = (partial: Omit<MachineResult, 'machine' | 'durationMs' | 'startedAt' | 'finishedAt'>): MachineResult[] => {
    const finishedAt = Date.now();
    return unit.machines.map((machine) => ({
      machine, ...partial, durationMs: finishedAt - startedAt, startedAt, finishedAt,
    }));
  };
  emit({ type: 'unit-start', unit, time: startedAt });
  let out: MachineResult[] | undefined;
  for (let i = 0; i < unit.steps.length && !out; i++) {
    const step = unit.steps[i];
    if (options.signal?.aborted) {
      out = results({ status: 'cancelled', failedStep: step.id, failedStepIndex: i, message: `cancelled before ${step.title}` });
      break;
    }
    emit({ type: 'step-start', unit, stepIndex: i, step, time: Date.now() });
    emit({ type: 'log', unit, message: redact(`$ ${displayCommand(step.argv)}`, secrets) });
    const o = await runStep(unit, i, step, options);
    emit({ type: 'step-end', unit, stepIndex: i, step, exitCode: o.exitCode, signal: o.signal, time: Date.now() });
    if (o.cancelled) {
      out = results({ status: 'cancelled', failedStep: step.id, failedStepIndex: i, message: `cancelled during ${step.title}` });
    } else if (o.spawnError || o.exitCode !== 0) {
      const message = describeFailure(unit, step, o, secrets);
      emit({ type: 'log', unit, message });
      out = results({
        status: 'failed', failedStep: step.id, failedStepIndex: i, message,
        ...(o.exitCode !== null ? { exitCode: o.exitCode } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      });
    }
  }
  out ??= results({ status: 'succeeded' });
  emit({ type: 'unit-end', unit, results: out, time: Date.now() });
  return out;
}

/** Runs the plan; resolves (never rejects) with one result per container, in plan order. */
export async function runDeploy(plan: DeployPlan, options: RunOptions = {}): Promise<RunSummary> {
  const started = Date.now();
  const byUnit: MachineResult[][] = new Array(plan.units.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plan.units.length) {
      const index = next++;
      const unit = plan.units[index];
      if (options.signal?.aborted) {
        byUnit[index] = unit.machines.map((machine) => ({
          machine, status: 'cancelled', message: 'cancelled before it started', durationMs: 0,
        }));
        continue;
      }
      try {
        byUnit[index] = await runUnit(unit, options);
      } catch (e) {
        // Only a throwing event callback can get here; the container still gets a result.
        byUnit[index] = unit.machines.map((machine) => ({
          machine, status: 'failed', message: `internal error: ${redact(String(e), options.secrets)}`, durationMs: 0,
        }));
      }
    }
  };
  const width = Math.max(1, Math.min(plan.parallel || 1, plan.units.length));
  await Promise.all(Array.from({ length: width }, worker));
  return { results: byUnit.flat(), durationMs: Date.now() - started };
}
