// The runner on local processes: a failing step stops the unit, the pool honours
// parallel, cancelling ends the whole process group (grandchildren too) and
// marks queued work cancelled, a missing program is a clear failure, and
// secrets never reach the engine's log lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runDeploy } from '../../client/src/deploy/runner';
import { LineRedactor, redact } from '../../client/src/deploy/redact';
import { findProcesses } from './helpers/procs';
import type { DeployEvent, DeployPlan, DeployUnit, PlanStep, RunOptions } from '../../client/src/deploy/types';

const fx = path.join(__dirname, '..', 'fixtures', 'deploy');
const node = process.execPath;
const step = (id: string, script: string, ...args: string[]): PlanStep => ({ id, title: `step ${id}`, argv: [node, path.join(fx, script), ...args], cwd: fx });
const unit = (id: string, ...steps: PlanStep[]): DeployUnit => ({ id, machines: [id], method: 'command', steps });

async function run(plan: DeployPlan, o: RunOptions = {}): Promise<{ events: DeployEvent[]; out: string; summary: Awaited<ReturnType<typeof runDeploy>> }> {
  const events: DeployEvent[] = [];
  let out = '';
  const summary = await runDeploy(plan, {
    ...o,
    onEvent: (e) => { events.push(e); if (e.type === 'output') out += e.text; o.onEvent?.(e); },
  });
  return { events, out, summary };
}

function pgrepSelf(marker: string): number[] {
  return findProcesses(marker);
}

test('a failing step stops its unit and names the step; other units still run', async () => {
  const { summary, events, out } = await run({
    parallel: 1,
    units: [unit('a', step('one', 'echo-args.mjs', 'x'), step('two', 'fail.mjs', '5'), step('three', 'echo-args.mjs', 'never')), unit('b', step('one', 'echo-args.mjs', 'b'))],
  });
  assert.deepEqual(summary.results.map((r) => [r.machine, r.status, r.failedStep, r.failedStepIndex, r.exitCode]), [
    ['a', 'failed', 'two', 1, 5], ['b', 'succeeded', undefined, undefined, undefined],
  ]);
  assert.match(summary.results[0].message ?? '', /step two exited with code 5: failing on purpose with 5/);
  assert.ok(!out.includes('never'));
  assert.deepEqual(events.filter((e) => e.type === 'step-start').map((e) => e.type === 'step-start' && `${e.unit.id}/${e.step.id}`), ['a/one', 'a/two', 'b/one']);
});

test('parallel 1 runs units one after the other; parallel 2 runs two at a time, never three', async () => {
  const seq = await run({ parallel: 1, units: [unit('a', step('s', 'echo-args.mjs')), unit('b', step('s', 'echo-args.mjs'))] });
  assert.deepEqual(seq.events.filter((e) => e.type === 'unit-start' || e.type === 'unit-end').map((e) => `${e.type}:${'unit' in e ? e.unit.id : ''}`),
    ['unit-start:a', 'unit-end:a', 'unit-start:b', 'unit-end:b']);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-pool-'));
  try {
    const par = await run({
      parallel: 2,
      units: [
        unit('a', step('s', 'rendezvous.mjs', dir, 'a', 'b')),
        unit('b', step('s', 'rendezvous.mjs', dir, 'b', 'a')),
        unit('c', step('s', 'echo-args.mjs', 'c')),
      ],
    });
    assert.deepEqual(par.summary.results.map((r) => r.status), ['succeeded', 'succeeded', 'succeeded']);
    let running = 0;
    let most = 0;
    for (const e of par.events) {
      if (e.type === 'unit-start') most = Math.max(most, ++running);
      if (e.type === 'unit-end') running--;
    }
    assert.equal(most, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cancelling ends the step, its grandchildren, and marks queued units cancelled', async () => {
  const marker = `homelab-local-cancel-${process.pid}-${Date.now()}`;
  const abort = new AbortController();
  let before: number[] = [];
  let waiting = false;
  const cancelWhenRunning = async (): Promise<void> => {
    for (let i = 0; i < 200 && before.length === 0; i++) {
      before = pgrepSelf(`sleep 311; : ${marker}`); // the grandchild only
      if (before.length === 0) await new Promise((r) => setTimeout(r, 25));
    }
    abort.abort();
  };
  const { summary, events } = await run(
    { parallel: 1, units: [unit('slow', step('s', 'spawn-sleeper.mjs', marker), step('after', 'echo-args.mjs')), unit('queued', step('s', 'echo-args.mjs'))] },
    {
      signal: abort.signal,
      killGraceMs: 500,
      onEvent: (e) => {
        if (e.type === 'output' && e.text.includes('started') && !waiting) {
          waiting = true;
          void cancelWhenRunning();
        }
      },
    },
  );
  assert.ok(before.length > 0, 'the grandchild was running');
  assert.deepEqual(summary.results.map((r) => [r.machine, r.status, r.failedStep]), [['slow', 'cancelled', 's'], ['queued', 'cancelled', undefined]]);
  assert.equal(events.filter((e) => e.type === 'step-start').length, 1);
  let left = pgrepSelf(marker);
  for (let i = 0; i < 60 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    left = pgrepSelf(marker);
  }
  assert.deepEqual(left, []);
});

test('a signal aborted before the run starts nothing', async () => {
  const abort = new AbortController();
  abort.abort();
  const { summary, events } = await run({ parallel: 2, units: [unit('a', step('s', 'echo-args.mjs')), unit('b', step('s', 'echo-args.mjs'))] }, { signal: abort.signal });
  assert.deepEqual(summary.results.map((r) => r.status), ['cancelled', 'cancelled']);
  assert.equal(events.filter((e) => e.type === 'step-start').length, 0);
});

test('a program that does not exist fails with a clear message', async () => {
  const { summary } = await run({ parallel: 1, units: [unit('a', { id: 'x', title: 'colmena apply', argv: ['homelab-no-such-program-xyz', 'apply'] })] });
  assert.equal(summary.results[0].status, 'failed');
  assert.match(summary.results[0].message ?? '', /cannot start homelab-no-such-program-xyz: not found/);
});

test('secrets: logs are redacted, output only when asked, environment never logged', async () => {
  const secret = 'planted-S3CRET-value-0042';
  const plan: DeployPlan = { parallel: 1, units: [unit('a', step('p', 'print-twice.mjs', secret), step('f', 'fail.mjs', '2'))] };
  plan.units[0].steps[1].argv.push(secret);
  const env = { ...process.env, HOMELAB_PLANTED: secret };
  const plain = await run(plan, { secrets: [secret], env });
  assert.ok(plain.out.includes(`value=${secret}`), 'output passes through unchanged by default');
  const logs = plain.events.filter((e) => e.type === 'log').map((e) => (e.type === 'log' ? e.message : ''));
  assert.ok(logs.length >= 2);
  assert.ok(logs.every((l) => !l.includes(secret) && !l.includes('HOMELAB_PLANTED')), logs.join('\n'));
  assert.ok(logs.some((l) => l.includes('***')));

  const red = await run(plan, { secrets: [secret], env, redactOutput: true });
  const chunks = red.events.filter((e) => e.type === 'output');
  assert.ok(!red.out.includes(secret), red.out);
  assert.match(red.out, /value=\*\*\*/);
  assert.ok(chunks.length >= 1);
  const texts = red.events.map((e) => (e.type === 'output' ? e.text : e.type === 'log' ? e.message : ''));
  assert.ok(texts.every((t) => !t.includes(secret)));
  assert.ok(!(red.summary.results[0].message ?? '').includes(secret));
});

test('redaction catches a secret split across chunks and nested secrets', () => {
  const r = new LineRedactor(['abcdef', 'abc']);
  assert.equal(r.push('x ab'), '');
  assert.equal(r.push('cdef y\nz abc'), 'x *** y\n');
  assert.equal(r.flush(), 'z ***');
  assert.equal(redact('abcdef abc', ['abc', 'abcdef', '']), '*** ***');
});
