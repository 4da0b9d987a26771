// The argument vectors of every `nix` call the evaluated source makes, and the
// flake reference it names the folder by. Pure functions, so a unit test can
// hold each safety flag in place:
// - the folder is named as Nix names a folder in a git repository
//   (`git+file:` of the repository's top, `?dir=` for a flake below it), so
//   only tracked files are copied to the world-readable store; a `path:`
//   reference would copy git-ignored secrets and `.git` too, so a folder
//   outside git is refused, never named `path:`;
// - `--offline` with an empty flake registry: `--offline` alone still fetches
//   the global registry and inputs missing from the store;
// - `--no-write-lock-file --no-update-lock-file`: the lock file is read, never
//   written or recomputed;
// - no import from derivation (nothing is built), no flake `nixConfig`
//   (it could name substituters or options), no dirty-tree warning on stderr.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `nix-command flakes` are experimental in Nix 2.8: named per call, never in the user's config. */
export const EXPERIMENTAL = ['--extra-experimental-features', 'nix-command flakes'];

/** Every flag that keeps a call offline, read-only and build-free. */
export function safetyFlags(emptyRegistryFile: string): string[] {
  return [
    ...EXPERIMENTAL,
    '--offline',
    '--no-write-lock-file',
    '--no-update-lock-file',
    '--option', 'allow-import-from-derivation', 'false',
    '--option', 'flake-registry', emptyRegistryFile,
    '--option', 'accept-flake-config', 'false',
    '--option', 'warn-dirty', 'false',
  ];
}

export type FlakeRef = { ref: string; gitTop: string } | { refusal: string };

/** The git repository holding `dir`: the nearest folder upwards with a `.git` (a folder, or a worktree's file). */
export function gitTopOf(dir: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    if (exists(path.join(d, '.git'))) return d;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** A file URL path: each segment percent-encoded as Nix's URL parser expects. */
function fileUrlPath(p: string): string {
  return p.split('/').map((s) => encodeURIComponent(s)).join('/');
}

/** The flake reference Nix itself would use for the flake in `flakeDir`. */
export function flakeRefFor(flakeDir: string, exists?: (p: string) => boolean): FlakeRef {
  const dir = path.resolve(flakeDir);
  const top = gitTopOf(dir, exists);
  if (!top)
    return {
      refusal: `${dir} is not in a git repository: Nix would copy the whole folder (git-ignored secrets included) into the world-readable store, so it is not evaluated`,
    };
  const sub = path.relative(top, dir).split(path.sep).join('/');
  return { ref: `git+file://${fileUrlPath(top)}${sub ? `?dir=${encodeURIComponent(sub).replace(/%2F/g, '/')}` : ''}`, gitTop: top };
}

/** `nix eval --json <ref>#<attr> --apply <fn>`: one output's machine names. */
export function evalArgv(ref: string, attr: string, apply: string, emptyRegistryFile: string): string[] {
  return ['eval', ...safetyFlags(emptyRegistryFile), '--json', `${ref}#${attr}`, '--apply', apply];
}

/** The store paths every locked input would have, without fetching one (`--dry-run`). */
export function archiveArgv(ref: string, emptyRegistryFile: string): string[] {
  return ['flake', 'archive', ...safetyFlags(emptyRegistryFile), '--json', '--dry-run', ref];
}

/** `nix-store --check-validity --print-invalid`: which of these paths the store does not hold. */
export function validityArgv(paths: string[]): string[] {
  return ['--check-validity', '--print-invalid', ...paths];
}

/** What each output's names are read with: attribute names only, so no machine's configuration is evaluated. */
export const OUTPUTS: { output: NixEvalOutputName; attr: string; apply: string }[] = [
  { output: 'nixosConfigurations', attr: 'nixosConfigurations', apply: 'builtins.attrNames' },
  // colmena's `makeHive` result keeps its nodes under `nodes`; a plain hive is nodes beside `meta` and `defaults`.
  { output: 'colmenaHive', attr: 'colmenaHive', apply: 'h: builtins.attrNames (h.nodes or { })' },
  { output: 'colmena', attr: 'colmena', apply: 'h: builtins.attrNames (if h ? __schema then h.nodes else removeAttrs h [ "meta" "defaults" ])' },
  { output: 'deploy', attr: 'deploy', apply: 'd: builtins.attrNames (d.nodes or { })' },
];

export type NixEvalOutputName = 'nixosConfigurations' | 'colmenaHive' | 'colmena' | 'deploy';
