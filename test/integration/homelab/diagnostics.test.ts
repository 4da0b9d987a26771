// Problems appear while typing and go away when fixed, through the real
// language client: a Nix syntax error and a misspelt setting in a profile, a
// duplicate VMID in the inventory. The files are edited in memory only and
// put back afterwards; the example on disk stays clean.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  diagnosticsOf, extension, replaceInDocument, restoreDocument, waitForDiagnostics, waitForNoDiagnostics, workspaceFile,
} from '../helpers';

describe('diagnostics in the example homelab', () => {
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

  it('the clean example has no errors', async () => {
    const doc = await open('profiles', 'LXC_monitoring-config.nix');
    // Give the server time to publish for the opened document.
    await new Promise((r) => setTimeout(r, 1500));
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
  });

  it('reports a Nix syntax error in a profile and clears it when fixed', async () => {
    const doc = await open('profiles', 'LXC_monitoring-config.nix');
    const original = doc.getText();
    const broken = await replaceInDocument(doc, 'ipAddress = "192.168.8.85";', 'ipAddress = "192.168.8.85"');
    const [d] = await waitForDiagnostics(doc.uri, 'nix-syntax');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    // The error is reported at or just after the missing semicolon.
    assert.ok(d.range.start.line >= broken.start.line && d.range.start.line <= broken.start.line + 2,
      `nix-syntax at line ${d.range.start.line + 1}, the edit is on line ${broken.start.line + 1}`);
    await restoreDocument(doc, original);
    await waitForNoDiagnostics(doc.uri, 'nix-syntax');
  });

  it('reports a misspelt setting with the closest known name, and clears it when fixed', async () => {
    const doc = await open('profiles', 'LXC_monitoring-config.nix');
    const original = doc.getText();
    const typo = await replaceInDocument(doc, 'grafanaEnable = true;', 'grafanaEnabel = true;');
    const [d] = await waitForDiagnostics(doc.uri, 'unknown-setting');
    assert.match(d.message, /grafanaEnabel/);
    assert.match(d.message, /did you mean `grafanaEnable`/);
    assert.equal(d.range.start.line, typo.start.line);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    await restoreDocument(doc, original);
    await waitForNoDiagnostics(doc.uri, 'unknown-setting');
  });

  it('reports a duplicate VMID in the inventory and clears it when fixed', async () => {
    const doc = await open('homelab.yaml');
    const original = doc.getText();
    assert.equal(diagnosticsOf(doc.uri, 'vmid-duplicate').length, 0);
    // LXC_proxy takes LXC_HOME's VMID 101 on the same host.
    const proxyAt = original.indexOf('  LXC_proxy:');
    assert.ok(proxyAt > 0, 'LXC_proxy not in homelab.yaml');
    const vmidLine = /vmid: \d+/.exec(original.slice(proxyAt));
    assert.ok(vmidLine, 'LXC_proxy has no vmid');
    const edit = new vscode.WorkspaceEdit();
    const start = doc.positionAt(proxyAt + vmidLine.index);
    edit.replace(doc.uri, new vscode.Range(start, doc.positionAt(proxyAt + vmidLine.index + vmidLine[0].length)), 'vmid: 101');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const found = await waitForDiagnostics(doc.uri, 'vmid-duplicate');
    assert.ok(found.some((d) => /101/.test(d.message)), found.map((d) => d.message).join('\n'));
    await restoreDocument(doc, original);
    await waitForNoDiagnostics(doc.uri, 'vmid-duplicate');
  });
});
