// One evaluation of a flake's machine names with the real Nix, in order:
// 1. `nix` on the PATH, the folder in a git repository (argv.ts refuses the rest);
// 2. flake.lock locks every declared input (lockCheck.ts, no process);
// 3. every locked input is already in the store: `nix flake archive --dry-run
//    --json` names each input's store path without fetching it, and
//    `nix-store --check-validity --print-invalid` names those the store lacks;
// 4. `nix eval` of each output's attribute names (nixosConfigurations always;
//    the colmena hive and `deploy` when a .nix file of the tree names them).
// Every call carries the safety flags of argv.ts and shares one time bound.
// The outcome is names per output, or one note saying why there are none.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NixEvalOutcome, NixEvalOutput } from '../model/machines/fromNixEval';
import { pathToUri, uriToPath } from '../model/uri';
import { archiveArgv, evalArgv, flakeRefFor, OUTPUTS, validityArgv } from './argv';
import { archivedInputs, checkLock, declaredInputs } from './lockCheck';
import { DEFAULT_BOUNDS, runBounded, type Bounds, type RunResult } from './runner';

export interface EvaluateOptions {
  /** The folder holding flake.nix. */
  flakeDir: string;
  /** Which optional outputs to try (a .nix file of the tree mentions them). */
  outputs?: { colmena: boolean; deploy: boolean };
  bounds?: Bounds;
  env?: NodeJS.ProcessEnv;
  /** The `nix` executable (default: found on the PATH). */
  nix?: string;
}

/** `nix` on the PATH (no process started: the PATH's folders are looked in). */
export function findNix(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, 'nix');
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

let registryFile: string | undefined;
/** An empty flake registry in a private temporary folder of this process (never a shared, guessable path). */
export function emptyRegistry(): string {
  if (registryFile && fs.existsSync(registryFile)) return registryFile;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-nix-eval-'));
  registryFile = path.join(dir, 'empty-registry.json');
  fs.writeFileSync(registryFile, JSON.stringify({ flakes: [], version: 2 }), { mode: 0o600 });
  return registryFile;
}

function failure(what: string, r: RunResult, bounds: Bounds): string {
  if (r.spawnError) return `${what} could not start (${r.spawnError})`;
  if (r.killed === 'time') return `${what} was stopped after ${Math.round(bounds.timeoutMs / 1000)} s (the time bound)`;
  if (r.killed === 'memory') return `${what} was stopped at ${Math.round(bounds.maxRssBytes / 2 ** 20)} MiB of memory (the memory bound)`;
  return `${what} failed${r.error ? `: ${r.error}` : ` (exit code ${r.code})`}`;
}

export async function evaluateMachineNames(options: EvaluateOptions): Promise<NixEvalOutcome> {
  const flakeDir = path.resolve(options.flakeDir);
  const flakePath = path.join(flakeDir, 'flake.nix');
  const flakeUri = pathToUri(flakePath);
  const note = (message: string, input?: string): NixEvalOutcome => ({ kind: 'note', flakeUri, message: `nix eval: ${message}`, ...(input ? { input } : {}) });
  const nix = options.nix ?? findNix(options.env);
  if (!nix) return note('`nix` is not on the PATH; only the static reading is shown');
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  const deadline = Date.now() + bounds.timeoutMs;
  const run = (cmd: string, argv: string[]): Promise<RunResult> =>
    runBounded(cmd, argv, { ...bounds, timeoutMs: Math.max(1, deadline - Date.now()) }, { cwd: flakeDir, env: options.env });

  const ref = flakeRefFor(flakeDir);
  if ('refusal' in ref) return note(ref.refusal);
  const read = (p: string): string | undefined => {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  };
  const lock = checkLock(read(path.join(flakeDir, 'flake.lock')), declaredInputs(flakeUri, (u) => read(uriToPath(u))));
  if (!lock.ok) return note(lock.message, lock.input);

  const registry = emptyRegistry();
  const archived = await run(nix, archiveArgv(ref.ref, registry));
  if (archived.code !== 0) return note(failure('`nix flake archive --dry-run`', archived, bounds));
  const inputs = archivedInputs(archived.stdout);
  if (!inputs) return note('`nix flake archive --dry-run` gave no readable list of inputs');
  if (inputs.length) {
    const nixStore = path.join(path.dirname(nix), 'nix-store');
    const validity = await run(fs.existsSync(nixStore) ? nixStore : 'nix-store', validityArgv(inputs.map(([, p]) => p)));
    if (validity.code !== 0) return note(failure('`nix-store --check-validity`', validity, bounds));
    const invalid = new Set(validity.stdout.split('\n').filter(Boolean));
    const missing = inputs.filter(([, p]) => invalid.has(p)).map(([n]) => n);
    if (missing.length)
      return note(
        `input${missing.length > 1 ? 's' : ''} ${missing.map((n) => `\`${n}\``).join(', ')} ${missing.length > 1 ? 'are' : 'is'} not in the Nix store, so nothing is evaluated (nothing is fetched): build or \`nix flake archive\` once online`,
        missing[0],
      );
  }

  const outputs: Partial<Record<NixEvalOutput, string[]>> = {};
  const wanted = OUTPUTS.filter((o) => o.output === 'nixosConfigurations' || (o.output === 'deploy' ? options.outputs?.deploy : options.outputs?.colmena));
  for (const o of wanted) {
    const key: NixEvalOutput = o.output === 'colmenaHive' ? 'colmena' : o.output;
    if (outputs[key]) continue; // colmenaHive answered for colmena
    const r = await run(nix, evalArgv(ref.ref, o.attr, o.apply, registry));
    if (r.code !== 0) {
      if (r.error && /does not provide attribute/.test(r.error)) continue; // the flake has no such output
      return note(failure(`\`nix eval\` of \`${o.attr}\``, r, bounds));
    }
    let names: unknown;
    try {
      names = JSON.parse(r.stdout);
    } catch {
      names = undefined;
    }
    if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string')) return note(`\`nix eval\` of \`${o.attr}\` gave no list of names`);
    outputs[key] = names;
  }
  return { kind: 'names', flakeUri, outputs };
}
