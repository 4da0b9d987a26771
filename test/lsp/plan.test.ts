// `homelab/deployPlan` over a real stdio connection (dist/server.js: run
// `npm run build` first): the live workspace (an unsaved edit in an open
// document included) against a revision read from git, each machine against
// its own revision, and errors in the answer (never a crash) for an unknown
// revision, a revision like an option and a folder outside git.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileUri, repoRoot } from './lspClient';
import { startOn } from './helpers';
import type { DeployPlanResult } from '../../server/src/protocol/customMessages';
import { edit, git, lineAt, repoWith } from '../unit/plan/gitFixture';

test('homelab/deployPlan: the live workspace, open documents included, against git', async () => {
  const { top, dir, commit } = repoWith('examples/homelab');
  const c0 = git(top, 'rev-parse', 'HEAD');
  edit(dir, 'profiles/LXC_plane-config.nix', 'dockerComposeProjects = [ "plane" ];', 'dockerComposeProjects = [ "plane" "plane-worker" ];');
  const c1 = commit('plane: a second compose project');
  const client = await startOn(dir);
  try {
    const folderUri = fileUri(dir);
    const declared = (name: string): { file: string; line: number } => ({ file: 'homelab.yaml', line: lineAt(top, c1, 'homelab.yaml', `  ${name}:`) });
    const planeSetting = {
      machine: 'LXC_plane', kind: 'setting', key: 'systemSettings.dockerComposeProjects', old: '[ "plane" ]', new: '[ "plane" "plane-worker" ]',
      file: 'profiles/LXC_plane-config.nix', line: lineAt(top, c1, 'profiles/LXC_plane-config.nix', 'dockerComposeProjects'),
    };

    // Nothing changed since HEAD (no upstream): an empty plan.
    const none = await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri });
    assert.deepEqual(none, { plan: { machines: [], knockOns: [] }, text: 'no changes', commits: { HEAD: c1 } });

    const since = await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri, since: c0 });
    assert.deepEqual(since, {
      plan: { machines: [{ machine: 'LXC_plane', status: 'changed', since: c0, ...declared('LXC_plane'), changes: [planeSetting] }], knockOns: [] },
      text: [`LXC_plane: 1 change since ${c0}`, `  profiles/LXC_plane-config.nix:${planeSetting.line}  systemSettings.dockerComposeProjects: [ "plane" ] → [ "plane" "plane-worker" ]`].join('\n'),
      commits: { [c0]: c0 },
    });

    // An unsaved edit in an open document is part of "after".
    const homeUri = fileUri(path.join(dir, 'profiles', 'LXC_HOME-config.nix'));
    const text = readFileSync(path.join(dir, 'profiles', 'LXC_HOME-config.nix'), 'utf8').replace(' 9696 11000 22000', ' 9696 22000');
    client.notify('textDocument/didOpen', { textDocument: { uri: homeUri, languageId: 'nix', version: 1, text } });
    const portsLine = text.slice(0, text.indexOf('allowedTCPPorts = [')).split('\n').length;
    const closed = { machine: 'LXC_HOME', kind: 'port-closed', key: 'tcp/11000', file: 'profiles/LXC_HOME-config.nix', line: lineAt(top, c0, 'profiles/LXC_HOME-config.nix', '11000') };
    const proxy = {
      machine: 'LXC_proxy', kind: 'proxy-port-closed', key: 'nextcloud', old: 'tcp/11000 open on LXC_HOME', new: 'tcp/11000 closed on LXC_HOME',
      file: 'profiles/LXC_HOME-config.nix', line: portsLine, cause: 'LXC_HOME',
      message: 'LXC_proxy proxies nextcloud to LXC_HOME on port 11000/tcp, which LXC_HOME no longer opens',
    };

    // Each machine against its own last deploy; the rest against `since`.
    const mixed = await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri, sinceByMachine: { LXC_plane: c1, LXC_HOME: c0 } });
    assert.equal(mixed.error, undefined);
    assert.deepEqual(mixed.plan, {
      machines: [{ machine: 'LXC_HOME', status: 'changed', since: c0, ...declared('LXC_HOME'), changes: [closed] }],
      knockOns: [proxy],
    });
    assert.deepEqual(mixed.commits, { [c1]: c1, [c0]: c0 });

    const chosen = await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri, since: c0, sinceByMachine: { LXC_HOME: c1 }, machines: ['LXC_HOME', 'LXC_plane'] });
    assert.deepEqual(chosen.plan, {
      machines: [
        { machine: 'LXC_HOME', status: 'changed', since: c1, ...declared('LXC_HOME'), changes: [closed] },
        { machine: 'LXC_plane', status: 'changed', since: c0, ...declared('LXC_plane'), changes: [planeSetting] },
      ],
      knockOns: [proxy],
    });

    // Errors are answers.
    const unknown = await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri, since: 'no-such-tag' });
    assert.deepEqual(unknown, { plan: { machines: [], knockOns: [] }, text: '', error: 'unknown revision no-such-tag (no such commit, branch or tag)', commits: {} });
    const option = await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri, sinceByMachine: { LXC_HOME: '--output=/tmp/x' } });
    assert.match(option.error ?? '', /^not a revision/);
    const elsewhere = await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri: fileUri(path.join(tmpdir(), 'not-a-folder-of-this-workspace')) });
    assert.match(elsewhere.error ?? '', /^no homelab in /);
    // The server is still there.
    assert.equal((await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri, since: c1, machines: ['LXC_plane'] })).text, 'no changes');

    // An open document that does not parse (its list's `]` swallowed by a comment): the plan says it is incomplete and names it.
    const planeUri = fileUri(path.join(dir, 'profiles', 'LXC_plane-config.nix'));
    const planeText = readFileSync(path.join(dir, 'profiles', 'LXC_plane-config.nix'), 'utf8').replace('[ 22 80 9092 9100 ];', '[ 22 80 9100 # 9092 ];');
    client.notify('textDocument/didOpen', { textDocument: { uri: planeUri, languageId: 'nix', version: 1, text: planeText } });
    const broken = await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri, since: c1 });
    const brokenLine = planeText.slice(0, planeText.indexOf('allowedTCPPorts')).split('\n').length;
    assert.deepEqual(broken.plan.unreadable?.map((u) => [u.file, u.line, u.side]), [['profiles/LXC_plane-config.nix', brokenLine, 'after']]);
    assert.deepEqual(broken.text.split('\n').slice(0, 2).map((l) => l.replace(/: '\['.*$/, '')), [
      'incomplete plan: 1 file could not be read, so what it says is missing from this plan:',
      `  profiles/LXC_plane-config.nix:${brokenLine}  in the working tree`,
    ]);
  } finally {
    await client.shutdown();
  }
});

test('homelab/deployPlan in a folder outside git: an error, not a crash', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-nogit-'));
  cpSync(path.join(repoRoot, 'examples', 'homelab'), dir, { recursive: true });
  const client = await startOn(dir);
  try {
    const r = await client.request<DeployPlanResult>('homelab/deployPlan', { folderUri: fileUri(dir), since: 'HEAD' });
    assert.deepEqual(r, { plan: { machines: [], knockOns: [] }, text: '', error: `${dir} is not in a git repository`, commits: {} });
  } finally {
    await client.shutdown();
  }
});
