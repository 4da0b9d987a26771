// The tree of a large fleet at once, over a real stdio connection: asked as
// the extension asks (as soon as `initialize` is answered), a generated
// flake-parts fleet is answered names first, every machine marked as still
// being read; `homelab/topologyChanged` follows once the build is done
// (before the rules' check ends), and the next answer lists the same
// machines, read (addresses, no mark). A layout whose names only the build
// knows (a colmena hive) is answered built, and so is a folder whose
// settings (read from the client first) name an inventory elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspClient, repoRoot } from './lspClient';
import type { MachineNode, Topology } from '../../server/src/protocol/customMessages';
import { generateFlakeParts } from '../../bench/generateFlakeParts';

const machinesOf = (t: Topology): MachineNode[] => t.homelabs.flatMap((h) => h.machines);
const isTopologyChanged = (m: { method?: string }): boolean => m.method === 'homelab/topologyChanged';

/** The first topology answer (asked right after `initialize`) and the one after the next `homelab/topologyChanged`. */
async function firstThenBuilt(folder: string, settings?: unknown): Promise<{ first: MachineNode[]; built: MachineNode[]; changedBeforeEnd: boolean }> {
  const client = new LspClient();
  if (settings) client.requestHandlers.set('workspace/configuration', (p) => ((p as { items?: unknown[] }).items ?? []).map(() => settings));
  try {
    await client.initialize(folder);
    const first = machinesOf(await client.request<Topology>('homelab/topology', {}));
    await client.waitForNotification((m) => m.method === '$/progress' && (m.params as { value?: { kind?: string } }).value?.kind === 'end', 60000);
    // Names first promised a notification once the build is done.
    if (first.some((m) => m.reading)) await client.waitForNotification(isTopologyChanged, 60000);
    const built = machinesOf(await client.request<Topology>('homelab/topology', {}));
    // The built topology is announced once the homelab is built, before the rules' check ends.
    const changed = client.notifications.findIndex(isTopologyChanged);
    const end = client.notifications.findIndex((m) => m.method === '$/progress' && (m.params as { value?: { kind?: string } }).value?.kind === 'end');
    return { first, built, changedBeforeEnd: changed >= 0 && changed < end };
  } finally {
    await client.shutdown();
  }
}

test('a generated flake-parts fleet: the first answer lists every machine as reading, the next lists them read', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-names-first-lsp-'));
  try {
    const fleet = generateFlakeParts(120, dir);
    const { first, built, changedBeforeEnd } = await firstThenBuilt(dir);
    assert.ok(changedBeforeEnd, 'homelab/topologyChanged comes before the start-up check ends');
    const names = [...fleet.machines].sort();
    assert.deepEqual(first.map((m) => m.name).sort(), names);
    assert.ok(first.every((m) => m.reading === true), 'every machine of the first answer is marked reading');
    assert.ok(first.every((m) => m.ip === undefined && m.deployTarget === undefined), 'nothing is claimed of an address before it is read');
    assert.deepEqual(built.map((m) => m.name).sort(), names);
    assert.ok(built.every((m) => m.reading === undefined), 'the built answer marks none');
    assert.ok(built.every((m) => m.ip !== undefined), 'every machine has its address once read');
    const byName = new Map(built.map((m) => [m.name, m]));
    for (const m of first) {
      const b = byName.get(m.name)!;
      assert.equal(m.configUri, b.configUri, `${m.name}: configuration file`);
      assert.equal(m.deploy.method, b.deploy.method, `${m.name}: deploy method`);
      assert.deepEqual(m.location, b.location, `${m.name}: declaration place`);
      assert.equal(m.group, b.group, `${m.name}: tree group`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a colmena hive, whose names only the build knows, is answered built at once', async () => {
  const { first, built } = await firstThenBuilt(path.join(repoRoot, 'test', 'fixtures', 'fleets', 'colmena-hive'));
  assert.ok(first.length > 0);
  assert.ok(first.every((m) => m.reading === undefined));
  assert.deepEqual(first.map((m) => m.name).sort(), built.map((m) => m.name).sort());
});

test('settings are read before the first answer: an inventory the settings name elsewhere is part of it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-names-first-lsp-'));
  try {
    cpSync(path.join(repoRoot, 'test', 'fixtures', 'fleets', 'flake-hosts'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'lab'));
    writeFileSync(path.join(dir, 'lab', 'inventory.yaml'), 'version: 1\ncontainers:\n  printer:\n    ip: 192.168.8.50\n');
    const { first, built } = await firstThenBuilt(dir, { inventory: 'lab/inventory.yaml' });
    assert.deepEqual(first.map((m) => m.name).sort(), ['gateway', 'media', 'monitor', 'printer']);
    assert.deepEqual(built.map((m) => m.name).sort(), ['gateway', 'media', 'monitor', 'printer']);
    assert.ok(first.every((m) => m.reading === undefined), 'an inventory: answered built');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
