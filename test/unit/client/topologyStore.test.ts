// The client's topology store without an editor: the first topology is read
// once however many commands wait for it; a failed read keeps the last
// topology and says why; listeners hear `topology` and `status`; and a
// machine's reachability follows its probes: the first answering address of
// a deploy list, an SSH port answering something else, Prometheus's `up`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MachineNode, Topology } from '../../../server/src/protocol/customMessages';
import type { Reachability } from '../../../client/src/probes/reachability';
import { TopologyStore, type StoreChange } from '../../../client/src/store/topologyStore';

const machine = (name: string, extra: Partial<MachineNode> = {}): MachineNode => ({
  name, configExists: true, services: [], flagsOn: [], deploy: { method: 'ssh-script' }, ...extra,
});

const lab = (rootUri: string, machines: MachineNode[]): Topology['homelabs'][number] => ({
  rootUri, name: rootUri.split('/').pop() ?? rootUri, networks: [], hosts: [], machines, services: [],
});

test('the first topology is read once for every command that waits; refresh reads again', async () => {
  let reads = 0;
  const store = new TopologyStore(async () => {
    reads++;
    return { homelabs: [lab('file:///a', [machine('alpha')]), lab('file:///b', [machine('beta'), machine('gamma')])] };
  }, () => undefined);
  assert.deepEqual(store.machines(), []);
  await Promise.all([store.ensureLoaded(), store.ensureLoaded(), store.ensureLoaded()]);
  assert.equal(reads, 1);
  assert.deepEqual(store.machines().map((m) => `${m.rootUri} ${m.machine.name}`), ['file:///a alpha', 'file:///b beta', 'file:///b gamma']);
  await store.refresh();
  await store.ensureLoaded();
  assert.equal(reads, 2);
});

test('a failed read keeps the last topology, says why, and still tells the listeners', async () => {
  let fail = false;
  const log: string[] = [];
  const store = new TopologyStore(async () => {
    if (fail) throw new Error('server gone');
    return { homelabs: [lab('file:///a', [machine('alpha')])] };
  }, (m) => log.push(m));
  const heard: StoreChange[] = [];
  store.onDidChange((c) => heard.push(c));
  await store.refresh();
  fail = true;
  await store.refresh();
  assert.deepEqual(store.machines().map((m) => m.machine.name), ['alpha']);
  assert.deepEqual(log, ['Could not read the topology from the server: Error: server gone']);
  assert.deepEqual(heard, ['topology', 'topology']);
});

test('listeners hear status changes, stop hearing once disposed, and one that throws does not stop the others', async () => {
  const log: string[] = [];
  const store = new TopologyStore(async () => ({ homelabs: [] }), (m) => log.push(m));
  const heard: string[] = [];
  store.onDidChange(() => {
    throw new Error('boom');
  });
  const sub = store.onDidChange((c) => heard.push(c));
  store.setHealth('alpha', { status: 'failed', summary: '1 of 2 checks failed' });
  store.setProbed(new Map(), new Map());
  sub.dispose();
  store.setHealth('alpha', { status: 'passed', summary: '2 checks passed' });
  assert.deepEqual(heard, ['status', 'status']);
  assert.equal(log.length, 3);
  assert.match(log[0], /listener of the topology store failed: Error: boom/);
  assert.deepEqual(store.healthOf('alpha'), { status: 'passed', summary: '2 checks passed' });
  assert.equal(store.healthOf('beta'), undefined);
});

test("a machine's reachability: its probes, a deploy list's first answering address, Prometheus's up", () => {
  const store = new TopologyStore(async () => ({ homelabs: [] }), () => undefined);
  const ssh = new Map<string, Reachability>([
    ['127.0.0.1', 'reachable'],
    ['127.0.0.2', 'unreachable'],
    ['127.0.0.3', 'not-ssh'],
    ['127.0.0.5', 'unreachable'],
    ['127.0.0.6', 'reachable'],
  ]);
  const up = new Map([['127.0.0.2', true], ['127.0.0.3', true], ['127.0.0.4', false]]);
  store.setProbed(ssh, up);
  const of = (m: MachineNode): [Reachability, string | undefined] => [store.reachabilityOf(m), store.answeredVia(m)];
  assert.deepEqual(of(machine('plain', { ip: '127.0.0.1' })), ['reachable', undefined]);
  // Prometheus says up although SSH did not answer: up wins over no answer…
  assert.deepEqual(of(machine('exporter', { ip: '127.0.0.2' })), ['reachable', undefined]);
  // …but not over a port that answers something other than SSH.
  assert.deepEqual(of(machine('wrong-port', { ip: '127.0.0.3' })), ['not-ssh', undefined]);
  assert.deepEqual(of(machine('down', { ip: '127.0.0.4' })), ['unreachable', undefined]);
  assert.deepEqual(of(machine('never-probed', { ip: '127.0.0.9' })), ['unknown', undefined]);
  assert.deepEqual(of(machine('no-ip')), ['unknown', undefined]);
  // A deploy list: the first of its addresses in order that answered, even when its ip did not.
  assert.deepEqual(of(machine('roaming', { ip: '127.0.0.5', deployTargets: ['127.0.0.5', 'roam.lan', '127.0.0.6', '127.0.0.1'] })), ['reachable', '127.0.0.6']);
});
