// Reachability probes against real sockets on 127.0.0.1: a listening port is
// reachable, a closed one is not, a non-address is unknown (never resolved).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { probeAll, probeTcp } from '../../../client/src/tree/reachability';

async function listen(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('an open port is reachable, a closed one unreachable, a name unknown', async () => {
  const open = await listen();
  const closed = await listen();
  await closed.close();
  try {
    assert.equal(await probeTcp('127.0.0.1', open.port, 2000), 'reachable');
    assert.equal(await probeTcp('127.0.0.1', closed.port, 2000), 'unreachable');
    assert.equal(await probeTcp('-oProxyCommand=x', 22, 2000), 'unknown');
    const all = await probeAll(['127.0.0.1', '127.0.0.1'], open.port, 2000);
    assert.deepEqual([...all.entries()], [['127.0.0.1', 'reachable']]);
  } finally {
    await open.close();
  }
});

test('the probed port follows the ssh options a deploy uses', async () => {
  const { sshPort } = await import('../../../client/src/tree/reachability');
  assert.equal(sshPort([]), 22);
  assert.equal(sshPort(['-o', 'ConnectTimeout=10', '-p', '2222']), 2222);
  assert.equal(sshPort(['-p2200']), 2200);
  assert.equal(sshPort(['-o', 'Port=2022']), 2022);
  assert.equal(sshPort(['-oPort=2023']), 2023);
  assert.equal(sshPort(['-p', 'x']), 22);
  assert.equal(sshPort(['-p', '70000']), 22);
});
