// The pretest step: makes this machine able to run the whole test suite.
// - Debian packages the tests use (the real Nix as parser oracle, OpenSSH for
//   deploy tests, Chromium and build tools for code-server, Neovim and Emacs
//   with eglot as real LSP clients): installed with
//   apt-get when running as root, otherwise named in an error so a person can
//   install them.
// - code-server for the tests inside a real VS Code, cached in .vscode-test/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Debian package → why the tests need it. */
const packages = {
  'nix-bin': 'nix-instantiate, the oracle of the Nix parser and evaluator tests',
  'openssh-server': 'a real sshd on 127.0.0.1 for the deploy tests',
  'openssh-client': 'ssh and ssh-keygen for the deploy tests',
  git: 'the dotfiles checkout that deploy tests fetch and reset',
  openssl: 'self-signed certificates for the HTTPS stand-ins (health checks, the Proxmox API reader)',
  chromium: 'the browser that drives code-server in the VS Code tests',
  ripgrep: "code-server's search backend",
  'build-essential': "building code-server's native modules",
  python3: "node-gyp, building code-server's native modules",
  'pkg-config': "building code-server's native modules",
  'libkrb5-dev': "building code-server's kerberos module",
  'libxkbfile-dev': "building code-server's native keymap module",
  'libsecret-1-dev': "building code-server's keytar module",
  'libx11-dev': "building code-server's native modules",
  prometheus: 'a real Prometheus on 127.0.0.1 for the tree\'s up/down status',
  procps: 'pgrep/pkill in the deploy cancellation tests',
  passwd: 'useradd, for the deploy tests\' SSH user',
  neovim: 'a second real editor: its built-in LSP client, headless, in test/nvim',
  'emacs-nox': 'a third real editor: Emacs 28 in batch mode, in test/emacs',
  'elpa-eglot': "Emacs's LSP client (eglot 1.9), driven by test/emacs",
  'elpa-yaml-mode': 'the yaml-mode eglot manages homelab.yaml buffers in (test/emacs)',
};

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const started = Date.now();
const hasDpkg = spawnSync('dpkg-query', ['--version']).status === 0;
if (!hasDpkg) {
  console.error('setup: this test suite expects a Debian-based machine (dpkg/apt-get); install the equivalents of:');
  for (const [pkg, why] of Object.entries(packages)) console.error(`  ${pkg}: ${why}`);
  process.exit(1);
}
const missing = Object.keys(packages).filter((p) => !installed(p));
if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('setup: these Debian packages are missing and this is not root, so they cannot be installed here:');
    for (const pkg of missing) console.error(`  ${pkg}: ${packages[pkg]}`);
    console.error(`Install them with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`setup: installing ${missing.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...missing])) {
    console.error(`setup: apt-get could not install ${missing.join(' ')}`);
    process.exit(1);
  }
}

const codeServerSetup = join(root, 'test', 'e2e', 'setup-code-server.mjs');
if (existsSync(codeServerSetup)) {
  const r = spawnSync(process.execPath, [codeServerSetup], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log(`setup: test environment ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
