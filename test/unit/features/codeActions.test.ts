// Code actions, called on the analysis directly: the real checks run on the
// fixture, the diagnostics under the cursor are handed in as an editor does,
// and every offered fix is written out with its edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions } from '../../../server/src/features/codeActions';
import { checkAll } from '../../../server/src/checks/run';
import { fixture, place } from './check';
import { FILES } from './lab';

/** `title (kind, preferred)` then its edits as `file:line:col «old» → new`, for the diagnostics under the cursor. */
function actionsAt(files: Record<string, string>): string[] {
  const fx = fixture(files);
  const here = (checkAll(fx.ws).get(fx.uri) ?? []).filter((d) => d.span.start <= fx.offset && fx.offset <= d.span.end);
  const input = here.map((d) => ({ rule: d.rule, span: d.span, message: d.message, data: d.data as Record<string, unknown> | undefined }));
  return codeActions(fx.ws, fx.uri, input, { start: fx.offset, end: fx.offset }).flatMap((a) => [
    `${a.title} (${a.kind}${a.preferred ? ', preferred' : ''})`,
    ...[...a.edit.changes].flatMap(([uri, edits]) => edits.map((e) => `  ${place(fx.ws, uri, e.span)} → ${JSON.stringify(e.newText)}`)),
  ]);
}

const INV = FILES['homelab.yaml'];
const DB = FILES['profiles/LXC_db-config.nix'];

test('a misspelt service in a container list: the close match, or declaring it', () => {
  assert.deepEqual(actionsAt({ ...FILES, 'homelab.yaml': INV.replace('services: [store]', 'services: [st$0or]') }), [
    'Replace with `store` (quickfix, preferred)',
    '  homelab.yaml:18:16 «stor» → "store"',
    'Declare service `stor` in services (quickfix)',
    '  homelab.yaml:23:15 «» → "\\n  stor:\\n    port: 80"',
  ]);
});

test("a service's port the profile does not open: open it in the machine's allowedTCPPorts, extending the base list", () => {
  assert.deepEqual(actionsAt({ ...FILES, 'homelab.yaml': INV.replace('services: [site]', 'services: [s$0ite]') }), [
    "Open port 8080 in LXC_web's allowedTCPPorts (quickfix, preferred)",
    '  profiles/LXC_web-config.nix:8:1 «» → "    allowedTCPPorts = base.systemSettings.allowedTCPPorts ++ [ 8080 ];\\n"',
  ]);
});

test('a profile address that disagrees with the inventory and duplicates another machine: both directions, and a free address', () => {
  assert.deepEqual(actionsAt({ ...FILES, 'profiles/LXC_db-config.nix': DB.replace('"10.1.0.6"', '"10.1.$00.5"') }), [
    'Set the inventory to `10.1.0.5` (as the profile says) (quickfix)',
    '  homelab.yaml:17:9 «10.1.0.6» → "10.1.0.5"',
    'Set the profile to `10.1.0.6` (as the inventory says) (quickfix)',
    '  profiles/LXC_db-config.nix:7:18 «10.1.0.5» → "10.1.0.6"',
    'Use the free address 10.1.0.3 (lan) (quickfix, preferred)',
    '  profiles/LXC_db-config.nix:7:18 «10.1.0.5» → "10.1.0.3"',
  ]);
});

test('a clean spot offers nothing', () => {
  assert.deepEqual(actionsAt({ ...FILES, 'profiles/LXC_db-config.nix': DB.replace('hostname', 'host$0name') }), []);
});
