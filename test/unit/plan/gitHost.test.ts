// The git revision host: the files of a folder at a commit, read from git's
// objects (never the working tree), listed like the disk host lists them,
// binary and git-crypt content coming through as text as the disk host gives
// it; and clear errors, not crashes, for a folder outside git, an unknown
// revision, a revision that looks like an option, and git missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { deployPlan } from '../../../server/src/checks/plan/deployPlan';
import { defaultSince, gitRevisionHost, resolveRevision, type GitProblem, type GitRevisionHost } from '../../../server/src/model/gitHost';
import { nodeFsHost } from '../../../server/src/model/host';
import { buildAtRevision } from '../../../server/src/model/revisionBuild';
import { pathToUri } from '../../../server/src/model/uri';
import { edit, git, repoWith } from './gitFixture';

function host(folder: string, rev: string): GitRevisionHost {
  const h = gitRevisionHost(folder, rev);
  if ('error' in h) throw new Error(h.error);
  return h;
}

test('at HEAD of a clean tree: the same listing and texts as the disk (binary and git-crypt files included)', () => {
  const { dir, commit } = repoWith('examples/homelab');
  // Folders the disk host skips are skipped at a revision too.
  mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules', 'x', 'a.nix'), '{ }\n');
  writeFileSync(path.join(dir, 'result'), 'not a folder, still skipped\n');
  commit('skipped things');
  const disk = nodeFsHost();
  const rev = host(dir, 'HEAD');
  const root = pathToUri(dir);
  const listed = rev.listFiles(root);
  assert.deepEqual(listed, disk.listFiles(root));
  assert.ok(listed.includes(`${root}/secrets/domains.nix`));
  for (const uri of listed) {
    assert.equal(rev.readFile(uri), disk.readFile(uri), uri);
    assert.deepEqual(rev.stat(uri), disk.stat(uri), uri);
    assert.equal(rev.exists(uri), true);
  }
  assert.equal(rev.readFile(`${root}/nope.nix`), undefined);
  assert.equal(rev.exists(`${root}/nope.nix`), false);
  assert.equal(rev.stat(`${root}/nope.nix`), undefined);
  assert.deepEqual(rev.listFiles(`${root}/profiles`), disk.listFiles(`${root}/profiles`));
});

test('reads the commit, not the working tree; older commits give older files', () => {
  const { dir, commit } = repoWith('examples/homelab');
  const c0 = git(dir, 'rev-parse', 'HEAD');
  const root = pathToUri(dir);
  writeFileSync(path.join(dir, 'added.nix'), '{ added = true; }\n');
  rmSync(path.join(dir, 'user', 'home.nix'));
  commit('add and remove');
  edit(dir, 'homelab.yaml', 'domain: akunito.com', 'domain: example.org'); // not committed
  const head = host(dir, 'HEAD');
  assert.match(head.readFile(`${root}/homelab.yaml`)!, /domain: akunito\.com/);
  assert.equal(head.readFile(`${root}/added.nix`), '{ added = true; }\n');
  assert.equal(head.exists(`${root}/user/home.nix`), false);
  const old = host(dir, c0);
  assert.equal(old.commit, c0);
  assert.equal(old.exists(`${root}/added.nix`), false);
  assert.ok(old.listFiles(root).includes(`${root}/user/home.nix`));
  assert.ok(!old.listFiles(root).includes(`${root}/added.nix`));
});

test('a subfolder of the repository: its files only, named as on disk; files beside it still readable', () => {
  const { top, dir, commit } = repoWith('examples/homelab', 'deploy/lab');
  writeFileSync(path.join(top, 'shared.nix'), '{ shared = 1; }\n');
  symlinkSync('profiles/LXC_plane-config.nix', path.join(dir, 'plane-link.nix'));
  commit('shared file and a link');
  const rev = host(dir, 'HEAD');
  const root = pathToUri(dir);
  const listed = rev.listFiles(root);
  assert.deepEqual(listed, nodeFsHost().listFiles(root)); // the link is not listed, as on disk
  assert.ok(listed.every((u) => u.startsWith(`${root}/`)));
  assert.equal(rev.readFile(pathToUri(path.join(top, 'shared.nix'))), '{ shared = 1; }\n');
  assert.equal(rev.readFile(`${root}/plane-link.nix`), readFileSync(path.join(dir, 'profiles/LXC_plane-config.nix'), 'utf8'));
  // Outside the repository: not versioned, read as it is.
  const outside = path.join(mkdtempSync(path.join(tmpdir(), 'homelab-outside-')), 'x.nix');
  writeFileSync(outside, '{ }\n');
  assert.equal(rev.readFile(pathToUri(outside)), '{ }\n');
});

test('a change inside a git-crypt-locked file is not known, so it is not in the plan', () => {
  const { dir, commit } = repoWith('examples/homelab');
  const c0 = git(dir, 'rev-parse', 'HEAD');
  appendFileSync(path.join(dir, 'secrets', 'domains.nix'), Buffer.from([0x00, 0xff, 0x13, 0x37]));
  const c1 = commit('re-encrypted secrets');
  const a = buildAtRevision(dir, c0);
  const b = buildAtRevision(dir, c1);
  assert.ok(!('error' in a) && !('error' in b));
  assert.deepEqual(deployPlan(a.homelab, b.homelab!, { textBefore: a.text, textAfter: b.text }), { machines: [], knockOns: [] });
});

function problem(x: unknown): GitProblem {
  assert.ok(typeof x === 'object' && x !== null && 'error' in x, `expected a problem, got ${JSON.stringify(x)}`);
  return x as GitProblem;
}

test('errors, not crashes: outside git, unknown revision, a revision like an option, a missing folder', () => {
  const plain = mkdtempSync(path.join(tmpdir(), 'homelab-nogit-'));
  assert.deepEqual(problem(gitRevisionHost(plain, 'HEAD')), { kind: 'not-a-repository', error: `${plain} is not in a git repository` });
  const { dir } = repoWith('examples/homelab');
  assert.deepEqual(problem(gitRevisionHost(dir, 'no-such-branch')), { kind: 'unknown-revision', error: 'unknown revision no-such-branch (no such commit, branch or tag)' });
  assert.equal(problem(gitRevisionHost(dir, '--output=/tmp/x')).kind, 'bad-revision');
  assert.equal(problem(resolveRevision(dir, '')).kind, 'bad-revision');
  assert.equal(problem(gitRevisionHost(path.join(plain, 'missing'), 'HEAD')).kind, 'not-a-repository');
  assert.equal(problem(buildAtRevision(dir, 'deadbeef')).kind, 'unknown-revision');
  // No upstream: HEAD.
  assert.equal(defaultSince(dir), 'HEAD');
});

test('git missing: a clear error', () => {
  const { dir } = repoWith('examples/homelab');
  const saved = process.env.PATH;
  process.env.PATH = path.join(tmpdir(), 'no-git-here');
  try {
    assert.deepEqual(problem(gitRevisionHost(dir, 'HEAD')), { kind: 'git-missing', error: 'git is not installed (or not on PATH)' });
  } finally {
    process.env.PATH = saved;
  }
});

test('a repository without commits: HEAD is an unknown revision', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-empty-'));
  git(dir, 'init', '-q');
  assert.equal(problem(gitRevisionHost(dir, 'HEAD')).kind, 'unknown-revision');
});
