// Probes the machines of the store while the Homelab view is visible, the
// workspace trusted and `homelab.reachability.enable` on: each address's SSH
// port (the port a deploy would use), and Prometheus's `up` when
// `homelab.prometheus.url` is set. When to probe is probeScheduler.ts; how,
// reachability.ts; the results go into the store, which the view draws.
import { isIP } from 'node:net';
import type * as vscode from 'vscode';
import { onSettingsChanged, settings } from '../settings';
import type { TopologyStore } from '../store/topologyStore';
import { onTrustGranted, workspaceTrusted } from '../trust';
import { ProbeScheduler } from './probeScheduler';
import { prometheusUp, probeAll, type Reachability, sshPort } from './reachability';

export class MachineProbes implements vscode.Disposable {
  private readonly scheduler = new ProbeScheduler({
    active: () => this.visible() && this.allowed(),
    intervalMs: () => settings()['reachability.intervalSeconds'] * 1000,
    targets: () => [...this.targets()].map(([port, addresses]) => `${port}:${addresses.join(',')}`).join(' '),
    probe: () => this.probe(),
  });
  private readonly disposables: { dispose(): void }[] = [];

  constructor(private readonly store: TopologyStore, private readonly visible: () => boolean, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      onTrustGranted(() => this.schedule()),
      onSettingsChanged(['reachability', 'prometheus'], () => this.schedule()),
      // The first probe usually ran before any machine arrived: probe the new ones now, not an interval later.
      store.onDidChange((change) => change === 'topology' && this.scheduler.targetsChanged()),
    );
  }

  /** Probes now and then on the configured interval, only while it makes sense (e.g. the view was just shown). */
  schedule(): void {
    this.scheduler.schedule();
  }

  private allowed(): boolean {
    return workspaceTrusted() && settings()['reachability.enable'];
  }

  /** The addresses to probe by SSH port: the port a deploy would use (an ssh `-p N` or `-o Port=N`), else 22. */
  private targets(): Map<number, string[]> {
    const byPort = new Map<number, string[]>();
    const settingsSsh = settings()['deploy.sshOptions'];
    for (const { machine } of this.store.machines()) {
      // A deploy list's addresses too, each of them: the tree shows the first in order that answers.
      const addresses = [machine.ip, ...(machine.deployTargets ?? []).filter((a) => isIP(a) !== 0)].filter((a): a is string => !!a);
      if (!addresses.length) continue;
      const port = sshPort([...settingsSsh, ...(machine.deploy.sshOptions ?? [])]);
      byPort.set(port, [...(byPort.get(port) ?? []), ...addresses]);
    }
    return byPort;
  }

  /** One round now (Refresh, after a deploy); nothing in an untrusted workspace or with probing off. */
  async probe(): Promise<void> {
    if (!this.allowed()) return;
    const results = new Map<string, Reachability>();
    for (const [port, addresses] of this.targets()) {
      for (const [ip, state] of await probeAll(addresses, port, 1500)) results.set(ip, state);
    }
    let prometheus = new Map<string, boolean>();
    const prometheusUrl = settings()['prometheus.url'];
    if (prometheusUrl) {
      try {
        prometheus = await prometheusUp(prometheusUrl, 3000);
      } catch (error) {
        this.output.appendLine(`Prometheus status unavailable: ${String(error)}`);
      }
    }
    this.store.setProbed(results, prometheus);
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
