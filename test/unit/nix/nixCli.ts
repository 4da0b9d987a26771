// Runs the real `nix-instantiate` (Debian nix-bin) for the differential tests:
// many files per process (one output line per file; on a failure the run stops
// and resumes after the failing file), with HOME/NIX_STATE_DIR in a temp dir.
import { execFileSync, spawnSync } from 'node:child_process';
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
