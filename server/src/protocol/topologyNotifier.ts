// Tells the client when the tree's content changed. The notification carries
// no data (the client asks `homelab/topology` again), so it is sent only when
// the topology really differs from the one last announced: a keystroke in a
// comment or in a setting the tree does not show sends nothing. The topology
// computed to find that out is kept for the request that follows. A client
// that never asked for the topology (an editor without the tree) is not worth
// building one for: it gets the notification on any model change, as before.
import { createHash } from 'node:crypto';
import type { ServerContext } from './context';
import { TopologyChangedNotification, type Topology } from './customMessages';
import { topology } from './topology';

export class TopologyNotifier {
  private cached: { generation: number; topology: Topology; hash: string } | undefined;
  private announced: string | undefined;
  private announcedGeneration = -1;
  /** The client asked for the topology at least once (it shows the tree). */
  private asked = false;
  /** Topologies built and notifications sent (read by the tests through `homelab/counters`). */
  computed = 0;
  notified = 0;

  constructor(private readonly ctx: ServerContext) {}

  /** The topology of the model as it is now (built once per model generation). */
  current(): Topology {
    this.asked = true;
    return this.currentWithHash().topology;
  }

  private currentWithHash(): { topology: Topology; hash: string } {
    const generation = this.ctx.workspace.generation;
    if (this.cached?.generation === generation) return this.cached;
    const t = topology(this.ctx);
    this.computed++;
    this.cached = { generation, topology: t, hash: createHash('sha1').update(JSON.stringify(t)).digest('hex') };
    return this.cached;
  }

  /** Sends `homelab/topologyChanged` if the topology differs from the last one announced. */
  notifyIfChanged(): void {
    const generation = this.ctx.workspace.generation;
    if (generation === this.announcedGeneration) return;
    this.announcedGeneration = generation;
    if (this.asked) {
      const { hash } = this.currentWithHash();
      if (hash === this.announced) return;
      this.announced = hash;
    }
    this.notified++;
    void this.ctx.connection.sendNotification(TopologyChangedNotification, {});
  }
}
