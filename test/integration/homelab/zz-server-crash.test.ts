// The language server is killed (SIGKILL, as a crash would end it); the client
// restarts it by itself, says so once, and the problems come back. Runs last
// in its group (file name) because it replaces the server process.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { extension, replaceInDocument, restoreDocument, waitFor, waitForDiagnostics, workspaceFile } from '../helpers';

/** The language server: a child of this extension host running dist/server.js. */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (ppid === process.pid && cmdline.some((a) => a.endsWith('dist/server.js'))) pids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe('language server crash', () => {
  it('is restarted by the client, which says so, and diagnostics come back', async function () {
    this.timeout(90_000);
    const api = (await extension().activate()) as unknown as { ready: Promise<void>; restarts(): number };
    await api.ready;
    const [pid] = serverPids();
    assert.ok(pid, 'the language server runs as a child of the extension host');
    assert.equal(api.restarts(), 0);

    process.kill(pid, 'SIGKILL');
    await waitFor('the client to restart the server', () => (api.restarts() === 1 ? true : undefined), 30_000);
    const [newPid] = await waitFor('a new server process', () => {
      const now = serverPids().filter((p) => p !== pid);
      return now.length > 0 ? now : undefined;
    }, 30_000);
    assert.notEqual(newPid, pid);

    // The new server answers: a fresh mistake is reported again.
    const doc = await vscode.workspace.openTextDocument(workspaceFile('profiles', 'LXC_monitoring-config.nix'));
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    try {
      await replaceInDocument(doc, 'grafanaEnable = true;', 'grafanaEnabel = true;');
      const [d] = await waitForDiagnostics(doc.uri, 'unknown-setting', 45_000);
      assert.match(d.message, /grafanaEnabel/);
    } finally {
      await restoreDocument(doc, original);
    }
  });
});
