// Test fixture: the "remote" side of an ssh-script deploy on this machine — a
// bare repository (file:// origin), an author clone that pushes new commits,
// and dotfiles checkouts, all owned by the test user.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestUser } from './sshd';

const scripts = path.join(__dirname, '..', '..', 'fixtures', 'deploy', 'remote-repo');

export interface RemoteRepo {
  base: string;
  origin: string;
  markers: string;
  /** Runs git as the test user. */
  git(cwd: string, ...args: string[]): string;
  /** Commits a file change in the author clone and pushes it; returns the new commit. */
  pushChange(file: string, content: string): string;
  /** Pushes a commit on a new branch from a separate clone; returns the commit. */
  pushBranch(branch: string, file: string, content: string): string;
  /** A fresh dotfiles checkout (a clone of origin) owned by the test user. */
  checkout(name: string): string;
  cleanup(): void;
}

export function createRemoteRepo(user: TestUser): RemoteRepo {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-deploy-remote-'));
  fs.chmodSync(base, 0o755);
  fs.chownSync(base, user.uid, user.gid);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: user.home, LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
  const run = (cwd: string, cmd: string, args: string[]): string =>
    execFileSync(cmd, args, { cwd, env, uid: user.uid, gid: user.gid, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const git = (cwd: string, ...args: string[]): string => run(cwd, 'git', args);
  const origin = path.join(base, 'origin.git');
  const url = `file://${origin}`;
  const markers = path.join(base, 'markers');
  run(base, 'mkdir', ['-p', markers]);
  git(base, 'init', '-q', '--bare', '-b', 'main', origin);
  const author = path.join(base, 'author');
  git(base, 'clone', '-q', url, author);
  for (const f of fs.readdirSync(scripts)) {
    const dest = path.join(author, f);
    fs.copyFileSync(path.join(scripts, f), dest);
    fs.chmodSync(dest, 0o755);
    fs.chownSync(dest, user.uid, user.gid);
  }
  const write = (file: string, content: string): void => {
    const dest = path.join(author, file);
    fs.writeFileSync(dest, content);
    fs.chownSync(dest, user.uid, user.gid);
  };
  write('VERSION', 'one\n');
  git(author, 'checkout', '-q', '-b', 'main');
  git(author, 'add', '.');
  git(author, 'commit', '-q', '-m', 'first');
  git(author, 'push', '-q', 'origin', 'main');
  return {
    base, origin, markers, git,
    pushChange(file, content) {
      write(file, content);
      git(author, 'add', file);
      git(author, 'commit', '-q', '-m', `change ${file}`);
      git(author, 'push', '-q', 'origin', 'main');
      return git(author, 'rev-parse', 'HEAD');
    },
    pushBranch(branch, file, content) {
      const clone = path.join(base, `author-${branch}`);
      git(base, 'clone', '-q', url, clone);
      git(clone, 'checkout', '-q', '-b', branch);
      const dest = path.join(clone, file);
      fs.writeFileSync(dest, content);
      fs.chownSync(dest, user.uid, user.gid);
      git(clone, 'add', file);
      git(clone, 'commit', '-q', '-m', `change ${file} on ${branch}`);
      git(clone, 'push', '-q', 'origin', branch);
      return git(clone, 'rev-parse', 'HEAD');
    },
    checkout(name) {
      const dir = path.join(base, name);
      git(base, 'clone', '-q', url, dir);
      return dir;
    },
    cleanup() {
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
