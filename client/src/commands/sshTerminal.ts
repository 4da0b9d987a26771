// Opens an integrated terminal running `ssh user@ip` for a container or host:
// an argument vector (no shell), with the same validation and allowed ssh
// options as deploys, and only in a trusted workspace.
import * as vscode from 'vscode';
import { deployAddress } from '../deploy/deployAddress';
import { checkSshOptions } from '../deploy/sshOptions';
import { checkExecutable, checkIp, checkUser } from '../deploy/validate';
import { settings } from '../settings';
import { refuseUntrusted } from '../trust';
import type { CommandContext } from './context';
import { hostFromArgs, resolveOne } from './pickMachine';

export async function openSshTerminal(ctx: CommandContext, args: unknown[]): Promise<vscode.Terminal | undefined> {
  if (await refuseUntrusted('Opening an SSH session')) return undefined;
  const host = hostFromArgs(args);
  let name: string;
  let ip: string | undefined;
  let user: string | undefined;
  let inventoryOptions: string[] = [];
  if (host) {
    name = host.name;
    ip = host.ip;
    user = 'root';
  } else {
    const picked = await resolveOne(ctx.store, args, 'Open an SSH terminal to which container?');
    if (!picked) return undefined;
    name = picked.machine.name;
    ip = deployAddress(picked.machine);
    user = picked.machine.deploy.user ?? 'root';
    inventoryOptions = picked.machine.deploy.sshOptions ?? [];
  }
  const config = settings();
  const sshCommand = config['deploy.sshCommand'];
  const options = checkSshOptions([...inventoryOptions, ...config['deploy.sshOptions']]);
  const problems = [
    ip === undefined ? 'it has no IP address' : checkIp(ip) && `ip: ${checkIp(ip)}`,
    checkUser(user) && `user: ${checkUser(user)}`,
    checkExecutable(sshCommand) && `homelab.deploy.sshCommand: ${checkExecutable(sshCommand)}`,
    ...options.issues.map((i) => `sshOptions[${i.index}]: ${i.message}`),
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  if (problems.length > 0) {
    void vscode.window.showErrorMessage(`Homelab: cannot open SSH to ${name}: ${problems.join('; ')}`);
    return undefined;
  }
  const terminal = vscode.window.createTerminal({
    name: `SSH ${name}`,
    shellPath: sshCommand,
    shellArgs: [...options.args, '--', `${user}@${ip}`],
    iconPath: new vscode.ThemeIcon('terminal'),
  });
  terminal.show();
  ctx.output.info(`Opened SSH terminal to ${user}@${ip} (${name})`);
  return terminal;
}
