// Hover, definition, references, symbols and rename over a real stdio
// connection against a copy of examples/homelab.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, applyEdits, type LspEdit, type LspRange } from './harness';

let s: Session;
before(async () => {
  s = await Session.start();
  for (const f of ['homelab.yaml', 'profiles/LXC_monitoring-config.nix', 'profiles/LXC_mailer-config.nix']) s.open(f, s.file(f));
});
after(async () => {
  await s.stop();
});

const MON = 'profiles/LXC_monitoring-config.nix';
const INV = 'homelab.yaml';

async function hoverAt(rel: string, find: string, delta = 1): Promise<{ contents: { value: string }; range: LspRange } | null> {
  return s.client.request('textDocument/hover', { textDocument: { uri: s.uri(rel) }, position: s.pos(rel, find, delta) });
}

interface Loc {
  uri: string;
  range: LspRange;
}

function where(l: Loc): string {
  return `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line + 1}`;
}

test('hover on a setting: documentation, type, default and the effective value along defaults → base → profile', async () => {
  const h = await hoverAt(MON, 'allowedTCPPorts');
  assert.ok(h);
  assert.match(h.contents.value, /TCP ports opened in the firewall/);
  assert.match(h.contents.value, /Default: `\[ \]`/);
  assert.match(h.contents.value, /Effective value: `\[ 22 80 443 3002 9090 9092 9100 \]` — set here; overrides `\[ 22 9092 9100 \]` from LXC-base-config\.nix:16/);
  assert.match(h.contents.value, /defaults\.nix:62: `\[ \]`/);
  assert.deepEqual(h.range, { start: s.pos(MON, 'allowedTCPPorts'), end: s.pos(MON, 'allowedTCPPorts', 'allowedTCPPorts'.length) });
  const flag = await hoverAt(MON, 'grafanaEnable');
  assert.match(flag?.contents.value ?? '', /Run Grafana[\s\S]*set here; overrides `false` from defaults\.nix:187/);
});

test('no hover on `base.systemSettings` itself (not a setting), and no error', async () => {
  const t = s.file('profiles/LXC_mailer-config.nix');
  const h = await hoverAt('profiles/LXC_mailer-config.nix', 'systemSettings = base.systemSettings', 'systemSettings = base.'.length + 2);
  assert.ok(t.length > 0);
  // `base.systemSettings` itself is not a setting: no hover, and no crash.
  assert.equal(h, null);
});

test('hover on an address: owner, network, what runs there; a free one says so', async () => {
  const h = await hoverAt(MON, '"192.168.8.89"', 2);
  assert.match(h?.contents.value ?? '', /\*\*192\.168\.8\.89\*\* · container `LXC_mailer` on network `home` \(192\.168\.8\.0\/24\)/);
  assert.match(h?.contents.value ?? '', /Runs: postfix, uptime-kuma/);
  const inv = await hoverAt(INV, 'ip: 192.168.8.82', 5);
  assert.match(inv?.contents.value ?? '', /host `pve`/);
  const text = 'let base = import ./LXC-base-config.nix; in {\n  systemSettings = base.systemSettings // { ipAddress = "192.168.8.3"; };\n}\n';
  s.open('profiles/LXC_hov-config.nix', text);
  const free = await s.client.request<{ contents: { value: string } }>('textDocument/hover', {
    textDocument: { uri: s.uri('profiles/LXC_hov-config.nix') },
    position: s.pos('x', '192.168.8.3', 1, text),
  });
  assert.match(free.contents.value, /192\.168\.8\.3/);
  assert.match(free.contents.value, /network `home`/);
});

test('hover on a service and on a container reference in the inventory', async () => {
  const svc = await hoverAt(INV, '- jellyfin', 3);
  assert.match(svc?.contents.value ?? '', /\*\*jellyfin\*\* · service/);
  assert.match(svc?.contents.value ?? '', /Port: 8096/);
  assert.match(svc?.contents.value ?? '', /URL: https:\/\/jellyfin\.local\.akunito\.com/);
  assert.match(svc?.contents.value ?? '', /Runs on: `LXC_HOME` \(192\.168\.8\.80\)/);
  const builtin = await hoverAt(INV, 'cloudflared]', 2);
  assert.match(builtin?.contents.value ?? '', /built-in catalog/);
  const c = await hoverAt(INV, 'proxy: LXC_proxy', 10);
  assert.match(c?.contents.value ?? '', /\*\*LXC_proxy\*\* · container/);
  assert.match(c?.contents.value ?? '', /IP: `192\.168\.8\.102`/);
  assert.match(c?.contents.value ?? '', /Profile: `profiles\/LXC_proxy-config\.nix`/);
  assert.match(c?.contents.value ?? '', /Services: `nginx-proxy-manager` \(443\), `cloudflared`/);
});

test('definition: setting → lib/defaults.nix and the base profile; import → file; secrets.x → secrets file', async () => {
  const def = await s.client.request<Loc[]>('textDocument/definition', { textDocument: { uri: s.uri(MON) }, position: s.pos(MON, 'allowedTCPPorts', 2) });
  assert.deepEqual(def.map(where), ['defaults.nix:62', 'LXC-base-config.nix:16']);
  const imp = await s.client.request<Loc[]>('textDocument/definition', { textDocument: { uri: s.uri(MON) }, position: s.pos(MON, './LXC-base-config.nix', 3) });
  assert.deepEqual(imp.map(where), ['LXC-base-config.nix:1']);
  const sec = await s.client.request<Loc[]>('textDocument/definition', { textDocument: { uri: s.uri(MON) }, position: s.pos(MON, 'alertEmail', 2) });
  assert.equal(sec.length, 1);
  assert.match(sec[0].uri, /secrets\/domains\.nix$/);
});

test('definition in the inventory: names → declarations, container → profile, profile path → file; IP in a profile → inventory', async () => {
  const at = async (rel: string, find: string, delta: number): Promise<string[]> =>
    (await s.client.request<Loc[]>('textDocument/definition', { textDocument: { uri: s.uri(rel) }, position: s.pos(rel, find, delta) })).map(where);
  assert.deepEqual(await at(INV, '    host: pve', 11), ['homelab.yaml:32']);
  assert.deepEqual(await at(INV, '      - jellyfin', 9), [`homelab.yaml:${s.file(INV).split('\n').indexOf('  jellyfin:') + 1}`]);
  assert.deepEqual(await at(INV, '  LXC_mailer:', 4), ['LXC_mailer-config.nix:1']);
  assert.deepEqual(await at(INV, 'profile: profiles/LXC_plane-config.nix', 12), ['LXC_plane-config.nix:1']);
  assert.deepEqual(await at(INV, 'proxy: LXC_proxy', 10), [`homelab.yaml:${s.file(INV).split('\n').indexOf('  LXC_proxy:') + 1}`]);
  assert.deepEqual(await at(MON, '"192.168.8.85"', 3), [`homelab.yaml:${s.file(INV).split('\n').indexOf('    ip: 192.168.8.85') + 1}`]);
});

test('references: a setting across all profiles, an address, a service', async () => {
  const refs = await s.client.request<Loc[]>('textDocument/references', {
    textDocument: { uri: s.uri(MON) },
    position: s.pos(MON, 'allowedTCPPorts', 2),
    context: { includeDeclaration: true },
  });
  const files = new Set(refs.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1)));
  for (const f of ['defaults.nix', 'LXC-base-config.nix', 'LXC_HOME-config.nix', 'LXC_proxy-config.nix', 'LXC_monitoring-config.nix', 'LXC_plane-config.nix', 'LXC_liftcraftTEST-config.nix', 'LXC_portfolioprod-config.nix', 'LXC_mailer-config.nix'])
    assert.ok(files.has(f), `${f} sets allowedTCPPorts`);
  const ip = await s.client.request<Loc[]>('textDocument/references', { textDocument: { uri: s.uri(MON) }, position: s.pos(MON, '"192.168.8.89"', 3), context: { includeDeclaration: true } });
  assert.deepEqual(new Set(ip.map(where)), new Set(['homelab.yaml:' + (s.file(INV).split('\n').indexOf('    ip: 192.168.8.89') + 1), 'LXC-base-config.nix:' + (s.file('profiles/LXC-base-config.nix').split('\n').findIndex((l) => l.includes('192.168.8.89')) + 1), 'LXC_mailer-config.nix:' + (s.file('profiles/LXC_mailer-config.nix').split('\n').findIndex((l) => l.includes('192.168.8.89')) + 1), 'LXC_monitoring-config.nix:' + (s.file(MON).split('\n').findIndex((l) => l.includes('"192.168.8.89"')) + 1)]));
  const svc = await s.client.request<Loc[]>('textDocument/references', { textDocument: { uri: s.uri(INV) }, position: s.pos(INV, 'services: [grafana', 12), context: { includeDeclaration: true } });
  assert.deepEqual(svc.map(where).sort(), [`homelab.yaml:${s.file(INV).split('\n').indexOf('  grafana:') + 1}`, `homelab.yaml:${s.file(INV).split('\n').indexOf('    services: [grafana, prometheus]') + 1}`].sort());
});

interface Sym {
  name: string;
  detail?: string;
  kind: number;
  children?: Sym[];
}

test('document symbols: settings blocks of a profile, sections and entries of the inventory', async () => {
  const prof = await s.client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri: s.uri(MON) } });
  assert.deepEqual(prof.map((x) => x.name), ['systemSettings', 'userSettings']);
  const keys = prof[0].children?.map((c) => c.name) ?? [];
  assert.deepEqual(keys.slice(0, 5), ['hostname', 'ipAddress', 'nameServers', 'allowedTCPPorts', 'grafanaEnable']);
  assert.equal(prof[0].children?.find((c) => c.name === 'ipAddress')?.detail, '"192.168.8.85"');
  const inv = await s.client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri: s.uri(INV) } });
  assert.deepEqual(inv.map((x) => x.name), ['version', 'domain', 'localDomain', 'networks', 'hosts', 'containers', 'services', 'deploy']);
  const containers = inv.find((x) => x.name === 'containers')?.children ?? [];
  assert.deepEqual(containers.map((c) => `${c.name} ${c.detail}`), [
    'LXC_HOME 192.168.8.80',
    'LXC_proxy 192.168.8.102',
    'LXC_monitoring 192.168.8.85',
    'LXC_plane 192.168.8.86',
    'LXC_liftcraftTEST 192.168.8.87',
    'LXC_portfolioprod 192.168.8.88',
    'LXC_mailer 192.168.8.89',
  ]);
});

test('workspace symbols: containers, hosts, services, networks', async () => {
  const list = await s.client.request<{ name: string; kind: number; location: Loc }[]>('workspace/symbol', { query: 'mon' });
  assert.ok(list.some((x) => x.name === 'LXC_monitoring'));
  const all = await s.client.request<{ name: string }[]>('workspace/symbol', { query: '' });
  for (const n of ['LXC_HOME', 'pve', 'truenas', 'grafana', 'home', 'wireguard']) assert.ok(all.some((x) => x.name === n), n);
});

test('rename a container across the inventory (key and proxy references; the profile path stays)', async () => {
  const inv = s.file(INV);
  const prep = await s.client.request<{ range: LspRange; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: s.uri(INV) }, position: s.pos(INV, '  LXC_proxy:', 4) });
  assert.equal(prep.placeholder, 'LXC_proxy');
  const edit = await s.client.request<{ changes: Record<string, LspEdit[]> }>('textDocument/rename', { textDocument: { uri: s.uri(INV) }, position: s.pos(INV, '  LXC_proxy:', 4), newName: 'LXC_rproxy' });
  assert.deepEqual(Object.keys(edit.changes), [s.uri(INV)]);
  const expected = inv.replaceAll('LXC_proxy', 'LXC_rproxy').replace('profile: profiles/LXC_rproxy-config.nix', 'profile: profiles/LXC_proxy-config.nix');
  assert.equal(applyEdits(inv, edit.changes[s.uri(INV)]), expected);
  // A service: the declaration and every container list that names it.
  const svc = await s.client.request<{ changes: Record<string, LspEdit[]> }>('textDocument/rename', { textDocument: { uri: s.uri(INV) }, position: s.pos(INV, '  grafana:', 3), newName: 'grafana-ui' });
  assert.equal(applyEdits(inv, svc.changes[s.uri(INV)]), inv.replace('  grafana:', '  grafana-ui:').replace('services: [grafana, prometheus]', 'services: [grafana-ui, prometheus]'));
  // A built-in service is not declared: nothing to rename.
  const r = await s.client.requestRaw('textDocument/prepareRename', { textDocument: { uri: s.uri(INV) }, position: s.pos(INV, 'cloudflared]', 2) });
  assert.ok(r.error);
  const clash = await s.client.requestRaw('textDocument/rename', { textDocument: { uri: s.uri(INV) }, position: s.pos(INV, '  LXC_proxy:', 4), newName: 'LXC_HOME' });
  assert.match(clash.error?.message ?? '', /already exists/);
});

test('rename a host and a network', async () => {
  const inv = s.file(INV);
  const host = await s.client.request<{ changes: Record<string, LspEdit[]> }>('textDocument/rename', { textDocument: { uri: s.uri(INV) }, position: s.pos(INV, '  pve:', 3), newName: 'pve1' });
  assert.equal(applyEdits(inv, host.changes[s.uri(INV)]), inv.replace('  pve:', '  pve1:').replaceAll('    host: pve\n', '    host: pve1\n'));
  const net = await s.client.request<{ changes: Record<string, LspEdit[]> }>('textDocument/rename', { textDocument: { uri: s.uri(INV) }, position: s.pos(INV, '  guest:', 3), newName: 'visitors' });
  assert.equal(applyEdits(inv, net.changes[s.uri(INV)]), inv.replace('  guest:', '  visitors:'));
});

test('after renaming a container, its key offers to rename the profile file too (the user\'s explicit step)', async () => {
  const inv = s.file(INV);
  const edit = await s.client.request<{ changes: Record<string, LspEdit[]> }>('textDocument/rename', { textDocument: { uri: s.uri(INV) }, position: s.pos(INV, '  LXC_plane:', 4), newName: 'LXC_tasks' });
  const renamed = applyEdits(inv, edit.changes[s.uri(INV)]);
  s.open(INV, renamed);
  const at = s.pos(INV, '  LXC_tasks:', 4, renamed);
  const actions = await s.client.request<{ title: string; kind: string; edit: { documentChanges: unknown[] } }[]>('textDocument/codeAction', {
    textDocument: { uri: s.uri(INV) },
    range: { start: at, end: at },
    context: { diagnostics: [] },
  });
  const a = actions.find((x) => /Rename profile/.test(x.title));
  assert.ok(a, JSON.stringify(actions.map((x) => x.title)));
  assert.equal(a.title, 'Rename profile LXC_plane-config.nix to LXC_tasks-config.nix');
  assert.equal(a.kind, 'refactor');
  const [textChange, move] = a.edit.documentChanges as [{ textDocument: { uri: string }; edits: LspEdit[] }, { kind: string; oldUri: string; newUri: string }];
  assert.equal(applyEdits(renamed, textChange.edits), renamed.replace('profile: profiles/LXC_plane-config.nix', 'profile: profiles/LXC_tasks-config.nix'));
  assert.deepEqual(move, { kind: 'rename', oldUri: s.uri('profiles/LXC_plane-config.nix'), newUri: s.uri('profiles/LXC_tasks-config.nix') });
  s.open(INV, inv);
});
