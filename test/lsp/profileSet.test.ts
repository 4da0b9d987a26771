// The profile-set fixture (test/fixtures/profile-set-homelab) over a real stdio
// connection: `homelab/topology` has the set's machines and no base profile
// among them, the deploy list's groups, the ordered addresses, the command with
// our placeholders; the tree built from it groups the machines by the list's
// groups and shows each machine's base profiles under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './lspClient';
import { startOn } from './helpers';
import type { Topology } from '../../server/src/protocol/customMessages';
import { childNodes, rootNodes, type TreeNode } from '../../client/src/tree/treeModel';

test('profile set: topology and tree — list groups, base profiles under their machines, ordered deploy addresses', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'homelab-profile-set-'));
  cpSync(path.join(repoRoot, 'test', 'fixtures', 'profile-set-homelab'), root, { recursive: true });
  const client = await startOn(root);
  try {
    const topology = await client.request<Topology>('homelab/topology', {});
    const lab = topology.homelabs[0];
    assert.deepEqual(lab.machines.map((c) => c.name).sort(), ['ATLAS', 'ATLAS_GUEST', 'BOX_DB', 'BOX_WEB', 'ROAM_ONE', 'STUDIO_MAC']);
    const roam = lab.machines.find((c) => c.name === 'ROAM_ONE')!;
    assert.deepEqual(roam.deployTargets, ['127.0.0.3', '127.0.0.1', 'roam-one.tail']);
    assert.equal(roam.group, 'Roaming');
    assert.deepEqual(roam.deploy, { method: 'ssh-script', user: 'alex', dotfilesDir: '/home/alex/.dotfiles', command: './install.sh {dir} {profile}', sshOptions: [], connectTimeout: 5 });
    assert.deepEqual(roam.baseProfiles?.map((b) => b.name), ['ROAMING-base']);
    assert.equal(lab.machines.find((c) => c.name === 'STUDIO_MAC')?.os, 'darwin');

    const label = (n: TreeNode): string => (n.type === 'group' ? `group:${n.label}` : n.type === 'container' ? n.machine.name : n.type === 'detail' ? `${n.description}:${n.label}` : n.type);
    const roots = rootNodes(topology, 'host');
    // ATLAS_GUEST is in no deploy list: the flake's nixosConfigurations (read through the helper) group it.
    assert.deepEqual(roots.map(label), ['group:Boxes', 'group:Desks', 'group:Roaming', 'group:nixosConfigurations', 'unassigned']);
    assert.deepEqual(childNodes(roots[0], 'host').map(label), ['BOX_DB', 'BOX_WEB']);
    assert.deepEqual(childNodes(roots[3], 'host').map(label), ['ATLAS_GUEST']);
    assert.deepEqual(childNodes(roots[4], 'host').map(label), ['STUDIO_MAC']);
    const box = childNodes(roots[0], 'host')[1];
    assert.deepEqual(childNodes(box, 'host').map(label).filter((l) => /deploy|base/.test(l)), [
      'deploy: ssh-script, first that answers:ops@127.0.0.42, box-web.lan',
      'base profile:BOX-base-config.nix',
    ]);
  } finally {
    await client.shutdown().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  }
});
