// The deploy runner against a real OpenSSH server on 127.0.0.1 (started here,
// with keys generated here) logging in as a dedicated test user: an ssh-script
// deploy fetches and hard-resets a real checkout and runs its script; failures
// name the failing step; cancelling ends the remote process; an unreachable
// port, a silent server and an unknown host key fail fast instead of hanging;
// parallel: 2 really overlaps.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { planDeploy, formatIssues } from '../../client/src/deploy/plan';
import { runDeploy } from '../../client/src/deploy/runner';
import type { DeployConfig, DeployEvent, DeployPlan, DeployTarget, PlanOptions, RunOptions } from '../../client/src/deploy/types';
import { freePort, startSshd, type Sshd } from './helpers/sshd';
import { createRemoteRepo, type RemoteRepo } from './helpers/remoteRepo';
import { findProcesses } from './helpers/procs';

let sshd: Sshd;
let repo: RemoteRepo;

before(async () => {
  sshd = await startSshd();
  repo = createRemoteRepo(sshd.user);
});
after(async () => {
  await sshd?.stop();
  repo?.cleanup();
});

const options = (): PlanOptions => ({ workspaceFolder: repo.base, connectTimeout: 5 });

function target(name: string, dotfilesDir: string, command: string, d: Partial<DeployConfig> = {}): DeployTarget {
  return {
    name, ip: '127.0.0.1', host: 'loopback',
    deploy: { method: 'ssh-script', user: sshd.user.name, dotfilesDir, command, sshOptions: sshd.sshOptions, ...d },
  };
}

function plan(targets: DeployTarget[], o: Partial<PlanOptions> = {}): DeployPlan {
  const r = planDeploy(targets, { ...options(), ...o });
  if (!r.ok) assert.fail(formatIssues(r.issues));
  return r.plan;
}

async function run(p: DeployPlan, o: RunOptions = {}): Promise<{ events: DeployEvent[]; output: string; summary: Awaited<ReturnType<typeof runDeploy>> }> {
  const events: DeployEvent[] = [];
  let output = '';
  const summary = await runDeploy(p, {
    ...o,
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'output') output += e.text;
      o.onEvent?.(e);
    },
  });
  return { events, output, summary };
}

/** Remote processes of the slow script: only its inner `sh -c "sleep 313; : MARKER"` has this text. */
function remoteProcesses(marker: string): number[] {
  return findProcesses(`sleep 313; : ${marker}`, sshd.user.uid);
}

// The tests are independent (own checkouts, own markers), so they run side by
// side against the one sshd: the file stays fast.
describe('deploys over a real sshd', { concurrency: 6 }, () => {
  test('ssh-script: fetches, hard-resets the checkout to origin/main and runs the command there', { timeout: 30_000 }, async () => {
    const dir = repo.checkout('dotfiles-alpha');
    const before = repo.git(dir, 'rev-parse', 'HEAD');
    const commit = repo.pushChange('VERSION', 'two\n');
    assert.notEqual(before, commit);
    fs.writeFileSync(path.join(dir, 'VERSION'), 'local edit\n'); // a dirty tracked file the reset discards

    const { events, output, summary } = await run(plan([target('LXC_alpha', dir, './install.sh {dir} {profile}')]));
    assert.deepEqual(summary.results.map((r) => [r.machine, r.status, r.message]), [['LXC_alpha', 'succeeded', undefined]]);
    assert.deepEqual(
      events.filter((e) => e.type === 'step-start').map((e) => e.type === 'step-start' && e.step.id),
      ['fetch', 'reset', 'run'],
    );
    assert.match(output, /installed LXC_alpha/);
    assert.equal(repo.git(dir, 'rev-parse', 'HEAD'), commit, 'the checkout moved to the new commit');
    assert.equal(fs.readFileSync(path.join(dir, 'VERSION'), 'utf8'), 'two\n');
    assert.deepEqual(fs.readFileSync(path.join(repo.markers, 'LXC_alpha.args'), 'utf8').split('\n'), [dir, 'LXC_alpha', '']);
    assert.equal(fs.readFileSync(path.join(repo.markers, 'LXC_alpha.head'), 'utf8').trim(), commit);
    assert.ok(summary.results[0].durationMs > 0);
  });

  test('ssh-script: a configured branch is the one the checkout is reset to', { timeout: 30_000 }, async () => {
    const dir = repo.checkout('dotfiles-branch');
    const staging = repo.pushBranch('staging', 'STAGE', 'x\n');
    const { summary } = await run(plan([target('LXC_branch', dir, './install.sh {dir} {profile}', { branch: 'staging' })]));
    assert.equal(summary.results[0].status, 'succeeded', summary.results[0].message);
    assert.equal(repo.git(dir, 'rev-parse', 'HEAD'), staging);
  });

  test('ssh-script: every word reaches the remote script unchanged', { timeout: 30_000 }, async () => {
    const dir = repo.checkout('dotfiles-words');
    const { summary } = await run(plan([target('LXC_words', dir,
      `./args.sh {dir} {profile} {ip} {user} {host} "two words" 'say "hi"' "it's" --flag={profile} "" x{ip}y`)]));
    assert.equal(summary.results[0].status, 'succeeded', summary.results[0].message);
    assert.deepEqual(fs.readFileSync(path.join(repo.markers, 'args.out'), 'utf8').split('\n'), [
      dir, 'LXC_words', '127.0.0.1', sshd.user.name, 'loopback', 'two words', 'say "hi"', "it's", '--flag=LXC_words', '', 'x127.0.0.1y', '',
    ]);
  });

  test('a failing command reports the failing step and its exit code', { timeout: 30_000 }, async () => {
    const dir = repo.checkout('dotfiles-fail');
    const { summary, output } = await run(plan([target('LXC_fail', dir, './fail.sh')]));
    const r = summary.results[0];
    assert.equal(r.status, 'failed');
    assert.equal(r.failedStep, 'run');
    assert.equal(r.failedStepIndex, 2);
    assert.equal(r.exitCode, 7);
    // ssh -tt merges the remote stderr into the terminal; the message carries
    // it, not ssh's own "Connection to 127.0.0.1 closed."
    assert.match(r.message ?? '', /Run the command exited with code 7: .*fail\.sh: the stand-in service refused to start$/);
    assert.doesNotMatch(r.message ?? '', /Connection to .* closed/);
    assert.match(output, /about to fail/);
  });

  test('a failing first step stops the remaining steps', { timeout: 30_000 }, async () => {
    const { summary, events } = await run(plan([target('LXC_nodir', '/nonexistent/homelab-dotfiles', './install.sh')]));
    const r = summary.results[0];
    assert.equal(r.status, 'failed');
    assert.equal(r.failedStep, 'fetch');
    assert.notEqual(r.exitCode, 0);
    assert.deepEqual(events.filter((e) => e.type === 'step-start').length, 1);
  });

  test('cancelling ends the remote process, not only the local ssh', { timeout: 30_000 }, async () => {
    const dir = repo.checkout('dotfiles-slow');
    const marker = `homelab-cancel-${process.pid}-${Date.now()}`;
    const abort = new AbortController();
    let seenRemote: number[] = [];
    let waiting = false;
    // Once the script says it started, wait (bounded) until its remote sleep is
    // in the process list, then cancel.
    const cancelWhenRunning = async (): Promise<void> => {
      for (let i = 0; i < 200 && seenRemote.length === 0; i++) {
        seenRemote = remoteProcesses(marker);
        if (seenRemote.length === 0) await new Promise((res) => setTimeout(res, 25));
      }
      abort.abort();
    };
    const { summary } = await run(plan([target('LXC_slow', dir, `./slow.sh ${marker}`)]), {
      signal: abort.signal,
      onEvent: (e) => {
        if (e.type === 'output' && e.text.includes(`started ${marker}`) && !waiting) {
          waiting = true;
          void cancelWhenRunning();
        }
      },
    });
    assert.ok(seenRemote.length > 0, 'the remote command was running before the cancel');
    const r = summary.results[0];
    assert.equal(r.status, 'cancelled');
    assert.equal(r.failedStep, 'run');
    let left = remoteProcesses(marker);
    for (let i = 0; i < 100 && left.length > 0; i++) {
      await new Promise((res) => setTimeout(res, 50));
      left = remoteProcesses(marker);
    }
    assert.deepEqual(left, [], 'remote processes left after cancel');
  });

  test('an unreachable address (closed port on 127.0.0.1) fails with a clear message', { timeout: 30_000 }, async () => {
    const closed = await freePort();
    const opts = sshd.sshOptions.map((o, i, a) => (a[i - 1] === '-p' ? String(closed) : o));
    const { summary } = await run(plan([target('LXC_closed', '/tmp/x', './install.sh', { sshOptions: opts })]));
    const r = summary.results[0];
    assert.equal(r.status, 'failed');
    assert.equal(r.failedStep, 'fetch');
    assert.equal(r.exitCode, 255);
    assert.match(r.message ?? '', /connection refused/);
  });

  test('a server that accepts but never answers fails after ConnectTimeout', { timeout: 30_000 }, async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((res) => silent.listen(0, '127.0.0.1', res));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const opts = sshd.sshOptions.map((o, i, a) => (a[i - 1] === '-p' ? String(port) : o));
      const { summary } = await run(plan([target('LXC_silent', '/tmp/x', './install.sh', { sshOptions: opts })], { connectTimeout: 1 }));
      const r = summary.results[0];
      assert.equal(r.status, 'failed');
      assert.equal(r.exitCode, 255);
      assert.match(r.message ?? '', /timed out/);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  test('an unknown host key fails fast instead of prompting', { timeout: 30_000 }, async () => {
    const opts = sshd.sshOptions
      .map((o) => (o.startsWith('UserKnownHostsFile=') ? `UserKnownHostsFile=${sshd.emptyKnownHosts}` : o))
      .map((o) => (o === 'StrictHostKeyChecking=yes' ? 'StrictHostKeyChecking=ask' : o));
    const { summary } = await run(plan([target('LXC_hostkey', '/tmp/x', './install.sh', { sshOptions: opts })]));
    const r = summary.results[0];
    assert.equal(r.status, 'failed');
    assert.equal(r.failedStep, 'fetch');
    assert.equal(r.exitCode, 255);
    assert.match(r.message ?? '', /host key/);
  });

  test('parallel: 2 deploys two containers at the same time', { timeout: 40_000 }, async () => {
    const a = repo.checkout('dotfiles-par-a');
    const b = repo.checkout('dotfiles-par-b');
    const p = plan([
      target('par-a', a, './stamp.sh {dir} {profile} par-b', { parallel: 2 }),
      target('par-b', b, './stamp.sh {dir} {profile} par-a', { parallel: 2 }),
    ]);
    assert.equal(p.parallel, 2);
    const { summary, output } = await run(p);
    // Each script waits for the other's start marker: both succeed only if they overlapped.
    assert.deepEqual(summary.results.map((r) => [r.machine, r.status, r.message]), [
      ['par-a', 'succeeded', undefined], ['par-b', 'succeeded', undefined],
    ]);
    assert.match(output, /par-a saw par-b/);
    assert.match(output, /par-b saw par-a/);
  });

  test('secrets: output passes through, the engine logs never contain them', { timeout: 30_000 }, async () => {
    const dir = repo.checkout('dotfiles-secret');
    const secret = 'S3cr3t-homelab-token-4711';
    const { events, output, summary } = await run(plan([target('LXC_secret', dir, `./secret.sh ${secret}`)]), {
      secrets: [secret], env: { ...process.env, HOMELAB_TEST_TOKEN: secret },
    });
    assert.equal(summary.results[0].status, 'failed');
    assert.match(output, new RegExp(`token is ${secret}`), 'output unchanged');
    const logs = events.filter((e) => e.type === 'log').map((e) => (e.type === 'log' ? e.message : '')).join('\n');
    assert.match(logs, /secret\.sh/);
    assert.match(logs, /\*\*\*/);
    assert.ok(!logs.includes(secret), logs);
    assert.ok(!(summary.results[0].message ?? '').includes(secret));
    assert.ok(!logs.includes('HOMELAB_TEST_TOKEN'));
  });
});
