// The tree's topology keeps each unchanged machine's node between builds
// (MachineNodeMemo): a keystroke in one profile of a large fleet makes that
// machine's node again, not every machine's. What is kept must never show:
// after each kind of edit the kept build equals a build made from nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeFsHost } from '../../../server/src/model/host';
import { Workspace } from '../../../server/src/model/workspace';
import { LineIndexes } from '../../../server/src/protocol/convert';
import type { ServerContext } from '../../../server/src/protocol/context';
import { MachineNodeMemo, topology } from '../../../server/src/protocol/topology';

const EXAMPLE = path.resolve(__dirname, '../../../examples/homelab');

test('an edit to one profile makes one machine node again, and the kept build equals a fresh one', () => {
  const ws = new Workspace(nodeFsHost());
  ws.addFolder(pathToFileURL(EXAMPLE).href);
  const ctx = { workspace: ws, lines: new LineIndexes(ws) } as unknown as ServerContext;
  const memo = new MachineNodeMemo();
  const first = topology(ctx, memo);
  const machines = first.homelabs[0].machines.length;
  assert.ok(machines >= 5, `the example has its machines (${machines})`);
  assert.equal(memo.made, machines);

  const mailer = path.join(EXAMPLE, 'profiles', 'LXC_mailer-config.nix');
  const mailerUri = pathToFileURL(mailer).href;
  const original = readFileSync(mailer, 'utf8');
  let version = 1;
  const rebuilt = (): number => {
    const before = memo.made;
    const kept = topology(ctx, memo);
    assert.deepEqual(kept, topology(ctx), 'the kept build is the build');
    return memo.made - before;
  };

  assert.equal(rebuilt(), 0, 'nothing changed: every node kept');
  ws.setDocument(mailerUri, original.replace('uptimeKumaEnable = true', 'uptimeKumaEnable = false'), ++version);
  assert.equal(rebuilt(), 1, 'a flag in one profile: that machine only');
  const mailerNode = topology(ctx, memo).homelabs[0].machines.find((m) => m.name === 'LXC_mailer');
  assert.ok(mailerNode && !mailerNode.flagsOn.includes('uptimeKumaEnable'));

  // The inventory is read by every node (deploy defaults, services, places): every node is made again.
  const inventory = path.join(EXAMPLE, 'homelab.yaml');
  ws.setDocument(pathToFileURL(inventory).href, `# a comment line moves every place down\n${readFileSync(inventory, 'utf8')}`, 1);
  assert.equal(rebuilt(), machines, 'an inventory edit: every machine');
  const moved = topology(ctx, memo).homelabs[0].machines.find((m) => m.name === 'LXC_mailer');
  assert.equal(moved?.location?.line, (mailerNode?.location?.line ?? -2) + 1, 'the places follow the edit');
});
