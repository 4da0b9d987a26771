// A repository's own `mkFlake inputs { hosts = …; }` (from a library of its
// own that cannot be read statically) is not flake-parts: flake-parts takes
// `{ inherit inputs; }`. Reading stops once, at the outputs, naming the
// builder, instead of calling each of its arguments "an option of a flake
// module from an input" (a real dotfiles repository got eight such lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceOf } from '../checks/helpers';

const flake = (first: string): Record<string, string> => ({
  'flake.nix': `{
  outputs = inputs@{ self, nixpkgs, ... }:
    let
      lib = import ./lib { inherit (nixpkgs) lib; };
    in
      lib.mkFlake ${first} {
        hosts = lib.mapHosts ./hosts;
        packages = { };
      };
}
`,
  // Fetched when the flake is evaluated: nothing in it is known statically.
  'lib/default.nix': `{ lib }: import (builtins.fetchTarball "https://example.invalid/fleet-lib.tar.gz") { inherit lib; }\n`,
  'hosts/web/default.nix': `{ ... }: { networking.hostName = "web"; }\n`,
});

test("a repository's own mkFlake taking the inputs: one stop at the outputs, naming mkFlake", () => {
  const h = workspaceOf(flake('inputs')).homelabs()[0];
  assert.deepEqual(h.readingStops.map((s) => `${s.kind} ${s.reason}`), ["unknown-builder the flake's `outputs` is built by `mkFlake`, which is not read"]);
});

test("flake-parts' mkFlake ({ inherit inputs; }) is still read as flake-parts", () => {
  const h = workspaceOf(flake('{ inherit inputs; }')).homelabs()[0];
  assert.ok(h.readingStops.every((s) => s.kind === 'external-option' || s.kind === 'external-module'), h.readingStops.map((s) => `${s.kind} ${s.reason}`).join('\n'));
  assert.ok(h.readingStops.some((s) => /`hosts` is an option of a flake module from an input/.test(s.reason)));
});
