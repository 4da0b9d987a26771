// Matching the inventory with Proxmox's live state (model/proxmoxLive.ts) and
// the drift items built on it (model/proxmoxDrift.ts): by vmid on any node of
// one cluster, else by hostname or name; missing containers; unmanaged guests
// per node; hosts whose read failed are not judged; the client's JSON is
// checked field by field; the Workspace keeps the state per folder in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readInventory } from '../../../server/src/model/inventory';
import { driftOf, readTime } from '../../../server/src/model/proxmoxDrift';
import { matchLive, readLiveStateParams, type FolderLiveState, type LiveGuest, type LiveHostState } from '../../../server/src/model/proxmoxLive';
import { memoryHost } from '../memoryHost';
import { Workspace } from '../../../server/src/model/workspace';
import { parseYaml } from '../../../server/src/syntax/yaml';

const INV = `hosts:
  pve1:
    kind: proxmox
    ip: 10.0.0.2
    proxmox:
      api: https://10.0.0.2:8006
  pve2:
    kind: proxmox
    ip: 10.0.0.3
    proxmox:
      api: https://10.0.0.2:8006/
      node: node2
  solo:
    kind: proxmox
    proxmox:
      via: ssh
containers:
  web:
    host: pve1
    vmid: 101
    ip: 10.0.0.11
    hostname: web
  db:
    host: pve1
    vmid: 102
    ip: 10.0.0.12
    hostname: db
  moved:
    host: pve1
    vmid: 103
    ip: 10.0.0.13
  gone:
    host: pve2
    vmid: 104
    ip: 10.0.0.14
  apart:
    host: solo
    vmid: 101
    ip: 10.0.0.21
  loose:
    vmid: 900
    ip: 10.0.0.90
`;

const inv = readInventory('file:///lab/homelab.yaml', parseYaml(INV, 'file:///lab/homelab.yaml').value);

function g(vmid: number, node: string, extra: Partial<LiveGuest> = {}): LiveGuest {
  return { vmid, type: 'lxc', node, status: 'running', ...extra };
}

function state(hosts: LiveHostState[]): FolderLiveState {
  return { hosts: new Map(hosts.map((h) => [h.host, h])) };
}

const readAt = '2026-12-01T12:03:00Z';

test('vmid on any node of the cluster, then hostname; missing; unmanaged per node', () => {
  const cluster = [
    g(101, 'pve1', { hostname: 'web' }),
    g(115, 'pve1', { hostname: 'db' }), // db by hostname, under another vmid
    g(103, 'node2', { hostname: 'moved' }), // moved to pve2's node, matched by vmid
    g(120, 'pve1', { name: 'scratch' }), // nobody declares it
    g(130, 'node2', { type: 'qemu', name: 'win' }),
    g(900, 'pve1'), // `loose` has no host: not judged, but it is declared
  ];
  const live = state([
    { host: 'pve1', via: 'api', readAt, guests: cluster },
    { host: 'pve2', via: 'api', readAt, guests: cluster },
    { host: 'solo', via: 'ssh', readAt, guests: [g(101, 'solo', { status: 'stopped' })] },
  ]);
  const m = matchLive(inv, live);
  const by = (n: string): string => {
    const c = m.containers.get(n);
    return c ? (c.guest ? `${c.guest.node}/${c.guest.vmid} by ${c.matchedBy}` : 'missing') : 'not judged';
  };
  assert.equal(by('web'), 'pve1/101 by vmid');
  assert.equal(by('db'), 'pve1/115 by name');
  assert.equal(by('moved'), 'node2/103 by vmid');
  assert.equal(by('gone'), 'missing');
  assert.equal(by('apart'), 'solo/101 by vmid'); // another API: its own vmid space
  assert.equal(by('loose'), 'not judged');
  assert.deepEqual(m.hosts.get('pve1')?.unmanaged.map((x) => x.vmid), [120]);
  assert.deepEqual(m.hosts.get('pve2')?.unmanaged.map((x) => x.vmid), [130]);
  assert.equal(m.hosts.get('pve2')?.node, 'node2');
  assert.deepEqual(m.hosts.get('solo')?.unmanaged, []);

  const drift = driftOf(m).map((d) => `${d.kind} ${d.container ?? d.host} ${JSON.stringify(d.inventory ?? null)}→${JSON.stringify(d.proxmox ?? null)}${d.targetHost ? ` ${d.targetHost}` : ''}`);
  assert.deepEqual(drift, [
    'unmanaged pve1 null→null',
    'unmanaged pve2 null→null',
    'vmid db 102→115',
    'node moved "pve1"→"node2" pve2',
    'missing gone null→null',
    'stopped apart null→null',
  ]);
});

test('a host whose read failed is not judged; its guests seen by another read are not unmanaged', () => {
  const cluster = [g(101, 'pve1', { hostname: 'web' }), g(104, 'node2'), g(140, 'node2')];
  const m = matchLive(
    inv,
    state([
      { host: 'pve1', via: 'api', readAt, guests: cluster },
      { host: 'pve2', via: 'api', readAt, error: 'connect ECONNREFUSED', guests: [] },
    ]),
  );
  assert.ok(!m.containers.has('gone'));
  assert.ok(!m.hosts.has('pve2'));
  assert.equal(m.containers.get('db')?.guest, undefined); // pve1 was read: db is missing there
  assert.deepEqual(m.hosts.get('pve1')?.unmanaged, []);
  const only = matchLive(inv, state([{ host: 'pve1', via: 'api', readAt, error: 'HTTP 401', guests: cluster }]));
  assert.equal(only.containers.size, 0);
  assert.equal(only.hosts.size, 0);
});

test('hostname, addresses, tags: compared where the inventory speaks', () => {
  const yaml = `hosts:
  pve:
    kind: proxmox
    proxmox: { via: ssh }
containers:
  a:
    host: pve
    vmid: 101
    ip: 10.0.0.11
    hostname: alpha
    tags: [Prod, web]
  b:
    host: pve
    vmid: 102
    ip: 10.0.0.12
  c:
    host: pve
    vmid: 103
    ip: 10.0.0.13
    tags: []
`;
  const i = readInventory('file:///x/homelab.yaml', parseYaml(yaml, 'file:///x/homelab.yaml').value);
  const m = matchLive(
    i,
    state([
      {
        host: 'pve',
        via: 'ssh',
        readAt,
        guests: [
          g(101, 'pve', { hostname: 'Alpha', staticAddress: '10.0.0.11', liveAddresses: ['10.0.0.11', '172.17.0.1'], tags: ['web', 'prod'] }),
          g(102, 'pve', { hostname: 'beta', staticAddress: '10.0.0.22', liveAddresses: ['10.0.0.22'], tags: ['x'] }),
          g(103, 'pve', { staticAddress: 'dhcp', liveAddresses: ['10.0.0.99'], tags: ['x'] }),
        ],
      },
    ]),
  );
  const drift = driftOf(m).map((d) => `${d.kind} ${d.container} ${JSON.stringify(d.inventory)}→${JSON.stringify(d.proxmox)}`);
  assert.deepEqual(drift, [
    // a: hostname equal without case, tags equal as a set: nothing
    'address b "10.0.0.12"→"10.0.0.22"', // the live address says the same: reported once
    'live-address c "10.0.0.13"→"10.0.0.99"',
    'tags c []→["x"]',
  ]);
});

test('the client JSON is read field by field', () => {
  assert.equal(readLiveStateParams(null), undefined);
  assert.equal(readLiveStateParams({ folderUri: 1, hosts: [] }), undefined);
  const p = readLiveStateParams({
    folderUri: 'file:///lab',
    hosts: [
      { host: 'pve', via: 'api', readAt, guests: [{ vmid: 101, type: 'lxc', node: 'pve', status: 'running', tags: ['a', 3], cpu: 'x' }, { vmid: 'x', type: 'lxc', node: 'pve' }, { vmid: 5, type: 'docker', node: 'pve' }] },
      { host: 'bad', via: 'telnet', guests: [] },
    ],
  });
  assert.deepEqual(p, { folderUri: 'file:///lab', hosts: [{ host: 'pve', via: 'api', readAt, guests: [{ vmid: 101, type: 'lxc', node: 'pve', status: 'running', tags: ['a'] }] }] });
});

test('the Workspace keeps the live state per folder, in memory, and re-checks only on a change', () => {
  const ws = new Workspace(memoryHost({ 'file:///lab/homelab.yaml': INV }));
  ws.addFolder('file:///lab');
  const h1 = ws.homelabFor('file:///lab/homelab.yaml');
  const gen = ws.generation;
  const hosts: LiveHostState[] = [{ host: 'solo', via: 'ssh', readAt, guests: [g(101, 'solo')] }];
  assert.equal(ws.setProxmoxLive('file:///lab/', hosts), true);
  assert.equal(ws.generation, gen + 1);
  const h2 = ws.homelabFor('file:///lab/homelab.yaml');
  // The homelab holds no live state: it is not rebuilt; the drift rules read the live state as an input of their own.
  assert.equal(h2, h1);
  assert.equal(ws.proxmoxLiveFor('file:///lab')?.hosts.get('solo')?.guests.length, 1);
  assert.equal(ws.setProxmoxLive('file:///lab', hosts), false);
  assert.equal(ws.setProxmoxLive('file:///elsewhere', hosts), false);
  assert.equal(ws.setProxmoxLive('file:///lab', []), true);
  assert.equal(ws.proxmoxLiveFor('file:///lab'), undefined);
});

test('read time: local hours and minutes, the text itself when it is no date', () => {
  const d = new Date(readAt);
  assert.equal(readTime(readAt), `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`);
  assert.equal(readTime('soon'), 'soon');
});
