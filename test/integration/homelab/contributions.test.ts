// What the manifest promises exists at run time: every contributed command is
// registered, the Nix language is known and .nix files get it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { contributedCommands, extension, workspaceRoot } from '../helpers';

describe('contributions', () => {
  before(async () => {
    await extension().activate();
  });

  it('contributes the homelab.* commands', () => {
    const ids = contributedCommands();
    assert.ok(ids.length >= 10, `only ${ids.length} commands in the manifest`);
    for (const id of ids) assert.match(id, /^homelab\./);
  });

  it('registers every command the manifest contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributedCommands().filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('knows the language nix', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('nix'), 'nix is not among the known languages');
  });

  it('opens a .nix file of the workspace as languageId nix', async () => {
    const found = await vscode.workspace.findFiles('**/*.nix', '**/node_modules/**', 1);
    assert.equal(found.length, 1, `no .nix file under ${workspaceRoot()}`);
    const doc = await vscode.workspace.openTextDocument(found[0]);
    assert.equal(path.extname(doc.fileName), '.nix');
    assert.equal(doc.languageId, 'nix');
  });

  it('gives an untitled document with Nix text the language nix when asked', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'nix', content: '{ ... }: { }\n' });
    assert.equal(doc.languageId, 'nix');
  });
});
