// Runs `ssh … -- <words>` on a Proxmox host: the deploy engine's checked ssh
// access (same program, options, BatchMode and ConnectTimeout as a deploy),
// spawned as an argument vector without a local shell, in its own process
// group so a time limit ends ssh and anything it started.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { ProxmoxAccess } from '../../../server/src/protocol/proxmoxMessages';
import { remoteAccess, type RemoteAccess } from '../deploy/remote';
import type { PlanOptions } from '../deploy/types';

/** The `homelab.deploy.*` settings ssh uses, plus the inventory host's own ssh options. */
export interface ProxmoxSshSettings {
  /** `homelab.deploy.sshCommand` (default `ssh`). */
  sshCommand?: string;
  /** `homelab.deploy.connectTimeout` in seconds (default 10). */
  connectTimeout?: number;
  /** `homelab.deploy.sshOptions` (allow-listed, like a deploy's). */
  sshOptions?: string[];
  /** The inventory's ssh options for this host (allow-listed the same way). */
  hostSshOptions?: string[];
}

/** Proxmox's `pvesh` and `pct` need root unless the inventory names another user. */
export const DEFAULT_PROXMOX_USER = 'root';

/** Inventory-facing names of the fields remoteAccess() reports on (it speaks of containers). */
const FIELD_NAMES: Record<string, string> = { ip: 'proxmox.address', 'deploy.user': 'proxmox.user', name: 'host name' };

/**
 * The checked ssh access to the host, or why there is none (every refused
 * value named). The check is the deploy engine's own (remoteAccess), fed the
 * host as if it were a deploy target.
 */
export function proxmoxSshAccess(access: ProxmoxAccess, settings: ProxmoxSshSettings): RemoteAccess | string {
  // workspaceFolder is required by the deploy settings' check but unused
  // here: no local command runs in a folder, only ssh.
  const options: PlanOptions = {
    workspaceFolder: '/', sshCommand: settings.sshCommand, connectTimeout: settings.connectTimeout, sshOptions: settings.sshOptions,
  };
  const r = remoteAccess(
    { name: access.host, ip: access.address, deploy: { method: 'command', user: access.user, sshOptions: settings.hostSshOptions } },
    options, DEFAULT_PROXMOX_USER,
  );
  if (r.ok) return r.access;
  const issues = r.issues.map((i) => {
    const field = FIELD_NAMES[i.field] ?? i.field.replace(/^deploy\.sshOptions/, 'sshOptions');
    return `${field} ${i.message}`;
  });
  return `refused before ssh ran: ${issues.join('; ')}`;
}

/**
 * The argument vector: `--` before the destination so it is never an option.
 * The words are joined with spaces by ssh and read by the remote login shell,
 * so callers pass only words checked to hold no whitespace or shell syntax.
 * -T: no terminal, the output stays clean JSON.
 */
export function sshArgv(access: RemoteAccess, words: readonly string[]): string[] {
  return [access.sshCommand, ...access.base, '-T', '--', access.destination, ...words];
}

export interface RunResult {
  /** null: it did not exit by itself (could not start, time limit, cancelled). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  cancelled: boolean;
  /** Why it could not start (`ENOENT`: no such program). */
  spawnError?: string;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Each piece of output (stdout and stderr) as it arrives. */
  onOutput?: (text: string) => void;
  /** The most stdout kept (a guest list is small; more is cut). */
  maxStdout?: number;
}

/** Runs an argument vector to its end or its time limit. Never rejects. */
export function runArgv(argv: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    const result: RunResult = { exitCode: null, stdout: '', stderr: '', timedOut: false, cancelled: false };
    if (options.signal?.aborted) { result.cancelled = true; resolve(result); return; }
    const child = spawn(argv[0], argv.slice(1), {
      shell: false, detached: true, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true,
    });
    let exited = false;
    let settled = false;
    const killGroup = (): void => {
      if (exited || child.pid === undefined) return;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    };
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => { result.cancelled = true; killGroup(); finish(); };
    const timer = setTimeout(() => { result.timedOut = true; killGroup(); finish(); }, options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const max = options.maxStdout ?? 16 * 1024 * 1024;
    const out = new StringDecoder('utf8');
    const err = new StringDecoder('utf8');
    child.stdout?.on('data', (d: Buffer) => {
      const t = out.write(d);
      if (result.stdout.length < max) result.stdout += t;
      options.onOutput?.(t);
    });
    child.stderr?.on('data', (d: Buffer) => {
      const t = err.write(d);
      result.stderr = (result.stderr + t).slice(-65536);
      options.onOutput?.(t);
    });
    child.once('error', (e: NodeJS.ErrnoException) => { result.spawnError = e.code ?? e.message; finish(); });
    child.once('exit', () => { exited = true; });
    child.once('close', (code) => { result.exitCode = code; finish(); });
  });
}
