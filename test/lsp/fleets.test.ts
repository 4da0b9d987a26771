// The fleet layouts over a real stdio connection: on each fixture of
// test/fixtures/fleets the server's `homelab/topology` lists the machines
// by attribute name (with source, deploy method and target), the planted
// mistake is published on its lines and nothing else is, hover on a standard
// NixOS option gives its documentation and effective value, and completion
// offers option paths in a module and values of a boolean option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileUri, repoRoot } from './lspClient';
import { latestDiagnostics, startOn } from './helpers';
import type { Topology } from '../../server/src/protocol/customMessages';

const FLEETS = path.join(repoRoot, 'test', 'fixtures', 'fleets');

interface Expected {
  machines: { name: string; deployMethod: string | null; deployTarget: string | null; moduleFiles: string[]; tags: string[] }[];
  mistake: { rule: string; places: { file: string; line: number }[] };
  /** Where reading stopped: said as information at that place, expected beside the planted mistake. */
  stopped?: { file: string; line: number }[];
}

function copy(layout: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `homelab-fleet-${layout}-`));
  cpSync(path.join(FLEETS, layout), dir, { recursive: true });
  return dir;
}

for (const layout of readdirSync(FLEETS).sort()) {
  test(`${layout}: topology lists every machine, the planted mistake is the only problem`, async () => {
    const root = copy(layout);
    const expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected;
    const client = await startOn(root);
    try {
      const topology = await client.request<Topology>('homelab/topology', {});
      assert.equal(topology.homelabs.length, 1);
      const lab = topology.homelabs[0];
      assert.deepEqual(lab.machines.map((c) => c.name).sort(), expected.machines.map((m) => m.name).sort());
      for (const want of expected.machines) {
        const c = lab.machines.find((x) => x.name === want.name)!;
        assert.ok(c.sources && c.sources.length > 0, `${want.name} has a source`);
        // A machine read by name only (no module read: a reading stop says why) has no configuration file to open.
        if (want.moduleFiles.length) assert.ok(c.configUri && c.configExists, `${want.name} opens its configuration file`);
        assert.ok(c.location && c.location.line >= 0, `${want.name} has a declaration place`);
        if (!lab.inventoryUri && want.deployMethod) assert.equal(c.deploy.method, want.deployMethod, want.name);
        if (want.deployTarget) assert.equal(c.deployTarget, want.deployTarget, want.name);
        assert.deepEqual(c.tags ?? [], want.tags, want.name);
      }
      const published = latestDiagnostics(client);
      const got: string[] = [];
      for (const [uri, list] of published)
        for (const d of list) if (d.code !== 'encrypted-file') got.push(`${path.relative(root, new URL(uri).pathname)}:${d.range.start.line + 1} ${d.code}`);
      const stops = expected.mistake.rule === 'discovery-stopped' ? [] : (expected.stopped ?? []).map((p) => `${p.file}:${p.line} discovery-stopped`);
      for (const g of got) assert.ok(stops.includes(g) || expected.mistake.places.some((p) => g === `${p.file}:${p.line} ${expected.mistake.rule}`), `unexpected ${g}`);
      assert.ok(got.length > 0, 'the planted mistake is published');
    } finally {
      await client.shutdown().catch(() => undefined);
      client.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });
}

test('hover and completion of standard NixOS options in a colmena hive and its host files', async () => {
  const root = copy('colmena-hive');
  const client = await startOn(root);
  try {
    const rel = 'hosts/proxy/configuration.nix';
    const uri = fileUri(path.join(root, rel));
    const text = readFileSync(path.join(root, rel), 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: 1, text } });
    const at = (t: string, find: string, delta: number): { line: number; character: number } => {
      const i = t.indexOf(find) + delta;
      const before = t.slice(0, i);
      return { line: before.split('\n').length - 1, character: i - (before.lastIndexOf('\n') + 1) };
    };
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: at(text, 'allowedTCPPorts', 3),
    });
    assert.ok(hover, 'hover on networking.firewall.allowedTCPPorts');
    assert.match(hover.contents.value, /\*\*networking\.firewall\.allowedTCPPorts\*\*/);
    assert.match(hover.contents.value, /TCP ports open to other machines/);
    // Merged across the machine's modules: the host file's ports and common.nix's exporter port.
    assert.match(hover.contents.value, /Effective on \*\*proxy\*\*: `\[ 80 443 9100 \]` — set here, common\.nix:\d+/);

    // Typing a new option key inside `services.nginx = { … }`'s sibling position, and a value.
    const typed = text.replace('networking.hostName = "proxy";', 'networking.hostName = "proxy";\n  networking.firewall.ena');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: typed }] });
    const items = await client.request<{ items: { label: string; textEdit?: { newText: string } }[] } | { label: string }[]>('textDocument/completion', {
      textDocument: { uri },
      position: at(typed, 'networking.firewall.ena', 'networking.firewall.ena'.length),
    });
    const list = Array.isArray(items) ? items : items.items;
    const enable = list.find((i) => i.label === 'networking.firewall.enable') as { label: string; textEdit?: { newText: string } } | undefined;
    assert.ok(enable, `labels: ${list.map((i) => i.label).slice(0, 20).join(', ')}`);
    assert.match(enable.textEdit?.newText ?? '', /^networking\.firewall\.enable = \$\{1\|true,false\|\};$/);
    assert.ok(!list.some((i) => i.label === 'services.nginx.enable'), 'only options under the typed path');

    const valued = text.replace('networking.hostName = "proxy";', 'networking.hostName = "proxy";\n  services.openssh.settings.PasswordAuthentication = ');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: valued }] });
    const values = await client.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', {
      textDocument: { uri },
      position: at(valued, 'PasswordAuthentication = ', 'PasswordAuthentication = '.length),
    });
    const vl = (Array.isArray(values) ? values : values.items).map((i) => i.label);
    assert.ok(vl.includes('true') && vl.includes('false'), vl.join(', '));

    // In the hive, a node's deployment.targetHost is that node's, not every node's.
    const hiveUri = fileUri(path.join(root, 'hive.nix'));
    const hive = readFileSync(path.join(root, 'hive.nix'), 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri: hiveUri, languageId: 'nix', version: 1, text: hive } });
    const proxyAt = hive.indexOf('targetHost', hive.indexOf('192.168.0.70') - 60);
    const h2 = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: hiveUri }, position: at(hive, hive.slice(proxyAt, proxyAt + 30), 2) });
    assert.ok(h2);
    assert.match(h2.contents.value, /Effective on \*\*proxy\*\*: `"192\.168\.0\.70"`/);
    assert.doesNotMatch(h2.contents.value, /\*\*dns\*\*/);
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(root, { recursive: true, force: true });
  }
});

test('the Nix checks run on every .nix file of any folder, homelab or not', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'homelab-plain-nix-'));
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(path.join(root, 'pkgs'));
  writeFileSync(path.join(root, 'pkgs', 'tool.nix'), '{ stdenv }:\nlet unused = 1; in\nstdenv.mkDerivation { pname = "tool"; version = missing; }\n');
  writeFileSync(path.join(root, 'broken.nix'), '{ a = 1; a = 2;\n');
  const client = await startOn(root);
  try {
    const published = latestDiagnostics(client);
    const codes = (rel: string): string[] => (published.get(fileUri(path.join(root, rel))) ?? []).map((d) => String(d.code)).sort();
    assert.deepEqual(codes('pkgs/tool.nix'), ['nix-undefined-variable', 'nix-unused-binding']);
    assert.ok(codes('broken.nix').includes('nix-syntax'), codes('broken.nix').join(', '));
    const topology = await client.request<Topology>('homelab/topology', {});
    assert.equal(topology.homelabs[0]?.machines.length ?? 0, 0, 'no machine is invented');
  } finally {
    await client.shutdown().catch(() => undefined);
    client.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
