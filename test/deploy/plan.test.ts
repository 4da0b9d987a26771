// The argument vectors of every deploy method, built from plain container data:
// exact argv, ssh's fixed safety options, colmena grouping, parallel, dry run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planDeploy, formatIssues } from '../../client/src/deploy/plan';
import { shellJoin } from '../../client/src/deploy/quote';
import type { DeployConfig, DeployPlan, DeployTarget, PlanOptions } from '../../client/src/deploy/types';

const ws = '/work/homelab';
const opts: PlanOptions = { workspaceFolder: ws };
const deploy = (d: Partial<DeployConfig> = {}): DeployConfig => ({
  method: 'ssh-script', user: 'akunito', dotfilesDir: '/home/akunito/.dotfiles',
  command: './install.sh {dir} {profile} -s -u -q', sshOptions: ['-o', 'ConnectTimeout=10', '-o', 'BatchMode=yes'],
  parallel: 1, ...d,
});
const target = (name: string, d: Partial<DeployConfig> = {}, extra: Partial<DeployTarget> = {}): DeployTarget => ({
  name, ip: '192.168.8.85', host: 'pve', deploy: deploy(d), ...extra,
});

function plan(targets: DeployTarget[], o: PlanOptions = opts): DeployPlan {
  const r = planDeploy(targets, o);
  if (!r.ok) assert.fail(formatIssues(r.issues));
  return r.plan;
}

test('ssh-script: fetch, hard reset to origin/main, then the command in dotfilesDir, each over ssh', () => {
  const p = plan([target('LXC_monitoring')]);
  assert.equal(p.units.length, 1);
  const u = p.units[0];
  assert.deepEqual(u.machines, ['LXC_monitoring']);
  assert.equal(u.address, 'akunito@192.168.8.85');
  assert.deepEqual(u.steps.map((s) => s.id), ['fetch', 'reset', 'run']);
  const ssh = ['ssh', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-tt', '--', 'akunito@192.168.8.85'];
  assert.deepEqual(u.steps[0].argv, [...ssh, `'git' '-C' '/home/akunito/.dotfiles' 'fetch' 'origin'`]);
  assert.deepEqual(u.steps[1].argv, [...ssh, `'git' '-C' '/home/akunito/.dotfiles' 'reset' '--hard' 'origin/main'`]);
  assert.deepEqual(u.steps[2].argv, [
    ...ssh,
    `cd '/home/akunito/.dotfiles' && './install.sh' '/home/akunito/.dotfiles' 'LXC_monitoring' '-s' '-u' '-q'`,
  ]);
  assert.equal(u.steps[2].remoteCommand, u.steps[2].argv.at(-1));
  for (const s of u.steps) assert.equal(s.cwd, undefined);
});

test('ssh-script: branch is configurable, BatchMode comes first and the connect timeout from the settings is last', () => {
  const p = plan([target('a', { branch: 'release/2024.1', sshOptions: ['-p', '2222', '-i', '~/.ssh/homelab'] })], {
    ...opts, connectTimeout: 4, sshOptions: ['-oStrictHostKeyChecking=accept-new'], sshCommand: '/usr/bin/ssh',
  });
  const argv = p.units[0].steps[1].argv;
  assert.deepEqual(argv.slice(0, 15), [
    '/usr/bin/ssh', '-o', 'BatchMode=yes', '-p', '2222', '-i', '~/.ssh/homelab', '-o', 'StrictHostKeyChecking=accept-new',
    '-o', 'ConnectTimeout=4', '-tt', '--', 'akunito@192.168.8.85', `'git' '-C' '/home/akunito/.dotfiles' 'reset' '--hard' 'origin/release/2024.1'`,
  ]);
  assert.equal(argv.length, 15);
});

test('ssh-script: every placeholder is substituted inside its word', () => {
  const p = plan([target('c1', { command: 'run --ip={ip} --as={user} on-{host} "{dir}/x y" {profile}' }, { profileName: 'prof' })]);
  assert.equal(
    p.units[0].steps[2].remoteCommand,
    `cd '/home/akunito/.dotfiles' && 'run' '--ip=192.168.8.85' '--as=akunito' 'on-pve' '/home/akunito/.dotfiles/x y' 'prof'`,
  );
});

test('nixos-rebuild runs locally in the workspace folder with ssh options for its own ssh', () => {
  const p = plan([target('LXC_mailer', { method: 'nixos-rebuild' })]);
  const s = p.units[0].steps;
  assert.equal(s.length, 1);
  assert.deepEqual(s[0].argv, [
    'nixos-rebuild', 'switch', '--flake', '.#LXC_mailer', '--target-host', 'akunito@192.168.8.85', '--use-remote-sudo',
  ]);
  assert.equal(s[0].cwd, ws);
  assert.equal(s[0].env?.NIX_SSHOPTS, '-o BatchMode=yes -o ConnectTimeout=10 -o BatchMode=yes -o ConnectTimeout=10');
});

test('colmena: a selection is one call; other methods keep one unit per container', () => {
  const p = plan([
    target('a', { method: 'colmena' }),
    target('b', { method: 'command', command: 'echo {profile}' }),
    target('c', { method: 'colmena' }, { profileName: 'c-prof' }),
  ]);
  assert.deepEqual(p.units.map((u) => u.machines), [['a', 'c'], ['b']]);
  assert.deepEqual(p.units[0].steps.map((s) => s.argv), [['colmena', 'apply', '--on', 'a,c-prof']]);
  assert.equal(p.units[0].steps[0].cwd, ws);
  assert.deepEqual(p.units[1].steps[0].argv, ['echo', 'b']);
});

test('deploy-rs and command methods', () => {
  const p = plan([
    target('d', { method: 'deploy-rs' }),
    target('e', { method: 'command', command: `make deploy HOST={ip} 'NAME={profile}' "" ` }),
  ]);
  assert.deepEqual(p.units[0].steps[0].argv, ['deploy', '--ssh-opts', '-o BatchMode=yes -o ConnectTimeout=10 -o BatchMode=yes -o ConnectTimeout=10', '.#d']);
  assert.deepEqual(p.units[1].steps[0].argv, ['make', 'deploy', 'HOST=192.168.8.85', 'NAME=e', '']);
  assert.equal(p.units[1].steps[0].cwd, ws);
});

test('parallel: the smallest of the selection unless the options override it', () => {
  assert.equal(plan([target('a', { parallel: 3 }), target('b', { parallel: 2 })]).parallel, 2);
  assert.equal(plan([target('a', { parallel: 3 }), target('b', { parallel: 2 })], { ...opts, parallel: 4 }).parallel, 4);
  assert.equal(plan([target('a', { parallel: undefined })]).parallel, 1);
});

test('IPv6 addresses work as ssh destinations', () => {
  const p = plan([target('v6', {}, { ip: 'fd00::85' })]);
  assert.equal(p.units[0].steps[0].argv.at(-2), 'akunito@fd00::85');
});

test('missing fields are named per method', () => {
  const r = planDeploy([
    { name: 'x', deploy: { method: 'ssh-script' } },
    { name: 'y', deploy: { method: 'nixos-rebuild' } },
    { name: 'z', deploy: { method: 'command', command: 'echo {host}' } },
    { name: 'w', deploy: { method: 'colmena' } },
  ], opts);
  assert.equal(r.ok, false);
  const got = r.ok ? [] : r.issues.map((i) => `${i.machine}:${i.field}`).sort();
  assert.deepEqual(got, ['x:deploy.command', 'x:deploy.dotfilesDir', 'x:deploy.user', 'x:ip', 'y:deploy.user', 'y:ip', 'z:host']);
});

test('a container selected twice, an empty selection and bad settings are refused', () => {
  const twice = planDeploy([target('a'), target('a')], opts);
  assert.ok(!twice.ok && twice.issues.some((i) => i.field === 'name' && /twice/.test(i.message)));
  const none = planDeploy([], opts);
  assert.ok(!none.ok);
  const bad = planDeploy([target('a')], { workspaceFolder: 'relative', connectTimeout: 0, sshCommand: 'ssh -v' });
  assert.ok(!bad.ok);
  assert.deepEqual(bad.issues.map((i) => i.field).sort(), ['homelab.deploy.connectTimeout', 'homelab.deploy.sshCommand', 'workspaceFolder']);
});

test('the remote command string quotes single quotes the POSIX way', () => {
  assert.equal(shellJoin([`it's`, '']), `'it'\\''s' ''`);
});
