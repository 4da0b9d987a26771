// `pvesh` and `pct create` over a real OpenSSH server on 127.0.0.1 (the
// deploy tests' sshd, logging in as their test user), with stand-in `pvesh`
// and `pct` scripts first on the remote PATH because Proxmox VE cannot run
// here: a whole read compared with the expected guests, a failing per-guest
// read, the exact argv `pct create` receives, and hostile values refused
// before ssh is even started.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pctCreate, readHost, readViaSsh, type ProxmoxSshSettings } from '../../client/src/proxmox';
import type { ProxmoxAccess } from '../../server/src/protocol/proxmoxMessages';
import { freePort, startSshd, type Sshd } from '../deploy/helpers/sshd';
import { EXPECTED_GUEST_PATHS, EXPECTED_PVE_GUESTS } from './helpers/cluster';
import { createStandInCommands, type StandInCommands } from './helpers/standInCommands';

let sshd: Sshd;
let stand: StandInCommands;
/** A stand-in ssh that only records that it was started: the refusal tests expect it never is. */
let recorder: { dir: string; ssh: string; log: string };

before(async () => {
  stand = createStandInCommands();
  sshd = await startSshd({ pathFirst: [stand.dir] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-ssh-recorder-'));
  const log = path.join(dir, 'ssh.log');
  const ssh = path.join(dir, 'ssh');
  fs.writeFileSync(log, '');
  fs.writeFileSync(ssh, `#!/bin/sh\n# Records that ssh was started, and with what.\nprintf '%s\\n' "$*" >> ${log}\nexit 1\n`);
  fs.chmodSync(ssh, 0o755);
  recorder = { dir, ssh, log };
});
after(async () => {
  await sshd?.stop();
  stand?.cleanup();
  if (recorder) fs.rmSync(recorder.dir, { recursive: true, force: true });
});

const access = (over: Partial<ProxmoxAccess> = {}): ProxmoxAccess => ({
  host: 'pve', via: 'ssh', address: '127.0.0.1', user: sshd.user.name, ...over,
});
const settings = (over: ProxmoxSshSettings = {}): ProxmoxSshSettings => ({ sshOptions: sshd.sshOptions, connectTimeout: 5, ...over });
const TIMEOUT = { timeoutMs: 15_000 };

const PCT_ARGS = [
  '150', 'local:vztmpl/nixos-24.11-x86_64-linux.tar.xz',
  '--hostname', 'LXC_new', '--net0', 'name=eth0,bridge=vmbr0,ip=192.168.8.90/24,gw=192.168.8.1',
  '--storage', 'local-lvm', '--rootfs', 'local-lvm:8', '--cores', '2', '--memory', '1024', '--tags', 'homelab,web',
  '--features', 'nesting=1', '--unprivileged', '1', '--onboot', '1', '--start', '1', '--ostype', 'nixos',
];

// One after the other: the tests read back the stand-ins' shared logs.
describe('pvesh and pct over a real sshd', () => {
  test('a whole read: the same guests as through the API, from pvesh\'s bare JSON', { timeout: 60_000 }, async () => {
    const before = stand.pveshCalls().length;
    const state = await readViaSsh(access(), settings(), TIMEOUT);
    assert.equal(state.error, undefined);
    assert.equal(state.via, 'ssh');
    assert.deepEqual(state.guests, EXPECTED_PVE_GUESTS);
    const calls = stand.pveshCalls().slice(before);
    assert.deepEqual(calls[0], ['get', '/cluster/resources', '--type', 'vm', '--output-format', 'json']);
    const rest = calls.slice(1);
    assert.ok(rest.every((c) => c.length === 4 && c[0] === 'get' && c[2] === '--output-format' && c[3] === 'json'), JSON.stringify(rest));
    assert.deepEqual(rest.map((c) => c[1]).sort(), EXPECTED_GUEST_PATHS);
  });

  test('readHost dispatches via ssh with the given settings', { timeout: 60_000 }, async () => {
    const state = await readHost(access(), { ssh: settings(), timeoutMs: 15_000 });
    assert.equal(state.error, undefined);
    assert.deepEqual(state.guests, EXPECTED_PVE_GUESTS);
  });

  test('a pvesh call that fails for one container: the host is still read, that container lacks the field', { timeout: 60_000 }, async () => {
    stand.forget('/nodes/pve/lxc/103/interfaces');
    const state = await readViaSsh(access(), settings(), TIMEOUT);
    assert.equal(state.error, undefined);
    const expected = EXPECTED_PVE_GUESTS.map((g) => {
      if (g.vmid !== 103) return g;
      const { liveAddresses: _dropped, ...rest } = g;
      return rest;
    });
    assert.deepEqual(state.guests, expected);
  });

  test('pct create: the arguments arrive exactly, the output streams back', { timeout: 60_000 }, async () => {
    const before = stand.pctCalls().length;
    const pieces: string[] = [];
    const r = await pctCreate(access(), PCT_ARGS, settings(), { timeoutMs: 15_000, onOutput: (t) => pieces.push(t) });
    assert.equal(r.error, undefined);
    assert.equal(r.exitCode, 0);
    assert.deepEqual(stand.pctCalls().slice(before), [['create', ...PCT_ARGS]]);
    assert.match(r.output, /extracting archive 'local:vztmpl\/nixos-24\.11-x86_64-linux\.tar\.xz'/);
    assert.match(r.output, /Creating SSH host key/);
    assert.match(r.output, /done: container 150/);
    assert.equal(pieces.join(''), r.output);
  });

  test('an unreachable host: ssh\'s failure explained, no guests', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const options = sshd.sshOptions.map((o, i, all) => (all[i - 1] === '-p' ? String(port) : o));
    const state = await readViaSsh(access(), settings({ sshOptions: options }), TIMEOUT);
    assert.match(state.error ?? '', /^ssh could not connect \(.*@127\.0\.0\.1\): connection refused/);
    assert.deepEqual(state.guests, []);
  });
});

describe('hostile values are refused before ssh starts', () => {
  const pveshBefore = (): number => stand.pveshCalls().length;
  const viaRecorder = (over: ProxmoxSshSettings = {}): ProxmoxSshSettings => settings({ sshCommand: recorder.ssh, ...over });

  test('pct create: a vmid with shell syntax, a hostname with spaces, unknown options, stray dashes', { timeout: 30_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [['1;rm', 'local:vztmpl/t.tar.xz'], /the vmid "1;rm" is not a number/],
      [['150', 'local:vztmpl/t.tar.xz', '--hostname', 'two words'], /value of --hostname "two words" holds whitespace/],
      [['150', 'local:vztmpl/t.tar.xz', '--hostname', '$(reboot)'], /holds whitespace, quotes or shell syntax/],
      [['150', 'local:vztmpl/t.tar.xz', '--tags', 'a;b'], /separate tags with ','/],
      [['150', 'local:vztmpl/t.tar.xz', '--mp0', '/srv'], /"--mp0" is not one of the allowed pct create options/],
      [['150', '-oProxyCommand=x'], /the template "-oProxyCommand=x" starts with '-'/],
      [['150', 'local:vztmpl/t.tar.xz', '--hostname', '-oProxyCommand=x'], /value of --hostname .* starts with '-'/],
      [['150', 'local:vztmpl/t.tar.xz', 'extra'], /"extra" is not an option/],
      [['150', 'local:vztmpl/t.tar.xz', '--cores'], /--cores needs a value/],
      [['150', 'local:vztmpl/t.tar.xz', '--password', 'hunter 2'], /value of --password "\(hidden\)"/],
      [['150'], /needs at least a vmid and a template/],
    ];
    for (const [args, expected] of cases) {
      const r = await pctCreate(access(), args, viaRecorder(), { timeoutMs: 5000 });
      assert.equal(r.exitCode, null, args.join(' '));
      assert.match(r.error ?? '', /^refused before ssh ran: /);
      assert.match(r.error ?? '', expected, args.join(' '));
      assert.ok(!(r.error ?? '').includes('hunter'), 'a password is never repeated');
    }
    assert.equal(fs.readFileSync(recorder.log, 'utf8'), '');
  });

  test('reads and creates: a node, address, user or ssh option that could inject an option or command', { timeout: 30_000 }, async () => {
    const before = pveshBefore();
    const cases: [Partial<ProxmoxAccess>, ProxmoxSshSettings, RegExp][] = [
      [{ node: '-oProxyCommand=x' }, {}, /`node` "-oProxyCommand=x" starts with '-'/],
      [{ node: 'pve;id' }, {}, /`node` "pve;id" is not a name/],
      [{ address: '127.0.0.1 -oProxyCommand=x' }, {}, /proxmox\.address .* is not an IP address/],
      [{ address: undefined }, {}, /proxmox\.address is missing/],
      [{ user: '-oProxyCommand=x' }, {}, /proxmox\.user "-oProxyCommand=x" starts with '-'/],
      [{ user: 'root;id' }, {}, /proxmox\.user "root;id" is not a user name/],
      [{}, { hostSshOptions: ['-oProxyCommand=x'] }, /sshOptions\[0\] ssh option ProxyCommand is not allowed/],
      [{}, { sshOptions: ['-o', 'LocalCommand=x'] }, /homelab\.deploy\.sshOptions\[1\] ssh option LocalCommand is not allowed/],
    ];
    for (const [over, extra, expected] of cases) {
      const state = await readViaSsh(access(over), viaRecorder(extra), { timeoutMs: 5000 });
      assert.match(state.error ?? '', /^refused before ssh ran: /, JSON.stringify(over));
      assert.match(state.error ?? '', expected, JSON.stringify(over));
      assert.deepEqual(state.guests, []);
      const created = await pctCreate(access(over), PCT_ARGS, viaRecorder(extra), { timeoutMs: 5000 });
      assert.match(created.error ?? '', expected, JSON.stringify(over));
      assert.equal(created.exitCode, null);
    }
    assert.equal(fs.readFileSync(recorder.log, 'utf8'), '');
    assert.equal(pveshBefore(), before);
  });
});
