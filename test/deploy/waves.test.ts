// Waves: the order (machines others depend on first and alone, explicit
// `wave: N` / `wave-N` tags, the rest `parallel` at a time), and the wave
// runner against real parts on loopback: ssh-script deploys through Debian's
// OpenSSH server (test helper) into real checkouts, health checks on real
// listeners (a declared port that refuses is "a service that never comes up";
// `systemctl` is a stand-in script, as no systemd runs here), rollback per
// policy, an ssh connection killed mid-deploy, and a cancel mid-wave.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { healthMachineFor, type HealthMachine, type HealthService } from '../../client/src/deploy/health';
import { DeployHistory, entriesFromRun } from '../../client/src/deploy/history';
import { formatIssues } from '../../client/src/deploy/plan';
import { rollbackDecider, rollbackHooks, type RollbackPolicy } from '../../client/src/deploy/rollback';
import type { DeployEvent, DeployTarget, PlanOptions } from '../../client/src/deploy/types';
import { runWaves, type WaveEvent, type WaveFailure, type WaveRunOptions } from '../../client/src/deploy/waveRunner';
import { formatWaves, orderWaves, planWaves, serviceRole, type PlannedWave } from '../../client/src/deploy/waves';
import { freePort, startSshd, type Sshd } from './helpers/sshd';
import { createRemoteRepo, type RemoteRepo } from './helpers/remoteRepo';
import { startWebServer, type WebServer } from './helpers/listeners';
import { findProcesses } from './helpers/procs';

describe('the order of waves', () => {
  test('services name the machines others depend on; agents on every machine do not', () => {
    assert.equal(serviceRole('AdGuard Home'), 'dns');
    assert.equal(serviceRole('pi-hole'), 'dns');
    assert.equal(serviceRole('bind'), 'dns');
    assert.equal(serviceRole('postgresql'), 'database');
    assert.equal(serviceRole('MariaDB'), 'database');
    assert.equal(serviceRole('nginx-proxy-manager'), 'proxy');
    assert.equal(serviceRole('npm'), 'proxy');
    assert.equal(serviceRole('reverse proxy'), 'proxy');
    assert.equal(serviceRole('grafana'), 'monitoring');
    assert.equal(serviceRole('prometheus-node-exporter'), undefined);
    assert.equal(serviceRole('grafana-agent'), undefined);
    assert.equal(serviceRole('nextcloud'), undefined);
  });

  test('explicit waves, then DNS, database, proxy, monitoring alone; the rest in groups of parallel', () => {
    const waves = orderWaves([
      { name: 'app1', services: ['nextcloud'] },
      { name: 'mon', services: ['grafana', 'prometheus'] },
      { name: 'edge', services: ['caddy'] },
      { name: 'app2' },
      { name: 'db', services: ['redis', 'postgres'] },
      { name: 'dns2', services: ['unbound'] },
      { name: 'dns1', services: ['nginx', 'pihole'] },
      { name: 'first', tags: ['web', 'wave-0'] },
      { name: 'second', wave: 1, tags: ['wave-0'] },
      { name: 'app3', services: ['node-exporter'] },
      { name: 'bad', tags: ['wave-x'] },
    ], 2);
    assert.deepEqual(waves.map((w) => [w.index, w.machines, w.role]), [
      [1, ['first'], 'explicit'], [2, ['second'], 'explicit'],
      [3, ['dns2'], 'dns'], [4, ['dns1'], 'dns'], [5, ['db'], 'database'], [6, ['edge'], 'proxy'], [7, ['mon'], 'monitoring'],
      [8, ['app1', 'app2'], 'rest'], [9, ['app3', 'bad'], 'rest'],
    ]);
    assert.deepEqual(formatWaves(waves).slice(3, 5), ['wave 4: dns1 — DNS (pihole)', 'wave 5: db — database (redis)']);
    assert.equal(formatWaves(waves)[8], 'wave 9: app3, bad — the rest (2 of 2)');
    assert.deepEqual(orderWaves([{ name: 'a' }, { name: 'b' }, { name: 'c' }], 5).map((w) => w.machines), [['a', 'b', 'c']]);
  });

  test('planWaves validates everything first and plans a colmena selection per wave', () => {
    const opts: PlanOptions = { workspaceFolder: '/tmp', parallel: 2 };
    const col = (name: string): DeployTarget => ({ name, ip: '127.0.0.1', deploy: { method: 'colmena' } });
    const r = planWaves([col('dns'), col('a'), col('b')], opts, { dns: { services: ['adguard'] } });
    if (!r.ok) assert.fail(formatIssues(r.issues));
    assert.deepEqual(r.waves.map((w) => w.plan.units.map((u) => u.steps[0].argv.join(' '))), [
      ['colmena apply --on dns'], ['colmena apply --on a,b'],
    ]);
    const bad = planWaves([col('dns'), { ...col('x'), ip: '$(reboot)' }], opts);
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? formatIssues(bad.issues) : '', /x: ip:/);
  });
});

let sshd: Sshd;
let repo: RemoteRepo;
let web: WebServer;
let refused: number;
let stand: string;

before(async () => {
  sshd = await startSshd();
  repo = createRemoteRepo(sshd.user);
  web = await startWebServer();
  refused = await freePort();
  stand = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-waves-'));
  fs.chmodSync(stand, 0o755);
  const systemctl = path.join(stand, 'systemctl');
  fs.writeFileSync(systemctl, '#!/bin/sh\n# Stand-in for systemctl is-system-running (no systemd runs here).\necho running\n');
  fs.chmodSync(systemctl, 0o755);
});
after(async () => {
  await sshd?.stop();
  repo?.cleanup();
  await web?.close();
  if (stand) fs.rmSync(stand, { recursive: true, force: true });
});

const SECRET = 'planted-waves-secret-1234';
const planOptions = (): PlanOptions => ({ workspaceFolder: repo.base, connectTimeout: 5, parallel: 2 });

interface Machine { target: DeployTarget; services: HealthService[]; serviceNames?: string[]; dir: string; headBefore: string }

/** A machine: its own checkout (one commit behind origin after `repo.pushChange`), its services. */
function machine(name: string, command: string, services: HealthService[], serviceNames: string[] = []): Machine {
  const dir = repo.checkout(`dotfiles-${name}`);
  return {
    dir, services, serviceNames, headBefore: repo.git(dir, 'rev-parse', 'HEAD'),
    target: {
      name, ip: '127.0.0.1', host: 'loopback',
      deploy: { method: 'ssh-script', user: sshd.user.name, dotfilesDir: dir, command, sshOptions: sshd.sshOptions, parallel: 2 },
    },
  };
}
const healthy = (): HealthService[] => [{ name: 'web', port: web.port, url: `http://127.0.0.1:${web.port}/ok?token=${SECRET}` }];
const neverUp = (): HealthService[] => [{ name: 'postgres', port: refused }];

interface Run {
  summary: Awaited<ReturnType<typeof runWaves>>;
  events: DeployEvent[];
  waveEvents: WaveEvent[];
  asked: WaveFailure[];
  waves: PlannedWave[];
}

async function deploy(machines: Machine[], policy: RollbackPolicy, o: Partial<WaveRunOptions> = {}): Promise<Run> {
  const targets = machines.map((m) => m.target);
  const planned = planWaves(targets, planOptions(), Object.fromEntries(machines.map((m) => [m.target.name, { services: m.serviceNames }])));
  if (!planned.ok) assert.fail(formatIssues(planned.issues));
  const events: DeployEvent[] = [];
  const waveEvents: WaveEvent[] = [];
  const asked: WaveFailure[] = [];
  const health: Record<string, HealthMachine> = Object.fromEntries(machines.map((m) => [m.target.name, healthMachineFor(m.target, m.services)]));
  const summary = await runWaves(planned.waves, {
    secrets: [SECRET],
    health,
    healthOptions: { connectTimeout: 5, timeoutMs: 1500, systemctlCommand: [path.join(stand, 'systemctl'), 'is-system-running'] },
    ...rollbackHooks(targets, planOptions()),
    shouldRollback: rollbackDecider(policy, async (_m, failure) => { asked.push(failure); return false; }),
    ...o,
    onEvent: (e) => { events.push(e); o.onEvent?.(e); },
    onWaveEvent: (e) => { waveEvents.push(e); o.onWaveEvent?.(e); },
  });
  return { summary, events, waveEvents, asked, waves: planned.waves };
}

const statuses = (r: Run): [string, number, string][] => r.summary.machines.map((m) => [m.machine, m.wave, m.status]);
const logs = (r: Run): string => r.events.filter((e) => e.type === 'log').map((e) => (e.type === 'log' ? e.message : '')).join('\n');

describe('running waves over a real sshd', () => {
  test('all healthy: each wave deploys, then its machines are checked, in order', { timeout: 60_000 }, async () => {
    const ms = [
      machine('w-app1', './install.sh {dir} {profile}', healthy()),
      machine('w-dns', './install.sh {dir} {profile}', healthy(), ['adguard']),
      machine('w-app2', './install.sh {dir} {profile}', healthy()),
    ];
    const commit = repo.pushChange('VERSION', 'waves healthy\n');
    const r = await deploy(ms, 'auto');
    assert.deepEqual(statuses(r), [['w-dns', 1, 'deployed'], ['w-app1', 2, 'deployed'], ['w-app2', 2, 'deployed']]);
    assert.deepEqual(r.summary.waves.map((w) => w.status), ['succeeded', 'succeeded']);
    assert.ok(r.summary.machines.every((m) => m.health?.status === 'ok' && m.health.results.length === 4));
    assert.equal(r.summary.cancelled, false);
    assert.equal(r.summary.stoppedBy, undefined);
    for (const m of ms) assert.equal(repo.git(m.dir, 'rev-parse', 'HEAD'), commit);
    assert.deepEqual(r.waveEvents.map((e) => `${e.type}:${e.wave.index}`), [
      'wave-start:1', 'health:1', 'wave-end:1', 'wave-start:2', 'health:2', 'health:2', 'wave-end:2',
    ]);
    // Wave 2 started after wave 1's health was known.
    const firstStep2 = r.events.findIndex((e) => e.type === 'unit-start' && e.unit.id === 'w-app1');
    assert.ok(firstStep2 > r.events.findIndex((e) => e.type === 'unit-end' && e.unit.id === 'w-dns'));
  });

  for (const policy of ['auto', 'never', 'ask'] as const) {
    test(`a service that never comes up stops the run; later waves untouched; rollback (${policy})`, { timeout: 60_000 }, async () => {
      const ms = [
        machine(`${policy}-dns`, './install.sh {dir} {profile}', healthy(), ['pihole']),
        machine(`${policy}-db`, `./install.sh {dir} {profile} ${SECRET}`, neverUp(), ['postgres']),
        machine(`${policy}-app1`, './install.sh {dir} {profile}', healthy()),
        machine(`${policy}-app2`, './install.sh {dir} {profile}', healthy()),
      ];
      const commit = repo.pushChange('VERSION', `waves ${policy}\n`);
      const r = await deploy(ms, policy);
      const db = r.summary.machines[1];
      assert.deepEqual(statuses(r), [
        [`${policy}-dns`, 1, 'deployed'], [`${policy}-db`, 2, 'failed'], [`${policy}-app1`, 3, 'skipped'], [`${policy}-app2`, 3, 'skipped'],
      ]);
      assert.equal(db.failure, 'health');
      assert.match(db.message ?? '', /health check failed: tcp 127\.0\.0\.1:\d+ \(postgres\): connection refused/);
      assert.deepEqual(r.summary.stoppedBy && [r.summary.stoppedBy.wave, r.summary.stoppedBy.machine, r.summary.stoppedBy.kind], [2, `${policy}-db`, 'health']);
      assert.match(r.summary.machines[2].message ?? '', /not started: .*-db \(wave 2\) failed its health/);
      assert.deepEqual(r.summary.waves.map((w) => w.status), ['succeeded', 'failed', 'skipped']);
      // Later waves are not touched: their checkouts never moved, no step ran for them.
      for (const m of ms.slice(2)) assert.equal(repo.git(m.dir, 'rev-parse', 'HEAD'), m.headBefore);
      assert.ok(!r.events.some((e) => e.type === 'unit-start' && e.unit.id.includes('app')));

      if (policy === 'auto') {
        assert.equal(db.rollback?.status, 'succeeded', db.rollback?.message);
        assert.match(db.rollback?.description ?? '', new RegExp(`commit ${ms[1].headBefore.slice(0, 12)}`));
        assert.equal(repo.git(ms[1].dir, 'rev-parse', 'HEAD'), ms[1].headBefore, 'rolled back to the commit read before the deploy');
        assert.equal(db.rollback?.health?.status, 'failed', 'still down after the rollback: reported');
        assert.deepEqual(r.waveEvents.filter((e) => e.type.startsWith('rollback')).map((e) => e.type), ['rollback-start', 'rollback-end']);
      } else {
        assert.equal(db.rollback?.status, 'declined');
        assert.equal(repo.git(ms[1].dir, 'rev-parse', 'HEAD'), commit);
      }
      assert.deepEqual(r.asked.map((f) => [f.machine, f.kind, f.before]), policy === 'ask' ? [[`${policy}-db`, 'health', ms[1].headBefore]] : []);

      // No secret in the engine's logs, the wave events, the summary or the history.
      const history = new DeployHistory(path.join(stand, `history-${policy}`), { secrets: [SECRET] });
      await history.record(...entriesFromRun(r.summary, () => 'ssh-script', commit));
      const stored = fs.readFileSync(history.file, 'utf8');
      assert.match(logs(r), /install\.sh.*\*\*\*/);
      for (const [i, text] of [logs(r), JSON.stringify(r.waveEvents), JSON.stringify(r.summary), stored].entries()) assert.ok(!text.includes(SECRET), `text ${i}: ${text.slice(Math.max(0, text.indexOf(SECRET) - 300), text.indexOf(SECRET) + 50)}`);
      assert.equal((await history.lastSuccessful(`${policy}-dns`))?.commit, commit);
      assert.equal(await history.lastSuccessful(`${policy}-db`), undefined);
    });
  }

  test('ssh dropping mid-deploy fails the machine and stops the run', { timeout: 60_000 }, async () => {
    const marker = `homelab-waves-drop-${process.pid}-${Date.now()}`;
    const ms = [
      machine('drop-db', `./slow.sh ${marker}`, healthy(), ['mariadb']),
      machine('drop-app', './install.sh {dir} {profile}', healthy()),
    ];
    repo.pushChange('VERSION', 'waves drop\n');
    let killed: number | undefined;
    const r = await deploy(ms, 'never', {
      onEvent: (e) => {
        if (e.type !== 'output' || !e.text.includes(`started ${marker}`) || killed) return;
        killed = -1;
        void (async () => {
          // Find the sshd process serving this session (an ancestor of the remote sleep) and kill it.
          for (let i = 0; i < 200 && killed === -1; i++) {
            const [pid] = findProcesses(`sleep 313; : ${marker}`, sshd.user.uid);
            const session = pid ? sshdSessionOf(pid) : undefined;
            if (session) { process.kill(session, 'SIGKILL'); killed = session; } else await new Promise((res) => setTimeout(res, 25));
          }
        })();
      },
    });
    assert.ok(killed && killed > 0, 'the ssh session was killed');
    assert.deepEqual(statuses(r), [['drop-db', 1, 'failed'], ['drop-app', 2, 'skipped']]);
    const db = r.summary.machines[0];
    assert.equal(db.failure, 'deploy');
    assert.equal(db.deploy?.exitCode, 255);
    assert.equal(db.deploy?.failedStep, 'run');
    assert.equal(db.rollback?.status, 'declined', 'policy never');
    assert.equal(r.summary.stoppedBy?.kind, 'deploy');
    await noneLeft(marker);
  });

  test('cancelling mid-wave stops its deploys, skips later waves and is reported', { timeout: 60_000 }, async () => {
    const marker = `homelab-waves-cancel-${process.pid}-${Date.now()}`;
    const ms = [
      machine('c-dns', './install.sh {dir} {profile}', healthy(), ['blocky']),
      machine('c-a', `./slow.sh ${marker}-a`, healthy()),
      machine('c-b', `./slow.sh ${marker}-b`, healthy()),
      machine('c-c', './install.sh {dir} {profile}', healthy()),
    ];
    repo.pushChange('VERSION', 'waves cancel\n');
    const abort = new AbortController();
    let waiting = false;
    const r = await deploy(ms, 'auto', {
      signal: abort.signal,
      killGraceMs: 500,
      onEvent: (e) => {
        if (e.type !== 'output' || !e.text.includes(`started ${marker}`) || waiting) return;
        waiting = true;
        void (async () => {
          for (let i = 0; i < 200 && findProcesses(`: ${marker}-`, sshd.user.uid).length < 2; i++) await new Promise((res) => setTimeout(res, 25));
          abort.abort();
        })();
      },
    });
    assert.deepEqual(statuses(r), [['c-dns', 1, 'deployed'], ['c-a', 2, 'cancelled'], ['c-b', 2, 'cancelled'], ['c-c', 3, 'skipped']]);
    assert.equal(r.summary.cancelled, true);
    assert.equal(r.summary.stoppedBy, undefined);
    assert.deepEqual(r.summary.waves.map((w) => w.status), ['succeeded', 'cancelled', 'skipped']);
    assert.match(r.summary.machines[3].message ?? '', /cancelled/);
    assert.ok(r.waveEvents.some((e) => e.type === 'cancelled' && e.wave.index === 2));
    assert.ok(r.summary.machines.every((m) => m.rollback === undefined), 'nothing rolled back on cancel');
    assert.equal(repo.git(ms[3].dir, 'rev-parse', 'HEAD'), ms[3].headBefore);
    await noneLeft(`: ${marker}-`);
  });
});

/** The sshd process serving a remote process's session: its nearest `sshd:` ancestor. */
function sshdSessionOf(pid: number): number | undefined {
  let p = pid;
  for (let i = 0; i < 20 && p > 1; i++) {
    try {
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ');
      if (/^sshd(-session)?: /.test(cmd)) return p;
      p = Number(/^PPid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Waits (bounded) until no remote process of the marker is left; ends any still there and fails. */
async function noneLeft(marker: string): Promise<void> {
  let left = findProcesses(marker, sshd.user.uid);
  for (let i = 0; i < 100 && left.length > 0; i++) {
    await new Promise((res) => setTimeout(res, 50));
    left = findProcesses(marker, sshd.user.uid);
  }
  for (const pid of left) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
  assert.deepEqual(left, [], 'remote processes left');
}
