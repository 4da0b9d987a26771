// The pure parsers of Proxmox's answers: the documented shapes become
// ProxmoxGuest fields, and anything of the wrong type is left out instead of
// throwing (the answers come from machines we do not control).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mergeGuest, parseInterfaces, parseLxcConfig, parseLxcStatus, parseNet0, parseResources, parseTags, unwrapApi,
} from '../../client/src/proxmox/parse';
import { hostNodes, mapLimit } from '../../client/src/proxmox/collect';

test('net0: a static address with its prefix and gateway, dhcp, manual', () => {
  assert.deepEqual(parseNet0('name=eth0,bridge=vmbr0,gw=192.168.8.1,hwaddr=BC:24:11:AA:BB:01,ip=192.168.8.85/24,type=veth'), {
    staticAddress: '192.168.8.85', prefixLength: 24, gateway: '192.168.8.1',
  });
  assert.deepEqual(parseNet0('name=eth0,bridge=vmbr0,ip=dhcp'), { staticAddress: 'dhcp' });
  assert.deepEqual(parseNet0('name=eth0,bridge=vmbr0,ip=manual'), {});
  assert.deepEqual(parseNet0('name=eth0,ip=300.1.1.1/24,gw=nope'), {});
  assert.deepEqual(parseNet0('name=eth0,ip=10.0.0.5/33'), {});
  assert.deepEqual(parseNet0(42), {});
});

test('tags: semicolons, commas or spaces; not a string: left out', () => {
  assert.deepEqual(parseTags('infra;dns'), ['infra', 'dns']);
  assert.deepEqual(parseTags('a,b c;;d'), ['a', 'b', 'c', 'd']);
  assert.deepEqual(parseTags(''), []);
  assert.equal(parseTags(['a']), undefined);
});

test('the API wrapper is removed; anything else gives nothing', () => {
  assert.deepEqual(unwrapApi({ data: [1] }), [1]);
  assert.equal(unwrapApi([1]), undefined);
  assert.equal(unwrapApi(null), undefined);
});

test('resources: fields of the wrong type are left out, items without identity skipped, sorted by vmid', () => {
  const guests = parseResources([
    { vmid: 105, type: 'lxc', node: 'pve', status: 'running', name: 7, uptime: '12', cpu: -1, maxcpu: 1.5, mem: null, maxmem: 1024, tags: 3 },
    { vmid: '104', type: 'lxc', node: 'pve', status: 'running' },
    { vmid: 103, type: 'openvz', node: 'pve' },
    { vmid: 102, type: 'qemu', node: '' },
    { vmid: 101, type: 'qemu', node: 'pve' },
    'junk', null, [],
  ]);
  assert.deepEqual(guests, [
    { vmid: 101, type: 'qemu', node: 'pve', status: 'unknown' },
    { vmid: 105, type: 'lxc', node: 'pve', status: 'running', maxMemoryBytes: 1024 },
  ]);
  assert.equal(parseResources({ data: [] }), undefined);
});

test('config and status: the documented fields; a config without tags means no tags', () => {
  assert.deepEqual(parseLxcConfig({ hostname: 'dns', cores: 2, memory: 512, net0: 'name=eth0,ip=dhcp' }), {
    hostname: 'dns', cores: 2, maxMemoryBytes: 512 * 1024 * 1024, tags: [], staticAddress: 'dhcp',
  });
  assert.deepEqual(parseLxcConfig({ hostname: ['x'], cores: '2', memory: 'lots', tags: 5 }), {});
  assert.deepEqual(parseLxcConfig('nope'), {});
  assert.deepEqual(parseLxcStatus({ status: 'running', uptime: 5, cpu: 0.25, cpus: 2, mem: 10, maxmem: 20 }), {
    status: 'running', uptimeSeconds: 5, cpu: 0.25, cores: 2, memoryBytes: 10, maxMemoryBytes: 20,
  });
  assert.deepEqual(parseLxcStatus({ status: 1, uptime: Infinity, cpu: 'x' }), {});
});

test('interfaces: IPv4 without prefix, loopback left out, odd entries skipped', () => {
  assert.deepEqual(parseInterfaces([
    { name: 'lo', inet: '127.0.0.1/8' },
    { name: 'eth0', inet: '192.168.8.85/24', inet6: 'fe80::1/64' },
    { name: 'eth1', inet6: 'fd00::5/64' },
    { name: 'eth2', inet: 42 },
    { name: 'eth3', inet: '10.0.0.7' },
    'junk',
  ]), ['192.168.8.85', '10.0.0.7']);
  assert.equal(parseInterfaces({ eth0: {} }), undefined);
});

test('merge: status is fresher than the resources, the config says what is configured', () => {
  const merged = mergeGuest(
    { vmid: 1, type: 'lxc', node: 'pve', status: 'running', uptimeSeconds: 1, cores: 4, maxMemoryBytes: 1, tags: ['old'] },
    { config: { hostname: 'h', cores: 2, tags: [] }, status: { status: 'stopped', uptimeSeconds: 0, cores: 3 }, liveAddresses: [] },
  );
  assert.deepEqual(merged, {
    vmid: 1, type: 'lxc', node: 'pve', status: 'stopped', uptimeSeconds: 0, cores: 2, maxMemoryBytes: 1, tags: [], hostname: 'h', liveAddresses: [],
  });
});

test('the host\'s node: declared, else the host name, else the only node of a standalone host', () => {
  const g = (node: string) => ({ vmid: 1, type: 'lxc' as const, node, status: 'running' });
  assert.deepEqual([...hostNodes({ host: 'pve', via: 'api', node: 'n1' }, [g('pve')])], ['n1']);
  assert.deepEqual([...hostNodes({ host: 'pve', via: 'api' }, [g('pve'), g('pve2')])], ['pve']);
  assert.deepEqual([...hostNodes({ host: 'pve-main', via: 'api' }, [g('pve'), g('pve')])], ['pve']);
  assert.deepEqual([...hostNodes({ host: 'pve-main', via: 'api' }, [g('pve'), g('pve2')])], ['pve-main']);
});

test('mapLimit keeps the order and never runs more than the limit at once', async () => {
  let running = 0;
  let most = 0;
  const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, n * 3));
    running--;
    return n * 10;
  });
  assert.deepEqual(out, [50, 10, 40, 20, 30, 0, 60]);
  assert.equal(most, 3);
});
