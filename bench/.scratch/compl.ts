import { checkAll } from '../../server/src/checks/run';
import { completion } from '../../server/src/features/completion';
import { nodeFsHost } from '../../server/src/model/host';
import { pathToUri } from '../../server/src/model/uri';
import { Workspace } from '../../server/src/model/workspace';
import * as fs from 'node:fs';
const root = process.argv[2];
const ws = new Workspace(nodeFsHost());
ws.addFolder(pathToUri(root));
checkAll(ws);
const files = fs.readdirSync(root + '/profiles').filter((f) => f.endsWith('.nix'));
const small = pathToUri(root + '/profiles/' + files.find((f) => !f.includes('base') && !f.includes('monitor')));
const original = fs.readFileSync(new URL(small), 'utf8');
const hostLine = original.indexOf('\n', original.indexOf('hostname')) + 1;
let text = original.slice(0, hostLine) + '    gra\n' + original.slice(hostLine);
const times: string[] = [];
let size = 0;
for (let i = 0; i < 30; i++) {
  text = text.replace(/    gra[f]*\n/, '    gra' + 'f'.repeat(i % 2) + '\n');
  ws.setDocument(small, text, i + 2);
  const t = performance.now();
  const items = completion(ws, small, hostLine + 7 + (i % 2));
  const t1 = performance.now();
  size = JSON.stringify(items).length;
  times.push(`${(t1 - t).toFixed(1)}+${(performance.now() - t1).toFixed(1)}`);
}
console.log(times.join(' '), 'json bytes', size);
