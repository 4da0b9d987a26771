// The plain data the deploy engine takes and returns. No VS Code types here:
// the commands, pseudoterminals and progress UI drive the engine through these.

export type DeployMethod = 'ssh-script' | 'nixos-rebuild' | 'colmena' | 'deploy-rs' | 'command';

export const DEPLOY_METHODS: readonly DeployMethod[] = [
  'ssh-script', 'nixos-rebuild', 'colmena', 'deploy-rs', 'command',
];

/**
 * A machine's `deploy:` block after inventory defaults and per-machine
 * overrides are merged (structurally the same as the topology's
 * `DeploySettings`). Optional fields are checked per method: a method that
 * needs a missing field is a validation error naming it.
 */
export interface DeployConfig {
  method: DeployMethod;
  user?: string;
  dotfilesDir?: string;
  /** Command template, split into words before placeholders are substituted. */
  command?: string;
  /** Extra ssh arguments from the inventory (allow-listed `-o Key=Value`, `-p`, `-i`). */
  sshOptions?: string[];
  parallel?: number;
  /** Branch the dotfiles checkout is reset to (`ssh-script`); default `main`. */
  branch?: string;
  /** SSH connect time-out in seconds from the machine's source; else `homelab.deploy.connectTimeout`. */
  connectTimeout?: number;
}

/** One machine to deploy. A topology `MachineNode` fits this shape. */
export interface DeployTarget {
  name: string;
  ip?: string;
  /** Name of the host it runs on (`{host}`). */
  host?: string;
  /** Profile name for `{profile}`; default: the machine's name. */
  profileName?: string;
  deploy: DeployConfig;
}

/** Settings (`homelab.deploy.*`) that apply to every machine. */
export interface PlanOptions {
  /** Folder local methods run in (`nixos-rebuild`, `colmena`, `deploy-rs`, `command`). */
  workspaceFolder: string;
  /** `homelab.deploy.sshCommand`; default `ssh`. */
  sshCommand?: string;
  /** `homelab.deploy.connectTimeout` in seconds; default 10. */
  connectTimeout?: number;
  /** `homelab.deploy.sshOptions`: appended after the inventory's, same rules. */
  sshOptions?: string[];
  /** Overrides the `parallel` of the targets (which otherwise is their minimum). */
  parallel?: number;
}

/** One process to run: an argument vector, never a shell string. */
export interface PlanStep {
  /** Short stable name: `fetch`, `reset`, `run`, `nixos-rebuild`, `colmena`, `deploy-rs`, `command`. */
  id: string;
  title: string;
  argv: string[];
  /** Working directory (local methods: the workspace folder). */
  cwd?: string;
  /** Variables added to the inherited environment. */
  env?: Record<string, string>;
  /** For ssh steps: the command string the remote login shell runs (already quoted). */
  remoteCommand?: string;
}

/** Work for one machine, or for several at once (a `colmena` selection). */
export interface DeployUnit {
  /** Stable id for events: the machine name, or `colmena:a,b`. */
  id: string;
  machines: string[];
  method: DeployMethod;
  /** `user@ip` or the ip, for the confirmation dialog. */
  address?: string;
  steps: PlanStep[];
}

export interface DeployPlan {
  units: DeployUnit[];
  parallel: number;
}

/** A value refused before anything runs. */
export interface FieldIssue {
  machine: string;
  /** Dotted field path as in the inventory: `ip`, `deploy.user`, `deploy.sshOptions[2]`, `name`. */
  field: string;
  message: string;
}

export type PlanResult =
  | { ok: true; plan: DeployPlan }
  | { ok: false; issues: FieldIssue[] };

export type DeployStatus = 'succeeded' | 'failed' | 'cancelled';

export interface MachineResult {
  machine: string;
  status: DeployStatus;
  /** Id of the step that failed or was running when cancelled. */
  failedStep?: string;
  failedStepIndex?: number;
  exitCode?: number;
  /** Signal that ended the failed step, if any. */
  signal?: string;
  /** One readable line: why it failed (ssh errors are explained). */
  message?: string;
  durationMs: number;
  startedAt?: number;
  finishedAt?: number;
}

export interface RunSummary {
  results: MachineResult[];
  durationMs: number;
}

export type DeployEvent =
  | { type: 'unit-start'; unit: DeployUnit; time: number }
  | { type: 'step-start'; unit: DeployUnit; stepIndex: number; step: PlanStep; time: number }
  | {
      type: 'output'; unit: DeployUnit; stepIndex: number; step: PlanStep;
      stream: 'stdout' | 'stderr'; text: string;
    }
  | {
      type: 'step-end'; unit: DeployUnit; stepIndex: number; step: PlanStep;
      exitCode: number | null; signal: string | null; time: number;
    }
  | { type: 'unit-end'; unit: DeployUnit; results: MachineResult[]; time: number }
  /** The engine's own log lines (command lines, errors); secrets already redacted. */
  | { type: 'log'; unit?: DeployUnit; message: string };

export interface RunOptions {
  signal?: AbortSignal;
  onEvent?: (event: DeployEvent) => void;
  /** Strings never to appear in `log` events (and in `output` when `redactOutput`). */
  secrets?: readonly string[];
  /** Also redact `output` events (line-buffered per stream). Default: output unchanged. */
  redactOutput?: boolean;
  /** Base environment; default `process.env`. Never logged. */
  env?: NodeJS.ProcessEnv;
  /** Time between SIGTERM and SIGKILL on cancel; default 3000 ms. */
  killGraceMs?: number;
}

/** The way back for one machine (rollback.ts plans it, waveRunner.ts runs it): here so neither imports the other's module for it. */
export type RollbackPlanResult =
  | { ok: true; unit: DeployUnit; description: string }
  | { ok: false; reason: string; issues?: FieldIssue[] };
