// A key written once as a dotted path and again as a literal set whose own
// keys meet the path's as sets (`a.b.c = 1; a = { b = { d = 2; }; };`): the
// Nix here (2.8) rejects the file, newer Nix and Lix merge the sets
// recursively. The finding is a warning naming both, evaluation gives the
// merged value newer Nix gives (checked against Nix 2.8 on the same keys
// written in one place), and a key whose two values are not both sets stays
// an error, as every Nix says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NixEvaluator } from '../../../server/src/syntax/nix';
import { toPlain } from '../../../server/src/syntax/value';
import { realNixLayer } from '../../../server/src/model/nixBinding';
import { nixEvalJson, nixParseFiles, requireNix } from './nixCli';

const SPLIT = `{
  relay.settings.core.listen = [ "::1" "10.9.0.1" ];
  relay.settings = {
    core = {
      zones = [ "lan." ];
      cache.size = 64;
    };
    upstream = [ { name = "lan."; to = "10.9.0.53"; } ];
  };
}`;
const ONE_PLACE = `{
  relay.settings = {
    core = {
      listen = [ "::1" "10.9.0.1" ];
      zones = [ "lan." ];
      cache.size = 64;
    };
    upstream = [ { name = "lan."; to = "10.9.0.53"; } ];
  };
}`;

function write(text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'nested-merge-')), 'default.nix');
  writeFileSync(f, text);
  return f;
}

test('Nix 2.8 rejects the split form and accepts the one-place form', () => {
  requireNix();
  const [split, one] = nixParseFiles([write(SPLIT), write(ONE_PLACE)]);
  assert.equal(split.ok, false);
  assert.match(split.message ?? '', /attribute 'core' already defined/);
  assert.equal(one.ok, true);
});

test('the split form is a warning at the same place, naming Nix 2.8 and newer Nix', () => {
  const d = realNixLayer.analyze(SPLIT, 'file:///r/split.nix').diagnostics.filter((x) => x.rule === 'nix-duplicate-attribute');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'warning');
  assert.equal(SPLIT.slice(0, d[0].span.start).split('\n').length, 4);
  assert.match(d[0].message, /^attribute 'core' already defined at line 2, column 3: Nix 2\.8 rejects this file; newer Nix and Lix merge/);
});

test('its value is the merged set: what Nix 2.8 gives for the same keys written in one place', () => {
  requireNix();
  const files: Record<string, string> = { 'file:///r/default.nix': SPLIT };
  const ours = toPlain(new NixEvaluator({ readText: (u) => files[u] }).evaluateFile('file:///r/default.nix'));
  assert.deepEqual(ours, nixEvalJson(write(ONE_PLACE)));
});

test('two values that are not both sets stay an error, as in every Nix', () => {
  const text = '{ relay.port = 53; relay = { port = 5353; }; }';
  const d = realNixLayer.analyze(text, 'file:///r/port.nix').diagnostics.filter((x) => x.rule === 'nix-duplicate-attribute');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, undefined);
  assert.match(d[0].message, /^attribute 'port' already defined at line 1, column 3$/);
  // Deeper: the sets merge down to `b`, where a number meets a set.
  const deep = realNixLayer.analyze('{ a.b.c = 1; a = { b = { c = { d = 2; }; }; }; }', 'file:///r/deep.nix').diagnostics.filter((x) => x.rule === 'nix-duplicate-attribute');
  assert.deepEqual(deep.map((x) => x.severity), ['warning', undefined]);
});
