import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateHomelab } from './generate';
import { nodeFsHost } from '../server/src/model/host';
import { Workspace } from '../server/src/model/workspace';
import { checkAll } from '../server/src/checks/run';
const n = Number(process.argv[2]);
const fleet = generateHomelab(n, path.join('/work/wt/editlat/bench/.generated', `probe-${n}`));
const ws = new Workspace(nodeFsHost());
ws.addFolder(pathToFileURL(fleet.dir).href);
const all = checkAll(ws);
let d = 0; const rules = new Map<string, number>();
for (const l of all.values()) { d += l.length; for (const x of l) rules.set(x.rule, (rules.get(x.rule) ?? 0) + 1); }
console.log(`files with diagnostics ${all.size}, diagnostics ${d}`, Object.fromEntries(rules));
