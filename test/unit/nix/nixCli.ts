// Runs the real `nix-instantiate` (Debian nix-bin) for the differential tests:
// many files per process (one output line per file; on a failure the run stops
// and resumes after the failing file), with HOME/NIX_STATE_DIR in a temp dir.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NixParseOutcome {
  ok: boolean;
  /** Normal form printed by Nix (when ok). */
  printed?: string;
  /** Error message and 1-based position (when not ok). */
  message?: string;
  line?: number;
  column?: number;
}

let envCache: NodeJS.ProcessEnv | undefined;
export function nixEnv(): NodeJS.ProcessEnv {
  if (envCache) return envCache;
  const dir = mkdtempSync(join(tmpdir(), 'nix-diff-'));
  mkdirSync(join(dir, 'home'), { recursive: true });
  envCache = { ...process.env, HOME: join(dir, 'home'), NIX_STATE_DIR: join(dir, 'state'), NIX_PATH: '' };
  return envCache;
}

/** Fails with a clear message when nix-instantiate is not installed. */
export function requireNix(): string {
  try {
    return execFileSync('nix-instantiate', ['--version'], { env: nixEnv(), encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'nix-instantiate not found: the Nix differential tests need Debian package nix-bin (apt-get install nix-bin); they are not skipped.',
    );
  }
}

export function nixParseFiles(files: string[]): NixParseOutcome[] {
  const out: NixParseOutcome[] = [];
  let i = 0;
  while (i < files.length) {
    const batch = files.slice(i, i + 200);
    const r = spawnSync('nix-instantiate', ['--parse', ...batch], { env: nixEnv(), encoding: 'utf8', maxBuffer: 1 << 28 });
    const lines = r.stdout.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const l of lines) out.push({ ok: true, printed: l });
    i += lines.length;
    if (r.status === 0) {
      if (lines.length !== batch.length) throw new Error(`nix-instantiate printed ${lines.length} lines for ${batch.length} files`);
      continue;
    }
    const m = /error: ([^\n]*)[\s\S]*?at [^\n]*?:(\d+):(\d+):/.exec(r.stderr);
    const m2 = /error: ([^\n]*)/.exec(r.stderr);
    out.push({ ok: false, message: (m ?? m2)?.[1] ?? r.stderr, line: m ? Number(m[2]) : undefined, column: m ? Number(m[3]) : undefined });
    i++;
  }
  return out;
}

export function nixEvalJson(file: string, expr?: string): unknown {
  const args = expr ? ['--eval', '--strict', '--json', '-E', expr] : ['--eval', '--strict', '--json', file];
  const r = spawnSync('nix-instantiate', args, { env: nixEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`nix-instantiate --eval failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function run(args: string[], worker: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // Each parallel worker has its own state directory (no shared store database lock).
  const base = nixEnv();
  const env = { ...base, NIX_STATE_DIR: `${base.NIX_STATE_DIR}-${worker}` };
  return new Promise((res) => {
    const p = spawn('nix-instantiate', args, { env });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('close', (status) => res({ status, stdout, stderr }));
    p.on('error', (e) => res({ status: 127, stdout, stderr: String(e) }));
  });
}

/** Like nixParseFiles, with `parallel` nix processes at a time (each file that fails costs a process). */
export async function nixParseFilesParallel(files: string[], parallel = 6): Promise<NixParseOutcome[]> {
  const out: NixParseOutcome[] = new Array(files.length);
  const chunk = Math.ceil(files.length / parallel);
  await Promise.all(
    Array.from({ length: parallel }, async (_, c) => {
      let i = c * chunk;
      const end = Math.min(files.length, i + chunk);
      while (i < end) {
        const batch = files.slice(i, end);
        const r = await run(['--parse', ...batch], c);
        const lines = r.stdout.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        for (const l of lines) out[i++] = { ok: true, printed: l };
        if (r.status === 0) continue;
        const m = /error: ([^\n]*)[\s\S]*?at [^\n]*?:(\d+):(\d+):/.exec(r.stderr);
        const m2 = /error: ([^\n]*)/.exec(r.stderr);
        out[i++] = { ok: false, message: (m ?? m2)?.[1] ?? r.stderr, line: m ? Number(m[2]) : undefined, column: m ? Number(m[3]) : undefined };
      }
    }),
  );
  return out;
}
