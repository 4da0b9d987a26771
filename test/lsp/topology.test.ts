// The tree's content: `homelab/topology` on examples/homelab over a real stdio
// connection — hosts by kind, containers with IP, host, network, profile,
// services, flags that are on, merged deploy settings, declaration places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileUri, repoRoot } from './lspClient';
import { startOn } from './helpers';
import type { Topology } from '../../server/src/protocol/customMessages';

const root = path.join(repoRoot, 'examples', 'homelab');

test('homelab/topology describes examples/homelab', async () => {
  const client = await startOn(root);
  try {
    const topology = await client.request<Topology>('homelab/topology', {});
    assert.equal(topology.homelabs.length, 1);
    const lab = topology.homelabs[0];
    assert.equal(lab.rootUri, fileUri(root));
    assert.equal(lab.inventoryUri, fileUri(path.join(root, 'homelab.yaml')));
    assert.deepEqual(lab.networks.map((n) => n.name), ['home', 'guest', 'storage', 'wireguard']);
    const pve = lab.hosts.find((h) => h.name === 'pve');
    assert.deepEqual([pve?.kind, pve?.ip, pve?.network], ['proxmox', '192.168.8.82', 'home']);
    assert.equal(lab.hosts.find((h) => h.name === 'truenas')?.kind, 'nas');

    const byName = new Map(lab.machines.map((c) => [c.name, c]));
    assert.deepEqual([...byName.keys()].sort(), [
      'LXC_HOME', 'LXC_liftcraftTEST', 'LXC_mailer', 'LXC_monitoring', 'LXC_plane', 'LXC_portfolioprod', 'LXC_proxy',
    ]);
    const expectedIps: Record<string, string> = {
      LXC_HOME: '192.168.8.80', LXC_proxy: '192.168.8.102', LXC_monitoring: '192.168.8.85', LXC_mailer: '192.168.8.89',
      LXC_plane: '192.168.8.86', LXC_liftcraftTEST: '192.168.8.87', LXC_portfolioprod: '192.168.8.88',
    };
    for (const [name, ip] of Object.entries(expectedIps)) {
      const c = byName.get(name)!;
      assert.equal(c.ip, ip, `${name} ip`);
      assert.equal(c.host, 'pve');
      assert.equal(c.network, 'home');
      assert.equal(c.configExists, true, `${name} has its profile`);
      assert.equal(c.configUri, fileUri(path.join(root, 'profiles', `${name}-config.nix`)));
      assert.equal(c.deploy.method, 'ssh-script');
      assert.equal(c.deploy.user, 'akunito');
      assert.equal(c.deploy.dotfilesDir, '/home/akunito/.dotfiles');
      assert.ok(c.location && c.location.uri === lab.inventoryUri && c.location.line > 0, `${name} has its declaration place`);
    }
    const monitoring = byName.get('LXC_monitoring')!;
    assert.ok(monitoring.flagsOn.includes('grafanaEnable'), `monitoring flags: ${monitoring.flagsOn.join(', ')}`);
    assert.ok(monitoring.flagsOn.includes('prometheusEnable'));
    assert.ok(!byName.get('LXC_mailer')!.flagsOn.includes('grafanaEnable'));
    assert.deepEqual(monitoring.services.map((s) => s.name).sort(), ['grafana', 'prometheus']);
    assert.equal(monitoring.services.find((s) => s.name === 'grafana')?.port, 3002);
    // The files a deploy depends on: the profile, the base it imports, the defaults.
    const deps = monitoring.configDependencies ?? [];
    for (const f of ['profiles/LXC_monitoring-config.nix', 'profiles/LXC-base-config.nix', 'lib/defaults.nix']) {
      assert.ok(deps.includes(fileUri(path.join(root, f))), `${f} in ${deps.join(', ')}`);
    }
    const grafana = lab.services.find((s) => s.name === 'grafana');
    assert.deepEqual(grafana?.machines, ['LXC_monitoring']);
    assert.equal(grafana?.builtIn, false);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('a workspace with profiles but no inventory still has its containers (unassigned)', async () => {
  const { copyExample } = await import('./helpers');
  const { rmSync } = await import('node:fs');
  const dir = copyExample('homelab');
  rmSync(path.join(dir, 'homelab.yaml'));
  const client = await startOn(dir);
  try {
    const topology = await client.request<Topology>('homelab/topology', {});
    const lab = topology.homelabs[0];
    assert.equal(lab.inventoryUri, undefined);
    const mailer = lab.machines.find((c) => c.name === 'LXC_mailer');
    assert.equal(mailer?.ip, '192.168.8.89', 'the IP comes from the profile');
    assert.equal(mailer?.host, undefined);
    assert.equal(lab.machines.length, 7, 'the base profile is not a container');
    const created = await client.request<{ text: string; containers: number }>('homelab/createInventory', { folderUri: fileUri(dir) });
    assert.equal(created.containers, 7);
    assert.match(created.text, /^ {2}LXC_mailer:\n {4}ip: 192\.168\.8\.89\n {4}hostname: mailer\n {4}profile: profiles\/LXC_mailer-config\.nix\n {4}update: "?Sat \*-\*-\* 07:35:00"?$/m);
    assert.match(created.text, /cidr: 192\.168\.8\.0\/24/);
    // The written inventory is itself clean: no errors from the same checks.
    writeFileSync(path.join(dir, 'homelab.yaml'), created.text);
    const check = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), '--format', 'json', dir], { encoding: 'utf8' });
    const problems = JSON.parse(check.stdout) as { severity: string; rule: string; message: string }[];
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), [], 'the created inventory has no errors');
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
