// Rollback over a real OpenSSH server on 127.0.0.1 (test helper), logged in as
// the sshd's test user. No NixOS runs here: the machine's system profile is a
// stand-in (helpers/systemProfile) and the generations are switched by
// Debian's real `nix-env`, through a wrapper that gives it a state, store and
// home of its own (the real /nix is root's, or absent). ssh-script rollback checks out the commit deployed
// before in a real checkout (helpers/remoteRepo) and runs the command again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planDeploy, formatIssues } from '../../client/src/deploy/plan';
import {
  parseGeneration, parseProbe, parseRollbackPolicy, planRollback, planRollbackProbe, rollbackDecider, type RollbackOptions,
} from '../../client/src/deploy/rollback';
import { runDeploy } from '../../client/src/deploy/runner';
import type { DeployTarget, DeployUnit, PlanStep } from '../../client/src/deploy/types';
import type { WaveFailure } from '../../client/src/deploy/waveRunner';
import { startSshd, type Sshd } from './helpers/sshd';
import { createRemoteRepo, type RemoteRepo } from './helpers/remoteRepo';
import { standInProfile, type StandInProfile } from './helpers/systemProfile';

let sshd: Sshd;
let repo: RemoteRepo;
let base: string;

before(async () => {
  sshd = await startSshd();
  repo = createRemoteRepo(sshd.user);
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-rollback-'));
  fs.chmodSync(base, 0o755);
});
after(async () => {
  await sshd?.stop();
  repo?.cleanup();
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

/** A stand-in system profile with `generations` generations, the last one current. */
const profileOf = (name: string, generations: number): StandInProfile => standInProfile(base, name, generations, sshd.user);

const nixTarget = (name: string, method: 'nixos-rebuild' | 'colmena' | 'deploy-rs' = 'nixos-rebuild'): DeployTarget => ({
  name, ip: '127.0.0.1', deploy: { method, user: sshd.user.name, sshOptions: sshd.sshOptions },
});

async function run(unit: DeployUnit): Promise<Awaited<ReturnType<typeof runDeploy>>['results'][number]> {
  return (await runDeploy({ units: [unit], parallel: 1 })).results[0];
}

async function capture(step: PlanStep): Promise<string> {
  let out = '';
  const r = await runDeploy({ units: [{ id: 'p', machines: ['p'], method: 'command', steps: [step] }], parallel: 1 }, {
    onEvent: (e) => { if (e.type === 'output' && e.stream === 'stdout') out += e.text; },
  });
  assert.equal(r.results[0].status, 'succeeded', r.results[0].message);
  return out;
}

test('NixOS: after a health failure, the previous generation is selected by nix-env and activated', { timeout: 30_000 }, async () => {
  const p = profileOf('health', 3);
  const options: RollbackOptions = { workspaceFolder: base, connectTimeout: 5, systemProfile: p.profile, nixEnv: p.nixEnv, sudo: false };
  const r = planRollback(nixTarget('LXC_nix'), options, { failure: 'health' });
  if (!r.ok) assert.fail(r.reason);
  assert.deepEqual(r.unit.steps.map((s) => s.id), ['rollback-profile', 'rollback-switch']);
  const argv = r.unit.steps[0].argv;
  assert.deepEqual(argv.slice(0, 3), ['ssh', '-o', 'BatchMode=yes']);
  assert.ok(argv.includes('ConnectTimeout=5'));
  assert.deepEqual(argv.slice(-3, -1), ['--', `${sshd.user.name}@127.0.0.1`]);
  const result = await run(r.unit);
  assert.equal(result.status, 'succeeded', result.message);
  assert.equal(fs.readlinkSync(p.profile), 'system-2-link');
  assert.equal(fs.readFileSync(p.marker, 'utf8'), 'gen2 switch\n');
});

test('NixOS: the generation read before the deploy is the one returned to', { timeout: 30_000 }, async () => {
  const p = profileOf('probe', 2);
  const options: RollbackOptions = { workspaceFolder: base, connectTimeout: 5, systemProfile: p.profile, nixEnv: p.nixEnv, sudo: false };
  const target = nixTarget('LXC_probe', 'colmena');
  const probe = planRollbackProbe(target, options);
  assert.ok(probe);
  const before = parseProbe(await capture(probe));
  assert.equal(before, 'system-2-link');
  assert.equal(parseGeneration(before), 2);
  // The "deploy": two new generations, the profile on the last (as nixos-rebuild switch would leave it).
  p.addGeneration(3);
  p.addGeneration(4);
  const r = planRollback(target, options, { before, failure: 'deploy' });
  if (!r.ok) assert.fail(r.reason);
  assert.match(r.description, /generation 2 of .*before the deploy/);
  const result = await run(r.unit);
  assert.equal(result.status, 'succeeded', result.message);
  assert.equal(fs.readlinkSync(p.profile), 'system-2-link');
  assert.equal(fs.readFileSync(p.marker, 'utf8'), 'gen2 switch\n');
});

test('NixOS: rollback works where the login user finds no /nix store (a machine on which Nix never ran as root)', { timeout: 30_000 }, async () => {
  // The cause of the old flaky failure: the nix-env stand-in needed /nix/store,
  // which only existed once another test file had run Nix as root.
  const bare = await startSshd({ withoutNix: true });
  try {
    const p = profileOf('no-nix', 2);
    const target: DeployTarget = { name: 'LXC_nonix', ip: '127.0.0.1', deploy: { method: 'nixos-rebuild', user: bare.user.name, sshOptions: bare.sshOptions } };
    const options: RollbackOptions = { workspaceFolder: base, connectTimeout: 5, systemProfile: p.profile, nixEnv: p.nixEnv, sudo: false };
    const look = await capture({
      id: 'look', title: 'Look for /nix/store',
      argv: ['ssh', '-o', 'BatchMode=yes', ...bare.sshOptions, '-T', '--', `${bare.user.name}@127.0.0.1`, 'if [ -e /nix/store ]; then echo present; else echo absent; fi'],
    });
    assert.equal(look.trim(), 'absent', 'the condition under test: no /nix/store for the login user');
    const r = planRollback(target, options, { failure: 'health' });
    if (!r.ok) assert.fail(r.reason);
    const result = await run(r.unit);
    assert.equal(result.status, 'succeeded', result.message);
    assert.equal(fs.readlinkSync(p.profile), 'system-1-link');
    assert.equal(fs.readFileSync(p.marker, 'utf8'), 'gen1 switch\n');
  } finally {
    await bare.stop();
  }
});

test('NixOS: a failed deploy with an unknown generation is not rolled back blindly', () => {
  const r = planRollback(nixTarget('LXC_x', 'deploy-rs'), { workspaceFolder: base }, { failure: 'deploy' });
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.reason : '', /generation before the deploy is unknown/);
});

test('argument vectors: sudo -n unless root, colmena logs in as root by default, hostile values refused', () => {
  const withSudo = planRollback(nixTarget('LXC_s'), { workspaceFolder: base }, { before: 'system-41-link' });
  if (!withSudo.ok) assert.fail(withSudo.reason);
  assert.equal(withSudo.unit.steps[0].remoteCommand, `'sudo' '-n' 'nix-env' '--profile' '/nix/var/nix/profiles/system' '--switch-generation' '41'`);
  assert.equal(withSudo.unit.steps[1].remoteCommand, `'sudo' '-n' '/nix/var/nix/profiles/system/bin/switch-to-configuration' 'switch'`);
  const colmena = planRollback({ name: 'c', ip: '127.0.0.1', deploy: { method: 'colmena' } }, { workspaceFolder: base }, { failure: 'health' });
  if (!colmena.ok) assert.fail(colmena.reason);
  assert.ok(colmena.unit.steps[0].argv.includes('root@127.0.0.1'));
  assert.equal(colmena.unit.steps[0].remoteCommand, `'nix-env' '--profile' '/nix/var/nix/profiles/system' '--rollback'`);

  const bad = (o: Partial<RollbackOptions>, t: DeployTarget = nixTarget('LXC_b')): string => {
    const r = planRollback(t, { workspaceFolder: base, ...o }, { failure: 'health' });
    return r.ok ? '' : `${r.reason} ${formatIssues(r.issues ?? [])}`;
  };
  assert.match(bad({ systemProfile: '/nix/var/$(reboot)' }), /systemProfile/);
  assert.match(bad({ systemProfile: 'relative/system' }), /not an absolute path/);
  assert.match(bad({ nixEnv: 'nix-env; reboot' }), /nixEnv/);
  assert.match(bad({}, { ...nixTarget('LXC_b'), ip: '-oProxyCommand=x' }), /ip: .*option/);
  assert.match(bad({}, { name: 'LXC_b', ip: '127.0.0.1', deploy: { method: 'command', command: 'true' } }), /command deploy has no known way back/);
  assert.match(bad({}, { name: 'LXC_b', ip: '127.0.0.1', deploy: { method: 'deploy-rs' } }), /deploy\.user: is missing/);
  // A forged probe answer is not a generation or a commit.
  assert.equal(parseProbe("system-2-link'; reboot"), undefined);
  assert.equal(parseProbe('\r\nsystem-12-link\r\n'), 'system-12-link');
});

test('ssh-script: back to the commit deployed before, and the command runs again', { timeout: 40_000 }, async () => {
  const dir = repo.checkout('dotfiles-rollback');
  const target: DeployTarget = {
    name: 'LXC_rb', ip: '127.0.0.1',
    deploy: { method: 'ssh-script', user: sshd.user.name, dotfilesDir: dir, command: './install.sh {dir} {profile}', sshOptions: sshd.sshOptions },
  };
  const options: RollbackOptions = { workspaceFolder: base, connectTimeout: 5 };
  const probe = planRollbackProbe(target, options);
  assert.ok(probe);
  const first = parseProbe(await capture(probe));
  assert.equal(first, repo.git(dir, 'rev-parse', 'HEAD'));
  const second = repo.pushChange('VERSION', 'rollback test\n');
  const planned = planDeploy([target], options);
  if (!planned.ok) assert.fail(formatIssues(planned.issues));
  assert.equal((await runDeploy(planned.plan)).results[0].status, 'succeeded');
  assert.equal(repo.git(dir, 'rev-parse', 'HEAD'), second);

  const r = planRollback(target, options, { before: first, failure: 'health' });
  if (!r.ok) assert.fail(r.reason);
  assert.deepEqual(r.unit.steps.map((s) => s.id), ['rollback-reset', 'rollback-run']);
  const result = await run(r.unit);
  assert.equal(result.status, 'succeeded', result.message);
  assert.equal(repo.git(dir, 'rev-parse', 'HEAD'), first);
  assert.equal(fs.readFileSync(path.join(repo.markers, 'LXC_rb.head'), 'utf8').trim(), first, 'install.sh ran again on the old commit');

  // The history's last good commit stands in when no probe answered; nothing known: no rollback.
  const fromHistory = planRollback(target, options, { previousCommit: second, failure: 'deploy' });
  assert.ok(fromHistory.ok && fromHistory.description.includes(second.slice(0, 12)));
  const none = planRollback(target, options, { previousCommit: 'not-a-commit;reboot' });
  assert.equal(none.ok, false);
});

test('the policy: ask (default) asks, auto says yes, never says no', async () => {
  assert.equal(parseRollbackPolicy(undefined), 'ask');
  assert.equal(parseRollbackPolicy('AUTO'), 'ask');
  assert.equal(parseRollbackPolicy('never'), 'never');
  const failure: WaveFailure = { machine: 'm', wave: 1, kind: 'health', message: 'x' };
  const asked: string[] = [];
  const ask = async (machine: string): Promise<boolean> => { asked.push(machine); return false; };
  assert.equal(await rollbackDecider('auto', ask)('m', failure), true);
  assert.equal(await rollbackDecider('never', ask)('m', failure), false);
  assert.equal(await rollbackDecider('ask', ask)('m', failure), false);
  assert.deepEqual(asked, ['m']);
});
