// The VS Code side of deploys: picks containers, refuses in untrusted
// workspaces, stops on containers with errors unless the user insists, asks
// for confirmation listing every command line, then runs the plan with a
// progress notification, live output (a terminal per container or the output
// channel), cancellation, and a summary. The engine itself (client/src/deploy)
// is plain Node and knows nothing of VS Code.
import * as vscode from 'vscode';
import type { ContainerNode } from '../../../server/src/protocol/customMessages';
import { formatIssues, planDeploy } from '../deploy/plan';
import { displayCommand } from '../deploy/quote';
import { runDeploy } from '../deploy/runner';
import { selectChanged } from '../deploy/changed';
import type { DeployPlan, DeployTarget, PlanOptions, RunSummary } from '../deploy/types';
import type { CommandContext } from '../commands';
import { containerFromArgs, pickContainers, PickedContainer } from './pickContainer';
import { DeployOutput } from './deployOutput';
import { openSshTerminal } from './sshTerminal';

const LAST_DEPLOY_KEY = 'homelab.lastSuccessfulDeploy';

type Register = (id: string, run: (...args: unknown[]) => unknown) => void;

export function registerDeployCommands(context: vscode.ExtensionContext, ctx: CommandContext, register: Register): void {
  const deploy = (picked: PickedContainer[], dryRun: boolean): Promise<RunSummary | undefined> =>
    deployContainers(context, ctx, picked, dryRun);

  register('homelab.deploy', async (...args) => {
    const picked = containerFromArgs(ctx.tree, args);
    return deploy(picked.length > 0 ? picked : await pickContainers(ctx.tree, 'Deploy which containers?', true), false);
  });
  register('homelab.dryRun', async (...args) => {
    const picked = containerFromArgs(ctx.tree, args);
    return deploy(picked.length > 0 ? picked : await pickContainers(ctx.tree, 'Dry run for which containers?', true), true);
  });
  register('homelab.deployAll', async () => {
    await ctx.tree.ensureLoaded();
    return deploy(ctx.tree.containers(), false);
  });
  register('homelab.deployChanged', async () => {
    await ctx.tree.ensureLoaded();
    const last = context.workspaceState.get<Record<string, number>>(LAST_DEPLOY_KEY, {});
    const all = ctx.tree.containers();
    const modifiedAt: Record<string, number> = {};
    for (const { container } of all) {
      for (const uri of container.profileDependencies ?? []) {
        if (uri in modifiedAt) continue;
        try {
          modifiedAt[uri] = (await vscode.workspace.fs.stat(vscode.Uri.parse(uri))).mtime;
        } catch {
          modifiedAt[uri] = Date.now(); // a file that vanished counts as changed
        }
      }
    }
    const decisions = selectChanged(
      all.map(({ container }) => ({ name: container.name, files: container.profileDependencies ?? [] })),
      Object.fromEntries(Object.entries(last).map(([name, atMs]) => [name, { atMs }])),
      { sharedFiles: [], modifiedAt },
    );
    for (const d of decisions) ctx.output.info(`Deploy Changed: ${d.container}: ${d.deploy ? 'deploy' : 'skip'} (${d.reason})`);
    const names = new Set(decisions.filter((d) => d.deploy).map((d) => d.container));
    const picked = all.filter(({ container }) => names.has(container.name));
    if (picked.length === 0) {
      void vscode.window.showInformationMessage('Homelab: no container changed since its last successful deploy.');
      return undefined;
    }
    return deploy(picked, false);
  });
  register('homelab.openSshTerminal', (...args) => openSshTerminal(ctx, args));
}

function toTarget(c: ContainerNode): DeployTarget {
  return { name: c.name, ip: c.ip, host: c.host, profileName: c.name, deploy: c.deploy };
}

function planOptions(rootUri: string): PlanOptions {
  const config = vscode.workspace.getConfiguration('homelab', vscode.Uri.parse(rootUri));
  return {
    workspaceFolder: vscode.Uri.parse(rootUri).fsPath,
    sshCommand: config.get<string>('deploy.sshCommand', 'ssh'),
    connectTimeout: config.get<number>('deploy.connectTimeout', 10),
    sshOptions: config.get<string[]>('deploy.sshOptions', []),
  };
}

export function refuseUntrusted(action: string): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage(
    `Homelab: ${action} is disabled in an untrusted workspace. Trust this folder (Manage Workspace Trust) to deploy; validation keeps working meanwhile.`,
  );
  return true;
}

async function deployContainers(
  context: vscode.ExtensionContext,
  ctx: CommandContext,
  picked: PickedContainer[],
  dryRun: boolean,
): Promise<RunSummary | undefined> {
  if (picked.length === 0) return undefined;
  if (!dryRun && refuseUntrusted('Deploying')) return undefined;

  // One plan per homelab folder: local methods run in their own folder.
  const byRoot = new Map<string, PickedContainer[]>();
  for (const p of picked) byRoot.set(p.rootUri, [...(byRoot.get(p.rootUri) ?? []), p]);
  const plans: DeployPlan[] = [];
  for (const [rootUri, group] of byRoot) {
    const result = planDeploy(group.map((p) => toTarget(p.container)), planOptions(rootUri));
    if (!result.ok) {
      ctx.output.error(`Deploy refused:\n${formatIssues(result.issues)}`);
      void vscode.window.showErrorMessage(`Homelab: deploy refused. ${formatIssues(result.issues)}`, { modal: true });
      return undefined;
    }
    plans.push(result.plan);
  }
  const lines = plans.flatMap((plan) =>
    plan.units.flatMap((u) => [`${u.containers.join(', ')}${u.address ? ` (${u.address})` : ''}:`, ...u.steps.map((s) => `  ${displayCommand(s.argv)}`)]),
  );

  if (dryRun) {
    ctx.output.info(`Dry run — nothing was run:\n${lines.join('\n')}`);
    ctx.output.show(true);
    const confirm = vscode.workspace.getConfiguration('homelab').get<boolean>('deploy.confirmDryRun', false);
    if (confirm) await vscode.window.showInformationMessage('Homelab dry run', { modal: true, detail: lines.join('\n') });
    return { results: picked.map((p) => ({ container: p.container.name, status: 'succeeded', durationMs: 0 })), durationMs: 0 };
  }

  const withErrors = picked.filter((p) => errorCount(p.container) > 0);
  if (withErrors.length > 0) {
    const names = withErrors.map((p) => `${p.container.name} (${errorCount(p.container)} errors)`).join(', ');
    const choice = await vscode.window.showErrorMessage(
      `Homelab: ${names} ${withErrors.length > 1 ? 'have' : 'has'} errors in ${withErrors.length > 1 ? 'their' : 'its'} files. Fix them first, or deploy anyway.`,
      { modal: true },
      'Deploy Anyway',
    );
    if (choice !== 'Deploy Anyway') return undefined;
  }
  if (vscode.workspace.getConfiguration('homelab').get<boolean>('deploy.confirm', true)) {
    const choice = await vscode.window.showWarningMessage(
      `Deploy ${picked.length === 1 ? picked[0].container.name : `${picked.length} containers`}?`,
      { modal: true, detail: lines.join('\n') },
      'Deploy',
    );
    if (choice !== 'Deploy') return undefined;
  }

  const useTerminal = vscode.workspace.getConfiguration('homelab').get<string>('deploy.output', 'terminal') === 'terminal';
  const output = new DeployOutput(ctx.output, useTerminal);
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Homelab deploy', cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      const total = plans.reduce((n, p) => n + p.units.reduce((m, u) => m + u.steps.length, 0), 0);
      const results: RunSummary = { results: [], durationMs: 0 };
      for (const plan of plans) {
        const s = await runDeploy(plan, {
          signal: abort.signal,
          onEvent: (event) => {
            output.handle(event);
            if (event.type === 'step-start') {
              progress.report({ message: `${event.unit.containers.join(', ')}: ${event.step.title}`, increment: 100 / Math.max(1, total) });
            }
          },
        });
        results.results.push(...s.results);
        results.durationMs += s.durationMs;
      }
      return results;
    },
  );

  const last = { ...context.workspaceState.get<Record<string, number>>(LAST_DEPLOY_KEY, {}) };
  for (const r of summary.results) if (r.status === 'succeeded') last[r.container] = r.finishedAt ?? Date.now();
  await context.workspaceState.update(LAST_DEPLOY_KEY, last);
  void ctx.tree.probe();

  const ok = summary.results.filter((r) => r.status === 'succeeded').map((r) => r.container);
  const failed = summary.results.filter((r) => r.status === 'failed');
  const cancelled = summary.results.filter((r) => r.status === 'cancelled').map((r) => r.container);
  const text = [
    ok.length ? `succeeded: ${ok.join(', ')}` : '',
    failed.length ? `failed: ${failed.map((r) => `${r.container} at ${r.failedStep ?? '?'}${r.message ? ` (${r.message})` : ''}`).join(', ')}` : '',
    cancelled.length ? `cancelled: ${cancelled.join(', ')}` : '',
  ].filter(Boolean).join('; ');
  ctx.output.info(`Deploy finished in ${(summary.durationMs / 1000).toFixed(1)} s — ${text}`);
  if (failed.length > 0) void vscode.window.showErrorMessage(`Homelab deploy: ${text}`, 'Show Output').then((c) => c && ctx.output.show());
  else if (cancelled.length > 0) void vscode.window.showWarningMessage(`Homelab deploy: ${text}`);
  else void vscode.window.showInformationMessage(`Homelab deploy: ${text}`);
  return summary;
}

function errorCount(c: ContainerNode): number {
  const uris = [c.profileUri, ...(c.profileDependencies ?? [])].filter((u): u is string => !!u);
  let errors = 0;
  for (const uri of new Set(uris)) {
    errors += vscode.languages.getDiagnostics(vscode.Uri.parse(uri)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }
  return errors;
}
