// A plan across a file that does not parse (a `]` that ended up inside a
// comment) is incomplete, and says so: which file, at which line, on which
// side (a revision and its commit, or the working tree). Without it the plan
// showed a part of the changes as if it were all of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { deployPlan, isCompletePlan } from '../../../server/src/checks/plan/deployPlan';
import { main } from '../../../server/src/cli/main';
import { buildAtRevision, type RevisionBuild } from '../../../server/src/model/revisionBuild';
import { edit, git, lineOf, repoWith } from './gitFixture';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FILE = 'profiles/LXC_plane-config.nix';
const { top, dir, commit } = repoWith('examples/homelab');
const c0 = git(top, 'rev-parse', 'HEAD');
// The comment swallows the list's closing bracket: the file no longer parses.
edit(dir, FILE, 'allowedTCPPorts = [ 22 80 9092 9100 ];', 'allowedTCPPorts = [ 22 80 9100 # 9092 ];');
edit(dir, FILE, 'dockerComposeProjects = [ "plane" ];', 'dockerComposeProjects = [ "plane" "plane-worker" ];');
const c1 = commit('plane: close 9092 (broken: the bracket is in the comment)');
const file = path.join(dir, FILE);

/**
 * The line the plan names: where the editor's syntax error starts (the `[`
 * left open). Real Nix (nix-instantiate --parse) is the oracle that the file
 * does not parse; it reports the later token where it gave up.
 */
function nixErrorLine(): number {
  const nix = mkdtempSync(path.join(tmpdir(), 'homelab-plan-nix-'));
  // Its own state, store and home: nothing of this machine's /nix is created or read.
  const env = { ...process.env, NIX_STATE_DIR: path.join(nix, 'state'), NIX_STORE_DIR: path.join(nix, 'store'), HOME: nix };
  const r = spawnSync('nix-instantiate', ['--parse', file], { encoding: 'utf8', env });
  rmSync(nix, { recursive: true, force: true });
  assert.notEqual(r.status, 0, 'the fixture must not parse');
  assert.match(r.stderr, /syntax error/);
  return lineOf(dir, FILE, 'allowedTCPPorts');
}

function build(rev: string): RevisionBuild {
  const b = buildAtRevision(dir, rev);
  if ('error' in b) throw new Error(b.error);
  return b;
}

test('the model names the file that does not parse, at the line of its syntax error', () => {
  const b = build(c1);
  assert.deepEqual(b.unreadable.map((u) => [path.relative(dir, new URL(u.uri).pathname), u.line]), [[FILE, nixErrorLine()]]);
  assert.ok(b.unreadable[0].message.length > 0);
  assert.deepEqual(build(c0).unreadable, []);
});

test('deployPlan: a file unreadable on a side makes the plan incomplete and names it', () => {
  const before = build(c0);
  const after = build(c1);
  const plan = deployPlan(before.homelab, after.homelab!, {
    since: c0, commit: before.commit, textBefore: before.text, textAfter: after.text,
    unreadableBefore: before.unreadable, unreadableAfter: after.unreadable,
  });
  assert.equal(isCompletePlan(plan), false);
  assert.deepEqual(plan.unreadable, [{ file: FILE, line: nixErrorLine(), side: 'after', message: after.unreadable[0].message }]);
  // The other way round the file is unreadable at the revision: named with it and its commit.
  const back = deployPlan(after.homelab, before.homelab!, {
    since: c1, commit: after.commit, textBefore: after.text, textAfter: before.text,
    unreadableBefore: after.unreadable, unreadableAfter: before.unreadable,
  });
  assert.deepEqual(back.unreadable, [{ file: FILE, line: nixErrorLine(), side: 'before', revision: c1, commit: c1, message: after.unreadable[0].message }]);
  const clean = deployPlan(before.homelab, before.homelab!, { textBefore: before.text, textAfter: before.text, unreadableBefore: [], unreadableAfter: [] });
  assert.equal(isCompletePlan(clean), true);
  assert.equal('unreadable' in clean, false);
});

test('homelab-check plan: broken in the working tree, then broken at the revision compared with', async () => {
  const line = nixErrorLine();
  const now = await cli('plan', dir, '--since', c0);
  assert.equal(now.code, 0, now.err);
  const out = now.out.split('\n');
  assert.equal(out[0], `homelab-check plan: since ${c0} (${c0.slice(0, 12)})`);
  assert.equal(out[1], 'incomplete plan: 1 file could not be read, so what it says is missing from this plan:');
  assert.match(out[2], new RegExp(`^  ${FILE.replace('.', '\\.')}:${line}  in the working tree: \\S`));

  // Fixed in the working tree: now the revision is the side that cannot be read.
  edit(dir, FILE, '[ 22 80 9100 # 9092 ];', '[ 22 80 9100 ];');
  try {
    const since = await cli('plan', dir, '--since', 'HEAD');
    assert.equal(since.code, 0, since.err);
    const lines = since.out.split('\n');
    assert.equal(lines[1], 'incomplete plan: 1 file could not be read, so what it says is missing from this plan:');
    assert.match(lines[2], new RegExp(`^  ${FILE.replace('.', '\\.')}:${line}  at HEAD \\(${c1.slice(0, 12)}\\): \\S`));
    const json = JSON.parse((await cli('plan', dir, '--since', 'HEAD', '--format', 'json')).out) as Record<string, unknown>;
    assert.equal(json.complete, false);
    assert.deepEqual(json.unreadable, [{ file: FILE, line, side: 'before', revision: 'HEAD', commit: c1, message: build(c1).unreadable[0].message }]);
  } finally {
    edit(dir, FILE, '[ 22 80 9100 ];', '[ 22 80 9100 # 9092 ];');
  }
});
