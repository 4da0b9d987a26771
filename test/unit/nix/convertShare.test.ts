// What profiles of one evaluator session share once converted: a set made by
// `base.userSettings // { }` (nothing on top) is the base's own converted
// table, not a layer of its own over it, and a set with keys on top is a layer
// over that same table. Either way each reads, iterates and sizes exactly as
// the set Nix itself gives (Nix 2.8 as the oracle), entries overridden
// included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { asAttrs, toPlain, type AttrsValue } from '../../../server/src/syntax/value';
import { LayeredEntries } from '../../../server/src/syntax/layeredEntries';
import { realNixLayer } from '../../../server/src/model/nixBinding';
import { nixEvalJson, requireNix } from './nixCli';

const BASE = `{
  systemSettings = { hostname = "base"; ipAddress = "10.0.0.2"; sshPort = 22; nameServers = [ "10.0.0.1" ]; };
  userSettings = { shell = "fish"; editor = "hx"; };
}`;
const profile = (name: string, extra: string): string => `let base = import ./base.nix; in {
  systemSettings = base.systemSettings // { hostname = "${name}"; ${extra} };
  userSettings = base.userSettings // { };
}`;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'convert-share-'));
  writeFileSync(join(dir, 'base.nix'), BASE);
  writeFileSync(join(dir, 'a.nix'), profile('a', 'webPort = 8080;'));
  writeFileSync(join(dir, 'b.nix'), profile('b', 'ipAddress = "10.0.0.3";'));
  return dir;
}

test('profiles of one session: `base.userSettings // { }` is the base table itself, `// { … }` a layer over it; both read as Nix gives them', () => {
  requireNix();
  const dir = folder();
  const uri = (f: string): string => pathToFileURL(join(dir, f)).href;
  const session = realNixLayer.session!({ readText: (u) => readFileSync(new URL(u), 'utf8') });
  const attrs = (f: string, key: string): AttrsValue => {
    const v = asAttrs(asAttrs(session.evaluate(uri(f)).value)?.entries.get(key)?.value);
    assert.ok(v, `${f}: ${key} is a set`);
    return v;
  };
  const userA = attrs('a.nix', 'userSettings');
  const userB = attrs('b.nix', 'userSettings');
  const sysA = attrs('a.nix', 'systemSettings');
  const sysB = attrs('b.nix', 'systemSettings');
  // Shared: nothing on top is the base's converted table (one per session), not a layer per profile.
  assert.equal(userA.entries, userB.entries);
  assert.ok(!(userA.entries instanceof LayeredEntries));
  // A layer over the same table as b's, holding only its own keys.
  assert.ok(sysA.entries instanceof LayeredEntries && sysB.entries instanceof LayeredEntries);
  assert.equal(sysA.entries.base, sysB.entries.base);
  assert.deepEqual(sysA.entries.own.map((e) => e.key), ['hostname', 'webPort']);
  for (const f of ['a.nix', 'b.nix']) {
    for (const key of ['userSettings', 'systemSettings']) {
      const ours = attrs(f, key);
      const nix = nixEvalJson(join(dir, f), `(import ${join(dir, f)}).${key}`) as Record<string, unknown>;
      // Read, iterated (Nix's JSON is sorted; our order is the source's) and sized as Nix's set.
      assert.deepEqual(toPlain(ours), nix, `${f} ${key}`);
      assert.equal(ours.entries.size, Object.keys(nix).length);
      assert.deepEqual([...ours.entries.keys()].sort(), Object.keys(nix).sort());
      for (const [k, e] of ours.entries) {
        assert.equal(e.key, k);
        assert.equal(ours.entries.get(k), e);
        assert.ok(ours.entries.has(k));
      }
      assert.equal(ours.entries.get('missing'), undefined);
    }
  }
  // The chain defaults → base → profile is kept where a profile overrides a base setting.
  const host = sysB.entries.get('hostname');
  assert.equal(host?.overrides?.value.kind === 'string' && host.overrides.value.value, 'base');
  assert.equal(sysB.entries.get('sshPort')?.overrides, undefined);
});
