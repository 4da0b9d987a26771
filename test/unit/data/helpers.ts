// Shared helpers of the data tests: repository paths, an Ajv 2020 instance set
// up the way the server validates (formats on, strict, with the editor
// annotation keywords the schemas carry), and calls to the real nix-instantiate.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const root = path.resolve(__dirname, '..', '..', '..');
export const exampleDir = path.join(root, 'examples', 'homelab');

/**
 * Keywords in our schemas that are annotations for editors (VS Code's JSON/YAML
 * language services), not validation; `catalog` is the shipped catalog's data.
 */
export const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'errorMessage',
  'catalog',
];

export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const k of ANNOTATION_KEYWORDS) ajv.addKeyword(k);
  return ajv;
}

export function readJson(rel: string): unknown {
  return JSON.parse(readFileSync(path.join(root, rel), 'utf8'));
}

export interface NixResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function nixInstantiate(args: string[], cwd = root): NixResult {
  // A private state dir, so the tests never need (or touch) a /nix of the machine.
  const state = mkdtempSync(path.join(tmpdir(), 'hp-nix-'));
  try {
    const r = spawnSync('nix-instantiate', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NIX_STATE_DIR: state, HOME: state, NIX_REMOTE: '' },
    });
    return { status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}

/** Evaluates a Nix expression to JSON, or throws with Nix's message. */
export function nixEvalJson(args: string[], cwd = root): unknown {
  const r = nixInstantiate(['--eval', '--strict', '--json', ...args], cwd);
  if (r.status !== 0) throw new Error(`nix-instantiate ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** A temporary copy of the example homelab whose git-crypt secrets are replaced by plain values. */
export function unlockedExampleCopy(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hp-homelab-'));
  cpSync(exampleDir, dir, { recursive: true });
  writeFileSync(path.join(dir, 'secrets', 'domains.nix'), '{ alertEmail = "alerts@example.com"; }\n');
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
