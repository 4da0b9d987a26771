// Rollback: the steps (argument vectors, over the deploy's own ssh options)
// that return a failed machine to what ran before its deploy. NixOS methods
// (nixos-rebuild, colmena, deploy-rs) activate the system profile's earlier
// generation again: `nix-env --profile P --switch-generation N` when the
// generation before the deploy was read (the probe), else `--rollback` — only
// after a health failure, when the deploy certainly moved the profile — then
// `P/bin/switch-to-configuration switch`. `ssh-script` checks out the commit
// deployed before (probe, else the history's last good deploy) and runs the
// command again. The policy (`homelab.deploy.rollback`) decides who says yes.
import * as path from 'node:path';
import { planDeploy } from './plan';
import { remoteAccess, remoteStep } from './remote';
import type { DeployMethod, DeployTarget, DeployUnit, PlanOptions, PlanStep, RollbackPlanResult } from './types';
import { checkAbsolutePath, checkExecutable } from './validate';
import type { WaveFailure, WaveRunOptions } from './waveRunner';

export type RollbackPolicy = 'ask' | 'auto' | 'never';
export const ROLLBACK_POLICIES: readonly RollbackPolicy[] = ['ask', 'auto', 'never'];
export const DEFAULT_SYSTEM_PROFILE = '/nix/var/nix/profiles/system';

const NIX_METHODS: readonly DeployMethod[] = ['nixos-rebuild', 'colmena', 'deploy-rs'];
const COMMIT = /^[0-9a-f]{7,64}$/;

/** The setting's value, `ask` unless it is exactly one of the three. */
export function parseRollbackPolicy(value: unknown): RollbackPolicy {
  return ROLLBACK_POLICIES.includes(value as RollbackPolicy) ? (value as RollbackPolicy) : 'ask';
}

/** The `shouldRollback` callback for a policy: auto says yes, never says no, ask asks (the caller's dialog). */
export function rollbackDecider(
  policy: RollbackPolicy,
  ask: (machine: string, failure: WaveFailure) => Promise<boolean>,
): (machine: string, failure: WaveFailure) => Promise<boolean> {
  if (policy === 'auto') return async () => true;
  if (policy === 'never') return async () => false;
  return ask;
}

export interface RollbackOptions extends PlanOptions {
  /** The machine's system profile; default /nix/var/nix/profiles/system (tests point it at a stand-in). */
  systemProfile?: string;
  /** The nix-env program on the machine; default `nix-env`. */
  nixEnv?: string;
  /** Prefix the NixOS commands with `sudo -n` (never prompts); default: when the user is not root. */
  sudo?: boolean;
}

export interface RollbackContext {
  /** What the probe read before the deploy: the profile's generation link, or the checkout's commit. */
  before?: string;
  /** The commit of the last successful deploy (history), for ssh-script when no probe ran. */
  previousCommit?: string;
  /** `health`: the deploy finished (the profile moved), its checks failed. */
  failure?: 'deploy' | 'health';
}

function checkRollbackOptions(options: RollbackOptions): string | undefined {
  const profile = options.systemProfile ?? DEFAULT_SYSTEM_PROFILE;
  const p = checkAbsolutePath(profile);
  if (p) return `systemProfile ${p}`;
  const n = checkExecutable(options.nixEnv ?? 'nix-env');
  return n ? `nixEnv ${n}` : undefined;
}

/** The generation number in a profile link name (`system-42-link`), or undefined. */
export function parseGeneration(before: string | undefined): number | undefined {
  const m = /-(\d{1,9})-link$/.exec(before ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The probe's answer, cleaned: its last non-empty line if it looks like a link name or a commit. */
export function parseProbe(output: string): string | undefined {
  const line = output.split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '').pop() ?? '';
  return /^[A-Za-z0-9_.+-]{1,200}-\d{1,9}-link$/.test(line) || COMMIT.test(line) ? line : undefined;
}

/**
 * The step run before a machine's deploy that reads what to return to: the
 * profile's current generation link (NixOS methods) or the checkout's commit
 * (ssh-script). Undefined when there is nothing to read (method `command`) or
 * no ssh access.
 */
export function planRollbackProbe(target: DeployTarget, options: RollbackOptions): PlanStep | undefined {
  const method = target.deploy?.method;
  if (checkRollbackOptions(options)) return undefined;
  const access = remoteAccess(target, options, method === 'colmena' ? 'root' : undefined);
  if (!access.ok) return undefined;
  if (method && NIX_METHODS.includes(method)) {
    return remoteStep(access.access, 'probe', 'Read the current generation', ['readlink', options.systemProfile ?? DEFAULT_SYSTEM_PROFILE], false);
  }
  if (method === 'ssh-script' && target.deploy.dotfilesDir && !checkAbsolutePath(target.deploy.dotfilesDir)) {
    return remoteStep(access.access, 'probe', 'Read the deployed commit', ['git', '-C', target.deploy.dotfilesDir, 'rev-parse', 'HEAD'], false);
  }
  return undefined;
}

/** The steps that return the machine to what ran before; `ok: false` says why there are none. */
export function planRollback(target: DeployTarget, options: RollbackOptions, context: RollbackContext = {}): RollbackPlanResult {
  const method = target?.deploy?.method;
  const bad = checkRollbackOptions(options);
  if (bad) return { ok: false, reason: bad };
  if (method === 'command') return { ok: false, reason: 'a command deploy has no known way back' };
  const access = remoteAccess(target, options, method === 'colmena' ? 'root' : undefined);
  if (!access.ok) return { ok: false, reason: 'cannot log in over ssh', issues: access.issues };
  const a = access.access;
  const unit: DeployUnit = { id: `rollback:${target.name}`, machines: [target.name], method, address: a.destination, steps: [] };

  if (NIX_METHODS.includes(method)) {
    const profile = options.systemProfile ?? DEFAULT_SYSTEM_PROFILE;
    const sudo = (options.sudo ?? a.user !== 'root') ? ['sudo', '-n'] : [];
    const generation = parseGeneration(context.before);
    let select: string[];
    let description: string;
    if (generation !== undefined) {
      select = ['--switch-generation', String(generation)];
      description = `generation ${generation} of ${profile} (the one before the deploy)`;
    } else if (context.failure === 'health') {
      select = ['--rollback'];
      description = `the generation before the current one of ${profile}`;
    } else {
      return {
        ok: false,
        reason: 'the generation before the deploy is unknown, and a deploy that failed may not have moved the profile (--rollback could go one generation too far)',
      };
    }
    unit.steps.push(
      remoteStep(a, 'rollback-profile', 'Select the previous generation', [...sudo, options.nixEnv ?? 'nix-env', '--profile', profile, ...select]),
      remoteStep(a, 'rollback-switch', 'Activate it', [...sudo, path.posix.join(profile, 'bin', 'switch-to-configuration'), 'switch']),
    );
    return { ok: true, unit, description };
  }

  // ssh-script: back to the commit deployed before, then the same command as a deploy.
  const commit = COMMIT.test(context.before ?? '') ? context.before : COMMIT.test(context.previousCommit ?? '') ? context.previousCommit : undefined;
  if (!commit) return { ok: false, reason: 'the commit deployed before is unknown (no probe answer and no successful deploy in the history)' };
  const planned = planDeploy([target], options);
  if (!planned.ok) return { ok: false, reason: 'the target is not valid', issues: planned.issues };
  const run = planned.plan.units[0].steps.find((s) => s.id === 'run') as PlanStep;
  unit.steps.push(
    remoteStep(a, 'rollback-reset', `Check out ${commit.slice(0, 12)}`, ['git', '-C', target.deploy.dotfilesDir as string, 'reset', '--hard', commit]),
    { ...run, id: 'rollback-run', title: 'Run the command again' },
  );
  return { ok: true, unit, description: `commit ${commit.slice(0, 12)} (deployed before)` };
}

/**
 * `probe` and `rollbackPlan` for `runWaves`, from the targets by name.
 * `previousCommit` (e.g. the history's last successful deploy) backs up the probe.
 */
export function rollbackHooks(
  targets: readonly DeployTarget[],
  options: RollbackOptions,
  previousCommit: (machine: string) => string | undefined = () => undefined,
): Required<Pick<WaveRunOptions, 'probe' | 'rollbackPlan'>> {
  const byName = new Map(targets.map((t) => [t.name, t]));
  return {
    probe: (machine) => {
      const t = byName.get(machine);
      return t ? planRollbackProbe(t, options) : undefined;
    },
    rollbackPlan: (machine, failure) => {
      const t = byName.get(machine);
      if (!t) return { ok: false, reason: `${machine} is not among the targets` };
      return planRollback(t, options, { before: failure.before, previousCommit: previousCommit(machine), failure: failure.kind });
    },
  };
}
