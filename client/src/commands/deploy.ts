// The VS Code side of deploys: picks machines, refuses in untrusted
// workspaces, stops on machines with errors unless the user insists, shows
// the deploy plan (what changes since each machine's last successful deploy)
// and asks for confirmation listing the waves and every command line, then
// runs it (deployRun.ts: waves, health checks, rollback, history). Also Show
// Deploy Plan, Deploy Changed (the machines whose plan is not empty) and Roll
// Back. The engine itself (client/src/deploy) is plain Node.
import * as vscode from 'vscode';
import type { MachineNode } from '../../../server/src/protocol/customMessages';
import type { DeployPlanResult } from '../../../server/src/protocol/customMessages';
import { selectChanged } from '../deploy/changed';
import { DeployHistory } from '../deploy/history';
import { formatIssues } from '../deploy/plan';
import { deployAddress } from '../deploy/deployAddress';
import { describeTries, firstAnswering } from '../deploy/firstAnswering';
import { readBanner, sshPort } from '../probes/reachability';
import { lookup } from 'node:dns/promises';
import { displayCommand } from '../deploy/quote';
import { planRollback } from '../deploy/rollback';
import { runDeploy } from '../deploy/runner';
import type { DeployTarget, PlanOptions, RunSummary } from '../deploy/types';
import type { WaveRunSummary } from '../deploy/waveRunner';
import { formatWaves, planWaves } from '../deploy/waves';
import { settings } from '../settings';
import type { MachineInFolder } from '../store/topologyStore';
import { refuseUntrusted } from '../trust';
import type { CommandContext } from './context';
import { machineFromArgs, pickMachines } from './pickMachine';
import { DeployOutput } from './deployOutput';
import { openSshTerminal } from './sshTerminal';
import { PlanViews, planSummary, requestPlan } from './deployPlan';
import { runConfirmedDeploy, summaryText, type RootRun } from './deployRun';

type Register = (id: string, run: (...args: unknown[]) => unknown) => void;

export function registerDeployCommands(context: vscode.ExtensionContext, ctx: CommandContext, register: Register): void {
  // Survives restarts, is per workspace, and lives outside the repository (never committed by accident).
  const storage = context.storageUri ?? context.globalStorageUri;
  const history = new DeployHistory(vscode.Uri.joinPath(storage, 'deploys').fsPath);
  const planViews = new PlanViews();
  context.subscriptions.push(planViews);
  const deploy = (picked: MachineInFolder[], dryRun: boolean): Promise<WaveRunSummary[] | RunSummary | undefined> =>
    deployMachines(ctx, history, planViews, picked, dryRun);

  register('homelab.deploy', async (...args) => {
    const picked = machineFromArgs(args);
    return deploy(picked.length > 0 ? picked : await pickMachines(ctx.store, 'Deploy which containers?', true), false);
  });
  register('homelab.dryRun', async (...args) => {
    const picked = machineFromArgs(args);
    return deploy(picked.length > 0 ? picked : await pickMachines(ctx.store, 'Dry run for which containers?', true), true);
  });
  register('homelab.deployAll', async () => {
    await ctx.store.ensureLoaded();
    return deploy(ctx.store.machines(), false);
  });
  register('homelab.deployChanged', async () => {
    await ctx.store.ensureLoaded();
    const all = ctx.store.machines();
    const picked: MachineInFolder[] = [];
    for (const [rootUri, group] of groupByRoot(all)) {
      const answer = await planFor(ctx, history, rootUri, group.map((p) => p.machine.name));
      if (answer.error) {
        ctx.output.warn(`Deploy Changed: no plan for ${rootUri} (${answer.error}); deciding by file times instead`);
        picked.push(...(await changedByFileTimes(history, group)));
        continue;
      }
      const planned = new Set(answer.plan.machines.map((m) => m.machine));
      for (const p of group) {
        ctx.output.info(`Deploy Changed: ${p.machine.name}: ${planned.has(p.machine.name) ? 'deploy (its plan is not empty)' : 'skip (no change since its last deploy)'}`);
        if (planned.has(p.machine.name)) picked.push(p);
      }
    }
    if (picked.length === 0) {
      void vscode.window.showInformationMessage('Homelab: no machine changed since its last successful deploy.');
      return undefined;
    }
    return deploy(picked, false);
  });
  register('homelab.showDeployPlan', async () => {
    await ctx.store.ensureLoaded();
    const all = ctx.store.machines();
    // Returns the last page shown (the integration tests read it).
    let shown: string | undefined;
    for (const [rootUri, group] of groupByRoot(all)) {
      const names = group.map((p) => p.machine.name);
      const answer = await planFor(ctx, history, rootUri, names);
      shown = planViews.show(rootUri, folderName(rootUri), answer, await sinceLabel(history, names));
    }
    if (!shown) void vscode.window.showInformationMessage('Homelab: no machine to plan.');
    return shown;
  });
  register('homelab.rollback', async (...args) => {
    if (await refuseUntrusted('Rolling back')) return undefined;
    const picked = machineFromArgs(args);
    const chosen = picked.length > 0 ? picked : await pickMachines(ctx.store, 'Roll back which machine?', false);
    if (chosen.length !== 1) return undefined;
    const { machine, rootUri } = chosen[0];
    const last = await history.lastSuccessful(machine.name);
    const r = planRollback(toTarget(machine), planOptions(rootUri), { previousCommit: last?.commit });
    if (!r.ok) {
      void vscode.window.showErrorMessage(`Homelab: cannot roll back ${machine.name}: ${r.reason}`);
      return undefined;
    }
    const detail = [r.description, ...r.unit.steps.map((st) => displayCommand(st.argv))].join('\n');
    if ((await vscode.window.showWarningMessage(`Roll back ${machine.name}?`, { modal: true, detail }, 'Roll Back')) !== 'Roll Back') return undefined;
    const output = new DeployOutput(ctx.output, settings()['deploy.output'] === 'terminal');
    const summary = await runDeploy({ units: [r.unit], parallel: 1 }, { onEvent: (e) => output.handle(e) });
    const ok = summary.results.every((x) => x.status === 'succeeded');
    ctx.output.info(`Rollback of ${machine.name}: ${ok ? 'done' : 'failed'}`);
    void (ok ? vscode.window.showInformationMessage(`Homelab: ${machine.name} rolled back.`) : vscode.window.showErrorMessage(`Homelab: rollback of ${machine.name} failed.`, 'Show Output').then((c) => c && ctx.output.show()));
    return summary;
  });
  register('homelab.openSshTerminal', (...args) => openSshTerminal(ctx, args));
}

function toTarget(c: MachineNode): DeployTarget {
  return { name: c.name, ip: deployAddress(c), host: c.host, profileName: c.name, deploy: c.deploy };
}

/**
 * The target with the first of its addresses that answers, when its source
 * gives several in order (a deploy list): each is probed on the SSH port the
 * options name, with the machine's own connect time-out.
 */
async function answeringTarget(ctx: CommandContext, c: MachineNode, options: PlanOptions): Promise<DeployTarget> {
  const target = toTarget(c);
  if (!c.deployTargets || c.deployTargets.length < 2) return target;
  const port = sshPort([...(options.sshOptions ?? []), ...(c.deploy.sshOptions ?? [])]);
  const seconds = c.deploy.connectTimeout ?? options.connectTimeout ?? 10;
  const choice = await firstAnswering(c.deployTargets, (a) => readBanner(a, port, Math.min(seconds, 10) * 1000), (name) => lookupWithin(name, seconds * 1000));
  ctx.output.info(`${c.name}: ${describeTries(choice)}${choice.answered ? '' : ' — none answered, trying the first'}`);
  return choice.address ? { ...target, ip: choice.address } : target;
}

/** A host name's address by the system resolver, or undefined after `ms` (a resolver that hangs must not hold the deploy). */
function lookupWithin(name: string, ms: number): Promise<string | undefined> {
  return Promise.race([
    lookup(name).then((r) => r.address, () => undefined),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref()),
  ]);
}

function planOptions(rootUri: string): PlanOptions {
  const config = settings(vscode.Uri.parse(rootUri));
  return {
    workspaceFolder: vscode.Uri.parse(rootUri).fsPath,
    sshCommand: config['deploy.sshCommand'],
    connectTimeout: config['deploy.connectTimeout'],
    sshOptions: config['deploy.sshOptions'],
  };
}

function groupByRoot(picked: MachineInFolder[]): Map<string, MachineInFolder[]> {
  const byRoot = new Map<string, MachineInFolder[]>();
  for (const p of picked) byRoot.set(p.rootUri, [...(byRoot.get(p.rootUri) ?? []), p]);
  return byRoot;
}

function folderName(rootUri: string): string {
  return decodeURIComponent(vscode.Uri.parse(rootUri).path.split('/').filter(Boolean).pop() ?? rootUri);
}

/** The plan of these machines, each since its last successful deploy (else the default revision). */
async function planFor(ctx: CommandContext, history: DeployHistory, rootUri: string, machines: string[]): Promise<DeployPlanResult> {
  const sinceByMachine: Record<string, string> = {};
  for (const m of machines) {
    const commit = (await history.lastSuccessful(m))?.commit;
    if (commit) sinceByMachine[m] = commit;
  }
  return requestPlan(ctx.client, { folderUri: rootUri, machines, ...(Object.keys(sinceByMachine).length ? { sinceByMachine } : {}) });
}

async function sinceLabel(history: DeployHistory, machines: string[]): Promise<string> {
  const known = (await Promise.all(machines.map((m) => history.lastSuccessful(m)))).filter((e) => e?.commit).length;
  return known === machines.length ? "each machine's last successful deploy" : known > 0 ? 'the last successful deploy where known, else the upstream branch (or HEAD)' : 'the upstream branch (or HEAD): no deploy recorded yet';
}

/** The old way, when there is no plan (not a git repository): profile files newer than the last deploy. */
async function changedByFileTimes(history: DeployHistory, group: MachineInFolder[]): Promise<MachineInFolder[]> {
  const last: Record<string, number> = {};
  for (const { machine } of group) {
    const entry = await history.lastSuccessful(machine.name);
    if (entry) last[machine.name] = entry.time + entry.durationMs;
  }
  const modifiedAt: Record<string, number> = {};
  for (const { machine } of group)
    for (const uri of machine.configDependencies ?? []) {
      if (uri in modifiedAt) continue;
      try {
        modifiedAt[uri] = (await vscode.workspace.fs.stat(vscode.Uri.parse(uri))).mtime;
      } catch {
        modifiedAt[uri] = Date.now(); // a file that vanished counts as changed
      }
    }
  const decisions = selectChanged(
    group.map(({ machine }) => ({ name: machine.name, files: machine.configDependencies ?? [] })),
    Object.fromEntries(Object.entries(last).map(([name, atMs]) => [name, { atMs }])),
    { sharedFiles: [], modifiedAt },
  );
  const names = new Set(decisions.filter((d) => d.deploy).map((d) => d.machine));
  return group.filter(({ machine }) => names.has(machine.name));
}

async function deployMachines(
  ctx: CommandContext,
  history: DeployHistory,
  planViews: PlanViews,
  picked: MachineInFolder[],
  dryRun: boolean,
): Promise<WaveRunSummary[] | RunSummary | undefined> {
  if (picked.length === 0) return undefined;
  if (!dryRun && (await refuseUntrusted('Deploying'))) return undefined;
  // Known by name only (the server is still reading a large fleet): where it deploys is not known yet.
  const reading = picked.filter((p) => p.machine.reading).map((p) => p.machine.name);
  if (reading.length) {
    void vscode.window.showInformationMessage(`Homelab: ${reading.join(', ')} ${reading.length === 1 ? 'is' : 'are'} still being read; deploy once the tree shows ${reading.length === 1 ? 'its' : 'their'} address.`);
    return undefined;
  }
  const config = settings();

  // Waves per homelab folder: local methods run in their own folder.
  const runs: RootRun[] = [];
  for (const [rootUri, group] of groupByRoot(picked)) {
    const options = planOptions(rootUri);
    const targets = await Promise.all(group.map((p) => answeringTarget(ctx, p.machine, options)));
    const parallel = config['deploy.parallel'];
    const candidates = Object.fromEntries(group.map((p) => [p.machine.name, { services: p.machine.services.map((x) => x.name), tags: p.machine.tags ?? [] }]));
    const result = planWaves(targets, parallel > 0 ? { ...options, parallel } : options, candidates);
    if (!result.ok) {
      ctx.output.error(`Deploy refused:\n${formatIssues(result.issues)}`);
      void vscode.window.showErrorMessage(`Homelab: deploy refused. ${formatIssues(result.issues)}`, { modal: true });
      return undefined;
    }
    runs.push({ rootUri, targets, machines: group.map((p) => p.machine), waves: result.waves, options });
  }
  const lines = runs.flatMap((run) => [
    ...formatWaves(run.waves),
    ...run.waves.flatMap((w) => w.plan.units.flatMap((u) => [`${u.machines.join(', ')}${u.address ? ` (${u.address})` : ''}:`, ...u.steps.map((st) => `  ${displayCommand(st.argv)}`)])),
  ]);

  if (dryRun) {
    ctx.output.info(`Dry run — nothing was run:\n${lines.join('\n')}`);
    ctx.output.show(true);
    if (config['deploy.confirmDryRun']) await vscode.window.showInformationMessage('Homelab dry run', { modal: true, detail: lines.join('\n') });
    return { results: picked.map((p) => ({ machine: p.machine.name, status: 'succeeded', durationMs: 0 })), durationMs: 0 };
  }

  const withErrors = picked.filter((p) => errorCount(p.machine) > 0);
  if (withErrors.length > 0) {
    const names = withErrors.map((p) => `${p.machine.name} (${errorCount(p.machine)} errors)`).join(', ');
    const choice = await vscode.window.showErrorMessage(
      `Homelab: ${names} ${withErrors.length > 1 ? 'have' : 'has'} errors in ${withErrors.length > 1 ? 'their' : 'its'} files. Fix them first, or deploy anyway.`,
      { modal: true },
      'Deploy Anyway',
    );
    if (choice !== 'Deploy Anyway') return undefined;
  }
  if (config['deploy.confirm']) {
    // What will change, before the confirmation: the plan beside the editor, its summary in the dialog.
    const planLines: string[] = [];
    for (const run of runs) {
      const names = run.machines.map((c) => c.name);
      const answer = await planFor(ctx, history, run.rootUri, names);
      planViews.show(run.rootUri, folderName(run.rootUri), answer, await sinceLabel(history, names));
      planLines.push(...planSummary(answer));
    }
    const choice = await vscode.window.showWarningMessage(
      `Deploy ${picked.length === 1 ? picked[0].machine.name : `${picked.length} machines`}?`,
      { modal: true, detail: ['What changes:', ...planLines.map((l) => `  ${l}`), '', ...lines].join('\n') },
      'Deploy',
    );
    if (choice !== 'Deploy') return undefined;
  }

  const summaries = await runConfirmedDeploy(ctx, history, runs);
  void ctx.probes.probe();
  const { text, failed, cancelled } = summaryText(summaries);
  const seconds = summaries.reduce((n, s) => n + s.durationMs, 0) / 1000;
  ctx.output.info(`Deploy finished in ${seconds.toFixed(1)} s — ${text}`);
  if (failed) void vscode.window.showErrorMessage(`Homelab deploy: ${text}`, 'Show Output').then((c) => c && ctx.output.show());
  else if (cancelled) void vscode.window.showWarningMessage(`Homelab deploy: ${text}`);
  else void vscode.window.showInformationMessage(`Homelab deploy: ${text}`);
  return summaries;
}

function errorCount(c: MachineNode): number {
  const uris = [c.configUri, ...(c.configDependencies ?? [])].filter((u): u is string => !!u);
  let errors = 0;
  for (const uri of new Set(uris)) {
    errors += vscode.languages.getDiagnostics(vscode.Uri.parse(uri)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }
  return errors;
}

