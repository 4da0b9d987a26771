// Completion through VS Code's own command, at known positions of the example
// homelab: a profile setting from its first letters (with its documentation)
// and an inventory host name. Edits are in memory and put back afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, replaceInDocument, restoreDocument, workspaceFile } from '../helpers';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function docText(item: vscode.CompletionItem): string {
  const d = item.documentation;
  return d === undefined ? '' : typeof d === 'string' ? d : d.value;
}

async function complete(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider', doc.uri, position,
  );
  return list.items;
}

describe('completion in the example homelab', () => {
  const opened: { doc: vscode.TextDocument; original: string }[] = [];

  async function open(...segments: string[]): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(workspaceFile(...segments));
    await vscode.window.showTextDocument(doc);
    opened.push({ doc, original: doc.getText() });
    return doc;
  }

  before(async () => {
    await (await extension().activate()).ready;
  });

  afterEach(async () => {
    for (const { doc, original } of opened.splice(0)) await restoreDocument(doc, original);
  });

  it('completes grafanaEn to grafanaEnable, with its documentation, in a profile', async () => {
    // LXC_mailer runs no Grafana yet (a profile that sets a key is not offered it again).
    const doc = await open('profiles', 'LXC_mailer-config.nix');
    const typed = await replaceInDocument(doc, '    postfixRelayEnable = true;\n', '    postfixRelayEnable = true;\n    grafanaEn\n');
    const end = new vscode.Position(typed.end.line - 1, '    grafanaEn'.length);
    assert.equal(doc.lineAt(end.line).text, '    grafanaEn');
    const items = await complete(doc, end);
    const item = items.find((i) => labelOf(i) === 'grafanaEnable');
    assert.ok(item, `grafanaEnable not offered; got ${items.slice(0, 20).map(labelOf).join(', ')}`);
    assert.ok(docText(item).length > 0 || (item.detail ?? '').length > 0, 'grafanaEnable comes without documentation');
  });

  it('offers the inventory hosts as the value of a container host', async () => {
    const doc = await open('homelab.yaml');
    const proxyAt = doc.getText().indexOf('  LXC_proxy:\n    host: pve');
    assert.ok(proxyAt > 0, 'LXC_proxy with host pve not found in homelab.yaml');
    const range = await replaceInDocument(doc, '  LXC_proxy:\n    host: pve', '  LXC_proxy:\n    host: ');
    const items = await complete(doc, range.end);
    const labels = items.map(labelOf);
    assert.ok(labels.includes('pve'), `pve not offered; got ${labels.slice(0, 20).join(', ')}`);
  });
});
