// Quick fixes over a real stdio connection: each test breaks a copy of
// examples/homelab the way a user would, takes the diagnostic the server
// publishes, asks for its code actions and compares the whole fixed text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, applyEdits, type LspEdit, type LspRange } from './harness';

interface Diag {
  range: LspRange;
  code?: string;
  message: string;
  data?: unknown;
  relatedInformation?: unknown[];
}
interface Action {
  title: string;
  isPreferred?: boolean;
  edit: { changes: Record<string, LspEdit[]> };
}

let s: Session;
const MON = 'profiles/LXC_monitoring-config.nix';
const MAIL = 'profiles/LXC_mailer-config.nix';
const INV = 'homelab.yaml';
const originals = new Map<string, string>();

before(async () => {
  s = await Session.start();
  for (const f of [INV, MON, MAIL, 'profiles/LXC_plane-config.nix']) {
    originals.set(f, s.file(f));
    s.open(f, s.file(f));
  }
});
after(async () => {
  await s.stop();
});

function restore(): void {
  for (const [f, t] of originals) s.open(f, t);
  // Diagnostics published before this point describe other tests' breakage.
  s.client.notifications.length = 0;
}

/** The first published diagnostic of `rule` in any file, with the file. */
async function anyDiagnostic(rule: string, match: (d: Diag) => boolean = () => true): Promise<{ rel: string; d: Diag }> {
  const m = await s.client.waitForNotification(
    (n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { diagnostics: Diag[] }).diagnostics.some((d) => d.code === rule && match(d)),
  );
  const p = m.params as { uri: string; diagnostics: Diag[] };
  const d = p.diagnostics.find((x) => x.code === rule && match(x));
  assert.ok(d);
  return { rel: p.uri.slice(s.uri('').length + 1), d };
}

async function diagnostic(rel: string, rule: string, match: (d: Diag) => boolean = () => true): Promise<Diag> {
  const uri = s.uri(rel);
  const m = await s.client.waitForNotification((n) => {
    if (n.method !== 'textDocument/publishDiagnostics') return false;
    const p = n.params as { uri: string; diagnostics: Diag[] };
    return p.uri === uri && p.diagnostics.some((d) => d.code === rule && match(d));
  });
  const found = (m.params as { diagnostics: Diag[] }).diagnostics.find((d) => d.code === rule && match(d));
  assert.ok(found);
  return found;
}

async function actions(rel: string, d: Diag): Promise<Action[]> {
  return s.client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: s.uri(rel) }, range: d.range, context: { diagnostics: [d] } });
}

function applied(a: Action, rel: string, text: string): string {
  const edits = a.edit.changes[s.uri(rel)];
  assert.ok(edits, `edits for ${rel}: ${JSON.stringify(Object.keys(a.edit.changes))}`);
  return applyEdits(text, edits);
}

test('unknown setting with a close match → replaced by the match', async () => {
  restore();
  const broken = originals.get(MON)!.replace('grafanaEnable = true;', 'grafanaEnabel = true;');
  s.open(MON, broken);
  const d = await diagnostic(MON, 'unknown-setting', (x) => /grafanaEnabel/.test(x.message));
  const [a] = await actions(MON, d);
  assert.equal(a.title, 'Replace with `grafanaEnable`');
  assert.equal(a.isPreferred, true);
  assert.equal(applied(a, MON, broken), originals.get(MON));
});

test('duplicate IP in the inventory → the next free address of the network', async () => {
  restore();
  const broken = originals.get(INV)!.replace('    vmid: 109\n    ip: 192.168.8.89', '    vmid: 109\n    ip: 192.168.8.88');
  s.open(INV, broken);
  const d = await diagnostic(INV, 'ip-duplicate', (x) => x.range.start.line === broken.split('\n').indexOf('    ip: 192.168.8.88', broken.indexOf('vmid: 109') > 0 ? broken.split('\n').indexOf('    vmid: 109') : 0));
  const list = await actions(INV, d);
  const a = list.find((x) => /free address/.test(x.title));
  assert.ok(a, JSON.stringify(list.map((x) => x.title)));
  assert.equal(a.title, 'Use the free address 192.168.8.3 (home)');
  assert.equal(applied(a, INV, broken), broken.replace('    vmid: 109\n    ip: 192.168.8.88', '    vmid: 109\n    ip: 192.168.8.3'));
});

test('address outside every network → the next free address of the host\'s network', async () => {
  restore();
  const broken = originals.get(INV)!.replace('    vmid: 109\n    ip: 192.168.8.89', '    vmid: 109\n    ip: 10.1.2.3');
  s.open(INV, broken);
  const d = await diagnostic(INV, 'ip-outside-network', (x) => /10\.1\.2\.3/.test(x.message));
  const a = (await actions(INV, d)).find((x) => /free address/.test(x.title));
  assert.ok(a);
  assert.equal(applied(a, INV, broken), broken.replace('ip: 10.1.2.3', 'ip: 192.168.8.3'));
});

test('missing firewall port → added to allowedTCPPorts of the right profile, in order', async () => {
  restore();
  const broken = originals.get(MON)!.replace('allowedTCPPorts = [ 22 80 443 3002 9090', 'allowedTCPPorts = [ 22 80 443 9090');
  s.open(MON, broken);
  const d = await diagnostic(INV, 'port-not-open', (x) => /grafana/.test(x.message));
  const [a] = await actions(INV, d);
  assert.match(a.title, /Open port 3002 in LXC_monitoring's allowedTCPPorts/);
  assert.deepEqual(Object.keys(a.edit.changes), [s.uri(MON)]);
  assert.equal(applied(a, MON, broken), originals.get(MON));
});

test('unscraped container → a prometheusRemoteTargets entry in the monitoring profile', async () => {
  restore();
  const broken = originals.get(MON)!.replace(/.*"lxc_plane".*\n/, '');
  s.open(MON, broken);
  const { rel: from, d } = await anyDiagnostic('monitoring-coverage', (x) => /LXC_plane/.test(x.message));
  const [a] = await actions(from, d);
  assert.equal(a.title, 'Scrape LXC_plane (192.168.8.86) from the monitoring profile');
  const line = '      { name = "lxc_plane"; host = "192.168.8.86"; nodePort = 9100; cadvisorPort = 9092; }\n';
  const mailer = broken.split('\n').find((l) => l.includes('"lxc_mailer"')) + '\n';
  assert.equal(applied(a, MON, broken), broken.replace(mailer, mailer + line));
});

test('service not declared → declared at the end of services (from the catalog when known)', async () => {
  restore();
  const broken = originals.get(INV)!.replace('services: [postfix, uptime-kuma]', 'services: [postfix, uptime-kuma, myapp]');
  s.open(INV, broken);
  const d = await diagnostic(INV, 'unknown-reference', (x) => /myapp/.test(x.message));
  const a = (await actions(INV, d)).find((x) => /Declare service/.test(x.title));
  assert.ok(a);
  assert.equal(applied(a, INV, broken), broken.replace('    description: Personal portfolio website\n', '    description: Personal portfolio website\n  myapp:\n    port: 80\n'));
});

test('inventory/profile disagreement → both directions offered, each a one-value edit', async () => {
  restore();
  const broken = originals.get(MAIL)!.replace('ipAddress = "192.168.8.89"', 'ipAddress = "192.168.8.90"');
  s.open(MAIL, broken);
  const d = await diagnostic(MAIL, 'inventory-profile-mismatch', (x) => /192\.168\.8\.90/.test(x.message));
  const list = await actions(MAIL, d);
  const toProfile = list.find((x) => /Set the profile/.test(x.title));
  const toInventory = list.find((x) => /Set the inventory/.test(x.title));
  assert.ok(toProfile && toInventory, JSON.stringify(list.map((x) => x.title)));
  assert.equal(applied(toProfile, MAIL, broken), originals.get(MAIL));
  assert.equal(applied(toInventory, INV, originals.get(INV)!), originals.get(INV)!.replace('    ip: 192.168.8.89', '    ip: 192.168.8.90'));
});
