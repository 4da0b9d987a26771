// Completion over a real stdio connection against a copy of examples/homelab:
// settings and flags, values by type, free and known addresses, ports, scrape
// targets, import paths, services (with declaring one), hosts, profile paths.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, applyEdits, expandSnippet, marker } from './harness';

interface Item {
  label: string;
  detail?: string;
  sortText?: string;
  insertTextFormat?: number;
  tags?: number[];
  preselect?: boolean;
  documentation?: { value: string };
  textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  additionalTextEdits?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
}

let s: Session;
before(async () => {
  s = await Session.start();
});
after(async () => {
  await s.stop();
});

async function complete(rel: string, marked: string): Promise<Item[]> {
  const pos = s.open(rel, marked);
  const list = await s.client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri: s.uri(rel) }, position: pos });
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

const profile = (body: string, user = ''): string =>
  `let\n  base = import ./LXC-base-config.nix;\nin\n{\n  systemSettings = base.systemSettings // {\n${body}\n  };\n\n  userSettings = base.userSettings // {${user}};\n}\n`;

/** Applies the item's edit (and extra edits) to the marked text, snippet placeholders at their defaults. */
function accept(marked: string, item: Item): string {
  const { text } = marker(marked);
  return applyEdits(text, [{ ...item.textEdit, newText: expandSnippet(item.textEdit.newText) }, ...(item.additionalTextEdits ?? [])]);
}

test('ipAddress = "|" in a new profile offers the first free address of the network first', async () => {
  const marked = profile('    hostname = "new";\n    ipAddress = "|";');
  const items = await complete('profiles/LXC_new-config.nix', marked);
  assert.equal(items[0].label, '192.168.8.3');
  assert.match(items[0].detail ?? '', /free in home \(192\.168\.8\.0\/24\)/);
  assert.equal(items[0].preselect, true);
  // Never a taken address: the gateway, the APs, every container's and host's address.
  for (const taken of ['192.168.8.1', '192.168.8.2', '192.168.8.80', '192.168.8.82', '192.168.8.85', '192.168.8.89'])
    assert.ok(!items.some((i) => i.label === taken), `${taken} is taken`);
  assert.deepEqual(items.slice(0, 3).map((i) => i.label), ['192.168.8.3', '192.168.8.4', '192.168.8.5']);
  assert.equal(accept(marked, items[0]), profile('    hostname = "new";\n    ipAddress = "192.168.8.3";'));
});

test('grafanaEn| offers grafanaEnable first, inserting `grafanaEnable = true;` with the value to fill', async () => {
  const marked = profile('    hostname = "new";\n    grafanaEn|');
  const items = await complete('profiles/LXC_new2-config.nix', marked);
  const g = items.find((i) => i.label === 'grafanaEnable');
  assert.ok(g, 'grafanaEnable offered');
  assert.equal(items[0].label, 'grafanaEnable', 'a matching flag ranks first');
  assert.equal(g.textEdit.newText, 'grafanaEnable = ${1|true,false|};');
  assert.equal(g.insertTextFormat, 2, 'snippet');
  assert.match(g.documentation?.value ?? '', /Grafana/);
  assert.match(g.detail ?? '', /boolean · default false/);
  assert.equal(accept(marked, g), profile('    hostname = "new";\n    grafanaEnable = true;'));
  // Keys already set in the block are not offered again.
  assert.ok(!items.some((i) => i.label === 'hostname'));
});

test('flags rank before other settings when typing …En; deprecated settings are tagged', async () => {
  const items = await complete('profiles/LXC_new2-config.nix', profile('    autoUpdateEn|'));
  const firstNonFlag = items.findIndex((i) => !/Enable$/.test(i.label));
  const lastFlag = items.map((i) => /Enable$/.test(i.label) && !i.tags).lastIndexOf(true);
  assert.ok(lastFlag < firstNonFlag, 'every flag before every other setting');
  const old = items.find((i) => i.label === 'autoUpdateEnable');
  if (old) assert.deepEqual(old.tags, [1], 'deprecated');
});

test('settings inside userSettings = base.userSettings // { … } come from the userSettings catalog', async () => {
  const items = await complete('profiles/LXC_new2-config.nix', profile('    hostname = "x";', ' direnvEn| '));
  assert.ok(items.some((i) => i.label === 'direnvEnable'));
  assert.ok(!items.some((i) => i.label === 'grafanaEnable'), 'system settings are not offered in userSettings');
});

test('values by type: booleans, enums, string skeleton, list', async () => {
  const bool = await complete('profiles/LXC_new3-config.nix', profile('    grafanaEnable = |;'));
  assert.deepEqual(bool.map((i) => i.label), ['true', 'false']);
  const en = await complete('profiles/LXC_new3-config.nix', profile('    profile = "|";'));
  assert.deepEqual(en.map((i) => i.label), ['personal', 'work', 'homelab', 'lxc', 'vps', 'wsl']);
  const enq = await complete('profiles/LXC_new3-config.nix', profile('    bootMode = |'));
  assert.ok(enq.some((i) => i.label === '"container"'));
  const str = await complete('profiles/LXC_new3-config.nix', profile('    grafanaDomain = |'));
  assert.equal(str[0].textEdit.newText, '"$1"');
  const list = await complete('profiles/LXC_new3-config.nix', profile('    dockerComposeProjects = |'));
  assert.ok(list.some((i) => i.textEdit.newText === '[ $1 ]'));
});

test('machine-address fields offer the hosts and containers, the network gateway first', async () => {
  const ns = await complete('profiles/LXC_new4-config.nix', profile('    nameServers = [ "|" ];'));
  assert.equal(ns[0].label, '192.168.8.1');
  assert.match(ns[0].detail ?? '', /pfsense/);
  const smtp = await complete('profiles/LXC_new4-config.nix', profile('    notificationSmtpHost = "|";'));
  const mailer = smtp.find((i) => i.label === '192.168.8.89');
  assert.ok(mailer);
  assert.match(mailer.detail ?? '', /LXC_mailer — postfix, uptime-kuma/);
  const pve = await complete('profiles/LXC_new4-config.nix', profile('    prometheusPveHost = |'));
  assert.ok(pve.some((i) => i.label === '192.168.8.82' && i.textEdit.newText === '"192.168.8.82"'));
  const target = await complete('profiles/LXC_new4-config.nix', profile('    prometheusRemoteTargets = [ { name = "x"; host = "|"; } ];'));
  assert.ok(target.some((i) => i.label === '192.168.8.80' && /LXC_HOME/.test(i.detail ?? '')));
});

test('allowedTCPPorts offers the container\'s service ports first', async () => {
  const { text } = { text: s.file('profiles/LXC_monitoring-config.nix') };
  const marked = text.replace('allowedTCPPorts = [ 22 ', 'allowedTCPPorts = [ | 22 ');
  const items = await complete('profiles/LXC_monitoring-config.nix', marked);
  assert.deepEqual(items.slice(0, 2).map((i) => i.label), ['3002', '9090']);
  assert.match(items[0].detail ?? '', /grafana/);
  s.open('profiles/LXC_monitoring-config.nix', text);
});

test('a scrape-target entry for each unscraped container inside prometheusRemoteTargets', async () => {
  const text = s.file('profiles/LXC_monitoring-config.nix');
  const marked = text.replace('    prometheusRemoteTargets = [\n', '    prometheusRemoteTargets = [\n      |\n').replace(/.*"lxc_plane".*\n/, '');
  const items = await complete('profiles/LXC_monitoring-config.nix', marked);
  assert.equal(items.length, 1);
  assert.match(items[0].detail ?? '', /LXC_plane/);
  assert.equal(expandSnippet(items[0].textEdit.newText), '{ name = "lxc_plane"; host = "192.168.8.86"; nodePort = 9100; cadvisorPort = 9092; }');
  s.open('profiles/LXC_monitoring-config.nix', text);
});

test('import ./| offers the Nix files relative to the profile', async () => {
  const items = await complete('profiles/LXC_new5-config.nix', 'let\n  base = import ./LXC-b|;\nin base');
  const b = items.find((i) => i.label === './LXC-base-config.nix');
  assert.ok(b);
  assert.ok(items.some((i) => i.label === '../lib/defaults.nix'));
  assert.equal(accept('let\n  base = import ./LXC-b|;\nin base', b), 'let\n  base = import ./LXC-base-config.nix;\nin base');
});

test('an empty profile offers a whole container profile with a free address', async () => {
  const items = await complete('profiles/LXC_fresh-config.nix', '|');
  assert.equal(items.length, 1);
  const text = expandSnippet(items[0].textEdit.newText);
  assert.match(text, /base = import \.\/LXC-base-config\.nix;/);
  assert.match(text, /ipAddress = "192\.168\.8\.3";/);
});

test('inventory: ip offers free addresses of the container\'s network; host offers hosts (Proxmox first)', async () => {
  const inv = s.file('homelab.yaml');
  const ip = await complete('homelab.yaml', inv.replace('    vmid: 109\n    ip: 192.168.8.89', '    vmid: 109\n    ip: |'));
  assert.equal(ip[0].label, '192.168.8.3');
  assert.match(ip[0].detail ?? '', /free in home/);
  assert.ok(!ip.some((i) => i.label === '192.168.8.80'));
  const host = await complete('homelab.yaml', inv.replace('    host: pve\n    vmid: 109', '    host: |\n    vmid: 109'));
  assert.equal(host[0].label, 'pve');
  assert.ok(host.some((i) => i.label === 'truenas'));
  s.open('homelab.yaml', inv);
});

test('inventory: services items offer declared services first, then built-in ones that also get declared', async () => {
  const inv = s.file('homelab.yaml');
  const marked = inv.replace('    services: [postfix, uptime-kuma]', '    services: [postfix, uptime-kuma, |]');
  const items = await complete('homelab.yaml', marked);
  assert.ok(!items.some((i) => i.label === 'postfix'), 'already listed');
  const firstBuiltin = items.findIndex((i) => /built-in/.test(i.detail ?? ''));
  const lastDeclared = items.map((i) => /declared/.test(i.detail ?? '')).lastIndexOf(true);
  assert.ok(lastDeclared < firstBuiltin);
  const immich = items.find((i) => i.label === 'immich');
  assert.ok(immich);
  const out = accept(marked, immich);
  assert.equal(
    out,
    inv
      .replace('    services: [postfix, uptime-kuma]', '    services: [postfix, uptime-kuma, immich]')
      .replace('    description: Personal portfolio website\n', '    description: Personal portfolio website\n  immich:\n    port: 2283\n'),
  );
  s.open('homelab.yaml', inv);
});

test('inventory: proxy offers containers and hosts; profile offers profile paths, the container\'s own first', async () => {
  const inv = s.file('homelab.yaml');
  const proxy = await complete('homelab.yaml', inv.replace('    proxy: LXC_proxy\n    description: Internal', '    proxy: |\n    description: Internal'));
  assert.equal(proxy[0].label, 'LXC_HOME');
  assert.ok(proxy.some((i) => i.label === 'pfsense'));
  const prof = await complete('homelab.yaml', inv.replace('profile: profiles/LXC_mailer-config.nix', 'profile: |'));
  assert.equal(prof[0].label, 'profiles/LXC_mailer-config.nix');
  s.open('homelab.yaml', inv);
});

test('inventory: a new container entry from the shipped snippet, filled with the next vmid, a free address and the next update slot', async () => {
  const inv = s.file('homelab.yaml');
  const marked = inv.replace('\n# Services used above', '\n  |\n# Services used above');
  const items = await complete('homelab.yaml', marked);
  const c = items.find((i) => i.label === 'new container');
  assert.ok(c, JSON.stringify(items.map((i) => i.label)));
  const text = expandSnippet(c.textEdit.newText);
  assert.equal(
    text,
    ['LXC_name:', '  host: pve', '  vmid: 110', '  ip: 192.168.8.3', '  profile: profiles/LXC_name-config.nix', '  description: What it is for', '  services: []', '  update: "Sat *-*-* 07:40:00"'].join('\n'),
  );
  const svc = await complete('homelab.yaml', inv.replace('\ndeploy:', '\n  |\ndeploy:'));
  assert.ok(svc.some((i) => i.label === 'new service' && /port: \$\{2:8080\}/.test(i.textEdit.newText)));
  s.open('homelab.yaml', inv);
});

test('a space opens completion only where a value starts, not in indentation', async () => {
  const rel = 'profiles/LXC_new9-config.nix';
  const marked = profile('    hostname = "x";\n     |');
  const pos = s.open(rel, marked);
  const none = await s.client.request('textDocument/completion', { textDocument: { uri: s.uri(rel) }, position: pos, context: { triggerKind: 2, triggerCharacter: ' ' } });
  assert.equal(none, null);
  const marked2 = profile('    grafanaEnable = |');
  const pos2 = s.open(rel, marked2);
  const some = await s.client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri: s.uri(rel) }, position: pos2, context: { triggerKind: 2, triggerCharacter: ' ' } });
  assert.deepEqual(some.items.map((i) => i.label).sort(), ['false', 'true']);
});

test('ipAddress in a container\'s own profile offers the inventory\'s address first, then free ones', async () => {
  const rel = 'profiles/LXC_mailer-config.nix';
  const text = s.file(rel);
  const items = await complete(rel, text.replace('ipAddress = "192.168.8.89"', 'ipAddress = "|"'));
  assert.equal(items[0].label, '192.168.8.89');
  assert.match(items[0].detail ?? '', /inventory's ip of LXC_mailer/);
  assert.equal(items[1].label, '192.168.8.3');
  s.open(rel, text);
});
