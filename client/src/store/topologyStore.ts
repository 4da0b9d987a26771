// The client's copy of the server's topology and of what the client learned
// about its machines (machineStatus.ts). The tree view draws from it, the
// commands and deploys read it, the probes and deploys write their results
// into it; listeners hear what changed. Plain Node (no vscode import): it is
// tested without an editor.
import type { MachineNode, Topology } from '../../../server/src/protocol/customMessages';
import type { Reachability } from '../probes/reachability';
import { MachineStatus, type MachineHealth } from './machineStatus';

/** A machine with the folder (homelab root) it belongs to. */
export interface MachineInFolder {
  machine: MachineNode;
  rootUri: string;
}

/** `topology`: a new topology was read; `status`: probe results or a machine's health. */
export type StoreChange = 'topology' | 'status';

export class TopologyStore {
  private current: Topology = { homelabs: [] };
  private loaded: Promise<void> | undefined;
  private readonly status = new MachineStatus();
  private readonly listeners = new Set<(change: StoreChange) => void>();

  constructor(private readonly fetchTopology: () => Promise<Topology>, private readonly log: (message: string) => void) {}

  get topology(): Topology {
    return this.current;
  }

  machines(): MachineInFolder[] {
    return this.current.homelabs.flatMap((h) => h.machines.map((machine) => ({ machine, rootUri: h.rootUri })));
  }

  /** The first topology, read once; commands wait for it instead of seeing an empty fleet. */
  ensureLoaded(): Promise<void> {
    this.loaded ??= this.refresh();
    return this.loaded;
  }

  /** Reads the topology again; a failed read keeps the last one and says why in the log. */
  async refresh(): Promise<void> {
    this.loaded ??= Promise.resolve();
    try {
      this.current = await this.fetchTopology();
    } catch (error) {
      this.log(`Could not read the topology from the server: ${String(error)}`);
    }
    this.fire('topology');
  }

  setProbed(reachability: Map<string, Reachability>, prometheus: Map<string, boolean>): void {
    this.status.setProbed(reachability, prometheus);
    this.fire('status');
  }

  setHealth(machine: string, health: MachineHealth): void {
    this.status.setHealth(machine, health);
    this.fire('status');
  }

  healthOf(machine: string): MachineHealth | undefined {
    return this.status.healthOf(machine);
  }

  reachabilityOf(c: MachineNode): Reachability {
    return this.status.reachabilityOf(c);
  }

  answeredVia(c: MachineNode): string | undefined {
    return this.status.answeredVia(c);
  }

  onDidChange(listener: (change: StoreChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(change: StoreChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.log(`A listener of the topology store failed: ${String(error)}`);
      }
    }
  }
}
