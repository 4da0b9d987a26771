// A WorkspaceHost for a folder's files as they were at a git revision, read
// from the repository's objects (never by checking out): the deploy plan
// builds the same model at the last deployed commit and compares. Git runs as
// an argument vector (`execFileSync('git', argv)`, never a shell); a revision
// that starts with `-` is refused so it can never become an option. Setup
// problems (git missing, not a repository, unknown revision) come back as a
// `GitProblem`; the host's own methods never throw, like every host.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceHost } from './host';
import { pathToUri, uriToPath } from './uri';

export interface GitProblem {
  error: string;
  kind: 'git-missing' | 'not-a-repository' | 'unknown-revision' | 'bad-revision' | 'git-failed';
}

export interface GitRevisionHost extends WorkspaceHost {
  /** The full commit id the revision resolved to. */
  commit: string;
  /** The revision as asked (`HEAD`, `origin/main`, a tag...). */
  revision: string;
  /** The repository's top folder. */
  top: string;
}

/** Same as the disk host: folders no listing descends into, and its depth limit. */
const SKIP = new Set(['.git', 'node_modules', 'dist', 'out', '.direnv', 'result']);
const MAX_SEGMENTS = 13;
/** Files read in one `git cat-file --batch` when the model first asks (the kinds it reads), up to this size each. */
const PREFETCH = /\.(nix|ya?ml|json)$|(^|\/)\.git(ignore|attributes)$/;
const PREFETCH_MAX = 5_000_000;

interface TreeEntry {
  mode: string;
  size: number;
}

function git(cwd: string, argv: string[], input?: string): Buffer {
  return execFileSync('git', argv, {
    cwd,
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
}

function problemOf(e: unknown, what: string): GitProblem {
  const err = e as { code?: string; stderr?: Buffer | string; message?: string };
  if (err.code === 'ENOENT') return { kind: 'git-missing', error: 'git is not installed (or not on PATH)' };
  const stderr = String(err.stderr ?? err.message ?? '').trim();
  if (/not a git repository/i.test(stderr)) return { kind: 'not-a-repository', error: `${what} is not in a git repository` };
  return { kind: 'git-failed', error: `git failed: ${stderr.split('\n')[0] || String(e)}` };
}

/** The repository's top folder for `folder`, or why there is none. */
export function gitTopOf(folder: string): string | GitProblem {
  try {
    if (!fs.statSync(folder).isDirectory()) return { kind: 'not-a-repository', error: `${folder} is not a folder` };
  } catch {
    return { kind: 'not-a-repository', error: `${folder} does not exist` };
  }
  try {
    return git(folder, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (e) {
    return problemOf(e, folder);
  }
}

/** The commit a revision names (`HEAD`, a branch, a tag, `@{upstream}`, a commit id), or why not. */
export function resolveRevision(folder: string, revision: string): string | GitProblem {
  if (revision === '' || revision.startsWith('-') || /[\0\n]/.test(revision))
    return { kind: 'bad-revision', error: `not a revision: ${JSON.stringify(revision)}` };
  const top = gitTopOf(folder);
  if (typeof top !== 'string') return top;
  try {
    return git(folder, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).toString('utf8').trim();
  } catch (e) {
    const p = problemOf(e, folder);
    return p.kind === 'git-failed' ? { kind: 'unknown-revision', error: `unknown revision ${revision} (no such commit, branch or tag)` } : p;
  }
}

/** The upstream of the current branch when it has one, else `HEAD`: what a plan compares with by default. */
export function defaultSince(folder: string): string {
  const upstream = resolveRevision(folder, '@{upstream}');
  return typeof upstream === 'string' ? '@{upstream}' : 'HEAD';
}

/**
 * The files of `folder` (a path; it may be a subfolder of its repository) at
 * `revision`, as a host whose URIs are those of the folder on disk, so the
 * model built from it names the same files as the working tree's.
 */
export function gitRevisionHost(folder: string, revision: string): GitRevisionHost | GitProblem {
  const topOrProblem = gitTopOf(folder);
  if (typeof topOrProblem !== 'string') return topOrProblem;
  const top = topOrProblem;
  const commit = resolveRevision(folder, revision);
  if (typeof commit !== 'string') return commit;
  const folderAbs = path.resolve(folder);
  let folderReal: string;
  let topReal: string;
  try {
    folderReal = fs.realpathSync(folderAbs);
    topReal = fs.realpathSync(top);
  } catch (e) {
    return { kind: 'git-failed', error: String(e) };
  }
  const prefix = path.relative(topReal, folderReal).split(path.sep).join('/');
  if (prefix.startsWith('..')) return { kind: 'not-a-repository', error: `${folder} is outside the repository ${top}` };

  // Every blob under the folder with its mode and size: one call.
  const tree = new Map<string, TreeEntry>();
  try {
    const argv = ['ls-tree', '-r', '-z', '-l', '--full-tree', commit];
    if (prefix) argv.push('--', `${prefix}/`);
    for (const line of git(topReal, argv).toString('utf8').split('\0')) {
      // `<mode> SP <type> SP <object> SP+ <size> TAB <path>`
      const m = /^(\d+) (\w+) [0-9a-f]+ +(-|\d+)\t([\s\S]*)$/.exec(line);
      if (!m || m[2] !== 'blob') continue;
      tree.set(m[4], { mode: m[1], size: m[3] === '-' ? 0 : Number(m[3]) });
    }
  } catch (e) {
    return problemOf(e, folder);
  }

  const texts = new Map<string, string | undefined>();
  let prefetched = false;

  /** The repository path of a URI, `undefined` when it is outside the repository. */
  const repoPath = (uri: string): string | undefined => {
    const rel = path.relative(folderAbs, uriToPath(uri));
    const inRepo = path.relative(topReal, path.resolve(folderReal, rel)).split(path.sep).join('/');
    return inRepo.startsWith('..') || path.isAbsolute(inRepo) ? undefined : inRepo;
  };

  const inFolder = (p: string): boolean => prefix === '' || p.startsWith(`${prefix}/`);

  const show = (p: string): string | undefined => {
    try {
      return git(topReal, ['show', '--no-textconv', `${commit}:${p}`]).toString('utf8');
    } catch {
      return undefined;
    }
  };

  const prefetch = (): void => {
    prefetched = true;
    const wanted = [...tree].filter(([p, e]) => e.mode !== '120000' && e.mode !== '160000' && e.size <= PREFETCH_MAX && PREFETCH.test(p) && !texts.has(p));
    if (wanted.length === 0) return;
    let out: Buffer;
    try {
      out = git(topReal, ['cat-file', '--batch'], wanted.map(([p]) => `${commit}:${p}\n`).join(''));
    } catch {
      return; // each file is then read on its own
    }
    let at = 0;
    for (const [p] of wanted) {
      const nl = out.indexOf(10, at);
      if (nl < 0) break;
      const header = out.subarray(at, nl).toString('utf8');
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!m) {
        at = nl + 1; // `<object> missing`
        continue;
      }
      const size = Number(m[2]);
      texts.set(p, out.subarray(nl + 1, nl + 1 + size).toString('utf8'));
      at = nl + 1 + size + 1;
    }
  };

  const read = (p: string, depth = 0): string | undefined => {
    if (texts.has(p)) return texts.get(p);
    const entry = tree.get(p);
    let text: string | undefined;
    if (entry?.mode === '120000' && depth < 8) {
      // A symbolic link: the disk host follows it, so does this one (within the repository).
      const target = show(p);
      const resolved = target === undefined ? undefined : path.posix.normalize(path.posix.join(path.posix.dirname(p), target.trim()));
      text = resolved && !resolved.startsWith('..') && !path.posix.isAbsolute(resolved) ? read(resolved, depth + 1) : undefined;
    } else if (entry?.mode === '160000') text = undefined;
    else if (entry || !inFolder(p)) text = show(p); // outside the folder: not listed, asked once
    texts.set(p, text);
    return text;
  };

  const readUri = (uri: string): string | undefined => {
    const p = repoPath(uri);
    if (p === undefined) {
      // Not versioned: the same file on both sides of a plan.
      try {
        return fs.readFileSync(uriToPath(uri), 'utf8');
      } catch {
        return undefined;
      }
    }
    if (!prefetched && tree.has(p)) prefetch();
    return read(p);
  };

  return {
    commit,
    revision,
    top: topReal,
    readFile: readUri,
    exists: (uri) => readUri(uri) !== undefined,
    stat(uri) {
      const p = repoPath(uri);
      const e = p === undefined ? undefined : tree.get(p);
      if (e && e.mode !== '120000' && e.mode !== '160000') return { size: e.size };
      const text = readUri(uri);
      return text === undefined ? undefined : { size: Buffer.byteLength(text) };
    },
    listFiles(folderUri) {
      const base = path.relative(folderAbs, uriToPath(folderUri)).split(path.sep).join('/');
      if (base.startsWith('..')) return [];
      const under = [prefix, base].filter((s) => s !== '').join('/');
      const out: string[] = [];
      for (const [p, e] of tree) {
        if (e.mode === '120000' || e.mode === '160000') continue; // the disk host lists regular files only
        if (under && !p.startsWith(`${under}/`)) continue;
        const rel = under ? p.slice(under.length + 1) : p;
        const segs = rel.split('/');
        if (segs.length > MAX_SEGMENTS || segs.some((s) => SKIP.has(s))) continue;
        out.push(pathToUri(path.join(folderAbs, base, rel)));
      }
      return out.sort();
    },
  };
}
