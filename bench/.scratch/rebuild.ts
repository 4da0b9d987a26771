import { checkAll, checkDocumentQuick } from '../../server/src/checks/run';
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
ws.setDocument(small, text, 1);
checkAll(ws);
for (let i = 0; i < 6; i++) {
  text = i % 2 ? text.replace('defaultGatewayX', 'defaultGateway') : text.replace('defaultGateway', 'defaultGatewayX');
  ws.setDocument(small, text, i + 2);
  t = performance.now();
  const h = ws.homelabFor(small);
  const tb = performance.now() - t;
  process.env.HOMELAB_RULE_TIMING = i === 4 ? '1' : '';
  t = performance.now();
  checkAll(ws);
  console.log('rebuild', tb.toFixed(1), 'checkAll', (performance.now() - t).toFixed(1));
}
