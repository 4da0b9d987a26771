// When the tree probes reachability: at once when probing starts to make
// sense (the view shown, trust granted, the setting turned on), at once when
// the machines to probe arrive or change (the first probe usually runs before
// the server has sent any machine), and then every interval. One probe at a
// time; a change during a probe gets a probe right after it. Plain Node (no
// vscode), so it is tested with a fake clock.

export interface Clock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ProbeSchedulerOptions {
  /** Whether probing makes sense now (view visible, workspace trusted, probing enabled). */
  active(): boolean;
  intervalMs(): number;
  /** What would be probed (addresses and ports), as a key: a different key means new targets. */
  targets(): string;
  probe(): Promise<void>;
  clock?: Clock;
}

const realClock: Clock = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class ProbeScheduler {
  private timer: unknown;
  private running = false;
  private again = false;
  /** The targets of the last probe started (undefined: none yet). */
  private probed: string | undefined;
  private disposed = false;

  constructor(private readonly options: ProbeSchedulerOptions) {}

  private get clock(): Clock {
    return this.options.clock ?? realClock;
  }

  /** Probe now (or right after the probe under way), then every interval, while active. */
  schedule(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed || !this.options.active()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.probed = this.options.targets();
    void this.options
      .probe()
      .catch(() => undefined)
      .finally(() => {
        this.running = false;
        if (this.disposed) return;
        if (this.again) {
          this.again = false;
          this.schedule();
          return;
        }
        if (this.options.active()) this.timer = this.clock.setTimeout(() => this.schedule(), this.options.intervalMs());
      });
  }

  /** The machines changed: probe at once if what would be probed is not what was probed last. */
  targetsChanged(): void {
    if (this.options.targets() !== this.probed) this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
