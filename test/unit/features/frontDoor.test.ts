// The features' front door over an in-memory homelab (no LSP): cursor
// contexts in Nix and YAML, free addresses, minimal edits of quick fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryHost } from '../../../server/src/model/host';
import { Workspace } from '../../../server/src/model/workspace';
import { completion } from '../../../server/src/features/completion';
import { nixContextAt } from '../../../server/src/features/nixDoc';
import { yamlContextAt } from '../../../server/src/features/yamlDoc';
import { addPortEdit, addListEntryEdit } from '../../../server/src/features/edits';
import { freeAddresses, networkByName } from '../../../server/src/features/homelabInfo';
import { relPath } from '../../../server/src/features/completionNix';
import { codeActions } from '../../../server/src/features/codeActions';
import type { TextEdit } from '../../../server/src/features/types';
import { definition } from '../../../server/src/features/definition';
import { hover } from '../../../server/src/features/hover';

const ROOT = 'file:///mem';
const INV = `networks:
  lan:
    cidr: 10.0.0.0/29
    gateway: 10.0.0.1
    dns: [10.0.0.1]
hosts:
  pve:
    kind: proxmox
    ip: 10.0.0.2
containers:
  LXC_a:
    host: pve
    ip: 10.0.0.3
    services: [web]
services:
  web:
    port: 8080
`;
const BASE = `{
  systemSettings = {
    allowedTCPPorts = [ 22 ];
  };
  userSettings = { };
}
`;
const A = `let
  base = import ./LXC-base-config.nix;
in
{
  # comment kept
  systemSettings = base.systemSettings // {
    hostname = "a";
    ipAddress = "10.0.0.3";
  };
  userSettings = base.userSettings // { };
}
`;

function workspace(extra: Record<string, string> = {}): Workspace {
  const ws = new Workspace(memoryHost({ 'homelab.yaml': INV, 'profiles/LXC-base-config.nix': BASE, 'profiles/LXC_a-config.nix': A, ...extra }, ROOT));
  ws.addFolder(ROOT);
  return ws;
}

function apply(text: string, e: TextEdit): string {
  return text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
}

test('nixContextAt: a key being typed, a value, a nested scrape-target field, an import path, nothing in comments', () => {
  const t = 'let base = import ./b.nix; in { systemSettings = base.systemSettings // { grafanaEn x = 1; y = [ { host = ""; } ]; }; }';
  const key = nixContextAt('u1', t, t.indexOf('grafanaEn') + 9);
  assert.equal(key.kind, 'settingKey');
  if (key.kind === 'settingKey') assert.equal(key.prefix, 'grafanaEn');
  const host = nixContextAt('u1', t, t.indexOf('host = "') + 8);
  assert.equal(host.kind, 'settingValue');
  if (host.kind === 'settingValue') {
    assert.equal(host.key, 'y');
    assert.deepEqual(host.subKeys, ['host']);
    assert.ok(host.str);
  }
  const imp = nixContextAt('u1', t, t.indexOf('./b') + 2);
  assert.equal(imp.kind, 'importPath');
  const c = '{ systemSettings = { # gra\n }; }';
  assert.equal(nixContextAt('u2', c, c.indexOf('gra') + 3).kind, 'none');
  assert.equal(nixContextAt('u3', '{ other = { a|b = 1; }; }', 14).kind, 'none', 'not a settings block');
});

test('yamlContextAt: value of a key, block and flow list items, new key under a section', () => {
  const t = 'containers:\n  c1:\n    host: p\n    services:\n      - a\n      - \n    tags: [x, ]\n  \n';
  const host = yamlContextAt(t, t.indexOf('host: p') + 7);
  assert.deepEqual({ path: host?.path, kind: host?.kind, key: host?.key, prefix: host?.prefix }, { path: ['containers', 'c1'], kind: 'value', key: 'host', prefix: 'p' });
  const item = yamlContextAt(t, t.indexOf('      - \n') + 8);
  assert.deepEqual({ path: item?.path, kind: item?.kind, key: item?.key }, { path: ['containers', 'c1'], kind: 'item', key: 'services' });
  const flow = yamlContextAt(t, t.indexOf('[x, ') + 4);
  assert.deepEqual({ kind: flow?.kind, key: flow?.key }, { kind: 'item', key: 'tags' });
  const fresh = yamlContextAt(t, t.indexOf('\n  \n') + 3);
  assert.deepEqual({ path: fresh?.path, kind: fresh?.kind }, { path: ['containers'], kind: 'key' });
});

test('freeAddresses skips the network, broadcast and every taken address; a full network offers none', () => {
  const ws = workspace();
  const h = ws.homelabFor(`${ROOT}/homelab.yaml`);
  assert.ok(h);
  const lan = networkByName(h, 'lan');
  assert.ok(lan);
  assert.deepEqual(freeAddresses(h, lan, 10, [], (u) => ws.text(u)), ['10.0.0.4', '10.0.0.5', '10.0.0.6']);
  assert.deepEqual(freeAddresses(h, lan, 10, ['10.0.0.4', '10.0.0.5', '10.0.0.6']), []);
});

test('completion in a new profile offers the free address first, and never one a profile already writes', () => {
  const ws = workspace({ 'profiles/LXC_b-config.nix': A.replace('"a"', '"b"').replace('10.0.0.3', '10.0.0.4') });
  const t = A.replace('"a"', '"c"').replace('"10.0.0.3"', '""');
  const uri = `${ROOT}/profiles/LXC_c-config.nix`;
  ws.setDocument(uri, t, 1);
  const items = completion(ws, uri, t.indexOf('ipAddress = "') + 13);
  assert.deepEqual(items.map((i) => i.label), ['10.0.0.5', '10.0.0.6']);
});

test('addPortEdit: into the profile\'s own list in order; extending the inherited list when the profile has none', () => {
  const own = A.replace('    ipAddress = "10.0.0.3";\n', '    ipAddress = "10.0.0.3";\n    allowedTCPPorts = [ 22 9100 ];\n');
  const ws = workspace({ 'profiles/LXC_a-config.nix': own });
  const h = ws.homelabFor(`${ROOT}/homelab.yaml`);
  assert.ok(h);
  const uri = `${ROOT}/profiles/LXC_a-config.nix`;
  const e1 = addPortEdit(ws, h, uri, 8080);
  assert.ok(e1);
  assert.equal(apply(own, e1), own.replace('[ 22 9100 ]', '[ 22 8080 9100 ]'));
  const ws2 = workspace();
  const h2 = ws2.homelabFor(`${ROOT}/homelab.yaml`);
  assert.ok(h2);
  const e2 = addPortEdit(ws2, h2, uri, 8080);
  assert.ok(e2);
  assert.equal(apply(A, e2), A.replace('    ipAddress = "10.0.0.3";\n', '    ipAddress = "10.0.0.3";\n    allowedTCPPorts = base.systemSettings.allowedTCPPorts ++ [ 8080 ];\n'));
});

test('addListEntryEdit: a new entry shaped like the last one, on its own line', () => {
  const mon = A.replace('    ipAddress = "10.0.0.3";\n', '    ipAddress = "10.0.0.3";\n    prometheusRemoteTargets = [\n      { name = "x";  host = "10.0.0.9"; nodePort = 9100; }\n    ];\n');
  const ws = workspace({ 'profiles/LXC_a-config.nix': mon });
  const e = addListEntryEdit(ws, `${ROOT}/profiles/LXC_a-config.nix`, 'prometheusRemoteTargets', { name: 'lxc_b', host: '10.0.0.4', nodePort: 9100 });
  assert.ok(e);
  assert.equal(apply(mon, e), mon.replace('nodePort = 9100; }\n', 'nodePort = 9100; }\n      { name = "lxc_b";  host = "10.0.0.4"; nodePort = 9100; }\n'));
});

test('codeActions: a replacement keeps YAML quotes; a declared service goes under services with the catalog port', () => {
  const inv = INV.replace('host: pve', 'host: "pvee"').replace('services: [web]', 'services: [web, jellyfin]');
  const ws = workspace({ 'homelab.yaml': inv });
  const uri = `${ROOT}/homelab.yaml`;
  const at = inv.indexOf('"pvee"');
  const [fix] = codeActions(ws, uri, [{ rule: 'unknown-reference', span: { start: at, end: at + 6 }, data: { replacement: 'pve' } }]);
  const edits = fix.edit.changes.get(uri);
  assert.ok(edits);
  assert.equal(apply(inv, edits[0]), INV.replace('services: [web]', 'services: [web, jellyfin]').replace('host: pve', 'host: "pve"'));
  const j = inv.indexOf('jellyfin');
  const [declare] = codeActions(ws, uri, [{ rule: 'unknown-reference', span: { start: j, end: j + 8 }, data: { service: 'jellyfin' } }]);
  const d = declare.edit.changes.get(uri);
  assert.ok(d);
  assert.equal(apply(inv, d[0]), `${inv}  jellyfin:\n    port: 8096\n`.replace('port: 8080\n  jellyfin', 'port: 8080\n  jellyfin'));
});

test('codeActions: a container key holding a lone surrogate (corrupt text) gets its rename offer, not an exception', () => {
  const inv = INV.replace('  LXC_a:\n', '  LXC\udc00_a:\n    profile: profiles/old-config.nix\n');
  const ws = workspace({ 'homelab.yaml': inv, 'profiles/old-config.nix': BASE });
  const uri = `${ROOT}/homelab.yaml`;
  const at = inv.indexOf('LXC');
  const actions = codeActions(ws, uri, [], { start: at, end: at + 3 });
  const rename = actions.find((a) => /config\.nix/.test(a.title));
  assert.ok(rename, JSON.stringify(actions.map((a) => a.title)));
  assert.match(JSON.stringify(rename.edit), /LXC\\ufffd_a-config\.nix|LXC\ufffd_a-config\.nix|LXC%EF%BF%BD_a-config\.nix/);
});

test('relPath: sibling, parent and nested paths', () => {
  assert.equal(relPath('file:///r/profiles', 'file:///r/profiles/a.nix'), './a.nix');
  assert.equal(relPath('file:///r/profiles', 'file:///r/lib/defaults.nix'), '../lib/defaults.nix');
  assert.equal(relPath('file:///r', 'file:///r/profiles/x-config.nix'), './profiles/x-config.nix');
});

test('definition of secrets.x lands on its binding when the secrets file is readable; hover says where the value comes from', () => {
  const prof = A.replace('  base = import ./LXC-base-config.nix;\n', '  base = import ./LXC-base-config.nix;\n  secrets = import ../secrets/s.nix;\n').replace('    hostname = "a";\n', '    hostname = "a";\n    notificationToEmail = secrets.alertEmail;\n');
  const ws = workspace({ 'profiles/LXC_a-config.nix': prof, 'secrets/s.nix': '{\n  alertEmail = "ops@example.com";\n}\n' });
  const uri = `${ROOT}/profiles/LXC_a-config.nix`;
  const at = prof.indexOf('alertEmail') + 2;
  const defs = definition(ws, uri, at);
  assert.deepEqual(defs, [{ uri: `${ROOT}/secrets/s.nix`, span: { start: 4, end: 14 } }]);
  assert.match(hover(ws, uri, at)?.contents ?? '', /alertEmail\*\* from `secrets\/s\.nix` — readable/);
  const h = hover(ws, uri, prof.indexOf('notificationToEmail') + 2);
  // The value itself never appears (issue 9: nothing read from secrets/ is shown); its source is named.
  assert.match(h?.contents ?? '', /Effective value: `<secret from s\.nix>` — set here/);
  assert.doesNotMatch(h?.contents ?? '', /ops@example\.com/);
});

test('hover on a gateway address in the inventory names the host that owns it', () => {
  const ws = workspace();
  const uri = `${ROOT}/homelab.yaml`;
  const h = hover(ws, uri, INV.indexOf('gateway: 10.0.0.1') + 11);
  assert.match(h?.contents ?? '', /\*\*10\.0\.0\.1\*\* · no owner declared in network `lan` \(10\.0\.0\.0\/29\)/);
  const pve = hover(ws, uri, INV.indexOf('ip: 10.0.0.2') + 5);
  assert.match(pve?.contents ?? '', /host `pve` on network `lan`/);
});

test('inventory keys: an entry offers the keys it does not have yet; the top level offers missing sections', () => {
  const ws = workspace();
  const uri = `${ROOT}/homelab.yaml`;
  const t = INV.replace('    kind: proxmox\n', '    kind: proxmox\n    \n');
  ws.setDocument(uri, t, 2);
  const items = completion(ws, uri, t.indexOf('proxmox\n    \n') + 'proxmox\n    '.length);
  assert.deepEqual(items.map((i) => i.label), ['description', 'proxmox']);
  const top = `${INV}\n`;
  ws.setDocument(uri, top, 3);
  assert.deepEqual(completion(ws, uri, top.length).map((i) => i.label), ['version', 'domain', 'localDomain', 'deploy']);
});
