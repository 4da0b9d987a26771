// nixpkgs' `lib.nixosSystem` is a thin wrapper over `nixos/lib/eval-config.nix`;
// a repository that builds its machines through its own `evalModules`-style
// wrapper often imports that file from its nixpkgs input directly
// (`import "${inputs.nixpkgs}/nixos/lib/eval-config.nix"`, or through
// `<nixpkgs/nixos/lib/eval-config.nix>`). With the input not fetched the
// import cannot be read, but what it is can: the same builder as
// `lib.nixosSystem`, so a call of it is captured under that name and
// discovery reads its `modules` as it does for `nixosSystem { … }`. The
// reason is kept, so the machine's nixpkgs is still the input it names.
import type { Origin } from '../../value';
import type { NixEvaluator } from './evaluator';
import type { V } from './types';

const EVAL_CONFIG = /\/nixos\/lib\/eval-config\.nix["'>]?$/;

/** `import <…>/nixos/lib/eval-config.nix` with its target not known: nixosSystem, as a named unknown. */
export function evalConfigImport(ev: NixEvaluator, target: V, origin: Origin): V | undefined {
  if (target.kind !== 'unknown') return undefined;
  const text = ev.textAt(target.origin);
  if (!text || !EVAL_CONFIG.test(text.trim())) return undefined;
  return { kind: 'unknown', reason: target.reason, origin, fn: 'nixosSystem' };
}
