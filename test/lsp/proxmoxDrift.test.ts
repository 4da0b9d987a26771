// Drift against Proxmox's live state over a real stdio connection: a copy of
// examples/homelab whose host pve has a `proxmox:` block (an API on
// 127.0.0.1:1 that the server never contacts: it only receives the client's
// `homelab/proxmoxLiveState`), a live state with drift of each kind, the
// diagnostics on the inventory's lines, each quick fix applied and the whole
// inventory compared, the topology's live fields, and a failed read that makes
// the drift diagnostics go away.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyExample, startOn, type PublishedDiagnostic } from './helpers';
import { fileUri, type LspClient, type Message } from './lspClient';
import { applyEdits, type LspEdit } from './features/harness';
import type { Topology } from '../../server/src/protocol/customMessages';
import type { ProxmoxGuest, ProxmoxLiveStateParams } from '../../server/src/protocol/proxmoxMessages';

interface Diag extends PublishedDiagnostic {
  data?: unknown;
}
interface Action {
  title: string;
  edit: { changes: Record<string, LspEdit[]> };
}

let root = '';
let client: LspClient;
let inventory = '';
let invUri = '';
const readAt = '2026-12-01T12:03:00Z';
const at = new Date(readAt);
const read = `(read ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')} via api)`;

before(async () => {
  root = copyExample('homelab');
  const file = path.join(root, 'homelab.yaml');
  const original = readFileSync(file, 'utf8');
  inventory = original
    .replace(
      '    description: Proxmox VE hypervisor (LUKS-encrypted LVM, NFS from TrueNAS)\n',
      '    description: Proxmox VE hypervisor (LUKS-encrypted LVM, NFS from TrueNAS)\n    proxmox:\n      api: https://127.0.0.1:1\n      tokenId: homelab@pve!editor\n      caFile: certs/pve-root-ca.pem\n' +
        '  pve2:\n    kind: proxmox\n    ip: 192.168.8.83\n    proxmox:\n      api: https://127.0.0.1:1\n      via: api\n',
    )
    .replace('    services: [grafana, prometheus]\n', '    services: [grafana, prometheus]\n    tags: [monitoring]\n');
  assert.notEqual(inventory, original);
  writeFileSync(file, inventory);
  invUri = fileUri(file);
  client = await startOn(root);
});

after(async () => {
  await client.shutdown().catch(() => undefined);
  client.kill();
  rmSync(root, { recursive: true, force: true });
});

const guest = (vmid: number, extra: Partial<ProxmoxGuest>): ProxmoxGuest => ({ vmid, type: 'lxc', node: 'pve', status: 'running', ...extra });

const guests: ProxmoxGuest[] = [
  // LXC_HOME (101) is not there: missing.
  guest(102, { node: 'pve2', hostname: 'proxy', staticAddress: '192.168.8.102' }), // LXC_proxy moved to pve2
  guest(115, { hostname: 'monitoring', staticAddress: '192.168.8.85', tags: ['monitoring', 'prod'] }), // vmid, tags
  guest(106, { hostname: 'plane-new', staticAddress: '192.168.8.86' }), // hostname
  guest(107, { hostname: 'liftcraft-test', staticAddress: '192.168.8.97', prefixLength: 24 }), // net0 address
  guest(108, { hostname: 'portfolio-prod', staticAddress: '192.168.8.88', liveAddresses: ['192.168.8.98'] }), // live address
  guest(109, { hostname: 'mailer', staticAddress: '192.168.8.89', status: 'stopped' }), // stopped
  guest(120, { name: 'scratch', hostname: 'scratch', staticAddress: '192.168.8.120', prefixLength: 24, tags: ['test'], uptimeSeconds: 60 }),
  guest(130, { type: 'qemu', name: 'win' }),
];

function send(hosts: ProxmoxLiveStateParams['hosts']): void {
  const params: ProxmoxLiveStateParams = { folderUri: fileUri(root), hosts };
  client.notify('homelab/proxmoxLiveState', params);
}

const isInventory = (m: Message): m is Message & { params: { uri: string; diagnostics: Diag[] } } =>
  m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === invUri;

function latest(): Diag[] {
  const all = client.notifications.filter(isInventory);
  return all.length ? all[all.length - 1].params.diagnostics : [];
}

async function until(cond: (d: Diag[]) => boolean, what: string): Promise<Diag[]> {
  for (let i = 0; i < 200; i++) {
    if (cond(latest())) return latest();
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out: ${what}; last: ${JSON.stringify(latest().map((d) => [d.code, d.message]))}`);
}

const lineOf = (text: string, find: string, from = ''): number => {
  const start = from ? text.indexOf(from) : 0;
  const i = text.indexOf(find, start);
  assert.ok(i >= 0, find);
  return text.slice(0, i).split('\n').length - 1;
};
const drift = (d: Diag[]): Diag[] => d.filter((x) => x.code?.startsWith('proxmox-'));

async function actions(d: Diag): Promise<Action[]> {
  return client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: invUri }, range: d.range, context: { diagnostics: [d] } });
}

test('no live state: no diagnostics at all, the schema takes the proxmox block and tags (the first check is done at start)', () => {
  assert.deepEqual(latest().map((d) => [d.code, d.message]), []);
});

test('a live state with drift of each kind: diagnostics on the inventory lines, and their quick fixes', async () => {
  send([{ host: 'pve', via: 'api', readAt, guests }]);
  const found = drift(await until((d) => drift(d).length >= 9, 'drift diagnostics'));
  const got = found.map((d) => [d.code, d.range.start.line, d.severity, d.message]);
  const I = inventory;
  assert.deepEqual(got, [
    ['proxmox-unmanaged-container', lineOf(I, '  pve:\n'), 3, `Proxmox has container 120 "scratch" on pve that the inventory does not declare ${read}`],
    ['proxmox-unmanaged-container', lineOf(I, '  pve:\n'), 3, `Proxmox has VM 130 "win" on pve that the inventory does not declare ${read}`],
    ['proxmox-container-missing', lineOf(I, '  LXC_HOME:'), 2, `LXC_HOME: Proxmox has no guest with vmid 101 or hostname home on pve ${read}`],
    ['proxmox-node-drift', lineOf(I, 'host: pve', '  LXC_proxy:'), 2, `LXC_proxy: the inventory says host pve (node pve), Proxmox runs vmid 102 on node pve2, which is inventory host pve2 ${read}`],
    ['proxmox-vmid-drift', lineOf(I, 'vmid: 105'), 2, `LXC_monitoring: the inventory says vmid 105, Proxmox says 115 for "monitoring" ${read}`],
    ['proxmox-tags-drift', lineOf(I, 'tags: [monitoring]'), 3, `LXC_monitoring: the inventory says tags [monitoring], Proxmox says [monitoring, prod] ${read}`],
    ['proxmox-hostname-drift', lineOf(I, 'hostname: plane'), 3, `LXC_plane: the inventory says hostname plane, Proxmox says plane-new ${read}`],
    ['proxmox-address-drift', lineOf(I, 'ip: 192.168.8.87'), 2, `LXC_liftcraftTEST: the inventory says ip 192.168.8.87, Proxmox's net0 says ip=192.168.8.97 ${read}`],
    ['proxmox-address-drift', lineOf(I, 'ip: 192.168.8.88'), 2, `LXC_portfolioprod: the inventory says ip 192.168.8.88, the running container reports 192.168.8.98 ${read}`],
    ['proxmox-container-stopped', lineOf(I, '  LXC_mailer:'), 3, `LXC_mailer: Proxmox says vmid 109 is stopped on node pve ${read}`],
  ]);

  const fixed = async (rule: string, match: string): Promise<string> => {
    const d = found.find((x) => x.code === rule && x.message.includes(match));
    assert.ok(d, `${rule} ${match}`);
    const list = await actions(d);
    const take = list.filter((a) => a.title.startsWith("Take Proxmox's value") || a.title.startsWith('Add '));
    assert.equal(take.length, 1, `${rule}: ${list.map((a) => a.title).join(', ')}`);
    return applyEdits(inventory, take[0].edit.changes[invUri]);
  };
  assert.equal(await fixed('proxmox-vmid-drift', 'vmid 105'), I.replace('    vmid: 105\n', '    vmid: 115\n'));
  assert.equal(await fixed('proxmox-node-drift', 'LXC_proxy'), I.replace('  LXC_proxy:\n    host: pve\n', '  LXC_proxy:\n    host: pve2\n'));
  assert.equal(await fixed('proxmox-hostname-drift', 'plane'), I.replace('    hostname: plane\n', '    hostname: plane-new\n'));
  assert.equal(await fixed('proxmox-address-drift', '192.168.8.87'), I.replace('    ip: 192.168.8.87\n', '    ip: 192.168.8.97\n'));
  assert.equal(await fixed('proxmox-address-drift', '192.168.8.88'), I.replace('    ip: 192.168.8.88\n', '    ip: 192.168.8.98\n'));
  assert.equal(await fixed('proxmox-tags-drift', 'tags'), I.replace('    tags: [monitoring]\n', '    tags: [monitoring, prod]\n'));
  const added = I.replace(
    '    update: "Sat *-*-* 07:35:00"\n',
    '    update: "Sat *-*-* 07:35:00"\n  scratch:\n    host: pve\n    vmid: 120\n    ip: 192.168.8.120\n    hostname: scratch\n    tags: [test]\n',
  );
  assert.equal(await fixed('proxmox-unmanaged-container', '120 "scratch"'), added);
  // A VM without an address: an entry with what is known.
  assert.equal(await fixed('proxmox-unmanaged-container', '130 "win"'), I.replace('    update: "Sat *-*-* 07:35:00"\n', '    update: "Sat *-*-* 07:35:00"\n  win:\n    host: pve\n    vmid: 130\n'));

  // Stopped and missing have nothing to take.
  for (const rule of ['proxmox-container-stopped', 'proxmox-container-missing']) {
    const d = found.find((x) => x.code === rule);
    assert.ok(d);
    assert.deepEqual((await actions(d)).filter((a) => a.title.startsWith('Take')), [], rule);
  }
  // A diagnostic whose data no longer matches the server's drift gets no fix.
  const vmid = found.find((x) => x.code === 'proxmox-vmid-drift');
  assert.ok(vmid);
  const forged = { ...vmid, data: { ...(vmid.data as object), proxmox: 999 } };
  assert.deepEqual((await actions(forged)).filter((a) => a.title.startsWith('Take')), []);
});

test('the topology carries the access, the live state and the unmanaged guests', async () => {
  const t = await client.request<Topology>('homelab/topology', {});
  const lab = t.homelabs[0];
  const pve = lab.hosts.find((h) => h.name === 'pve');
  assert.deepEqual(pve?.proxmox, {
    host: 'pve',
    via: 'api',
    node: 'pve',
    user: 'root',
    api: 'https://127.0.0.1:1',
    tokenId: 'homelab@pve!editor',
    caFile: path.join(root, 'certs', 'pve-root-ca.pem'),
    address: '192.168.8.82',
  });
  assert.equal(pve?.live?.via, 'api');
  assert.equal(pve?.live?.readAt, readAt);
  assert.equal(pve?.live?.error, undefined);
  assert.deepEqual(pve?.live?.unmanaged.map((g) => [g.vmid, g.type, g.name]), [[120, 'lxc', 'scratch'], [130, 'qemu', 'win']]);
  const pve2 = lab.hosts.find((h) => h.name === 'pve2');
  assert.deepEqual([pve2?.proxmox?.via, pve2?.live], ['api', undefined]);
  assert.equal(lab.hosts.find((h) => h.name === 'truenas')?.proxmox, undefined);
  const c = new Map(lab.machines.map((x) => [x.name, x.live]));
  assert.deepEqual(c.get('LXC_HOME'), { status: 'missing' });
  assert.deepEqual(c.get('LXC_proxy'), { status: 'running', node: 'pve2' });
  assert.deepEqual(c.get('LXC_mailer'), { status: 'stopped', node: 'pve' });
  assert.deepEqual(c.get('LXC_portfolioprod'), { status: 'running', node: 'pve', liveAddresses: ['192.168.8.98'] });
});

test('a fix applied in the editor: its diagnostic goes', async () => {
  const text = inventory.replace('    vmid: 105\n', '    vmid: 115\n');
  client.notify('textDocument/didOpen', { textDocument: { uri: invUri, languageId: 'yaml', version: 1, text } });
  const after = await until((d) => !d.some((x) => x.code === 'proxmox-vmid-drift') && d.some((x) => x.code === 'proxmox-tags-drift'), 'vmid drift gone');
  assert.equal(drift(after).length, 9);
});

test('a failed read: the drift diagnostics disappear and the tree says why', async () => {
  const changed = client.notifications.filter((m) => m.method === 'homelab/topologyChanged').length;
  send([{ host: 'pve', via: 'api', readAt, error: 'connect ECONNREFUSED 127.0.0.1:1', guests: [] }]);
  await until((d) => drift(d).length === 0, 'drift diagnostics gone');
  await client.waitForNotification(() => client.notifications.filter((m) => m.method === 'homelab/topologyChanged').length > changed, 5000);
  const t = await client.request<Topology>('homelab/topology', {});
  const pve = t.homelabs[0].hosts.find((h) => h.name === 'pve');
  assert.deepEqual(pve?.live, { via: 'api', readAt, error: 'connect ECONNREFUSED 127.0.0.1:1', unmanaged: [] });
  assert.ok(t.homelabs[0].machines.every((x) => x.live === undefined));
});
