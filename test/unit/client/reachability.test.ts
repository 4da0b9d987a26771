// Reachability probes against real listeners on 127.0.0.1: a real OpenSSH
// server (Debian's sshd, test helper) is reachable; a listener that accepts and
// stays silent, an HTTP server and one that says something else are "answers,
// not SSH" (`not-ssh`); a closed port is unreachable; a non-address is unknown
// (never resolved). Needs root for the sshd helper, like test/deploy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { probeAll, probeSsh, probeTcp, readBanner, sshPort } from '../../../client/src/probes/reachability';
import { freePort, startSshd, type Sshd } from '../../deploy/helpers/sshd';

interface Listener { port: number; close: () => Promise<void> }

async function listen(onSocket: (socket: net.Socket) => void): Promise<Listener> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

let sshd: Sshd;
let silent: Listener;
let closesAtOnce: Listener;
let speaksSmtp: Listener;
let fakeSsh: Listener;
let web: http.Server;
let webPort: number;

before(async () => {
  sshd = await startSshd();
  silent = await listen(() => undefined);
  closesAtOnce = await listen((s) => s.end());
  speaksSmtp = await listen((s) => s.write('220 mail.example ESMTP\r\n'));
  // An SSH banner in two pieces, the second after a pause: read as one line.
  fakeSsh = await listen((s) => { s.write('SS'); setTimeout(() => s.write('H-2.0-Stand_in\r\n'), 50); });
  web = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  webPort = (web.address() as net.AddressInfo).port;
});

after(async () => {
  await sshd?.stop();
  await Promise.all([silent, closesAtOnce, speaksSmtp, fakeSsh].map((l) => l?.close()));
  web?.closeAllConnections();
  await new Promise((resolve) => web?.close(resolve));
});

test('a real sshd is reachable and its banner is read without logging in', async () => {
  const probe = await readBanner('127.0.0.1', sshd.port, 3000);
  assert.equal(probe.state, 'reachable');
  assert.match(probe.banner ?? '', /^SSH-2\.0-OpenSSH/);
  assert.equal(await probeSsh('127.0.0.1', sshd.port, 3000), 'reachable');
  assert.equal(await probeSsh('127.0.0.1', fakeSsh.port, 3000), 'reachable');
});

test('a port that opens but says nothing is "answers, not SSH", after the time-out', async () => {
  const started = Date.now();
  const probe = await readBanner('127.0.0.1', silent.port, 600);
  assert.equal(probe.state, 'not-ssh');
  assert.match(probe.detail, /said nothing within 0\.6 s/);
  assert.ok(Date.now() - started < 3000);
  assert.equal(await probeSsh('127.0.0.1', closesAtOnce.port, 2000), 'not-ssh');
});

test('an HTTP server or another protocol is not SSH', async () => {
  // HTTP waits for a request, so it is silent: not-ssh after the time-out.
  assert.equal(await probeSsh('127.0.0.1', webPort, 600), 'not-ssh');
  const smtp = await readBanner('127.0.0.1', speaksSmtp.port, 3000);
  assert.equal(smtp.state, 'not-ssh');
  assert.match(smtp.detail, /answered "220 mail\.example ESMTP", not SSH/);
});

test('a closed port is unreachable, a name unknown, and probeAll keeps its shape', async () => {
  const closed = await freePort();
  const probe = await readBanner('127.0.0.1', closed, 2000);
  assert.deepEqual(probe, { state: 'unreachable', detail: 'connection refused' });
  assert.equal(await probeTcp('-oProxyCommand=x', 22, 2000), 'unknown');
  const all = await probeAll(['127.0.0.1', '127.0.0.1'], sshd.port, 2000);
  assert.deepEqual([...all.entries()], [['127.0.0.1', 'reachable']]);
  const silentAll = await probeAll(['127.0.0.1', '127.0.0.2'], silent.port, 600);
  assert.deepEqual([...silentAll.entries()].sort(), [['127.0.0.1', 'not-ssh'], ['127.0.0.2', 'unreachable']]);
});

test('an aborted probe ends at once', async () => {
  const abort = new AbortController();
  const started = Date.now();
  const pending = readBanner('127.0.0.1', silent.port, 10_000, abort.signal);
  setTimeout(() => abort.abort(), 50);
  assert.equal((await pending).state, 'unknown');
  assert.ok(Date.now() - started < 2000);
});

test('the probed port follows the ssh options a deploy uses', () => {
  assert.equal(sshPort([]), 22);
  assert.equal(sshPort(['-o', 'ConnectTimeout=10', '-p', '2222']), 2222);
  assert.equal(sshPort(['-p2200']), 2200);
  assert.equal(sshPort(['-o', 'Port=2022']), 2022);
  assert.equal(sshPort(['-oPort=2023']), 2023);
  assert.equal(sshPort(['-p', 'x']), 22);
  assert.equal(sshPort(['-p', '70000']), 22);
});
