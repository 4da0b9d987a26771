// Runs `pct create <vmid> <template> --option value …` on a Proxmox host over
// ssh (New Container). ssh joins the remote words with spaces and the remote
// login shell reads them, so a value with whitespace or shell syntax cannot
// stay one word: such a value is refused with a reason, never quoted or
// changed, and nothing runs.
import type { ProxmoxAccess } from '../../../server/src/protocol/proxmoxMessages';
import { explainSshFailure } from '../deploy/sshErrors';
import { show } from '../deploy/validate';
import { checkNode, seconds } from './collect';
import { proxmoxSshAccess, runArgv, sshArgv, type ProxmoxSshSettings } from './sshRun';

/** The `pct create` options New Container may pass, each followed by one value. */
export const PCT_CREATE_OPTIONS: readonly string[] = [
  '--hostname', '--net0', '--storage', '--rootfs', '--cores', '--memory', '--tags', '--features',
  '--unprivileged', '--onboot', '--start', '--nameserver', '--ostype', '--password',
];

/**
 * Characters a value may hold: none is special to a POSIX shell inside a word
 * (`=` `,` `:` `/` `@` `+` `%` included; `;` is not, so tags are separated by `,`).
 */
const SAFE_VALUE = /^[A-Za-z0-9_.,:=/@+%-]+$/;

export interface PctCreateOptions {
  timeoutMs: number;
  /** Output of pct (and ssh's errors) as it arrives. */
  onOutput?: (text: string) => void;
  signal?: AbortSignal;
}

export interface PctCreateResult {
  /** pct's exit code; null when it did not run or did not end by itself. */
  exitCode: number | null;
  /** stdout and stderr as they arrived (or the reason nothing ran). */
  output: string;
  /** Why it did not run or did not finish: refused arguments, ssh settings, time limit. */
  error?: string;
}

/** Why these `pct create` arguments are refused, or undefined when they may run. */
export function checkPctCreateArgs(args: readonly unknown[]): string | undefined {
  if (!Array.isArray(args) || args.length < 2) return 'pct create needs at least a vmid and a template';
  for (let i = 0; i < args.length; i++) {
    if (typeof args[i] !== 'string') return `argument ${i + 1} is not a string`;
  }
  const words = args as string[];
  if (!/^[1-9]\d{2,8}$/.test(words[0])) return `the vmid ${show(words[0])} is not a number from 100 to 999999999`;
  const template = words[1];
  if (template.startsWith('-')) return `the template ${show(template)} starts with '-' and would be read as an option`;
  if (!SAFE_VALUE.test(template)) {
    return `the template ${show(template)} holds whitespace, quotes or shell syntax; ssh would split or interpret it`;
  }
  for (let i = 2; i < words.length; i += 2) {
    const option = words[i];
    if (!PCT_CREATE_OPTIONS.includes(option)) {
      return option.startsWith('-')
        ? `${show(option)} is not one of the allowed pct create options (${PCT_CREATE_OPTIONS.join(' ')})`
        : `${show(option)} is not an option (expected --name value pairs after the vmid and template)`;
    }
    if (i + 1 >= words.length) return `${option} needs a value after it`;
    const value = words[i + 1];
    if (value.startsWith('-')) return `the value of ${option} ${show(value)} starts with '-' and would be read as an option`;
    if (!SAFE_VALUE.test(value)) {
      return `the value of ${option} ${show(option === '--password' ? '(hidden)' : value)} holds whitespace, quotes or shell syntax; ssh would split or interpret it (separate tags with ',')`;
    }
  }
  return undefined;
}

/**
 * Creates the container. Refused arguments or ssh settings: nothing runs,
 * `error` says why. Never throws.
 */
export async function pctCreate(
  access: ProxmoxAccess, args: readonly string[], settings: ProxmoxSshSettings, options: PctCreateOptions,
): Promise<PctCreateResult> {
  // The node is not an argument of pct, but a host whose `proxmox:` block holds a bad value is not used at all.
  const bad = checkPctCreateArgs(args) ?? checkNode(access);
  if (bad) return { exitCode: null, output: '', error: `refused before ssh ran: ${bad}` };
  const remote = proxmoxSshAccess(access, settings);
  if (typeof remote === 'string') return { exitCode: null, output: '', error: remote };
  let output = '';
  const r = await runArgv(sshArgv(remote, ['pct', 'create', ...args]), {
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    onOutput: (t) => { output += t; options.onOutput?.(t); },
  });
  if (r.spawnError) return { exitCode: null, output, error: `cannot start ${remote.sshCommand}: ${r.spawnError === 'ENOENT' ? 'not found' : r.spawnError}` };
  if (r.timedOut) return { exitCode: null, output, error: `timed out after ${seconds(options.timeoutMs)}` };
  if (r.cancelled) return { exitCode: null, output, error: 'cancelled' };
  if (r.exitCode === 255) {
    return { exitCode: 255, output, error: explainSshFailure(r.stderr, remote.destination) ?? 'ssh failed (exit code 255)' };
  }
  return { exitCode: r.exitCode, output };
}
