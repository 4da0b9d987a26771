// The cursor context in a Nix profile (nixContextAt): a settings key being
// typed, a value (down to a field of a list entry), an import path, and
// nothing in comments or outside the settings blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nixContextAt } from '../../../server/src/features/nixDoc';

test('nixContextAt: a key being typed, a value, a nested scrape-target field, an import path, nothing in comments', () => {
  const t = 'let base = import ./b.nix; in { systemSettings = base.systemSettings // { grafanaEn x = 1; y = [ { host = ""; } ]; }; }';
  const key = nixContextAt('u1', t, t.indexOf('grafanaEn') + 9);
  assert.equal(key.kind, 'settingKey');
  if (key.kind === 'settingKey') assert.equal(key.prefix, 'grafanaEn');
  const host = nixContextAt('u1', t, t.indexOf('host = "') + 8);
  assert.equal(host.kind, 'settingValue');
  if (host.kind === 'settingValue') {
    assert.equal(host.key, 'y');
    assert.deepEqual(host.subKeys, ['host']);
    assert.ok(host.str);
  }
  const imp = nixContextAt('u1', t, t.indexOf('./b') + 2);
  assert.equal(imp.kind, 'importPath');
  const c = '{ systemSettings = { # gra\n }; }';
  assert.equal(nixContextAt('u2', c, c.indexOf('gra') + 3).kind, 'none');
  assert.equal(nixContextAt('u3', '{ other = { a|b = 1; }; }', 14).kind, 'none', 'not a settings block');
});
