// nix-pipe-operator: one warning on each `|>` / `<|` where nothing in the
// repository turns on Nix's `pipe-operators`, none where the flake's nixConfig,
// a machine's nix.settings / nix.extraOptions, or a carried nix.conf does; the
// file is still read whole either way (its bindings after a pipe are found).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { check, edit, loadTree, summary } from './helpers';

const NOT_ENABLED = loadTree(join(__dirname, '../../fixtures/fleets/pipes-not-enabled'));

test('without the feature: exactly one warning per operator, on the operator, saying what to enable', () => {
  const found = check(NOT_ENABLED).filter((f) => f.rule === 'nix-pipe-operator');
  assert.equal(found.length, 7, summary(found));
  for (const f of found) {
    assert.equal(f.severity, 'warning');
    const text = NOT_ENABLED[f.file];
    const op = text.slice(f.d.span.start, f.d.span.end);
    assert.ok(op === '|>' || op === '<|', `${f.file}: span covers ${JSON.stringify(op)}`);
    assert.ok(f.message.startsWith(`'${op}' needs Nix's experimental feature 'pipe-operators'`), f.message);
    assert.match(f.message, /nixConfig\.extra-experimental-features/);
  }
  assert.deepEqual(
    found.map((f) => `${f.file}:${f.line}`),
    ['base.nix:8', 'base.nix:9', 'base.nix:9', 'hosts/kettle.nix:7', 'hosts/kettle.nix:7', 'hosts/kettle.nix:8', 'hosts/teapot.nix:4'],
  );
  // No syntax error anywhere: the pipes are read, not skipped.
  assert.deepEqual(check(NOT_ENABLED).filter((f) => f.rule === 'nix-syntax'), []);
});

test('each way of enabling the feature silences every pipe warning', () => {
  const ways: Record<string, Record<string, string>> = {
    'flake nixConfig (list)': { 'flake.nix': edit(NOT_ENABLED['flake.nix'], '  inputs.nixpkgs', '  nixConfig.extra-experimental-features = [ "pipe-operators" ];\n  inputs.nixpkgs') },
    'flake nixConfig (string, nested set)': {
      'flake.nix': edit(NOT_ENABLED['flake.nix'], '  inputs.nixpkgs', '  nixConfig = { experimental-features = "nix-command flakes pipe-operators"; };\n  inputs.nixpkgs'),
    },
    'nix.settings of the machines': { 'base.nix': edit(NOT_ENABLED['base.nix'], '[ "nix-command" "flakes" ]', '[ "nix-command" "flakes" "pipe-operators" ]') },
    'nix.settings through mkForce': { 'base.nix': edit(NOT_ENABLED['base.nix'], '[ "nix-command" "flakes" ]', 'lib.mkForce [ "pipe-operators" ]') },
    'nix.extraOptions': { 'hosts/teapot.nix': edit(NOT_ENABLED['hosts/teapot.nix'], '  networking.hostName', "  nix.extraOptions = ''\n    extra-experimental-features = pipe-operators\n  '';\n  networking.hostName") },
    'a nix.conf in the repository': { 'nix.conf': 'experimental-features = nix-command flakes pipe-operators\n' },
  };
  for (const [way, change] of Object.entries(ways)) {
    const found = check({ ...NOT_ENABLED, ...change });
    assert.deepEqual(found.filter((f) => f.rule === 'nix-pipe-operator').map((f) => `${f.file}:${f.line}`), [], way);
    assert.deepEqual(found.filter((f) => f.rule === 'nix-syntax'), [], way);
  }
});

test('naming the feature elsewhere does not count: a comment, another setting, a commented-out nix.conf line', () => {
  const notEnabling: Record<string, Record<string, string>> = {
    comment: { 'base.nix': edit(NOT_ENABLED['base.nix'], '# Shared', '# TODO: pipe-operators\n# Shared') },
    'another option': { 'base.nix': edit(NOT_ENABLED['base.nix'], '  system.stateVersion', '  environment.etc.motd.text = "pipe-operators";\n  system.stateVersion') },
    'nix.conf comment': { 'nix.conf': '# experimental-features = pipe-operators\nexperimental-features = nix-command\n' },
  };
  for (const [why, change] of Object.entries(notEnabling)) {
    const found = check({ ...NOT_ENABLED, ...change }).filter((f) => f.rule === 'nix-pipe-operator');
    assert.equal(found.length, 7, why);
  }
});
