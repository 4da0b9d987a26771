// Live output of a deploy: one pseudoterminal per container (colours kept,
// created when the container starts) or the Homelab output channel.
import * as vscode from 'vscode';
import { displayCommand } from '../deploy/quote';
import type { DeployEvent } from '../deploy/types';

class DeployTerminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  readonly terminal: vscode.Terminal;

  constructor(name: string) {
    const pty: vscode.Pseudoterminal = {
      onDidWrite: this.writeEmitter.event,
      open: () => undefined,
      close: () => undefined,
    };
    this.terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('cloud-upload') });
  }

  write(text: string): void {
    // A terminal needs CR LF; keep the colour escapes as they are.
    this.writeEmitter.fire(text.replace(/\r?\n/g, '\r\n'));
  }
}

export class DeployOutput {
  private readonly terminals = new Map<string, DeployTerminal>();

  constructor(private readonly channel: vscode.LogOutputChannel, private readonly useTerminal: boolean) {
    if (!useTerminal) channel.show(true);
  }

  handle(event: DeployEvent): void {
    switch (event.type) {
      case 'unit-start':
        this.line(event.unit.id, `\x1b[1m▶ ${event.unit.machines.join(', ')}${event.unit.address ? ` (${event.unit.address})` : ''}\x1b[0m`);
        break;
      case 'step-start':
        this.line(event.unit.id, `\x1b[36m$ ${displayCommand(event.step.argv)}\x1b[0m`);
        break;
      case 'output':
        this.write(event.unit.id, event.text);
        break;
      case 'step-end':
        if (event.exitCode !== 0) this.line(event.unit.id, `\x1b[31m✖ ${event.step.title} ended with ${event.signal ?? `exit code ${event.exitCode}`}\x1b[0m`);
        break;
      case 'unit-end':
        for (const r of event.results) {
          this.line(event.unit.id, r.status === 'succeeded' ? `\x1b[32m✔ ${r.machine} deployed\x1b[0m` : `\x1b[31m✖ ${r.machine} ${r.status}${r.message ? `: ${r.message}` : ''}\x1b[0m`);
        }
        break;
      case 'log':
        this.channel.info(event.message);
        break;
    }
  }

  private terminal(id: string): DeployTerminal {
    let t = this.terminals.get(id);
    if (!t) {
      t = new DeployTerminal(`Deploy ${id}`);
      this.terminals.set(id, t);
      t.terminal.show(true);
    }
    return t;
  }

  private write(id: string, text: string): void {
    if (this.useTerminal) this.terminal(id).write(text);
    // eslint-disable-next-line no-control-regex
    // ssh -tt sends CR LF; the output channel wants plain lines without colour codes.
    else this.channel.append(text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r\n?/g, '\n'));
  }

  private line(id: string, text: string): void {
    this.write(id, `${text}\n`);
  }
}
