// The read's orchestration with a stand-in `get` (no network): which paths are
// asked for, how many at once, what a failing per-guest read or a node name
// that is not a name does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectGuests, GUEST_CONCURRENCY, ProxmoxReadError, type ProxmoxGet } from '../../client/src/proxmox/collect';
import type { ProxmoxAccess } from '../../server/src/protocol/proxmoxMessages';

const pve: ProxmoxAccess = { host: 'pve', via: 'api' };

function containers(n: number, node = 'pve'): unknown[] {
  return Array.from({ length: n }, (_, i) => ({ vmid: 100 + i, type: 'lxc', node, status: 'running' }));
}

test('a node name from the answer that is not a name is never put into a path', async () => {
  const asked: string[] = [];
  const get: ProxmoxGet = async (p) => {
    asked.push(p);
    return p === '/cluster/resources'
      ? [{ vmid: 101, type: 'lxc', node: '-oProxyCommand=x', status: 'running' }, { vmid: 102, type: 'lxc', node: 'x/../y', status: 'running' }]
      : {};
  };
  const guests = await collectGuests({ host: 'h', via: 'ssh', node: '-oProxyCommand=x' }, get);
  assert.deepEqual(guests.map((g) => g.vmid), [101, 102]);
  assert.deepEqual(asked, ['/cluster/resources']);
});

test('per-guest reads: at most GUEST_CONCURRENCY at once, failures leave fields out', async () => {
  let running = 0;
  let most = 0;
  const get: ProxmoxGet = async (p) => {
    if (p === '/cluster/resources') return containers(12);
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    if (p.endsWith('/config')) throw new ProxmoxReadError('the server answered 500');
    if (p.endsWith('/status/current')) return { status: 'running', uptime: 9 };
    return [{ name: 'eth0', inet: '10.0.0.1/24' }];
  };
  const guests = await collectGuests(pve, get);
  assert.equal(most, GUEST_CONCURRENCY);
  assert.equal(guests.length, 12);
  assert.deepEqual(guests[0], { vmid: 100, type: 'lxc', node: 'pve', status: 'running', uptimeSeconds: 9, liveAddresses: ['10.0.0.1'] });
});

test('a failing guest list fails the read; an answer that is not a list is named', async () => {
  await assert.rejects(collectGuests(pve, async () => { throw new ProxmoxReadError('cannot connect: ECONNREFUSED'); }), /ECONNREFUSED/);
  await assert.rejects(collectGuests(pve, async () => ({ nope: 1 })), /not a list of guests/);
});

test('a cancelled read stops instead of leaving fields out', async () => {
  const abort = new AbortController();
  const get: ProxmoxGet = async (p) => {
    if (p === '/cluster/resources') return containers(3);
    abort.abort();
    throw new ProxmoxReadError('cancelled');
  };
  await assert.rejects(collectGuests(pve, get, { signal: abort.signal }), /cancelled/);
});
