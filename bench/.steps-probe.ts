// probe: times each step of the whole check after a one-char edit of the small profile
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateHomelab } from './generate';
import { nodeFsHost } from '../server/src/model/host';
import { Workspace } from '../server/src/model/workspace';
import { checkAll, checkAllSteps, checkDocumentQuick } from '../server/src/checks/run';

const n = Number(process.argv[2] ?? 1000);
const fleet = generateHomelab(n, path.join(__dirname, '.generated', `probe-${n}`));
const ws = new Workspace(nodeFsHost());
ws.addFolder(pathToFileURL(fleet.dir).href);
const uri = pathToFileURL(fleet.smallProfile).href;
const text = readFileSync(fleet.smallProfile, 'utf8');
let t = performance.now();
const cpu0 = process.cpuUsage();
checkAll(ws);
const cpu1 = process.cpuUsage(cpu0);
console.log(`first check ${(performance.now() - t).toFixed(0)} ms, cpu ${((cpu1.user + cpu1.system) / 1000).toFixed(0)} ms`);
const at = text.indexOf('defaultGateway =');
const typo = (i: number) => (i % 2 ? text : text.slice(0, at + 13) + 'Q' + text.slice(at + 14));
ws.setDocument(uri, typo(1), 1);
checkAll(ws);
const agg = new Map<string, number[]>();
for (let i = 0; i < Number(process.env.EDITS ?? 6); i++) {
  ws.setDocument(uri, typo(i), i + 2);
  t = performance.now();
  checkDocumentQuick(ws, uri, undefined);
  const q = performance.now() - t;
  (agg.get('quick') ?? agg.set('quick', []).get('quick')!).push(q);
  const steps = checkAllSteps(ws);
  let total = 0;
  let steps_i = 0;
  let cur = 'start';
  for (;;) {
    ws.engine.resetCounts();
    t = performance.now();
    const c0 = process.cpuUsage();
    const r = steps.next();
    const wall = performance.now() - t;
    const cu = process.cpuUsage(c0);
    const d = Math.min(wall, (cu.user + cu.system) / 1000);
    total += d;
    let label = JSON.stringify(ws.engine.recomputations());
    if (label === '{}') label = process.env.ATTRIB ? cur : `{} step ${Math.floor(steps_i / 50) * 50}`;
    else cur = label;
    steps_i++;
    if (i > 0) { if (process.env.ATTRIB) { const a = agg.get(label) ?? agg.set(label, []).get(label)!; if (a.length < i) a.push(0); a[i - 1] = (a[i - 1] ?? 0) + d; } else (agg.get(label) ?? agg.set(label, []).get(label)!).push(d); }
    if (r.done) break;
  }
  console.log(`edit ${i}: quick ${q.toFixed(1)} ms, whole ${total.toFixed(0)} ms`);
}
const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const rows = [...agg].map(([k, v]) => [k, Math.max(...v), v.length, med(v)] as const).sort((a, b) => b[1] - a[1]);
for (const [k, max, c, m] of rows.slice(0, 30)) console.log(`${max.toFixed(1).padStart(7)} ms max ${m.toFixed(1).padStart(6)} med x${c}  ${k.slice(0, 200)}`);
