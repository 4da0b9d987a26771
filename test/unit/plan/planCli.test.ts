// `homelab-check plan` in process (as test/unit/fleets does): the working
// tree against HEAD by default, against the branch's upstream when it has
// one, against --since; text and JSON; one machine with --machine; "no
// changes" when nothing changes; exit code 2 with a message for usage errors
// and git problems (unknown revision, not a repository).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/src/cli/main';
import { REPO_ROOT, edit, git, lineAt, lineOf, repoWith } from './gitFixture';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const { top, dir, commit } = repoWith('examples/homelab');
const c0 = git(top, 'rev-parse', 'HEAD');
edit(dir, 'profiles/LXC_plane-config.nix', 'dockerComposeProjects = [ "plane" ];', 'dockerComposeProjects = [ "plane" "plane-worker" ];');
const c1 = commit('plane: a second compose project');
// Not committed: the working tree is what would be deployed.
edit(dir, 'profiles/LXC_HOME-config.nix', ' 9696 11000 22000', ' 9696 22000');

test('no changes: says so, exit 0', async () => {
  const clean = repoWith('examples/homelab');
  const r = await cli('plan', clean.dir);
  assert.equal(r.code, 0, r.err);
  const sha = git(clean.top, 'rev-parse', 'HEAD');
  assert.equal(r.out, `homelab-check plan: since HEAD (${sha.slice(0, 12)})\nno changes`);
  const j = await cli('plan', clean.dir, '--format', 'json');
  assert.deepEqual(JSON.parse(j.out), { since: 'HEAD', commit: sha, complete: true, machines: [], knockOns: [] });
});

test('text: the working tree against HEAD, one line per change with file:line, then the knock-ons', async () => {
  const r = await cli('plan', dir);
  assert.equal(r.code, 0, r.err);
  const l = lineOf(dir, 'profiles/LXC_HOME-config.nix', 'allowedTCPPorts = [');
  const closed = lineAt(top, c1, 'profiles/LXC_HOME-config.nix', '11000');
  assert.equal(
    r.out,
    [
      `homelab-check plan: since HEAD (${c1.slice(0, 12)})`,
      'LXC_HOME: 1 change since HEAD',
      `  profiles/LXC_HOME-config.nix:${closed}  port closed: tcp/11000`,
      'knock-ons on other machines:',
      `  profiles/LXC_HOME-config.nix:${l}  LXC_proxy: LXC_proxy proxies nextcloud to LXC_HOME on port 11000/tcp, which LXC_HOME no longer opens (caused by LXC_HOME)`,
    ].join('\n'),
  );
});

test('json with --since: the whole plan, with the revision and its commit', async () => {
  const r = await cli('plan', dir, '--since', c0, '--format', 'json');
  assert.equal(r.code, 0, r.err);
  const home = lineOf(dir, 'homelab.yaml', '  LXC_HOME:');
  const plane = lineOf(dir, 'homelab.yaml', '  LXC_plane:');
  assert.deepEqual(JSON.parse(r.out), {
    since: c0,
    commit: c0,
    complete: true,
    machines: [
      {
        machine: 'LXC_HOME', status: 'changed', since: c0, file: 'homelab.yaml', line: home,
        changes: [{ machine: 'LXC_HOME', kind: 'port-closed', key: 'tcp/11000', file: 'profiles/LXC_HOME-config.nix', line: lineAt(top, c0, 'profiles/LXC_HOME-config.nix', '11000') }],
      },
      {
        machine: 'LXC_plane', status: 'changed', since: c0, file: 'homelab.yaml', line: plane,
        changes: [
          {
            machine: 'LXC_plane', kind: 'setting', key: 'systemSettings.dockerComposeProjects', old: '[ "plane" ]', new: '[ "plane" "plane-worker" ]',
            file: 'profiles/LXC_plane-config.nix', line: lineOf(dir, 'profiles/LXC_plane-config.nix', 'dockerComposeProjects'),
          },
        ],
      },
    ],
    knockOns: [
      {
        machine: 'LXC_proxy', kind: 'proxy-port-closed', key: 'nextcloud', old: 'tcp/11000 open on LXC_HOME', new: 'tcp/11000 closed on LXC_HOME',
        file: 'profiles/LXC_HOME-config.nix', line: lineOf(dir, 'profiles/LXC_HOME-config.nix', 'allowedTCPPorts = ['),
        cause: 'LXC_HOME', message: 'LXC_proxy proxies nextcloud to LXC_HOME on port 11000/tcp, which LXC_HOME no longer opens',
      },
    ],
  });
});

test('--machine plans that machine only (and the knock-ons it causes)', async () => {
  const r = await cli('plan', dir, '--since', c0, '--machine', 'LXC_plane', '--format=json');
  assert.equal(r.code, 0, r.err);
  const p = JSON.parse(r.out) as { machines: { machine: string }[]; knockOns: unknown[] };
  assert.deepEqual(p.machines.map((m) => m.machine), ['LXC_plane']);
  assert.deepEqual(p.knockOns, []);
  const bad = await cli('plan', dir, '--machine', 'LXC_nope');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /no machine named LXC_nope/);
});

test('default since: the branch’s upstream when it has one', async () => {
  const repo = repoWith('examples/homelab');
  const base = git(repo.top, 'rev-parse', 'HEAD');
  git(repo.top, 'branch', 'deployed');
  git(repo.top, 'branch', '--set-upstream-to=deployed');
  edit(repo.dir, 'profiles/LXC_plane-config.nix', 'dockerComposeProjects = [ "plane" ];', 'dockerComposeProjects = [ ];');
  repo.commit('plane: nothing');
  const r = await cli('plan', repo.dir);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n');
  assert.equal(lines[0], `homelab-check plan: since @{upstream} (${base.slice(0, 12)})`);
  assert.equal(lines[1], 'LXC_plane: 1 change since @{upstream}');
  assert.match(lines[2], /^ {2}profiles\/LXC_plane-config\.nix:\d+ {2}systemSettings\.dockerComposeProjects: \[ "plane" \] → \[ \]$/);
});

test('a subfolder of a repository, run from inside it with no folder argument', async () => {
  const repo = repoWith('test/fixtures/fleets/flake-hosts', 'nixos');
  edit(repo.dir, 'hosts/media/configuration.nix', '[ 8096 ]', '[ 8096 8920 ]');
  const cwd = process.cwd();
  process.chdir(repo.dir);
  try {
    const r = await cli('plan');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.split('\n').slice(1), [
      'media: 1 change since HEAD',
      `  hosts/media/configuration.nix:${lineOf(repo.dir, 'hosts/media/configuration.nix', '8920')}  port opened: tcp/8920`,
    ]);
  } finally {
    process.chdir(cwd);
  }
});

test('usage errors and git problems: exit 2 and a message, never a crash', async () => {
  const unknown = await cli('plan', dir, '--since', 'v9.9.9');
  assert.deepEqual([unknown.code, unknown.out, unknown.err], [2, '', 'homelab-check plan: unknown revision v9.9.9 (no such commit, branch or tag)']);
  const plain = mkdtempSync(path.join(tmpdir(), 'homelab-nogit-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'homelab'), plain, { recursive: true });
  const notRepo = await cli('plan', plain);
  assert.deepEqual([notRepo.code, notRepo.err], [2, `homelab-check plan: ${plain} is not in a git repository`]);
  for (const args of [['--since'], ['--since', '--upload-pack=x'], ['--format', 'sarif'], ['--frobnicate'], ['a', 'b']]) {
    const r = await cli('plan', dir, ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /^homelab-check plan: .*\n\nusage: homelab-check plan/, args.join(' '));
  }
  const missing = await cli('plan', path.join(plain, 'nope'));
  assert.equal(missing.code, 2);
  const help = await cli('plan', '--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /^usage: homelab-check plan \[folder\] \[--since REV\]/);
});
