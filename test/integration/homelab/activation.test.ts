// The extension activates by itself when the example homelab is opened (the
// folder has a homelab.yaml) and its language server comes up.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, waitFor, workspaceFile } from '../helpers';
import { recordMetric } from '../metrics';

describe('activation on a homelab folder', () => {
  it('activates without being asked, because the folder holds homelab.yaml', async () => {
    const stat = await vscode.workspace.fs.stat(workspaceFile('homelab.yaml'));
    assert.equal(stat.type, vscode.FileType.File);
    const ext = extension();
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined), 20_000);
    // Extension-host uptime when activation was seen: host startup plus activation.
    recordMetric('activeAfterHostStartMs', Math.round(process.uptime() * 1000));
  });

  it('reports its own activation time and gets its language server ready', async () => {
    const api = await extension().activate();
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(api.activationMs >= 0);
    recordMetric('activationMs', Math.round(api.activationMs * 10) / 10);
    const started = Date.now();
    await api.ready;
    recordMetric('serverReadyWaitMs', Date.now() - started);
    assert.equal(extension().isActive, true);
  });
});
