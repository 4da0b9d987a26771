// A file no machine uses is judged from the files that build the machines:
// the flake or hive, and also a morph network file when the repository has
// neither (a real repository of old experiments beside its network files got
// four errors for imports broken in files nothing uses). A missing import in
// such a file is a warning; in a machine's own module it stays an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../checks/helpers';

const files: Record<string, string> = {
  'ops/lab/network.nix': `{
  network.description = "lab";
  anvil = { ... }: { imports = [ ../../machines/anvil.nix ]; deployment.targetHost = "10.80.1.2"; };
}
`,
  'machines/anvil.nix': `{ ... }: { networking.hostName = "anvil"; imports = [ ./missing-in-use.nix ]; }\n`,
  'attic/old-host.nix': `{ ... }: { imports = [ ../machines/gone.nix ]; }\n`,
};

test('beside a morph network file, a broken import in a file nothing uses is a warning; in a machine module, an error', () => {
  const found = check(files).filter((f) => f.rule === 'unknown-reference');
  const bySeverity = Object.fromEntries(found.map((f) => [f.file, f.severity]));
  assert.deepEqual(bySeverity, { 'attic/old-host.nix': 'warning', 'machines/anvil.nix': 'error' });
});
