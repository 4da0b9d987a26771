// Module files called per machine (nixBinding.ts `machineModules`): a module
// that cannot see `config` is called once per distinct set of the arguments
// it can see (a thousand machines with the same `inputs` share one call);
// one that can see `config`, or takes its arguments as `args@{ … }`, is
// called for each machine; different arguments give different values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { realNixLayer } from '../../../server/src/model/nixBinding';
import type { MachineModuleArgs } from '../../../server/src/model/nixAdapter';
import type { Entry, Value } from '../../../server/src/syntax/value';

const files: Record<string, string> = {
  'file:///lab/upgrade.nix': '{ lib, inputs, ... }: { system.autoUpgrade.flake = inputs.self.outPath; }\n',
  'file:///lab/hardware.nix': '{ config, inputs, ... }: { hardware.x = config.networking.hostName; y = inputs.self.outPath; }\n',
  'file:///lab/whole.nix': 'args@{ inputs, ... }: { y = args.inputs.self.outPath; }\n',
};
const at = { uri: 'file:///lab/flake.nix', span: { start: 10, end: 20 } };
const str = (value: string): Value => ({ kind: 'string', value, origin: at });
const selfEntry: Entry = { key: 'self', keyOrigin: at, value: { kind: 'attrs', entries: new Map([['outPath', { key: 'outPath', keyOrigin: at, value: str('/lab') }]]), origin: at } };
/** A machine's `specialArgs.inputs`: converted anew per machine, from the same entries. */
const inputsFrom = (self: Entry): Value => ({ kind: 'attrs', entries: new Map([['self', self]]), origin: at });
const argsWith = (inputs: Value, host: string): MachineModuleArgs => ({
  values: new Map([['inputs', inputs]]),
  config: {
    keys: (path) => ({ '': ['networking'], networking: ['hostName'] })[path.join('.')],
    value: (path) => (path.join('.') === 'networking.hostName' ? str(host) : undefined),
  },
});

/** The string at a path of a module's value. */
function valueAt(v: Value | undefined, path: string[]): string | undefined {
  for (const k of path) v = v?.kind === 'attrs' ? v.entries.get(k)?.value : undefined;
  return v?.kind === 'string' ? v.value : undefined;
}

test('a module that cannot see config is called once for machines with the same arguments, again for other arguments', () => {
  const calls = realNixLayer.machineModules!({ readText: (u) => files[u] });
  const web = calls.evaluate('file:///lab/upgrade.nix', argsWith(inputsFrom(selfEntry), 'web'));
  const db = calls.evaluate('file:///lab/upgrade.nix', argsWith(inputsFrom(selfEntry), 'db'));
  assert.equal(web.value, db.value, 'the same value, not a second call');
  const other: Entry = { ...selfEntry, value: { kind: 'attrs', entries: new Map([['outPath', { key: 'outPath', keyOrigin: at, value: str('/other') }]]), origin: at } };
  const elsewhere = calls.evaluate('file:///lab/upgrade.nix', argsWith(inputsFrom(other), 'web'));
  assert.notEqual(elsewhere.value, web.value);
  assert.equal(valueAt(web.value, ['system', 'autoUpgrade', 'flake']), '/lab');
  assert.equal(valueAt(elsewhere.value, ['system', 'autoUpgrade', 'flake']), '/other');
});

test('a module that can see config, or all its arguments, is called for each machine', () => {
  const calls = realNixLayer.machineModules!({ readText: (u) => files[u] });
  const hostOf = (v: Value | undefined): string | undefined => valueAt(v, ['hardware', 'x']);
  const web = calls.evaluate('file:///lab/hardware.nix', argsWith(inputsFrom(selfEntry), 'web'));
  const db = calls.evaluate('file:///lab/hardware.nix', argsWith(inputsFrom(selfEntry), 'db'));
  assert.deepEqual([hostOf(web.value), hostOf(db.value)], ['web', 'db']);
  const a = calls.evaluate('file:///lab/whole.nix', argsWith(inputsFrom(selfEntry), 'web'));
  const b = calls.evaluate('file:///lab/whole.nix', argsWith(inputsFrom(selfEntry), 'db'));
  assert.notEqual(a.value, b.value);
});
