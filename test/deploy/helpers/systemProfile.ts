// Test fixture: a stand-in NixOS system profile for the rollback tests — a
// folder of generation links (system-1-link, …) whose targets hold a
// `bin/switch-to-configuration` script that records it ran — and a wrapper
// around Debian's real nix-env that the sshd's test user may run.
//
// The wrapper gives nix-env everything it would otherwise take from the
// machine: a state folder (NIX_STATE_DIR), a store folder (NIX_STORE_DIR) and
// a home (HOME, where nix-env creates ~/.nix-defexpr). Without its own store
// folder nix-env opens /nix/store, and as the test user it cannot create it:
// on a machine where no Nix command has run as root yet, every rollback failed
// with "error: creating directory '/nix': Permission denied", and it passed
// only once another test file (the Nix differential tests, running
// nix-instantiate as root) had created /nix/store as a side effect.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestUser } from './sshd';

export interface StandInProfile {
  /** The profile link (`…/profiles/system`), as a machine's /nix/var/nix/profiles/system. */
  profile: string;
  /** A file each switch-to-configuration run appends `gen<N> <action>` to. */
  marker: string;
  /** The nix-env wrapper to run as the test user. */
  nixEnv: string;
  /** Adds generation `n` and points the profile at it (as a deploy would). */
  addGeneration(n: number): void;
}

/** A stand-in system profile under `base/name` with `generations` generations, the last one current. */
export function standInProfile(base: string, name: string, generations: number, user: TestUser): StandInProfile {
  const dir = path.join(base, name);
  const profiles = path.join(dir, 'profiles');
  const marker = path.join(dir, 'switched');
  const own = (p: string): void => fs.lchownSync(p, user.uid, user.gid);
  for (const d of [dir, profiles, path.join(dir, 'state'), path.join(dir, 'store'), path.join(dir, 'home')]) {
    fs.mkdirSync(d, { recursive: true });
    own(d);
  }
  const addGeneration = (n: number): void => {
    const gen = path.join(dir, `gen${n}`);
    fs.mkdirSync(path.join(gen, 'bin'), { recursive: true });
    const script = path.join(gen, 'bin', 'switch-to-configuration');
    fs.writeFileSync(script, `#!/bin/sh\n# Stand-in: records which generation was activated and how.\necho "gen${n} $1" >> ${marker}\n`);
    fs.chmodSync(script, 0o755);
    fs.symlinkSync(gen, path.join(profiles, `system-${n}-link`));
    own(path.join(profiles, `system-${n}-link`));
    fs.rmSync(path.join(profiles, 'system'), { force: true });
    fs.symlinkSync(`system-${n}-link`, path.join(profiles, 'system'));
    own(path.join(profiles, 'system'));
  };
  for (let n = 1; n <= generations; n++) addGeneration(n);
  const nixEnv = path.join(dir, 'nix-env');
  fs.writeFileSync(nixEnv, [
    '#!/bin/sh',
    "# Debian's real nix-env with its own state, store and home, all the test user's.",
    `HOME=${path.join(dir, 'home')} NIX_STATE_DIR=${path.join(dir, 'state')} NIX_STORE_DIR=${path.join(dir, 'store')} exec /usr/bin/nix-env "$@"`,
    '',
  ].join('\n'));
  fs.chmodSync(nixEnv, 0o755);
  fs.writeFileSync(marker, '');
  own(marker);
  return { profile: path.join(profiles, 'system'), marker, nixEnv, addGeneration };
}
