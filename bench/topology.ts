// The tree's topology at fleet scale, in process: a generated fleet (default
// 10,000 machines, TOPO_N=) is checked, then one setting of the small profile
// is changed back and forth, and after each edit the topology is built as the
// server's TopologyNotifier builds it (with its per-machine memo), then
// serialised and hashed whole. Prints per edit the build time, the JSON's size
// and time, and the machine nodes made so far: the slice a keystroke in
// VS Code (which shows the tree) can land behind, 500 ms after the last change.
//   node --import tsx bench/topology.ts
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { generateHomelab, generatedRoot } from './generate';
import { nodeFsHost } from '../server/src/model/host';
import { Workspace } from '../server/src/model/workspace';
import { checkAll } from '../server/src/checks/run';
import { LineIndexes } from '../server/src/protocol/convert';
import { MachineNodeMemo, topology } from '../server/src/protocol/topology';
import type { ServerContext } from '../server/src/protocol/context';

const n = Number(process.env.TOPO_N ?? 10000);
const fleet = generateHomelab(n, path.join(generatedRoot, `after-edit-${n}`));
const ws = new Workspace(nodeFsHost());
ws.addFolder(pathToFileURL(fleet.dir).href);
checkAll(ws);
const ctx = { workspace: ws, lines: new LineIndexes(ws) } as unknown as ServerContext;
const memo = new MachineNodeMemo();
const uri = pathToFileURL(fleet.smallProfile).href;
const text = readFileSync(fleet.smallProfile, 'utf8');
const edited = text.replace(/defaultGateway = "[^"]*"/, 'defaultGateway = "10.99.0.1"');
if (edited === text) throw new Error(`no defaultGateway in ${fleet.smallProfile}`);
for (let i = 0; i < 8; i++) {
  ws.setDocument(uri, i % 2 ? text : edited, i + 1);
  checkAll(ws);
  const t0 = performance.now();
  const t = topology(ctx, memo);
  const t1 = performance.now();
  const json = JSON.stringify(t);
  const t2 = performance.now();
  createHash('sha1').update(json).digest('hex');
  const t3 = performance.now();
  console.log(`edit ${i}: build ${(t1 - t0).toFixed(0)} ms (machine nodes made so far ${memo.made}), whole JSON ${(t2 - t1).toFixed(0)} ms (${(json.length / 1e6).toFixed(1)} MB), its sha1 ${(t3 - t2).toFixed(0)} ms`);
}
const fresh = performance.now();
topology(ctx);
console.log(`the same topology built without the memo: ${(performance.now() - fresh).toFixed(0)} ms`);
