// Runs a confirmed deploy in the editor: waves (dependencies first), the
// health checks of each machine after its deploy, a stop at the first failure
// (later waves untouched), rollback per `homelab.deploy.rollback` (asking when
// it is `ask`), live output, a progress notification with cancellation, the
// history of each machine, and the tree's health marks. The engine
// (client/src/deploy) does the work; this file only connects it to VS Code.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { MachineNode, Topology } from '../../../server/src/protocol/customMessages';
import { healthMachineFor, type HealthMachine, type HealthService, summarizeHealth } from '../deploy/health';
import { entriesFromRun, type DeployHistory } from '../deploy/history';
import { parseRollbackPolicy, rollbackDecider, rollbackHooks } from '../deploy/rollback';
import { runWaves, type WaveRunSummary } from '../deploy/waveRunner';
import type { PlannedWave } from '../deploy/waves';
import type { DeployMethod, DeployTarget, PlanOptions } from '../deploy/types';
import { settings } from '../settings';
import type { CommandContext } from './context';
import { DeployOutput } from './deployOutput';

export interface RootRun {
  rootUri: string;
  targets: DeployTarget[];
  machines: MachineNode[];
  waves: PlannedWave[];
  options: PlanOptions;
}

/** The commit the folder is at (for the history), or undefined outside git. */
export function headCommit(folder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', '--verify', 'HEAD'], { cwd: folder, timeout: 5000 }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
  });
}

/** What health checks test for a container: its services' ports and URLs from the topology. */
export function healthFor(topology: Topology | undefined, c: MachineNode, target: DeployTarget, prometheusUrl: string | undefined): HealthMachine {
  const lab = topology?.homelabs.find((h) => h.machines.some((x) => x.name === c.name));
  const services: HealthService[] = c.services.map((s) => {
    const declared = lab?.services.find((d) => d.name === s.name);
    return { name: s.name, ...(s.port !== undefined ? { port: s.port } : {}), ...(declared?.url ? { url: declared.url } : {}) };
  });
  return healthMachineFor(target, services, prometheusUrl || undefined);
}

export async function runConfirmedDeploy(ctx: CommandContext, history: DeployHistory, runs: RootRun[]): Promise<WaveRunSummary[]> {
  const config = settings();
  const useTerminal = config['deploy.output'] === 'terminal';
  const output = new DeployOutput(ctx.output, useTerminal);
  const policy = parseRollbackPolicy(config['deploy.rollback']);
  const healthOn = config['health.enable'];
  const timeoutMs = config['health.timeoutSeconds'] * 1000;
  const prometheusUrl = config['prometheus.url'];
  const topology = ctx.store.topology;
  const askRollback = async (machine: string, failure: { kind: string; message: string }): Promise<boolean> => {
    const choice = await vscode.window.showWarningMessage(
      `Homelab: ${machine} ${failure.kind === 'health' ? 'failed its health checks' : 'failed to deploy'} (${failure.message}). Roll it back to what ran before?`,
      { modal: true },
      'Roll Back',
    );
    return choice === 'Roll Back';
  };
  const summaries: WaveRunSummary[] = [];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Homelab deploy', cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    for (const run of runs) {
      const byName = new Map(run.machines.map((c) => [c.name, c]));
      const health: Record<string, HealthMachine> = {};
      if (healthOn) for (const t of run.targets) health[t.name] = healthFor(topology, byName.get(t.name) as MachineNode, t, prometheusUrl);
      const previous = new Map<string, string | undefined>();
      for (const t of run.targets) previous.set(t.name, (await history.lastSuccessful(t.name))?.commit);
      const summary = await runWaves(run.waves, {
        signal: abort.signal,
        onEvent: (event) => {
          output.handle(event);
          if (event.type === 'step-start') progress.report({ message: `${event.unit.machines.join(', ')}: ${event.step.title}` });
        },
        health,
        healthOptions: { sshCommand: run.options.sshCommand, connectTimeout: run.options.connectTimeout, sshOptions: run.options.sshOptions, timeoutMs },
        ...rollbackHooks(run.targets, run.options, (m) => previous.get(m)),
        shouldRollback: rollbackDecider(policy, askRollback),
        onWaveEvent: (e) => {
          if (e.type === 'wave-start') ctx.output.info(`Wave ${e.wave.index}: ${e.wave.machines.join(', ')} — ${e.wave.reason}`);
          if (e.type === 'health') {
            ctx.output.info(`Health of ${e.health.machine}: ${e.health.status} (${summarizeHealth(e.health.results)})`);
            for (const r of e.health.results) ctx.output.info(`  ${r.status.padEnd(7)} ${r.check} ${r.target}: ${r.message}`);
            ctx.store.setHealth(e.health.machine, { status: e.health.status, summary: summarizeHealth(e.health.results) });
            progress.report({ message: `${e.health.machine}: health ${e.health.status}` });
          }
          if (e.type === 'rollback-start') ctx.output.warn(`Rolling back ${e.machine}: ${e.description}`);
          if (e.type === 'rollback-end') ctx.output.info(`Rollback of ${e.machine}: ${e.outcome.status}${e.outcome.message ? ` (${e.outcome.message})` : ''}`);
          if (e.type === 'stopped') ctx.output.error(`Deploy stopped at wave ${e.wave.index}: ${e.machine} ${e.kind === 'health' ? 'failed its health checks' : 'failed'}: ${e.message}`);
        },
      });
      summaries.push(summary);
      const methodOf = (m: string): DeployMethod => (byName.get(m)?.deploy.method ?? 'ssh-script') as DeployMethod;
      const commit = await headCommit(run.options.workspaceFolder);
      await history.record(...entriesFromRun(summary, methodOf, commit)).catch((e: unknown) => ctx.output.warn(`Deploy history not saved: ${String(e)}`));
      if (summary.stoppedBy || summary.cancelled) break; // later folders are not touched either
    }
  });
  return summaries;
}

/** One line for the notification: deployed / failed / skipped, and rollbacks. */
export function summaryText(summaries: WaveRunSummary[]): { text: string; failed: boolean; cancelled: boolean } {
  const machines = summaries.flatMap((s) => s.machines);
  const names = (status: string): string[] => machines.filter((m) => m.status === status).map((m) => m.machine);
  const failed = machines.filter((m) => m.status === 'failed');
  const text = [
    names('deployed').length ? `deployed: ${names('deployed').join(', ')}` : '',
    failed.length
      ? `failed: ${failed.map((m) => `${m.machine} (${m.failure === 'health' ? 'health' : 'deploy'}${m.rollback ? `, rollback ${m.rollback.status}` : ''})`).join(', ')}`
      : '',
    names('skipped').length ? `skipped: ${names('skipped').join(', ')}` : '',
    names('cancelled').length ? `cancelled: ${names('cancelled').join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { text: text || 'nothing ran', failed: failed.length > 0, cancelled: summaries.some((s) => s.cancelled) };
}
