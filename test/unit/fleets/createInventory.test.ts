// Create Inventory on the fleet fixtures: the inventory is written from the
// discovered machines (addresses and their networks, deploy method, where each
// was found, colmena tags), and the folder with it checks as before: only the
// planted mistake of the fixture (now also on the inventory's copy of it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { main } from '../../../server/src/cli/main';
import { nodeFsHost } from '../../../server/src/model/host';
import { inventoryFromProfiles } from '../../../server/src/model/inventoryFromProfiles';
import { pathToUri } from '../../../server/src/model/uri';
import { Workspace } from '../../../server/src/model/workspace';

const FLEETS = join(__dirname, '../../fixtures/fleets');

for (const layout of readdirSync(FLEETS).sort()) {
  const expected = JSON.parse(readFileSync(join(FLEETS, layout, 'expected.json'), 'utf8')) as {
    machines: { name: string; addresses: string[]; deployMethod: string }[];
    mistake: { rule: string };
    stopped?: { file: string; line: number }[];
  };
  if (readdirSync(join(FLEETS, layout)).includes('homelab.yaml')) continue; // has its own inventory
  if (expected.machines.length === 0) continue; // a fleet that cannot be read has nothing to put in an inventory
  test(`${layout}: Create Inventory writes every machine, and the folder still has only its planted mistake`, async () => {
    const dir = mkdtempSync(join(tmpdir(), `hp-inv-${layout}-`));
    try {
      cpSync(join(FLEETS, layout), dir, { recursive: true });
      const ws = new Workspace(nodeFsHost());
      ws.addFolder(pathToUri(dir));
      const created = inventoryFromProfiles(ws, pathToUri(dir));
      const inv = parse(created.text) as { deploy?: { method: string }; networks: Record<string, { cidr: string }>; containers: Record<string, { ip?: string; deploy?: { method: string } }> };
      assert.deepEqual(Object.keys(inv.containers).sort(), expected.machines.map((m) => m.name).sort());
      for (const m of expected.machines) {
        assert.equal(inv.containers[m.name].ip, m.addresses[0], m.name);
        assert.equal(inv.containers[m.name].deploy?.method ?? inv.deploy?.method, m.deployMethod, m.name);
      }
      assert.ok(Object.values(inv.networks).length > 0);
      assert.match(created.text, /# (flake|colmena|deploy-rs|snowfall|clan|nixos-unified|lite-config|den|morph|convention) /);
      writeFileSync(join(dir, 'homelab.yaml'), created.text);
      const out: string[] = [];
      await main([dir, '--format', 'json'], (s) => out.push(s));
      const rules = new Set((JSON.parse(out.join('\n')) as { rule: string }[]).map((i) => i.rule));
      // Reading stops the fixture expects beside its machines stay said (as information).
      if (expected.stopped?.length && expected.mistake.rule !== 'discovery-stopped') rules.delete('discovery-stopped');
      assert.deepEqual([...rules], [expected.mistake.rule]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
