import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateHomelab } from './generate';
import { nodeFsHost } from '../server/src/model/host';
import { Workspace } from '../server/src/model/workspace';
import { checkAll, checkDocumentQuick } from '../server/src/checks/run';
import { RULES } from '../server/src/checks/registry';
import { completion } from '../server/src/features/completion';

const n = Number(process.argv[2] ?? 1000);
const fleet = generateHomelab(n, path.join(__dirname, '.generated', `probe-${n}`));
const ws = new Workspace(nodeFsHost());
ws.addFolder(pathToFileURL(fleet.dir).href);
const uri = pathToFileURL(fleet.smallProfile).href;
const text = readFileSync(fleet.smallProfile, 'utf8');
checkAll(ws);
const at = text.indexOf('defaultGateway =');
const typo = (i: number) => (i % 2 ? text : text.slice(0, at + 13) + 'Q' + text.slice(at + 14));
const times = new Map<string, number[]>();
const add = (k: string, v: number) => (times.get(k) ?? times.set(k, []).get(k)!).push(v);
for (let i = 0; i < 12; i++) {
  ws.setDocument(uri, typo(i), i + 2);
  let t = performance.now();
  checkDocumentQuick(ws, uri, undefined);
  add('quick', performance.now() - t);
  const h = ws.lastBuiltHomelabFor(uri)!;
  t = performance.now();
  ws.evaluate(uri);
  add('evaluate (again)', performance.now() - t);
  for (const r of RULES) {
    if (r.scope !== 'document' || !r.checkFile) continue;
    t = performance.now();
    r.checkFile({ workspace: ws, homelab: h }, uri);
    add(r.id, performance.now() - t);
  }
  t = performance.now();
  ws.homelabAround(uri);
  add('homelabAround', performance.now() - t);
  t = performance.now();
  completion(ws, uri, at + 14);
  add('completion', performance.now() - t);
}
const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
for (const [k, v] of [...times].sort((a, b) => med(b[1]) - med(a[1])).slice(0, 12)) console.log(`${med(v).toFixed(2).padStart(7)} ms med  ${k}`);
