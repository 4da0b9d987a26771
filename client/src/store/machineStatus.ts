// What the client learned about each machine beside the topology: whether
// its SSH port answered the last probe (and at which of its addresses),
// whether Prometheus says it is up, and its health after the last deploy.
// The probes and deploys write it; the view and commands read it.
import type { MachineNode } from '../../../server/src/protocol/customMessages';
import type { Reachability } from '../probes/reachability';

export interface MachineHealth {
  status: string;
  summary: string;
}

export class MachineStatus {
  private reachability = new Map<string, Reachability>();
  private prometheus = new Map<string, boolean>();
  private readonly health = new Map<string, MachineHealth>();

  /** The last probe round: each address's SSH answer, and Prometheus's `up` by address (empty when not asked). */
  setProbed(reachability: Map<string, Reachability>, prometheus: Map<string, boolean>): void {
    this.reachability = reachability;
    this.prometheus = prometheus;
  }

  /** Kept until the machine's next deploy. */
  setHealth(machine: string, health: MachineHealth): void {
    this.health.set(machine, health);
  }

  healthOf(machine: string): MachineHealth | undefined {
    return this.health.get(machine);
  }

  /** The first of a deploy list's addresses, in its order, that answered the last probe. */
  answeredVia(c: MachineNode): string | undefined {
    return c.deployTargets?.find((a) => this.reachability.get(a) === 'reachable');
  }

  reachabilityOf(c: MachineNode): Reachability {
    if (this.answeredVia(c)) return 'reachable';
    if (!c.ip) return 'unknown';
    const probed = this.reachability.get(c.ip);
    // An exporter can be up while sshd is not: Prometheus does not hide an SSH port that answers something else.
    if (probed === 'not-ssh') return probed;
    const up = this.prometheus.get(c.ip);
    if (up !== undefined) return up ? 'reachable' : 'unreachable';
    return probed ?? 'unknown';
  }
}
