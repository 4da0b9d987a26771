// Inventory-side completion (completeYaml), called on the analysis directly:
// free addresses for a container's ip, services for a container's list (a
// built-in one declares itself under services), and the keys an entry lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeYaml } from '../../../server/src/features/completionYaml';
import { neverCancelled } from '../../../server/src/features/types';
import { completionLines, fixture } from './check';
import { FILES } from './lab';

const INV = FILES['homelab.yaml'];

function completeAt(inventory: string): string[] {
  const fx = fixture({ ...FILES, 'homelab.yaml': inventory });
  const h = fx.ws.homelabAround(fx.uri);
  assert.ok(h);
  return completionLines(fx.ws, fx.uri, completeYaml(fx.ws, h, fx.uri, fx.ws.text(fx.uri) ?? '', fx.offset, neverCancelled));
}

test("a container's ip: the free addresses of its network, the first preselected", () => {
  assert.deepEqual(completeAt(INV.replace('    ip: 10.1.0.6', '    ip: $0')), [
    '10.1.0.3 [address] free in lan (10.1.0.0/28) → "10.1.0.3" @ 17:9 «» + preselect',
    '10.1.0.4 [address] free in lan (10.1.0.0/28) → "10.1.0.4" @ 17:9 «»',
    '10.1.0.7 [address] free in lan (10.1.0.0/28) → "10.1.0.7" @ 17:9 «»',
    '10.1.0.8 [address] free in lan (10.1.0.0/28) → "10.1.0.8" @ 17:9 «»',
    '10.1.0.9 [address] free in lan (10.1.0.0/28) → "10.1.0.9" @ 17:9 «»',
  ]);
});

test("a container's service list: declared services first; a built-in one adds its declaration with the usual port", () => {
  const items = completeAt(INV.replace('    services: [store]', '    services: [store, $0]'));
  assert.deepEqual(items.slice(0, 2), [
    'site [service] declared · port 8080 → "site" @ 18:23 «»',
    'nextcloud [service] built-in · usual port 80 · declares it in services: → "nextcloud" @ 18:23 «» + homelab.yaml:23:15 «» ← "\\n  nextcloud:\\n    port: 80"',
  ]);
  assert.ok(!items.some((l) => l.startsWith('store ')), 'store is listed already');
});

test('a new key in a service entry: the keys it does not have yet', () => {
  assert.deepEqual(completeAt(INV.replace('  store:\n', '  store:\n    $0\n')), [
    'url [key] → "url: " @ 23:5 «»',
    'expose [key] → "expose: " @ 23:5 «»',
    'proxy [key] → "proxy: " @ 23:5 «»',
    'protocol [key] → "protocol: " @ 23:5 «»',
    'description [key] → "description: " @ 23:5 «»',
  ]);
});
