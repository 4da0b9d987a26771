// How modules read settings decides what a setting accepts: a comparison with
// null (either side, through `or null` and parentheses) makes it nullable, a
// `?` test reads the key; ordinary reads are neither.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanSettingReads } from '../../../server/src/model/settingReads';

const reads = (text: string) => scanSettingReads(text, 'file:///m.nix').map((r) => `${r.block}.${r.key}${r.nullTested ? ' null' : ''}${r.guarded ? ' ?' : ''}`);

test('null tests, `or null` and `?` reads are told apart from plain reads', () => {
  assert.deepEqual(reads('(systemSettings.a or null) != null'), ['systemSettings.a null']);
  assert.deepEqual(reads('systemSettings.b == null'), ['systemSettings.b null']);
  assert.deepEqual(reads('if null != systemSettings.c then 1 else 2'), ['systemSettings.c null']);
  assert.deepEqual(reads('x = systemSettings.d or null;'), ['systemSettings.d null']);
  assert.deepEqual(reads('userSettings ? e && userSettings.e != ""'), ['userSettings.e', 'userSettings.e ?']);
  assert.deepEqual(reads('systemSettings.f or [ ]; y = systemSettings.g; # systemSettings.h == null'), ['systemSettings.f', 'systemSettings.g']);
});
