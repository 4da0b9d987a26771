// Code actions, called on the analysis directly: the real checks run on the
// fixture, the diagnostics under the cursor are handed in as an editor does,
// and every offered fix is written out with its edits; YAML quotes are kept,
// and corrupt text gets its offer rather than an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions } from '../../../server/src/features/codeActions';
import { checkAll } from '../../../server/src/checks/run';
import { fixture, place } from './check';
import { FILES } from './lab';
import * as one from './oneMachineLab';

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

test('codeActions: a replacement keeps YAML quotes; a declared service goes under services with the catalog port', () => {
  const inv = one.INV.replace('host: pve', 'host: "pvee"').replace('services: [web]', 'services: [web, jellyfin]');
  const ws = one.workspace({ 'homelab.yaml': inv });
  const uri = `${one.ROOT}/homelab.yaml`;
  const at = inv.indexOf('"pvee"');
  const [fix] = codeActions(ws, uri, [{ rule: 'unknown-reference', span: { start: at, end: at + 6 }, data: { replacement: 'pve' } }]);
  const edits = fix.edit.changes.get(uri);
  assert.ok(edits);
  assert.equal(one.apply(inv, edits[0]), one.INV.replace('services: [web]', 'services: [web, jellyfin]').replace('host: pve', 'host: "pve"'));
  const j = inv.indexOf('jellyfin');
  const [declare] = codeActions(ws, uri, [{ rule: 'unknown-reference', span: { start: j, end: j + 8 }, data: { service: 'jellyfin' } }]);
  const d = declare.edit.changes.get(uri);
  assert.ok(d);
  assert.equal(one.apply(inv, d[0]), `${inv}  jellyfin:\n    port: 8096\n`.replace('port: 8080\n  jellyfin', 'port: 8080\n  jellyfin'));
});

test('codeActions: a container key holding a lone surrogate (corrupt text) gets its rename offer, not an exception', () => {
  const inv = one.INV.replace('  LXC_a:\n', '  LXC\udc00_a:\n    profile: profiles/old-config.nix\n');
  const ws = one.workspace({ 'homelab.yaml': inv, 'profiles/old-config.nix': one.BASE });
  const uri = `${one.ROOT}/homelab.yaml`;
  const at = inv.indexOf('LXC');
  const actions = codeActions(ws, uri, [], { start: at, end: at + 3 });
  const rename = actions.find((a) => /config\.nix/.test(a.title));
  assert.ok(rename, JSON.stringify(actions.map((a) => a.title)));
  assert.match(JSON.stringify(rename.edit), /LXC\\ufffd_a-config\.nix|LXC\ufffd_a-config\.nix|LXC%EF%BF%BD_a-config\.nix/);
});
