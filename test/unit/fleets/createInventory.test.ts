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

/** Each machine's deploy as `homelab-check machines` gives it. */
async function deploys(dir: string): Promise<string[]> {
  const out: string[] = [];
  await main(['machines', dir, '--format', 'json'], (s) => out.push(s), () => undefined);
  const rows = (JSON.parse(out.join('\n')) as { machines: { name: string; deploy?: unknown; deployTargets?: string[] }[] }).machines;
  return rows.map((m) => `${m.name} ${JSON.stringify(m.deploy ?? null)} ${JSON.stringify(m.deployTargets ?? [])}`);
}

for (const layout of readdirSync(FLEETS).sort()) {
  const expected = JSON.parse(readFileSync(join(FLEETS, layout, 'expected.json'), 'utf8')) as {
    machines: { name: string; addresses: string[]; deployMethod: string | null }[];
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
      const deploysBefore = await deploys(dir);
      const created = inventoryFromProfiles(ws, pathToUri(dir));
      const inv = parse(created.text) as { deploy?: { method: string }; networks: Record<string, { cidr: string }>; containers: Record<string, { ip?: string; deploy?: { method: string } }> };
      // A machine with no address found is written commented out (a container needs its `ip`), ready to complete.
      const addressed = expected.machines.filter((m) => m.addresses.length);
      assert.deepEqual(Object.keys(inv.containers).sort(), addressed.map((m) => m.name).sort());
      for (const m of expected.machines.filter((w) => !w.addresses.length)) assert.match(created.text, new RegExp(`\\n  # ${m.name}: no address found`), m.name);
      for (const m of addressed) {
        assert.equal(inv.containers[m.name].ip, m.addresses[0], m.name);
        assert.equal(inv.containers[m.name].deploy?.method ?? inv.deploy?.method ?? null, m.deployMethod, m.name);
      }
      // A network is written for the addresses found; a fleet read by name only has none to write.
      if (expected.machines.some((m) => m.addresses.length)) assert.ok(Object.values(inv.networks).length > 0);
      else assert.equal(inv.networks, undefined);
      assert.match(created.text, /# (flake|colmena|deploy-rs|snowfall|clan|nixos-unified|lite-config|den|morph|convention) /);
      writeFileSync(join(dir, 'homelab.yaml'), created.text);
      // The inventory it writes moves no deploy: same method, target, fallbacks, on-the-machine deploys.
      assert.deepEqual(await deploys(dir), deploysBefore);
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
