// The first address that answers, with real sockets on loopback: a banner
// server bound to 127.0.0.1 only, so 127.0.0.3 on the same port refuses (no
// listener there) and 127.0.0.1 answers; host names are looked up with the
// system resolver (`localhost`, from the hosts file) or skipped without one;
// nothing answering leaves the first address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { lookup } from 'node:dns/promises';
import { describeTries, firstAnswering } from '../../../client/src/deploy/firstAnswering';
import { readBanner } from '../../../client/src/probes/reachability';

let server: net.Server;
let port: number;
const probed: string[] = [];

before(async () => {
  server = net.createServer((s) => { s.on('error', () => undefined); s.end('SSH-2.0-OpenSSH_9.2p1 test\r\n'); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const probe = (a: string) => {
  probed.push(a);
  return readBanner(a, port, 1500);
};

test('tries the addresses in order and takes the first that answers with SSH', async () => {
  probed.length = 0;
  const c = await firstAnswering(['127.0.0.3', 'laptop.tail', '127.0.0.1', '127.0.0.4'], probe);
  assert.equal(c.address, '127.0.0.1');
  assert.equal(c.answered, true);
  assert.deepEqual(c.tried.map((t) => [t.address, t.state]), [['127.0.0.3', 'unreachable'], ['laptop.tail', 'skipped'], ['127.0.0.1', 'reachable']]);
  // Stops at the first that answers: 127.0.0.4 is never tried, the host name never probed.
  assert.deepEqual(probed, ['127.0.0.3', '127.0.0.1']);
  assert.match(describeTries(c), /^127\.0\.0\.3 connection refused; laptop\.tail a host name: not looked up; 127\.0\.0\.1 answered$/);
});

test('a host name in the list is looked up and its address probed; the deploy logs in to that address', async () => {
  probed.length = 0;
  const resolve = async (name: string): Promise<string | undefined> => (await lookup(name, { family: 4 })).address;
  const c = await firstAnswering(['127.0.0.3', 'localhost', '127.0.0.1'], probe, resolve);
  assert.equal(c.address, '127.0.0.1');
  assert.deepEqual(c.tried.map((t) => [t.address, t.resolved, t.state]), [['127.0.0.3', undefined, 'unreachable'], ['localhost', '127.0.0.1', 'reachable']]);
  assert.match(describeTries(c), /localhost \(127\.0\.0\.1\) answered$/);
  // A name that does not resolve is passed over, not fatal; something that is no host name is skipped.
  const none = await firstAnswering(['no-such-host.invalid', 'bad name!'], probe, async () => undefined);
  assert.deepEqual(none.tried.map((t) => t.detail), ['does not resolve', 'not a host name']);
  assert.equal(none.address, undefined);
});

test('the first address that answers wins even when a later one would too', async () => {
  const c = await firstAnswering(['127.0.0.1', '127.0.0.3'], probe);
  assert.equal(c.address, '127.0.0.1');
  assert.equal(c.tried.length, 1);
});

test('nothing answers: the first address stands, marked unanswered', async () => {
  const c = await firstAnswering(['box.lan', '127.0.0.3', '127.0.0.4'], probe);
  assert.equal(c.address, '127.0.0.3');
  assert.equal(c.answered, false);
  assert.equal(c.tried.length, 3);
});
