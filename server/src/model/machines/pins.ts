// Which nixpkgs a machine is built from, read from the value that builds it
// without fetching anything. Discovery evaluates a flake with every input
// unknown and a hive with `<…>` search paths unknown; the evaluator carries
// the reason of such an unknown through selections and calls
// (`nixpkgs-stable.lib.nixosSystem { … }`, `import nixpkgs { … }`,
// `inputs.nixpkgs.legacyPackages.x86_64-linux`), so the reason names the
// input or the NIX_PATH entry the value came from. Anything else (a fetched
// tarball, niv's sources) is not known: no pin, the workspace's default.
// The reasons' wording is the evaluator's (syntax/nix/eval/entryPoints.ts,
// evaluator.ts); test/unit/options/pins.test.ts runs the real evaluator, so a
// change of wording fails there.
import type { Value } from '../../syntax/value';
import type { NixpkgsPin } from './machine';

const INPUT = /^flake input '([^']+)' is not fetched$/;
const SEARCH_PATH = /^search path <([^>/]+)(?:\/[^>]*)?> \(depends on NIX_PATH\)$/;

/** The flake input or NIX_PATH entry an unknown value comes from, when its reason says so. */
export function pinOf(v: Value | undefined): NixpkgsPin | undefined {
  if (v?.kind !== 'unknown') return undefined;
  const input = INPUT.exec(v.reason);
  if (input) return { via: 'input', name: input[1], origin: v.origin };
  const sp = SEARCH_PATH.exec(v.reason);
  if (sp) return { via: 'nix-path', name: sp[1], origin: v.origin };
  return undefined;
}
