// Opened on a folder with no homelab, the extension stays asleep until it is
// needed: opening a Nix file activates it (onLanguage:nix).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, sleep, waitFor } from '../helpers';
import { recordMetric } from '../metrics';

describe('activation on a folder without a homelab', () => {
  it('is not active while nothing needs it', async () => {
    // Give the startup activation events time to have fired if they were going to.
    await sleep(1500);
    assert.equal(extension().isActive, false);
  });

  it('activates when a Nix document is opened', async () => {
    const started = Date.now();
    const doc = await vscode.workspace.openTextDocument({ language: 'nix', content: '{ pkgs, ... }: { }\n' });
    await vscode.window.showTextDocument(doc);
    await waitFor('activation by onLanguage:nix', () => (extension().isActive ? true : undefined), 20_000);
    recordMetric('activateOnNixOpenMs', Date.now() - started);
    assert.equal(doc.languageId, 'nix');
  });
});
