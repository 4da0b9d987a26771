// Names first (model/machines/namesFirst.ts): before a folder's first build,
// its machines by name from the flake's outputs alone. Honest or nothing: on
// every fleet fixture, the examples and generated flake-parts and flake
// fleets, the names given first are exactly the machines the build lists
// (with the same configuration file and deploy method where one is given),
// and the layouts whose names only the build knows give none. Controls: a
// file that could make a machine an installer ISO, an inventory, a hive
// beside the flake each turn names first off. The start-up's steps read
// discovery a machine at a time, names first is there between them, and the
// discovery query then finds the result done (computed once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { effectiveMachine } from '../../../server/src/model/effectiveMachine';
import { nodeFsHost } from '../../../server/src/model/host';
import { pathToUri } from '../../../server/src/model/uri';
import { Workspace } from '../../../server/src/model/workspace';
import { generateFlakeParts } from '../../../bench/generateFlakeParts';
import { generateFlake } from '../../../bench/generateFlake';

const FLEETS = join(__dirname, '../../fixtures/fleets');

/** Names first and the build, on one folder: names first is compared whole with the build's machines. */
function compare(dir: string): { early: string[] | undefined; built: string[] } {
  const ws = new Workspace(nodeFsHost());
  const root = pathToUri(dir);
  ws.addFolder(root);
  const early = ws.machinesBeforeBuild(root);
  const h = ws.homelabs()[0];
  const built = h ? [...h.machines.keys()].sort() : [];
  if (early) {
    assert.deepEqual(early.map((m) => m.name).sort(), built, `${dir}: the names given first are the build's machines`);
    for (const m of early) {
      const c = h.machines.get(m.name)!;
      if (m.configUri) assert.equal(m.configUri, c.configUri, `${m.name}: its configuration file`);
      assert.equal(m.method, effectiveMachine(h, c).deploy.method, `${m.name}: its deploy method`);
      assert.deepEqual(m.sources, c.nixos?.sources, `${m.name}: where it was found`);
    }
    // Once built, the build answers.
    assert.equal(ws.machinesBeforeBuild(root), undefined);
  }
  return { early: early?.map((m) => m.name).sort(), built };
}

test('every fleet fixture: the names given first are the machines the build lists, or none are given', () => {
  const given: string[] = [];
  for (const name of readdirSync(FLEETS).sort()) {
    const r = compare(join(FLEETS, name));
    if (r.early) given.push(name);
  }
  // The flake layouts whose names the flake's outputs settle; the others (hives, networks, conventions,
  // frameworks, an ISO among the images, a flake with no machine) wait for the build.
  assert.deepEqual(given, [
    'deploy-rs', 'flake-hosts', 'flake-parts', 'flake-parts-dendritic', 'flake-parts-evalmodule', 'flake-parts-modules', 'flake-parts-own-eval',
    'flake-pipes', 'flake-readdir-helper', 'host-table', 'json-hosts', 'nested-flake', 'networkd', 'pipes-not-enabled', 'toml-devices',
  ]);
});

test('the examples and the profile-set homelab (inventory, profiles) wait for the build', () => {
  for (const dir of [join(__dirname, '../../../examples/homelab'), join(__dirname, '../../fixtures/profile-set-homelab')]) {
    assert.equal(compare(dir).early, undefined, dir);
  }
});

test('generated fleets: 150 flake-parts machines in imported modules and 40 flake machines are all named first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'homelab-names-first-'));
  try {
    const parts = generateFlakeParts(150, join(dir, 'parts'));
    const r = compare(join(dir, 'parts'));
    assert.equal(r.early?.length, 150);
    assert.deepEqual(r.early, [...parts.machines].sort());
    const flake = generateFlake(40, join(dir, 'flake'));
    assert.deepEqual(compare(join(dir, 'flake')).early, [...flake.machines].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('controls: an ISO marker, an inventory or a hive beside the flake turn names first off', () => {
  const variants: Record<string, (dir: string) => void> = {
    'an installer module': (d) => writeFileSync(join(d, 'modules', 'installer.nix'), '{ modulesPath, ... }: { imports = [ "${modulesPath}/installer/cd-dvd/installation-cd-minimal.nix" ]; }\n'),
    'an inventory': (d) => writeFileSync(join(d, 'homelab.yaml'), 'hosts: {}\n'),
    'a hive': (d) => writeFileSync(join(d, 'hive.nix'), '{ meta = { }; }\n'),
  };
  for (const [what, change] of Object.entries(variants)) {
    const dir = mkdtempSync(join(tmpdir(), 'homelab-names-first-'));
    try {
      cpSync(join(FLEETS, 'flake-hosts'), dir, { recursive: true });
      assert.ok(compare(dir).early, 'the copy as it is: names first');
      const again = mkdtempSync(join(tmpdir(), 'homelab-names-first-'));
      cpSync(join(FLEETS, 'flake-hosts'), again, { recursive: true });
      change(again);
      assert.equal(compare(again).early, undefined, what);
      rmSync(again, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('start-up steps: discovery a machine at a time, names first between the steps, the discovery query computed once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'homelab-names-first-'));
  try {
    const fleet = generateFlakeParts(60, dir);
    const ws = new Workspace(nodeFsHost());
    const root = pathToUri(dir);
    ws.addFolder(root);
    const steps = ws.homelabSteps();
    // The flake's evaluation, then a few machines: the build is not done, the names are known.
    for (let i = 0; i < 5; i++) assert.equal(steps.next().done, false);
    // Some machines' modules are read, not all, and the discovery query has not run.
    const early = ws.engine.recomputations();
    assert.equal(early.discovery, undefined);
    assert.ok((early.evaluate ?? 0) > 0, 'the first machines are read');
    assert.deepEqual(ws.machinesBeforeBuild(root)?.map((m) => m.name).sort(), [...fleet.machines].sort());
    let n = 5;
    let r = steps.next();
    for (; !r.done; r = steps.next()) n++;
    assert.ok(n > 60, `a step per machine at least (${n} steps)`);
    assert.equal(r.value[0].machines.size, 60);
    assert.equal(ws.engine.recomputations().discovery, 1);
    assert.ok((early.evaluate ?? 0) < (ws.engine.recomputations().evaluate ?? 0), 'the other machines are read in later steps');
    assert.equal(ws.machinesBeforeBuild(root), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
