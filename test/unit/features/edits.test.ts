// The minimal edits quick fixes and New Container make (edits.ts): a port
// added to a profile's list in order (or to the list it inherits), and an
// entry added to a list shaped like the last one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addListEntryEdit, addPortEdit } from '../../../server/src/features/edits';
import * as one from './oneMachineLab';

test('addPortEdit: into the profile\'s own list in order; extending the inherited list when the profile has none', () => {
  const own = one.A.replace('    ipAddress = "10.0.0.3";\n', '    ipAddress = "10.0.0.3";\n    allowedTCPPorts = [ 22 9100 ];\n');
  const ws = one.workspace({ 'profiles/LXC_a-config.nix': own });
  const h = ws.homelabFor(`${one.ROOT}/homelab.yaml`);
  assert.ok(h);
  const uri = `${one.ROOT}/profiles/LXC_a-config.nix`;
  const e1 = addPortEdit(ws, h, uri, 8080);
  assert.ok(e1);
  assert.equal(one.apply(own, e1), own.replace('[ 22 9100 ]', '[ 22 8080 9100 ]'));
  const ws2 = one.workspace();
  const h2 = ws2.homelabFor(`${one.ROOT}/homelab.yaml`);
  assert.ok(h2);
  const e2 = addPortEdit(ws2, h2, uri, 8080);
  assert.ok(e2);
  assert.equal(one.apply(one.A, e2), one.A.replace('    ipAddress = "10.0.0.3";\n', '    ipAddress = "10.0.0.3";\n    allowedTCPPorts = base.systemSettings.allowedTCPPorts ++ [ 8080 ];\n'));
});

test('addListEntryEdit: a new entry shaped like the last one, on its own line', () => {
  const mon = one.A.replace('    ipAddress = "10.0.0.3";\n', '    ipAddress = "10.0.0.3";\n    prometheusRemoteTargets = [\n      { name = "x";  host = "10.0.0.9"; nodePort = 9100; }\n    ];\n');
  const ws = one.workspace({ 'profiles/LXC_a-config.nix': mon });
  const e = addListEntryEdit(ws, `${one.ROOT}/profiles/LXC_a-config.nix`, 'prometheusRemoteTargets', { name: 'lxc_b', host: '10.0.0.4', nodePort: 9100 });
  assert.ok(e);
  assert.equal(one.apply(mon, e), mon.replace('nodePort = 9100; }\n', 'nodePort = 9100; }\n      { name = "lxc_b";  host = "10.0.0.4"; nodePort = 9100; }\n'));
});
