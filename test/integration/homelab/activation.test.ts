// The extension activates by itself when the example homelab is opened (the
// folder has a homelab.yaml) and its language server comes up.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
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

  it("starts its language server with the launcher's Node flags (V8's heap and thread pool)", function () {
    if (process.platform !== 'linux') this.skip(); // the server's command line is read from /proc
    // dist/server.js's first line holds the flags every launch must pass (a build test checks it against serverNodeFlags.json).
    const launcher = readFileSync(path.join(extension().extensionPath, 'dist', 'server.js'), 'utf8').split('\n')[0];
    const flags = launcher.replace(/^#!\/usr\/bin\/env (-S )?node ?/, '').split(' ').filter(Boolean);
    assert.ok(flags.length > 0, `no flags on the launcher's line: ${launcher}`);
    const servers: string[][] = [];
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (parent === process.pid && argv.some((a) => a.endsWith(path.join('dist', 'server.js')))) servers.push(argv);
      } catch {
        // a process that ended while we looked
      }
    }
    assert.equal(servers.length, 1, `one language server started by this extension host: ${JSON.stringify(servers)}`);
    for (const flag of flags) assert.ok(servers[0].includes(flag), `${flag} missing from the server's command line: ${servers[0].join(' ')}`);
  });
});
