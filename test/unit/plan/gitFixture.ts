// Real git repositories for the deploy plan's tests: a copy of an example
// folder committed in a temporary directory, then edits committed one by one
// (each edit must match, so a fixture that drifts fails loudly), and the line
// of a text in a file at a commit, so expected plans name places exactly.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function git(cwd: string, ...argv: string[]): string {
  return gitRaw(cwd, ...argv).trim();
}

function gitRaw(cwd: string, ...argv: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Plan Test', '-c', 'user.email=plan@test.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...argv],
    { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } },
  );
}

/** A new repository holding a copy of `source` (relative to the repo root) in `subfolder` ('' = at the top). */
export function repoWith(source: string, subfolder = ''): { top: string; dir: string; commit: (message: string) => string } {
  const top = mkdtempSync(path.join(tmpdir(), 'homelab-plan-'));
  const dir = path.join(top, subfolder);
  cpSync(path.join(REPO_ROOT, source), dir, { recursive: true });
  git(top, 'init', '-q');
  const commit = (message: string): string => {
    git(top, 'add', '-A');
    git(top, 'commit', '-q', '--allow-empty', '-m', message);
    return git(top, 'rev-parse', 'HEAD');
  };
  commit('initial');
  return { top, dir, commit };
}

/** Replaces `from` by `to` in a file (it must be there). */
export function edit(dir: string, file: string, from: string, to: string): void {
  const p = path.join(dir, file);
  const text = readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(p, text.replace(from, to));
}

/** The 1-based line of the first `needle` in a file now (after `occurrence` earlier ones). */
export function lineOf(dir: string, file: string, needle: string, occurrence = 0): number {
  return lineIn(readFileSync(path.join(dir, file), 'utf8'), needle, file, occurrence);
}

/** The same in the file as it was at a commit. */
export function lineAt(top: string, commit: string, repoPath: string, needle: string): number {
  return lineIn(gitRaw(top, 'show', `${commit}:${repoPath}`), needle, repoPath, 0);
}

function lineIn(text: string, needle: string, file: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${file} does not contain ${JSON.stringify(needle)}`);
  }
  return text.slice(0, at).split('\n').length;
}
