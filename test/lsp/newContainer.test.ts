// `homelab/newContainer` over a real stdio connection (dist/server.js and
// dist/cli.js: run `npm run build` first). On private copies of the example
// homelab (profile convention) and of the flake-per-machine fixture (one
// `nixosConfigurations.<name>` and one hosts/<name>/configuration.nix per
// machine), the proposal's new files and edits are applied and every file
// they touch is compared whole with test/fixtures/newContainer/expected/;
// then homelab-check finds nothing on the result that it did not find
// before. A request that cannot be met answers with an error and no edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileUri, repoRoot } from './lspClient';
import { copyExample, startOn } from './helpers';
import type { NewContainerParams, NewContainerProposal } from '../../server/src/protocol/proxmoxMessages';

const expectedRoot = path.join(repoRoot, 'test', 'fixtures', 'newContainer', 'expected');

/** Every file under `dir`, relative, with `/`. */
function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((n) => {
    const r = rel ? `${rel}/${n}` : n;
    return statSync(path.join(dir, r)).isDirectory() ? filesUnder(dir, r) : [r];
  });
}

/** Offset of an LSP position in `text` (UTF-16, as the server counts). */
function offsetAt(text: string, pos: { line: number; character: number }): number {
  let off = 0;
  for (let l = 0; l < pos.line; l++) off = text.indexOf('\n', off) + 1;
  return off + pos.character;
}

/** Writes the proposal's new files and applies its edits, as the client's workspace edit would. */
function apply(p: NewContainerProposal): void {
  for (const [uri, text] of Object.entries(p.createFiles)) {
    const file = fileURLToPath(uri);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  for (const [uri, edits] of Object.entries(p.edits)) {
    const file = fileURLToPath(uri);
    let text = readFileSync(file, 'utf8');
    const at = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
    for (const e of at.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    writeFileSync(file, text);
  }
}

/** Errors and warnings of homelab-check on a folder, as comparable lines (the folder's path left out). */
function problems(dir: string): string[] {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), '--format', 'json', dir], { encoding: 'utf8' });
  const list = JSON.parse(run.stdout) as { file: string; severity: string; rule: string; message: string }[];
  return list.filter((p) => p.severity === 'error' || p.severity === 'warning').map((p) => `${path.relative(dir, path.resolve(p.file))} ${p.rule} ${p.message}`);
}

/** Requests a new container on a copy, applies it, compares with the expected files and checks the result. */
async function proposeAndCompare(dir: string, original: string, expected: string, params: Omit<NewContainerParams, 'folderUri'>): Promise<NewContainerProposal> {
  const before = problems(dir);
  const client = await startOn(dir);
  let proposal: NewContainerProposal;
  try {
    proposal = await client.request<NewContainerProposal>('homelab/newContainer', { folderUri: fileUri(dir), ...params });
    assert.equal(proposal.error, undefined, proposal.error);
    // An error for a request that cannot be met, and the server still answers after it.
    const bad = await client.request<NewContainerProposal>('homelab/newContainer', { folderUri: fileUri(dir), ...params, host: 'no-such-host' });
    assert.deepEqual(bad, { vmid: 0, address: '', prefixLength: 0, createFiles: {}, edits: {}, pctCreate: [], summary: [], error: 'no host named `no-such-host` in hosts' });
  } finally {
    await client.shutdown();
  }
  apply(proposal);
  // Exactly the expected files are new or changed, each equal to its expected text as a whole.
  const want = filesUnder(expected).sort();
  const changed = filesUnder(dir)
    .filter((f) => {
      try {
        return readFileSync(path.join(original, f), 'utf8') !== readFileSync(path.join(dir, f), 'utf8');
      } catch {
        return true;
      }
    })
    .sort();
  assert.deepEqual(changed, want);
  for (const f of want) assert.equal(readFileSync(path.join(dir, f), 'utf8'), readFileSync(path.join(expected, f), 'utf8'), `${f} differs from the expected file`);
  // homelab-check finds nothing new.
  assert.deepEqual(problems(dir), before);
  return proposal;
}

test('homelab/newContainer on the example homelab: a profile like its siblings, the inventory entry, the scrape target', async () => {
  const dir = copyExample('homelab');
  try {
    const p = await proposeAndCompare(dir, path.join(repoRoot, 'examples', 'homelab'), path.join(expectedRoot, 'homelab'), {
      name: 'LXC_paperless',
      host: 'pve',
      network: 'home',
      services: ['paperless'],
    });
    assert.equal(p.vmid, 110);
    assert.equal(p.address, '192.168.8.81');
    assert.equal(p.prefixLength, 24);
    assert.equal(p.gateway, '192.168.8.1');
    assert.equal(p.update, 'Sat *-*-* 07:20:00');
    assert.equal(p.profilePath, 'profiles/LXC_paperless-config.nix');
    // No template in the inventory and none asked for: nothing to run, and the summary says where to set one.
    assert.deepEqual(p.pctCreate, []);
    assert.deepEqual(p.summary, [
      'vmid 110: the next after the highest vmid in use on pve, 109',
      "address 192.168.8.81/24: the lowest free address of home in its host's containers' range (192.168.8.80 and up), gateway 192.168.8.1",
      "update Sat *-*-* 07:20:00: the first free slot on pve's 5-minute grid from 07:00, in its containers' form",
      'profile profiles/LXC_paperless-config.nix: written like profiles/LXC_plane-config.nix (in home, shares no service, 20 lines)',
      "profile: left out dockerComposeProjects (LXC_plane's own)",
      'paperless: no setting of the catalog turns it on (no paperlessEnable): configure it in profiles/LXC_paperless-config.nix',
      'inventory: LXC_paperless added after LXC_mailer',
      'monitoring: profiles/LXC_monitoring-config.nix scrapes 192.168.8.81 as lxc_paperless, like the other containers',
      'pct create: no template known: set hosts.pve.proxmox.template in the inventory (or choose one), then create it',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('homelab/newContainer on a flake with one entry and one hosts/<name>/ per machine', async () => {
  const fixture = path.join(repoRoot, 'test', 'fixtures', 'newContainer', 'flake-per-machine');
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-flake-per-machine-'));
  cpSync(fixture, dir, { recursive: true });
  try {
    const p = await proposeAndCompare(dir, fixture, path.join(expectedRoot, 'flake-per-machine'), {
      name: 'dns2',
      host: 'pve',
      network: 'lab',
      services: ['adguard-home'],
      template: 'local:vztmpl/nixos-24.11-lxc.tar.xz',
      liveVmids: [100],
    });
    assert.equal(p.vmid, 123);
    assert.equal(p.address, '10.20.0.23');
    assert.equal(p.update, 'Sun *-*-* 03:30:00');
    assert.equal(p.profilePath, 'hosts/dns2/configuration.nix');
    assert.deepEqual(p.pctCreate, [
      '123', 'local:vztmpl/nixos-24.11-lxc.tar.xz', '--hostname', 'dns2',
      '--net0', 'name=eth0,bridge=vmbr0,ip=10.20.0.23/24,gw=10.20.0.1',
      '--storage', 'local-lvm', '--unprivileged', '1', '--features', 'nesting=1', '--onboot', '1',
    ]);
    assert.deepEqual(p.summary, [
      'vmid 123: the next after the highest vmid in use on pve (inventory and live), 122',
      "address 10.20.0.23/24: the lowest free address of lab in its host's containers' range (10.20.0.20 and up), gateway 10.20.0.1",
      "update Sun *-*-* 03:30:00: the first free slot on pve's 10-minute grid from 03:00, in its containers' form",
      'hosts/dns2/configuration.nix: written like hosts/dns/configuration.nix (in lab, also runs adguard-home)',
      "flake.nix: an entry for dns2 like dns's, after nixosConfigurations.monitor",
      'inventory: dns2 added after monitor',
      'monitoring: hosts/monitor/configuration.nix scrapes 10.20.0.23:9100, like the other containers',
      'pct create 123 on pve: template local:vztmpl/nixos-24.11-lxc.tar.xz, storage local-lvm, bridge vmbr0, unprivileged with nesting, started at boot',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
