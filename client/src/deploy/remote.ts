// How the engine reaches a machine over ssh outside its deploy steps (the
// health check's `systemctl is-system-running`, rollback, reading the current
// generation or commit before a deploy): the same ssh executable, options,
// BatchMode and ConnectTimeout as the deploy's own ssh steps, every value
// checked the same way (a refused value names the container and the field).
// Remote commands are built from words, each quoted for the remote shell.
import { checkSettings, sshBase } from './plan';
import { shellJoin } from './quote';
import { checkSshOptions } from './sshOptions';
import type { DeployTarget, FieldIssue, PlanOptions, PlanStep } from './types';
import { checkIdentifier, checkIp, checkUser } from './validate';
import { sshPort } from '../probes/reachability';

export interface RemoteAccess {
  /** The ssh program (`homelab.deploy.sshCommand`, default `ssh`). */
  sshCommand: string;
  /** Options before the destination: BatchMode first, inventory, settings, ConnectTimeout. */
  base: string[];
  user: string;
  ip: string;
  /** `user@ip`. */
  destination: string;
  /** The port ssh will use (from `-p` / `-o Port=`), for the banner check. */
  port: number;
}

export type RemoteAccessResult = { ok: true; access: RemoteAccess } | { ok: false; issues: FieldIssue[] };

/**
 * The checked ssh access to a target. `defaultUser` stands in when the
 * inventory names no `deploy.user` (colmena logs in as root unless told otherwise).
 */
export function remoteAccess(target: DeployTarget, options: PlanOptions, defaultUser?: string): RemoteAccessResult {
  const issues: FieldIssue[] = [];
  const settingsArgs = checkSettings(options, issues);
  const name = typeof target?.name === 'string' ? target.name : String(target?.name);
  const add = (field: string, message: string): void => { issues.push({ machine: name, field, message }); };
  const nameBad = checkIdentifier(target?.name);
  if (nameBad) add('name', nameBad);
  const user = target?.deploy?.user ?? defaultUser;
  if (user === undefined || user === '') add('deploy.user', 'is missing (needed to log in over ssh)');
  else {
    const bad = checkUser(user);
    if (bad) add('deploy.user', bad);
  }
  if (target?.ip === undefined || target.ip === '') add('ip', 'is missing (needed to log in over ssh)');
  else {
    const bad = checkIp(target.ip);
    if (bad) add('ip', bad);
  }
  const ssh = checkSshOptions(target?.deploy?.sshOptions);
  for (const i of ssh.issues) add(`deploy.sshOptions${i.index >= 0 ? `[${i.index}]` : ''}`, i.message);
  if (issues.length > 0) return { ok: false, issues };
  const base = sshBase(options, ssh.args, settingsArgs);
  const ip = target.ip as string;
  return {
    ok: true,
    access: {
      sshCommand: options.sshCommand ?? 'ssh', base, user: user as string, ip,
      destination: `${user}@${ip}`, port: sshPort([...ssh.args, ...settingsArgs]),
    },
  };
}

/**
 * The argument vector that runs `words` on the machine: each word quoted for
 * the remote login shell, `--` before the destination so it is never an option.
 * `tty` (-tt) hangs the remote command up when ssh is ended (cancel); without
 * it (-T) the output is clean for parsing.
 */
export function remoteArgv(access: RemoteAccess, remoteCommand: string, tty: boolean): string[] {
  return [access.sshCommand, ...access.base, tty ? '-tt' : '-T', '--', access.destination, remoteCommand];
}

/** One plan step that runs a command (words, or an already quoted string) on the machine. */
export function remoteStep(access: RemoteAccess, id: string, title: string, command: readonly string[] | string, tty = true): PlanStep {
  const remote = typeof command === 'string' ? command : shellJoin(command);
  return { id, title, argv: remoteArgv(access, remote, tty), remoteCommand: remote };
}
