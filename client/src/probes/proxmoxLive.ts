// Reads the live state of every Proxmox host the inventory says to read, while
// the Homelab view is visible and the workspace trusted (like the reachability
// probes), when the store's topology names a new host and on an interval, and
// hands it to the server, which judges drift and puts it in the topology.
// The API token comes from SecretStorage and goes nowhere else: not to the
// server, not to a log.
import type * as vscode from 'vscode';
import type { ProxmoxAccess, ProxmoxHostState, ProxmoxLiveStateParams } from '../../../server/src/protocol/proxmoxMessages';
import { onSettingsChanged, settings } from '../settings';
import type { TopologyStore } from '../store/topologyStore';
import { onTrustGranted, workspaceTrusted } from '../trust';

/** Reads one host; never throws (a failure is the state's `error`). */
export type ReadProxmoxHost = (access: ProxmoxAccess, secret: string | undefined) => Promise<ProxmoxHostState>;

export function tokenKey(access: ProxmoxAccess): string {
  return `homelab.proxmox.token:${access.api ?? ''}|${access.tokenId ?? ''}`;
}

export class ProxmoxLivePoller implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly disposables: { dispose(): void }[] = [];

  constructor(
    private readonly store: TopologyStore,
    private readonly visible: () => boolean,
    private readonly secrets: vscode.SecretStorage,
    private readonly read: ReadProxmoxHost,
    private readonly send: (params: ProxmoxLiveStateParams) => Promise<void>,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      onTrustGranted(() => this.schedule()),
      onSettingsChanged(['proxmox'], () => this.schedule()),
      store.onDidChange((change) => change === 'topology' && this.topologyChanged()),
      secrets.onDidChange((e) => {
        if (e.key.startsWith('homelab.proxmox.token:')) this.schedule();
      }),
    );
  }

  private lastAccesses = '';

  /** After a new topology: a host added, removed or pointed elsewhere is read now, not at the next interval. */
  private topologyChanged(): void {
    const accesses = JSON.stringify(this.store.topology.homelabs.map((h) => h.hosts.map((host) => host.proxmox ?? null)));
    if (accesses === this.lastAccesses) return;
    this.lastAccesses = accesses;
    this.schedule();
  }

  /** Reads now (if allowed) and again on the configured interval while the view stays visible. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.allowed() || !this.visible()) return;
    const seconds = settings()['proxmox.intervalSeconds'];
    void this.readAll().finally(() => {
      if (this.visible()) this.timer = setTimeout(() => this.schedule(), seconds * 1000);
    });
  }

  /** One round over every host of every homelab; rounds never overlap. */
  readAll(): Promise<void> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private allowed(): boolean {
    return workspaceTrusted() && settings()['proxmox.enable'];
  }

  private async round(): Promise<void> {
    if (!this.allowed()) return;
    for (const homelab of this.store.topology.homelabs) {
      const accesses = homelab.hosts.flatMap((h) => (h.proxmox ? [h.proxmox] : []));
      if (accesses.length === 0) continue;
      const hosts = await Promise.all(
        accesses.map(async (access) => {
          const secret = access.via === 'api' ? await this.secrets.get(tokenKey(access)) : undefined;
          const state = await this.read(access, secret);
          if (state.error) this.output.warn(`Proxmox ${access.host}: ${state.error}`);
          return state;
        }),
      );
      try {
        await this.send({ folderUri: homelab.rootUri, hosts });
      } catch (error) {
        this.output.warn(`Could not hand the Proxmox state to the server: ${String(error)}`);
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
