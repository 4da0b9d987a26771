// `//` with one side not known: the value stays unknown to evaluation (nothing
// selected from it is known, no key is judged missing), while the known sides
// are kept for readers that only look for what is there (`knownAttrParts`,
// marked partial). The known entries agree with the real Nix when the unknown
// side is replaced by a set that does not touch them. Also: a value selected
// from a captured call bound in a `let` keeps that call (`selectedFrom`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NixEvaluator } from '../../../server/src/syntax/nix';
import { knownAttrParts, toPlain, type Value } from '../../../server/src/syntax/value';
import { nixEvalJson, requireNix } from './nixCli';

function evaluate(text: string): Value {
  const files: Record<string, string> = { 'file:///r/default.nix': text };
  return new NixEvaluator({ readText: (u) => files[u] }).evaluateFile('file:///r/default.nix');
}
const get = (v: Value, k: string) => (v.kind === 'attrs' ? v.entries.get(k)?.value : undefined);

// `<unset>` is a search path: not known statically, as an input's output is not.
const UNKNOWN = '(import <unset>).machines';

test('{ known } // unknown // { known }: unknown to evaluation, its known entries kept and marked partial', () => {
  const v = evaluate(`{ out = { a = 1; b = "x"; } // ${UNKNOWN} // { b = "y"; c = [ 3 ]; }; }`);
  const out = get(v, 'out') as Value;
  assert.equal(out.kind, 'unknown');
  const parts = knownAttrParts(out);
  assert.ok(parts);
  assert.equal(parts.partial, true);
  assert.deepEqual(Object.fromEntries([...parts.entries].map(([k, e]) => [k, toPlain(e.value)])), { a: 1, b: 'y', c: [3] });
  // The right side's `b` replaced the left side's, and remembers it.
  assert.equal(toPlain(parts.entries.get('b')?.overrides?.value as Value), 'x');
  assert.equal(parts.unknown.length, 1);
  assert.equal(knownAttrParts({ kind: 'attrs', entries: new Map(), origin: out.origin })?.partial, false);
});

test('nothing is concluded from a partial set: selection, `?`, attrNames and `or` stay unknown', () => {
  const v = evaluate(`let s = { a = 1; } // ${UNKNOWN}; in {
    a = s.a;
    has = s ? z;
    names = builtins.attrNames s;
    dflt = s.z or 7;
  }`);
  for (const k of ['a', 'has', 'names', 'dflt']) assert.equal(get(v, k)?.kind, 'unknown', k);
});

test('the known entries of a partial set equal what Nix gives when the unknown side is a set that does not touch them', () => {
  requireNix();
  const known = `{ web = { port = 80; tags = [ "a" ]; }; db = "pg"; } // UNKNOWN // { cache = { size = 2 * 3; }; db = "mysql"; }`;
  const ours = knownAttrParts(get(evaluate(`{ out = ${known.replace('UNKNOWN', UNKNOWN)}; }`), 'out') as Value);
  assert.ok(ours);
  const nix = nixEvalJson('', known.replace('UNKNOWN', '{ extra = true; }')) as Record<string, unknown>;
  for (const [k, e] of ours.entries) assert.deepEqual(toPlain(e.value), nix[k], k);
  assert.deepEqual([...ours.entries.keys()].sort(), Object.keys(nix).filter((k) => k !== 'extra').sort());
});

test('a value selected from a call bound in a let keeps the call: `c.config.nixosConfigurations` of `c = x.lib.clan { … }`', () => {
  const v = evaluate(`let
    inputs = import <unset>;
    c = inputs.clan-core.lib.clan { machines.m1.imports = [ ]; };
  in {
    nixosConfigurations = { lone = 1; } // c.config.nixosConfigurations;
    clan = c.config;
    inherit (c.config) clanInternals;
  }`);
  for (const k of ['clan', 'clanInternals']) {
    const x = get(v, k);
    assert.ok(x?.kind === 'unknown' && x.selectedFrom, k);
    assert.equal(x.selectedFrom.call.fn, 'clan', k);
    assert.deepEqual(Object.keys(toPlain(x.selectedFrom.call.args[0]) as object), ['machines'], k);
  }
  const parts = knownAttrParts(get(v, 'nixosConfigurations') as Value);
  assert.deepEqual([...(parts?.entries.keys() ?? [])], ['lone']);
  const side = parts?.unknown[0];
  assert.ok(side?.kind === 'unknown' && side.selectedFrom);
  assert.deepEqual(side.selectedFrom.path, ['config', 'nixosConfigurations']);
});
