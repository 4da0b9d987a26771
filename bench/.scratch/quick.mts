import { checkAll, checkDocumentQuick } from '../../server/src/checks/run.ts';
import { nodeFsHost } from '../../server/src/model/host.ts';
import { pathToUri } from '../../server/src/model/uri.ts';
import { Workspace } from '../../server/src/model/workspace.ts';
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
const root = process.argv[2];
const ws = new Workspace(nodeFsHost());
ws.addFolder(pathToUri(root));
checkAll(ws);
const big = pathToUri(root + '/profiles/' + fs.readdirSync(root + '/profiles').find((f) => f.includes('monitor')));
let text = fs.readFileSync(new URL(big), 'utf8');
ws.setDocument(big, text, 1);
checkAll(ws);
const session = new Session(); session.connect();
await session.post('Profiler.enable'); 
const times: number[] = [];
for (let i = 0; i < 40; i++) {
  if (i === 10) await session.post('Profiler.start');
  text = i % 2 ? text.replace(/prometheusRetentionX[0-9]*/, 'prometheusRetention') : text.replace('prometheusRetention', 'prometheusRetentionX' + i);
  ws.setDocument(big, text, i + 2);
  const t = performance.now();
  const d = checkDocumentQuick(ws, big, undefined);
  times.push(performance.now() - t);
}
const { profile } = await session.post('Profiler.stop');
fs.writeFileSync('/tmp/quick.cpuprofile', JSON.stringify(profile));
console.log(times.map((t) => t.toFixed(0)).join(' '));
