// Every contributed command runs on the example homelab without throwing, and
// does what it says where that is visible through the API. Commands that would
// open connections to the example's 192.168.x addresses are not run here; the
// list below says where each is covered instead, and a new command must be
// added to one side or the other.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  allTreeNodes, contributedCommands, extension, waitFor, workspaceFile, type HomelabApi, type TreeNodeLike,
} from '../helpers';

/** Commands not run on examples/homelab → why, and where they are covered. */
const notRunHere: Record<string, string> = {
  'homelab.deploy': 'would ssh to 192.168.8.x; covered by the untrusted suite and the UI deploy against a local sshd',
  'homelab.deployAll': 'would ssh to every container of the example',
  'homelab.deployChanged': 'would ssh to the changed containers of the example',
  'homelab.openSshTerminal': 'would open an ssh session to 192.168.8.x',
  'homelab.rollback': 'would ssh to 192.168.8.x; rollback is covered by test/deploy/rollback.test.ts and the UI scenario of a failed health check',
  'homelab.setProxmoxToken': 'asks for the secret in an input box; run from the palette in the UI scenario of Proxmox live state',
  'homelab.newContainer': 'asks for name, network and services and shows a refactor preview; run from the palette in the UI scenario of New Container',
  'homelab.refresh': 'probes every container\'s SSH port even with homelab.reachability.enable off; run in the untrusted suite, where no probe is made',
};

describe('every contributed command on the example homelab', () => {
  let api: HomelabApi;
  let monitoring: TreeNodeLike;

  before(async () => {
    api = await extension().activate();
    await api.ready;
    monitoring = await waitFor('LXC_monitoring in the tree', () =>
      allTreeNodes(api).find((n) => n.type === 'container' && n.machine?.name === 'LXC_monitoring'));
  });

  const activeFile = (): string => path.basename(vscode.window.activeTextEditor?.document.fileName ?? '');

  it('each command is either run below or listed with a reason', () => {
    const runHere = ['homelab.groupByNetwork', 'homelab.groupByHost', 'homelab.showOutput', 'homelab.openInventory',
      'homelab.openProfile', 'homelab.revealInInventory', 'homelab.copyIp', 'homelab.dryRun', 'homelab.checkWorkspace',
      'homelab.createInventory', 'homelab.openSettings', 'homelab.restartServer', 'homelab.showDeployPlan',
      'homelab.refreshProxmox', 'homelab.clearProxmoxToken'];
    const unaccounted = contributedCommands().filter((id) => !runHere.includes(id) && !(id in notRunHere));
    assert.deepEqual(unaccounted, []);
  });

  it('showDeployPlan opens the plan in its own view (this copy is no git repository: it says why there is no plan)', async () => {
    const shown = await vscode.commands.executeCommand<string>('homelab.showDeployPlan');
    assert.ok(shown, 'a plan page was shown');
    assert.match(shown, /<h1>Deploy plan — /);
    assert.match(shown, /No plan:|No changes|<h2>/);
    // The web workbench adds the panel's tab a moment after the command returns.
    const planTab = (): vscode.Tab | undefined =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Deploy Plan — '));
    await waitFor('the Deploy Plan tab', planTab, 10_000);
  });

  it('groupByNetwork and groupByHost regroup the tree', async () => {
    await vscode.commands.executeCommand('homelab.groupByNetwork');
    const byNetwork = api.tree.getChildren().map((n) => n.type);
    assert.ok(byNetwork.includes('network'), `top level after groupByNetwork: ${byNetwork.join(', ')}`);
    await vscode.commands.executeCommand('homelab.groupByHost');
    const byHost = api.tree.getChildren().map((n) => n.type);
    assert.ok(byHost.includes('host'), `top level after groupByHost: ${byHost.join(', ')}`);
    assert.ok(!byHost.includes('network'));
  });

  it('showOutput and openSettings run', async () => {
    await vscode.commands.executeCommand('homelab.showOutput');
    await vscode.commands.executeCommand('homelab.openSettings');
  });

  it('openInventory opens homelab.yaml', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('homelab.openInventory');
    assert.equal(activeFile(), 'homelab.yaml');
  });

  it('openProfile opens the container\'s profile', async () => {
    await vscode.commands.executeCommand('homelab.openProfile', monitoring);
    assert.equal(activeFile(), 'LXC_monitoring-config.nix');
  });

  it('revealInInventory puts the cursor on the container in homelab.yaml', async () => {
    await vscode.commands.executeCommand('homelab.revealInInventory', monitoring);
    const editor = vscode.window.activeTextEditor;
    assert.equal(activeFile(), 'homelab.yaml');
    assert.ok(editor);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /LXC_monitoring/);
  });

  it('copyIp puts the container\'s address on the clipboard', async () => {
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('homelab.copyIp', monitoring);
    assert.equal(await vscode.env.clipboard.readText(), '192.168.8.85');
  });

  it('dryRun plans the container and runs nothing', async () => {
    const terminals = vscode.window.terminals.length;
    const summary = await vscode.commands.executeCommand<{ results: { machine: string; status: string }[] }>('homelab.dryRun', monitoring);
    assert.deepEqual(summary.results.map((r) => [r.machine, r.status]), [['LXC_monitoring', 'succeeded']]);
    assert.equal(vscode.window.terminals.length, terminals);
  });

  it('checkWorkspace checks every file and finds no errors in the example', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; errors: number }>('homelab.checkWorkspace');
    assert.ok(result, 'checkWorkspace returned nothing');
    assert.ok(result.files >= 8, `only ${result.files} files checked`);
    assert.equal(result.errors, 0);
  });

  it('createInventory never overwrites: the proposal opens in a new editor', async () => {
    await vscode.commands.executeCommand('homelab.createInventory');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc);
    assert.equal(doc.isUntitled, true, `the active editor is ${doc.fileName}`);
    assert.match(doc.getText(), /LXC_monitoring/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('refreshProxmox and clearProxmoxToken do nothing on a homelab without a proxmox: block (and read nothing)', async () => {
    await vscode.commands.executeCommand('homelab.refreshProxmox');
    await vscode.commands.executeCommand('homelab.clearProxmoxToken');
    const pve = allTreeNodes(api).find((n) => n.type === 'host' && n.host?.name === 'pve');
    assert.ok(pve, 'host pve in the tree');
    assert.equal(pve.host?.live, undefined, 'no live state for a host the inventory does not say to read');
  });

  it('restartServer restarts the language server, which answers again', async () => {
    await vscode.commands.executeCommand('homelab.restartServer');
    const doc = await vscode.workspace.openTextDocument(workspaceFile('profiles', 'LXC_monitoring-config.nix'));
    const at = doc.positionAt(doc.getText().indexOf('grafanaEnable') + 3);
    const hovers = await waitFor('a hover from the restarted server', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      return h.length > 0 ? h : undefined;
    });
    assert.ok(hovers.length > 0);
  });
});
