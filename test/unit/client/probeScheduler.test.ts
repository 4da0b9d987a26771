// When the tree probes reachability, with a fake clock: the first probe runs
// before the server has sent any machine; the machines' arrival probes at
// once (not an interval later), unchanged machines do not, a change during a
// probe gets a probe right after it, and nothing runs while the view is hidden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProbeScheduler, type Clock } from '../../../client/src/probes/probeScheduler';

class FakeClock implements Clock {
  now = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private next = 1;
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ at: this.now + ms, run, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** Moves time on, running what falls due. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const t = this.timers[0];
      if (!t || t.at > until) break;
      this.timers.shift();
      this.now = t.at;
      t.run();
      await settle();
    }
    this.now = until;
  }
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

function setup(): { clock: FakeClock; probes: string[]; state: { machines: string; visible: boolean }; scheduler: ProbeScheduler; release: () => void; hold: (on: boolean) => void } {
  const clock = new FakeClock();
  const probes: string[] = [];
  const state = { machines: '', visible: true };
  let held: (() => void)[] = [];
  let holding = false;
  const scheduler = new ProbeScheduler({
    active: () => state.visible,
    intervalMs: () => 60_000,
    targets: () => state.machines,
    probe: () => {
      probes.push(`${clock.now}:${state.machines}`);
      return holding ? new Promise<void>((r) => held.push(r)) : Promise.resolve();
    },
    clock,
  });
  return {
    clock,
    probes,
    state,
    scheduler,
    hold: (on) => (holding = on),
    release: () => {
      for (const r of held) r();
      held = [];
    },
  };
}

test('machines arriving after the first probe are probed at once, not an interval later', async () => {
  const { clock, probes, state, scheduler } = setup();
  scheduler.schedule(); // the view becomes visible: no machine yet
  await settle();
  assert.deepEqual(probes, ['0:']);
  await clock.advance(2_000);
  state.machines = '22:127.0.0.2,127.0.0.3'; // the topology arrives
  scheduler.targetsChanged();
  await settle();
  assert.deepEqual(probes, ['0:', '2000:22:127.0.0.2,127.0.0.3']);
  // Then every interval from that probe.
  await clock.advance(60_000);
  assert.deepEqual(probes, ['0:', '2000:22:127.0.0.2,127.0.0.3', '62000:22:127.0.0.2,127.0.0.3']);
  scheduler.dispose();
});

test('an unchanged topology does not probe again; a changed one does', async () => {
  const { clock, probes, state, scheduler } = setup();
  state.machines = '22:127.0.0.2';
  scheduler.schedule();
  await settle();
  scheduler.targetsChanged(); // the same machines (an edit elsewhere)
  await settle();
  assert.equal(probes.length, 1);
  await clock.advance(1_000);
  state.machines = '22:127.0.0.2 2222:127.0.0.4';
  scheduler.targetsChanged();
  await settle();
  assert.deepEqual(probes, ['0:22:127.0.0.2', '1000:22:127.0.0.2 2222:127.0.0.4']);
  scheduler.dispose();
});

test('a change during a probe gets one probe right after it', async () => {
  const { probes, state, scheduler, hold, release } = setup();
  hold(true);
  scheduler.schedule();
  await settle();
  state.machines = '22:127.0.0.2';
  scheduler.targetsChanged();
  scheduler.targetsChanged();
  await settle();
  assert.equal(probes.length, 1, 'one probe at a time');
  hold(false);
  release();
  await settle();
  assert.deepEqual(probes, ['0:', '0:22:127.0.0.2']);
  scheduler.dispose();
});

test('nothing is probed while the view is hidden; showing it probes at once', async () => {
  const { clock, probes, state, scheduler } = setup();
  state.visible = false;
  state.machines = '22:127.0.0.2';
  scheduler.schedule();
  scheduler.targetsChanged();
  await clock.advance(120_000);
  assert.deepEqual(probes, []);
  state.visible = true;
  scheduler.schedule();
  await settle();
  assert.deepEqual(probes, ['120000:22:127.0.0.2']);
  scheduler.dispose();
  await clock.advance(120_000);
  assert.equal(probes.length, 1, 'nothing after dispose');
});
