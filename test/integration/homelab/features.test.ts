// Hover, go to definition and quick fixes through VS Code's own commands at
// known positions of the example homelab. Edits are in memory only and put
// back afterwards.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  extension, replaceInDocument, restoreDocument, waitForDiagnostics, waitForNoDiagnostics, workspaceFile, workspaceRoot,
} from '../helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** The position just inside the first occurrence of `needle` (plus `offset` characters). */
function positionOf(doc: vscode.TextDocument, needle: string, offset = 1): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${path.basename(doc.fileName)}`);
  return doc.positionAt(at + offset);
}

function targetOf(l: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : l;
}

describe('hover, definition and quick fixes in the example homelab', () => {
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

  it('hover on a profile setting shows its documentation from lib/defaults.nix', async () => {
    const doc = await open('profiles', 'LXC_monitoring-config.nix');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', doc.uri, positionOf(doc, 'grafanaEnable = true;', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /grafanaEnable/, `hover: ${text}`);
    assert.match(text, /Run Grafana/, `the comment of lib/defaults.nix is not in the hover: ${text}`);
  });

  it('go to definition on a profile setting lands on its declaration in lib/defaults.nix', async () => {
    const doc = await open('profiles', 'LXC_monitoring-config.nix');
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'grafanaEnable = true;', 3),
    );
    const targets = found.map(targetOf);
    const defaults = vscode.Uri.file(path.join(workspaceRoot(), 'lib', 'defaults.nix'));
    const inDefaults = targets.find((t) => t.uri.fsPath === defaults.fsPath);
    assert.ok(inDefaults, `no definition in lib/defaults.nix: ${targets.map((t) => t.uri.fsPath).join(', ')}`);
    const defaultsDoc = await vscode.workspace.openTextDocument(defaults);
    assert.match(defaultsDoc.lineAt(inDefaults.range.start.line).text, /^\s*grafanaEnable = false;/);
  });

  it('go to definition on a container host in the inventory lands on the host', async () => {
    const doc = await open('homelab.yaml');
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'LXC_proxy:\n    host: pve', 'LXC_proxy:\n    host: p'.length),
    );
    const targets = found.map(targetOf);
    assert.equal(targets.length, 1, `definitions: ${JSON.stringify(targets)}`);
    assert.equal(targets[0].uri.fsPath, doc.uri.fsPath);
    assert.match(doc.lineAt(targets[0].range.start.line).text, /^ {2}pve:/);
  });

  it('the quick fix for a misspelt setting restores the right name, the whole text compared', async () => {
    const doc = await open('profiles', 'LXC_monitoring-config.nix');
    const original = doc.getText();
    const typo = await replaceInDocument(doc, 'grafanaEnable = true;', 'grafanaEnabel = true;');
    const [d] = await waitForDiagnostics(doc.uri, 'unknown-setting');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.includes('grafanaEnable'));
    assert.ok(fix, `no quick fix naming grafanaEnable: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit, 'the quick fix carries no edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(doc.getText(), original);
    assert.equal(typo.start.line, d.range.start.line);
    await waitForNoDiagnostics(doc.uri, 'unknown-setting');
  });
});
