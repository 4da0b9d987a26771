// Installs code-server (VS Code's server build, from npm) into
// .vscode-test/code-server/ for the tests that run inside a real VS Code.
// Its own install scripts download ripgrep and argon2 binaries, which is not
// possible everywhere, so it is installed with scripts off and the native parts
// are built from source against Debian's libraries (recipe: the team note
// "Running the extension in a real VS Code"). Idempotent: a marker file records
// a finished install, and a second run only checks it.
//   node test/e2e/setup-code-server.mjs [--force]
import { spawnSync } from 'node:child_process';
import {
  existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync, lstatSync, unlinkSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_SERVER_VERSION = '4.100.3';
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = join(root, '.vscode-test', 'code-server');
const pkgDir = join(dir, 'node_modules', 'code-server');
const vscodeDir = join(pkgDir, 'lib', 'vscode');
const entry = join(pkgDir, 'out', 'node', 'entry.js');
const marker = join(dir, `.installed-${CODE_SERVER_VERSION}`);
const logFile = join(dir, 'setup.log');

/** Debian packages the build and the tests need → why. */
const debianPackages = {
  'build-essential': 'compiles the native modules (node-pty, spdlog, kerberos, argon2, ...)',
  python3: 'node-gyp',
  'pkg-config': 'node-gyp finds the libraries below',
  'libkrb5-dev': 'the kerberos module',
  'libxkbfile-dev': 'the native keymap module',
  'libsecret-1-dev': 'the keytar module',
  'libx11-dev': 'the native keymap module',
  ripgrep: "code-server's search (linked instead of downloaded)",
  chromium: 'the browser the tests drive',
};

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const force = process.argv.includes('--force');

if (!force && existsSync(marker) && existsSync(entry)) {
  console.log(`code-server ${CODE_SERVER_VERSION}: already installed in ${relative(root, dir)} (checked in ${Date.now() - started} ms)`);
  process.exit(0);
}

checkDebianPackages();

mkdirSync(dir, { recursive: true });
rmSync(marker, { force: true });
writeFileSync(logFile, `setup of code-server ${CODE_SERVER_VERSION} started ${new Date().toISOString()}\n`);
// Without its own package.json npm would walk up and install into the repo.
const ownManifest = join(dir, 'package.json');
if (!existsSync(ownManifest)) {
  writeFileSync(ownManifest, JSON.stringify({ name: 'code-server-cache', private: true }, null, 2) + '\n');
}

step('install code-server from npm (scripts off)', 'npm',
  ['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], dir);
step('build argon2 from source', 'npm', ['rebuild', 'argon2', '--build-from-source'], dir);
step("install VS Code's own dependencies (scripts off)", 'npm',
  ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir);
// With bin/ present, @vscode/ripgrep's install script does not download.
const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
mkdirSync(rgBin, { recursive: true });
link('/usr/bin/rg', join(rgBin, 'rg'));
step("build VS Code's native modules", 'npm', ['rebuild'], vscodeDir, { npm_config_yes: 'true' });
// What code-server's own post-install would have done.
link('node_modules', join(vscodeDir, 'node_modules.asar'));
link('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
link('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));

// Its config file goes into the cache, not into the home directory.
const version = spawnSync(process.execPath, [entry, '--version'], {
  encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data') },
});
const versionLine = (version.stdout ?? '').split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
if (version.status !== 0 || !versionLine) {
  fail(`the installed code-server does not run: ${(version.stdout + version.stderr).trim()}`);
}
writeFileSync(marker, JSON.stringify({ version: versionLine, installedAt: new Date().toISOString() }) + '\n');
console.log(`code-server ${CODE_SERVER_VERSION}: installed into ${relative(root, dir)} (npm install, argon2 + native rebuild, links; ${versionLine.replace(/ [0-9a-f]{40}/, '')}) in ${seconds()}`);

function checkDebianPackages() {
  const dpkg = spawnSync('dpkg-query', ['--version']);
  const installed = (pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.includes('install ok installed');
  };
  const missing = dpkg.status === 0
    ? Object.keys(debianPackages).filter((p) => !installed(p))
    : [
      ...(existsSync('/usr/bin/rg') ? [] : ['ripgrep']),
      ...(existsSync('/usr/bin/chromium') ? [] : ['chromium']),
    ];
  if (missing.length === 0) return;
  console.error(`setup-code-server: missing Debian packages: ${missing.join(' ')}`);
  for (const pkg of missing) console.error(`  ${pkg}: ${debianPackages[pkg]}`);
  console.error(`Install them with:\n  sudo apt-get install -y ${Object.keys(debianPackages).join(' ')}\n(npm test does this itself when run as root.)`);
  process.exit(2);
}

function step(what, cmd, args, cwd, extraEnv = {}) {
  // Variables npm sets for the outer `npm test` would point the inner npm at the repo.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) =>
    !/^npm_(config_local_prefix|config_prefix|package_|lifecycle_)/i.test(k) && k !== 'INIT_CWD'));
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  writeFileSync(logFile, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})  [${Date.now() - t} ms, exit ${r.status}]\n${r.stdout ?? ''}${r.stderr ?? ''}`, { flag: 'a' });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim().split('\n').slice(-25).join('\n');
    fail(`step "${what}" failed (exit ${r.status}):\n${tail}\nFull log: ${relative(root, logFile)}`);
  }
}

function link(target, path) {
  try {
    lstatSync(path);
    unlinkSync(path);
  } catch { /* not there yet */ }
  symlinkSync(target, path);
}

function fail(message) {
  console.error(`setup-code-server: ${message}`);
  process.exit(1);
}

