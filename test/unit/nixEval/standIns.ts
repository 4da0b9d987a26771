// A flake for the `nix eval` tests, with Debian's real Nix and nothing from
// the network: its inputs are stand-in flakes written here (absolute `path:`
// inputs) and locked offline with `nix flake lock`. Everything Nix writes
// stays in the test's temporary folder (its own store, state, home, config
// and caches), so no other test's /nix state is touched. The lab is a git
// repository with a git-ignored secret, so a test can show it never reaches
// the store. `missingInput` deletes one stand-in and its store copy after
// locking: the locked input is then missing from the store.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface StandInLab {
  lab: string;
  env: NodeJS.ProcessEnv;
  storeDir: string;
  /** A line only the git-ignored secrets file holds. */
  secretMarker: string;
}

const FLAGS = ['--extra-experimental-features', 'nix-command flakes', '--offline'];

export function nixVersion(): string {
  try {
    return execFileSync('nix', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('`nix` not found: these tests need Debian package nix-bin (apt-get install nix-bin); they are not skipped.');
  }
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function makeStandInLab(options: { missingInput?: boolean } = {}): StandInLab {
  const tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'homelab-nix-eval-')));
  const storeDir = path.join(tmp, 'store');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NIX_STORE_DIR: storeDir,
    NIX_STATE_DIR: path.join(tmp, 'state'),
    NIX_CONF_DIR: path.join(tmp, 'conf'),
    NIX_REMOTE: '',
    NIX_PATH: '',
    HOME: path.join(tmp, 'home'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_STATE_HOME: path.join(tmp, 'xdg-state'),
  };
  for (const d of ['conf', 'home']) mkdirSync(path.join(tmp, d), { recursive: true });
  const registry = path.join(tmp, 'empty-registry.json');
  writeFileSync(registry, '{"flakes":[],"version":2}');

  // A nixpkgs whose nixosSystem only keeps its arguments, and a helper whose
  // mkHosts builds machines from a list of names: what the static reading cannot follow.
  write(path.join(tmp, 'stand-ins', 'nixpkgs', 'flake.nix'), '{\n  outputs = { self }: {\n    lib.nixosSystem = args: { config.system.build.toplevel = "stand-in"; inherit args; };\n  };\n}\n');
  write(
    path.join(tmp, 'stand-ins', 'helper', 'flake.nix'),
    '{\n  outputs = { self }: {\n    lib.mkHosts = nixpkgs: names: builtins.listToAttrs (map (name: {\n      inherit name;\n      value = nixpkgs.lib.nixosSystem { modules = [ { networking.hostName = name; } ]; };\n    }) names);\n  };\n}\n',
  );
  write(path.join(tmp, 'stand-ins', 'extra', 'flake.nix'), '{\n  outputs = { self }: { lib.answer = 42; };\n}\n');

  const lab = path.join(tmp, 'lab');
  const extra = options.missingInput ? `\n  inputs.extra.url = "path:${path.join(tmp, 'stand-ins', 'extra')}";` : '';
  write(
    path.join(lab, 'flake.nix'),
    `{
  inputs.nixpkgs.url = "path:${path.join(tmp, 'stand-ins', 'nixpkgs')}";
  inputs.helper.url = "path:${path.join(tmp, 'stand-ins', 'helper')}";${extra}
  outputs = { self, nixpkgs, helper, ... }: {
    nixosConfigurations = helper.lib.mkHosts nixpkgs [ "alpha" "bravo" "web" ];
    deploy.nodes.web = { hostname = "127.0.0.1"; profiles.system.path = "stand-in"; };
  };
}
`,
  );
  const secretMarker = `stand-in-secret-${path.basename(tmp)}`;
  write(path.join(lab, 'secrets.nix'), `{ token = "${secretMarker}"; }\n`);
  write(path.join(lab, '.gitignore'), 'secrets.nix\n');
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', '-c', 'init.defaultBranch=main', ...args], { cwd: lab, env, stdio: 'ignore' });
  };
  git('init', '-q', '.');
  git('add', 'flake.nix', '.gitignore');
  execFileSync('nix', [...FLAGS, '--option', 'flake-registry', registry, 'flake', 'lock'], { cwd: lab, env, stdio: 'ignore' });
  git('add', 'flake.lock');
  git('commit', '-q', '-m', 'lab');

  if (options.missingInput) {
    const lock = JSON.parse(readFileSync(path.join(lab, 'flake.lock'), 'utf8')) as { nodes: { extra: { locked: { narHash: string } } } };
    const archived = JSON.parse(
      execFileSync('nix', [...FLAGS, '--option', 'flake-registry', registry, 'flake', 'archive', '--json', '--dry-run', `git+file://${lab}`], { cwd: lab, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as { inputs: { extra: { path: string } } };
    if (!lock.nodes.extra.locked.narHash) throw new Error('the stand-in input was not locked');
    rmSync(path.join(tmp, 'stand-ins', 'extra'), { recursive: true });
    execFileSync('nix-store', ['--delete', archived.inputs.extra.path], { env, stdio: 'ignore' });
  }
  return { lab, env, storeDir, secretMarker };
}

/** Every file under the test's store that contains `marker` (none, when nothing ignored was copied). */
export function storeFilesContaining(storeDir: string, marker: string): string[] {
  const hits: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.size < 1_000_000 && readFileSync(p, 'latin1').includes(marker)) hits.push(p);
    }
  };
  walk(storeDir);
  return hits;
}
