// Workspace Trust: the example homelab opened with trust on and not granted.
// Validation keeps working, a dry run still shows its plan, and a deploy
// refuses without starting anything.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  allTreeNodes, extension, replaceInDocument, restoreDocument, waitFor, waitForDiagnostics, waitForNoDiagnostics, workspaceFile,
  type HomelabApi, type TreeNodeLike,
} from '../helpers';

describe('an untrusted homelab folder', () => {
  let api: HomelabApi;
  let monitoring: TreeNodeLike;

  before(async () => {
    api = await extension().activate();
    await api.ready;
    monitoring = await waitFor('LXC_monitoring in the tree', () =>
      allTreeNodes(api).find((n) => n.type === 'container' && n.machine?.name === 'LXC_monitoring'));
  });

  it('is not trusted, and the extension is active anyway', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(extension().isActive, true);
  });

  it('still validates: a syntax error in a profile is reported and cleared', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('profiles', 'LXC_monitoring-config.nix'));
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    try {
      await replaceInDocument(doc, 'ipAddress = "192.168.8.85";', 'ipAddress = "192.168.8.85"');
      await waitForDiagnostics(doc.uri, 'nix-syntax');
      await restoreDocument(doc, original);
      await waitForNoDiagnostics(doc.uri, 'nix-syntax');
    } finally {
      await restoreDocument(doc, original);
    }
  });

  it('refuses to deploy a container: nothing is started', async () => {
    const terminalsBefore = vscode.window.terminals.length;
    const result = await vscode.commands.executeCommand('homelab.deploy', monitoring);
    assert.equal(result, undefined);
    assert.equal(vscode.window.terminals.length, terminalsBefore, 'a terminal was opened for a refused deploy');
  });

  it('still allows a dry run, which runs nothing and names the container', async () => {
    const terminalsBefore = vscode.window.terminals.length;
    const summary = await vscode.commands.executeCommand<{ results: { machine: string; status: string }[] } | undefined>(
      'homelab.dryRun', monitoring,
    );
    assert.ok(summary, 'the dry run returned nothing');
    assert.deepEqual(summary.results.map((r) => [r.machine, r.status]), [['LXC_monitoring', 'succeeded']]);
    assert.equal(vscode.window.terminals.length, terminalsBefore);
  });

  it('shows the deploy plan (read-only) and refuses a rollback', async () => {
    const shown = await vscode.commands.executeCommand<string>('homelab.showDeployPlan');
    assert.match(shown ?? '', /<h1>Deploy plan — /);
    const terminalsBefore = vscode.window.terminals.length;
    assert.equal(await vscode.commands.executeCommand('homelab.rollback', monitoring), undefined);
    assert.equal(vscode.window.terminals.length, terminalsBefore);
  });

  it('refresh re-reads the homelab (and probes nothing: the folder is not trusted)', async () => {
    await vscode.commands.executeCommand('homelab.refresh');
    const names = allTreeNodes(api).filter((n) => n.type === 'container').map((n) => n.machine?.name);
    assert.ok(names.includes('LXC_monitoring'), `containers after refresh: ${names.join(', ')}`);
  });

  it('reads nothing from Proxmox: the host has its proxmox: block but no live state, even after a refresh', async () => {
    const pve = (): TreeNodeLike | undefined => allTreeNodes(api).find((n) => n.type === 'host' && n.host?.name === 'pve');
    assert.ok(pve()?.host?.proxmox, 'the inventory\'s proxmox: block reaches the tree');
    await vscode.commands.executeCommand('homelab.refreshProxmox');
    await vscode.commands.executeCommand('homelab.refresh');
    // In a trusted folder this read fails at once ("no API token set") and the host gets a live state saying so.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(pve()?.host?.live, undefined, 'an untrusted folder got Proxmox live state');
  });
});
