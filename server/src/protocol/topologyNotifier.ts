// Tells the client when the tree's content changed. The notification carries
// no data (the client asks `homelab/topology` again), so it is sent only when
// the topology really differs from the one last announced: a keystroke in a
// comment or in a setting the tree does not show sends nothing. The topology
// computed to find that out is kept for the request that follows. A client
// that never asked for the topology (an editor without the tree) is not worth
// building one for: it gets the notification on any model change, as before.
// During start-up a large fleet is answered names first (topologyBeforeBuild):
// that answer is not kept, and the end of the start-up check announces the
// built topology.
import { createHash } from 'node:crypto';
import type { ServerContext } from './context';
import { TopologyChangedNotification, type Topology } from './customMessages';
import { MachineNodeMemo, topology, topologyBeforeBuild } from './topology';

export class TopologyNotifier {
  private cached: { generation: number; topology: Topology; hash: string } | undefined;
  private announced: string | undefined;
  private announcedGeneration = -1;
  /** The client asked for the topology at least once (it shows the tree). */
  private asked = false;
  /** Topologies built and notifications sent (read by the tests through `homelab/counters`). */
  computed = 0;
  notified = 0;
  /** Each machine's node kept while the machine is unchanged (`machineNodes.made` counts the nodes made). */
  readonly machineNodes = new MachineNodeMemo();
  /** Each kept node's own hash: the topology's hash is made from these, not from its whole JSON (20 MB at 10,000 machines). */
  private readonly nodeHashes = new WeakMap<object, string>();

  constructor(private readonly ctx: ServerContext) {
    let done = (): void => undefined;
    const read = new Promise<void>((resolve) => (done = resolve));
    this.settings = { read, done };
  }

  /** Until the start-up check has built every folder (`startupDone`): folders known by name only are answered names first. */
  private startingUp = true;
  /** A names-first answer was given since the last topology announced: the built one must be announced. */
  private answeredReading = false;

  /** Resolved once the folders' settings were read from the client (`settingsRead`). */
  private readonly settings: { read: Promise<void>; done: () => void };

  /**
   * The folders' settings were read: the topology may be answered. Before,
   * the folders have default settings (another profile glob, inventory or
   * exclusions), and an answer, names first or built, could list other
   * machines than the build that follows.
   */
  settingsRead(): void {
    this.settings.done();
  }

  /** The answer to `homelab/topology`: the current topology, once the settings are read. */
  async answer(): Promise<Topology> {
    await this.settings.read;
    return this.current();
  }

  /** The topology of the model as it is now (built once per model generation). */
  current(): Topology {
    this.asked = true;
    if (this.startingUp) {
      const early = topologyBeforeBuild(this.ctx);
      if (early) {
        this.answeredReading = true;
        return early;
      }
    }
    return this.currentWithHash().topology;
  }

  /** The start-up check built every folder: from now on the topology is answered built, as the model is. */
  startupDone(): void {
    this.startingUp = false;
  }

  private currentWithHash(): { topology: Topology; hash: string } {
    const generation = this.ctx.workspace.generation;
    if (this.cached?.generation === generation) return this.cached;
    const t = topology(this.ctx, this.machineNodes);
    this.machineNodes.keepOnly(new Set(t.homelabs.map((h) => h.rootUri)));
    this.computed++;
    this.cached = { generation, topology: t, hash: this.hashOf(t) };
    return this.cached;
  }

  /** The topology's hash: each homelab's own fields in full, its machines by their kept nodes' hashes. */
  private hashOf(t: Topology): string {
    const all = createHash('sha1');
    for (const h of t.homelabs) {
      const { machines, ...rest } = h;
      all.update(JSON.stringify(rest));
      for (const node of machines) {
        let own = this.nodeHashes.get(node);
        if (own === undefined) {
          own = createHash('sha1').update(JSON.stringify(node)).digest('hex');
          this.nodeHashes.set(node, own);
        }
        all.update(own);
      }
    }
    return all.digest('hex');
  }

  /** Sends `homelab/topologyChanged` if the topology differs from the last one announced. */
  notifyIfChanged(): void {
    const generation = this.ctx.workspace.generation;
    const reading = this.answeredReading;
    if (generation === this.announcedGeneration && !reading) return;
    this.announcedGeneration = generation;
    this.answeredReading = false;
    if (this.asked) {
      const { hash } = this.currentWithHash();
      if (hash === this.announced && !reading) return;
      this.announced = hash;
    }
    this.notified++;
    void this.ctx.connection.sendNotification(TopologyChangedNotification, {});
  }
}
