// Health checks against real parts on loopback: Debian's OpenSSH server (test
// helper) for the SSH banner and for `systemctl is-system-running` over ssh;
// an HTTP server (200, 302, 500), a refused port, a listener that accepts and
// stays silent, an HTTPS server with a self-signed certificate made with the
// `openssl` CLI; Debian's Prometheus scraping itself. No NixOS and no systemd
// (as PID 1) run here: Debian's real `systemctl` answers `offline`, and the
// running/degraded/maintenance answers come from stand-in `systemctl` scripts
// called through the configurable command (`systemctlCommand`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkHealth, checkMachineHealth, formatHealth, summarizeHealth, type HealthMachine, type HealthOptions } from '../../client/src/deploy/health';
import { freePort, startSshd, type Sshd } from './helpers/sshd';
import { startSilent, startTlsServer, startWebServer, type Listening, type TlsServer, type WebServer } from './helpers/listeners';
import { startPrometheus } from './helpers/prometheus';

let sshd: Sshd;
let web: WebServer;
let silent: Listening;
let tls: TlsServer;
let refused: number;
let stand: string;

/** Stand-in `systemctl` scripts, one per answer, readable by the sshd's test user. */
function standInSystemctl(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n# Stand-in for systemctl is-system-running (no systemd runs here).\n${body}\n`);
  fs.chmodSync(file, 0o755);
  return file;
}

before(async () => {
  sshd = await startSshd();
  web = await startWebServer();
  silent = await startSilent();
  tls = await startTlsServer();
  refused = await freePort();
  stand = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-systemctl-'));
  fs.chmodSync(stand, 0o755);
  standInSystemctl(stand, 'running', 'echo running');
  standInSystemctl(stand, 'degraded', 'echo degraded; exit 1');
  standInSystemctl(stand, 'maintenance', 'echo maintenance; exit 1');
  standInSystemctl(stand, 'noisy', 'echo "TOKEN=planted-health-secret-77"; echo "more output"; exit 3');
});

after(async () => {
  await sshd?.stop();
  await Promise.all([web?.close(), silent?.close(), tls?.close()]);
  if (stand) fs.rmSync(stand, { recursive: true, force: true });
});

const machine = (over: Partial<HealthMachine> = {}): HealthMachine => ({
  name: 'LXC_health', address: '127.0.0.1', user: sshd.user.name, sshOptions: sshd.sshOptions, services: [], ...over,
});
const opts = (state: string, over: HealthOptions = {}): HealthOptions => ({
  connectTimeout: 5, timeoutMs: 1500, systemctlCommand: [path.join(stand, state), 'is-system-running'], ...over,
});
const byCheck = (results: { check: string; status: string }[]): [string, string][] => results.map((r) => [r.check, r.status]);

describe('health checks on loopback', { concurrency: 4 }, () => {
  test('a healthy machine: SSH banner, open port, 200 and 302 URLs, systemd running', { timeout: 30_000 }, async () => {
    const h = await checkMachineHealth(machine({
      services: [
        { name: 'web', port: web.port, url: `http://127.0.0.1:${web.port}/ok` },
        { name: 'login', url: `http://127.0.0.1:${web.port}/moved` },
      ],
    }), opts('running'));
    assert.deepEqual(byCheck(h.results), [['ssh', 'ok'], ['tcp', 'ok'], ['http', 'ok'], ['http', 'ok'], ['systemd', 'ok']]);
    assert.equal(h.status, 'ok');
    assert.match(h.results[0].message, /^SSH-2\.0-OpenSSH/);
    assert.equal(h.results[0].target, `127.0.0.1:${sshd.port}`);
    assert.match(h.results[3].message, /302 .*redirect, not followed/);
    assert.ok(!web.requests.includes('/elsewhere'));
    assert.equal(h.results[4].target, `${sshd.user.name}@127.0.0.1`);
    assert.ok(h.results.every((r) => r.durationMs >= 0));
    assert.match(formatHealth(h)[0], /LXC_health: health ok \(5 ok\)/);
  });

  test('a refused port, a silent URL, a 500 and a degraded system; UDP is not checked', { timeout: 30_000 }, async () => {
    const h = await checkMachineHealth(machine({
      services: [
        { name: 'gone', port: refused },
        { name: 'quiet', port: silent.port, url: `http://127.0.0.1:${silent.port}/` },
        { name: 'dns', port: 53, protocol: 'udp' },
        { name: 'app', url: `http://127.0.0.1:${web.port}/broken` },
      ],
    }), opts('degraded', { timeoutMs: 700 }));
    assert.deepEqual(byCheck(h.results), [
      ['ssh', 'ok'], ['tcp', 'failed'], ['tcp', 'ok'], ['http', 'failed'], ['udp', 'skipped'], ['http', 'failed'], ['systemd', 'warning'],
    ]);
    assert.match(h.results[1].message, /connection refused/);
    assert.match(h.results[3].message, /no answer within 0\.7 s/);
    assert.match(h.results[5].message, /answered 500/);
    assert.match(h.results[6].message, /degraded/);
    assert.equal(h.status, 'failed');
    assert.equal(summarizeHealth(h.results), '2 ok, 1 warning, 3 failed, 1 skipped');
  });

  test('SSH: a silent port answers but is not SSH, a closed one is refused; maintenance fails', { timeout: 30_000 }, async () => {
    const onPort = (port: number): string[] => sshd.sshOptions.map((o, i, a) => (a[i - 1] === '-p' ? String(port) : o));
    const [quiet, closed, maint] = await checkHealth([
      machine({ name: 'quiet', sshOptions: onPort(silent.port) }),
      machine({ name: 'closed', sshOptions: onPort(refused) }),
      machine({ name: 'maint' }),
    ], opts('maintenance', { timeoutMs: 600, connectTimeout: 1, commandTimeoutMs: 5000 }));
    assert.deepEqual(byCheck(quiet.results), [['ssh', 'failed'], ['systemd', 'failed']]);
    assert.match(quiet.results[0].message, /answers, but not SSH: the port is open but said nothing/);
    assert.match(quiet.results[1].message, /timed out|no answer/);
    assert.deepEqual(byCheck(closed.results), [['ssh', 'failed'], ['systemd', 'failed']]);
    assert.match(closed.results[0].message, /connection refused/);
    assert.match(closed.results[1].message, /ssh could not connect .*connection refused/);
    assert.match(maint.results[1].message, /the system is maintenance, not running/);
  });

  test("Debian's real systemctl (no systemd as PID 1 here) answers offline: failed", { timeout: 30_000 }, async () => {
    const h = await checkMachineHealth(machine(), { connectTimeout: 5 });
    assert.deepEqual(byCheck(h.results), [['ssh', 'ok'], ['systemd', 'failed']]);
    assert.match(h.results[1].message, /the system is offline, not running/);
  });

  test('TLS: a self-signed certificate fails by default, passes with tlsVerify: false or its CA file', { timeout: 30_000 }, async () => {
    const url = `https://127.0.0.1:${tls.port}/ok`;
    const h = await checkMachineHealth(machine({
      user: undefined,
      services: [
        { name: 'strict', url },
        { name: 'lax', url, tlsVerify: false },
        { name: 'pinned', url, caFile: tls.certFile },
        { name: 'nofile', url, caFile: '/nonexistent/homelab-ca.pem' },
        { name: 'broken', url: `https://127.0.0.1:${tls.port}/broken`, tlsVerify: false },
      ],
    }), opts('running'));
    assert.deepEqual(byCheck(h.results), [
      ['ssh', 'ok'], ['http', 'failed'], ['http', 'ok'], ['http', 'ok'], ['http', 'failed'], ['http', 'failed'], ['systemd', 'skipped'],
    ]);
    assert.match(h.results[1].message, /TLS certificate not trusted \(self[- ]signed certificate\)/);
    assert.match(h.results[4].message, /cannot read the CA file/);
    assert.match(h.results[5].message, /answered 500/);
    assert.match(h.results[6].message, /deploy\.user is missing/);
  });

  test("Prometheus's up: 1 ok, 0 failed, not scraped a warning (Debian's Prometheus scraping itself)", { timeout: 60_000 }, async () => {
    const closed = await freePort();
    const prom = await startPrometheus({ gone: [`127.0.0.2:${closed}`] });
    try {
      const up = await prom.waitForTargets(['127.0.0.1', '127.0.0.2']);
      assert.equal(up.get('127.0.0.1'), true);
      const only = { services: [], user: undefined, prometheusUrl: prom.url };
      const results = await checkHealth([
        machine({ ...only, name: 'self' }),
        machine({ ...only, name: 'gone', address: '127.0.0.2' }),
        machine({ ...only, name: 'unwatched', address: '127.0.0.3' }),
        machine({ ...only, name: 'nowhere', prometheusUrl: `http://127.0.0.1:${closed}` }),
      ], opts('running', { timeoutMs: 1000 }));
      const prometheus = results.map((r) => r.results.find((x) => x.check === 'prometheus'));
      assert.deepEqual(prometheus.map((p) => p?.status), ['ok', 'failed', 'warning', 'warning']);
      assert.match(prometheus[1]?.message ?? '', /up is 0/);
      assert.match(prometheus[2]?.message ?? '', /scrapes no target at 127\.0\.0\.3/);
      assert.match(prometheus[3]?.message ?? '', /Prometheus unavailable/);
    } finally {
      await prom.stop();
    }
  });

  test('checks run in a bounded pool', { timeout: 30_000 }, async () => {
    const services = Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, url: `http://127.0.0.1:${web.port}/slow?${i}` }));
    const before = web.mostInFlight;
    assert.equal(before, 0);
    const h = await checkMachineHealth(machine({ user: undefined, services }), opts('running', { concurrency: 2 }));
    assert.equal(h.results.filter((r) => r.check === 'http' && r.status === 'ok').length, 6);
    assert.equal(web.mostInFlight, 2);
  });

  test('cancelling ends every check at once; nothing hangs', { timeout: 30_000 }, async () => {
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(), 200);
    const h = await checkMachineHealth(machine({
      services: [{ name: 'quiet', port: silent.port, url: `http://127.0.0.1:${silent.port}/` }],
      sshOptions: sshd.sshOptions.map((o, i, a) => (a[i - 1] === '-p' ? String(silent.port) : o)),
    }), opts('running', { timeoutMs: 20_000, commandTimeoutMs: 20_000, connectTimeout: 30, signal: abort.signal }));
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.deepEqual(byCheck(h.results), [['ssh', 'skipped'], ['tcp', 'ok'], ['http', 'skipped'], ['systemd', 'skipped']]);
    assert.ok(h.results.filter((r) => r.status === 'skipped').every((r) => r.message === 'cancelled'));
  });

  test('no secret in a result: URL credentials and queries are left out, command output never repeated', { timeout: 30_000 }, async () => {
    const secret = 'planted-health-secret-77';
    const h = await checkMachineHealth(machine({
      services: [
        { name: 'auth', url: `http://admin:${secret}@127.0.0.1:${web.port}/ok?token=${secret}` },
        { name: 'gone', url: `http://127.0.0.1:${refused}/x?key=${secret}` },
      ],
    }), opts('noisy', { secrets: [secret] }));
    assert.deepEqual(byCheck(h.results), [['ssh', 'ok'], ['http', 'ok'], ['http', 'failed'], ['systemd', 'failed']]);
    assert.equal(h.results[1].target, `http://127.0.0.1:${web.port}/ok`);
    assert.match(h.results[3].message, /no system state in the answer \(exit code 3\)/);
    assert.ok(!JSON.stringify(h).includes(secret), JSON.stringify(h));
    assert.ok(!JSON.stringify(h).includes('more output'));
  });

  test('hostile values never run: refused ssh options, a file: URL, a bad port are skipped with a reason', { timeout: 30_000 }, async () => {
    const pwn = `/tmp/pwned-homelab-health-${process.pid}`;
    const h = await checkMachineHealth(machine({
      sshOptions: ['-o', `ProxyCommand=touch ${pwn}`],
      services: [{ name: 'p', port: 70000 }, { name: 'f', url: 'file:///etc/passwd' }],
    }), opts('running'));
    assert.deepEqual(byCheck(h.results), [['ssh', 'skipped'], ['tcp', 'skipped'], ['http', 'skipped'], ['systemd', 'skipped']]);
    assert.match(h.results[0].message, /ProxyCommand is not allowed/);
    assert.match(h.results[2].message, /file: is not http: or https:/);
    const bad = await checkMachineHealth(machine({ address: '-oProxyCommand=x', services: [] }), opts('running'));
    assert.deepEqual(byCheck(bad.results), [['ssh', 'skipped'], ['systemd', 'skipped']]);
    assert.equal(bad.status, 'skipped');
    assert.ok(!fs.existsSync(pwn));
  });
});
