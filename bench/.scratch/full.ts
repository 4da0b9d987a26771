import { checkAll } from '../../server/src/checks/run';
import { nodeFsHost } from '../../server/src/model/host';
import { pathToUri } from '../../server/src/model/uri';
import { Workspace } from '../../server/src/model/workspace';
import * as fs from 'node:fs';
const root = process.argv[2];
const ws = new Workspace(nodeFsHost());
ws.addFolder(pathToUri(root));
let t = performance.now();
checkAll(ws);
console.log('cold checkAll', (performance.now() - t).toFixed(0));
const files = fs.readdirSync(root + '/profiles').filter((f) => f.endsWith('.nix'));
const small = pathToUri(root + '/profiles/' + files.find((f) => !f.includes('base') && !f.includes('monitor')));
let text = fs.readFileSync(new URL(small), 'utf8');
const out: string[] = [];
for (let i = 0; i < 20; i++) {
  text = i % 2 ? text.replace(/defaultGatewayX[0-9]*/, 'defaultGateway') : text.replace('defaultGateway', 'defaultGatewayX' + i);
  ws.setDocument(small, text, i + 2);
  process.env.HOMELAB_RULE_TIMING = i === 15 ? '1' : '';
  t = performance.now();
  checkAll(ws);
  out.push((performance.now() - t).toFixed(0));
}
console.log('full checks', out.join(' '));
