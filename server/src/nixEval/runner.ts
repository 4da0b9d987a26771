// Runs one `nix` process as an argument vector (never through a shell),
// bounded in time and memory: it is killed (its whole process group, so the
// `git` it starts goes too) after the time bound, or as soon as its resident
// memory, read from /proc/<pid>/status every 200 ms, passes the memory bound.
// Where /proc is missing (macOS) only the time bound applies. Its stderr is
// kept only as the first `error:` line, shortened, for the one line the user
// sees; it is never written to a log, since an evaluation error can quote
// values of the configuration.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export interface Bounds {
  /** Milliseconds before the process is killed. */
  timeoutMs: number;
  /** Resident memory (bytes) past which it is killed. */
  maxRssBytes: number;
}

export const DEFAULT_BOUNDS: Bounds = { timeoutMs: 60_000, maxRssBytes: 1536 * 2 ** 20 };

export interface RunResult {
  /** The exit code, or undefined when killed or not started. */
  code: number | undefined;
  stdout: string;
  /** The first `error:` line of stderr (at most 240 characters), if any. */
  error?: string;
  /** Why it was killed. */
  killed?: 'time' | 'memory';
  /** Why it could not be started (e.g. ENOENT). */
  spawnError?: string;
}

const MAX_STDOUT = 8 * 2 ** 20;

/** Resident memory of a process in bytes, from /proc (undefined where there is none). */
export function residentBytes(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The first `error:` line of Nix's stderr, shortened: all that is ever shown of it. */
export function firstErrorLine(stderr: string): string | undefined {
  const line = stderr.split('\n').find((l) => /^error:/.test(l.trim()));
  if (!line) return undefined;
  const t = line.trim().replace(/\s+/g, ' ');
  return t.length > 240 ? `${t.slice(0, 239)}…` : t;
}

export function runBounded(command: string, argv: string[], bounds: Bounds, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let killed: RunResult['killed'];
    let settled = false;
    const child = spawn(command, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: false,
      detached: true, // its own process group: a kill reaches the git it starts
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const kill = (why: 'time' | 'memory'): void => {
      if (killed || child.pid === undefined) return;
      killed = why;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => kill('time'), bounds.timeoutMs);
    const poll = setInterval(() => {
      const rss = child.pid !== undefined ? residentBytes(child.pid) : undefined;
      if (rss !== undefined && rss > bounds.maxRssBytes) kill('memory');
    }, 200);
    const done = (r: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
      resolve(r);
    };
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      if (stdout.length < MAX_STDOUT) stdout += d;
    });
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 64 * 1024) stderr += d;
    });
    child.on('error', (e: NodeJS.ErrnoException) => done({ code: undefined, stdout: '', spawnError: e.code ?? e.message }));
    child.on('close', (code) => {
      const error = firstErrorLine(stderr);
      done({ code: killed ? undefined : (code ?? undefined), stdout, ...(error ? { error } : {}), ...(killed ? { killed } : {}) });
    });
  });
}
