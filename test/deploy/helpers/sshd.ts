// Test fixture: a real OpenSSH server (Debian's /usr/sbin/sshd) on 127.0.0.1 and
// a free high port, with keys generated in a temp dir, a known_hosts holding its
// host key, and a dedicated login user. Used by the deploy runner tests.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const TEST_USER = 'homelab-deploy-test';

export interface TestUser { name: string; uid: number; gid: number; home: string }

export interface Sshd {
  port: number;
  dir: string;
  clientKey: string;
  knownHosts: string;
  emptyKnownHosts: string;
  user: TestUser;
  /** ssh options (inventory form) that log in as the test user with the test keys. */
  sshOptions: string[];
  stop(): Promise<void>;
}

function lookupUser(name: string): TestUser | undefined {
  try {
    const line = execFileSync('getent', ['passwd', name], { encoding: 'utf8' }).trim();
    const f = line.split(':');
    return { name, uid: Number(f[2]), gid: Number(f[3]), home: f[5] };
  } catch {
    return undefined;
  }
}

/**
 * The dedicated login user of the test sshd, created if missing. Needs root:
 * sshd must switch to that user and give it a terminal (deploys use ssh -tt),
 * which a non-root sshd cannot do (it aborts on the login records).
 */
export function ensureTestUser(): TestUser {
  const user = lookupUser(TEST_USER);
  if (process.getuid?.() !== 0) {
    throw new Error(
      `the sshd deploy tests must run as root (sshd switches to the user ${TEST_USER} and allocates a terminal). ` +
      (user ? '' : `The user is missing too; as root: useradd -m -s /bin/sh ${TEST_USER} && usermod -p '*' ${TEST_USER}. `) +
      'Then run the tests as root, for example: sudo node test/run.mjs test/deploy',
    );
  }
  let created = user;
  if (!created) {
    execFileSync('useradd', ['-m', '-s', '/bin/sh', TEST_USER]);
    created = lookupUser(TEST_USER);
    if (!created) throw new Error(`useradd -m -s /bin/sh ${TEST_USER} did not create the user`);
  }
  // A new account's password is "!" (locked); sshd without PAM refuses locked
  // accounts even for keys. "*" means no password, not locked.
  execFileSync('usermod', ['-p', '*', TEST_USER]);
  return created;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForBanner(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited (${child.exitCode}):\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('data', (d) => { s.destroy(); resolve(d.toString().startsWith('SSH-')); });
      s.once('error', () => resolve(false));
      s.setTimeout(1000, () => { s.destroy(); resolve(false); });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not answer on 127.0.0.1:${port}:\n${log()}`);
}

/**
 * `pathFirst`: folders put before the usual PATH of remote commands (sshd's
 * `SetEnv`), for stand-ins of programs no test machine runs (systemctl of a
 * system without systemd as PID 1).
 * `withoutNix`: sshd runs in a mount namespace of its own where /nix, if this
 * machine has one, is covered by an empty folder of root's — the logged-in
 * user sees a machine on which no Nix command has run as root yet.
 */
export async function startSshd(options: { pathFirst?: string[]; withoutNix?: boolean } = {}): Promise<Sshd> {
  const user = ensureTestUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-sshd-'));
  fs.chmodSync(dir, 0o755); // sshd reads authorized_keys as the test user
  const hostKey = path.join(dir, 'host_ed25519');
  const clientKey = path.join(dir, 'client_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'homelab-test-host', '-f', hostKey]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'homelab-test-client', '-f', clientKey]);
  const authorized = path.join(dir, 'authorized_keys');
  fs.copyFileSync(`${clientKey}.pub`, authorized);
  fs.chmodSync(authorized, 0o644);
  const port = await freePort();
  const knownHosts = path.join(dir, 'known_hosts');
  const hostPub = fs.readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
  fs.writeFileSync(knownHosts, `[127.0.0.1]:${port} ${hostPub}\n`);
  const emptyKnownHosts = path.join(dir, 'known_hosts_empty');
  fs.writeFileSync(emptyKnownHosts, '');
  const config = path.join(dir, 'sshd_config');
  fs.writeFileSync(config, [
    `ListenAddress 127.0.0.1`,
    `Port ${port}`,
    `HostKey ${hostKey}`,
    `PidFile none`,
    `UsePAM no`,
    `PasswordAuthentication no`,
    `KbdInteractiveAuthentication no`,
    `PubkeyAuthentication yes`,
    `AuthorizedKeysFile ${authorized}`,
    `StrictModes no`,
    `AllowUsers ${user.name}`,
    `PermitRootLogin no`,
    `X11Forwarding no`,
    `AllowTcpForwarding no`,
    `PrintMotd no`,
    `PrintLastLog no`,
    `MaxStartups 50:30:100`,
    `MaxSessions 50`,
    `LogLevel ERROR`,
    ...(options.pathFirst?.length ? [`SetEnv PATH=${[...options.pathFirst, '/usr/local/bin', '/usr/bin', '/bin'].join(':')}`] : []),
    '',
  ].join('\n'));
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // privilege separation dir
  const sshdArgv = ['/usr/sbin/sshd', '-D', '-e', '-f', config];
  let argv = sshdArgv;
  if (options.withoutNix) {
    const empty = path.join(dir, 'no-nix');
    fs.mkdirSync(empty, { mode: 0o755 });
    // unshare and sh exec in place: the child's pid stays sshd's, so stop() still ends it.
    argv = ['unshare', '--mount', '--propagation', 'private', 'sh', '-c',
      'if [ -e /nix ]; then mount --bind "$1" /nix || exit 97; fi; shift; exec "$@"', 'sh', empty, ...sshdArgv];
  }
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => { log += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { log += d.toString(); });
  await waitForBanner(port, child, () => log);
  return {
    port, dir, clientKey, knownHosts, emptyKnownHosts, user,
    sshOptions: [
      '-p', String(port), '-i', clientKey,
      '-o', 'IdentitiesOnly=yes', '-o', `UserKnownHostsFile=${knownHosts}`,
      '-o', 'StrictHostKeyChecking=yes', '-o', 'GlobalKnownHostsFile=/dev/null',
    ],
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
