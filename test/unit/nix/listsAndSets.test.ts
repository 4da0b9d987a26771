// The builtins and lib functions repositories' own libraries are written with
// (`tail`, `zipAttrsWith`, `intersectAttrs`, `match`, `toString` of a path,
// a function compared with another value), each evaluated both here and by
// the real Nix (nix-instantiate), the results compared as JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NixEvaluator } from '../../../server/src/syntax/nix/eval/evaluator';
import type { Value } from '../../../server/src/syntax/value';
import { nixEvalJson, requireNix } from './nixCli';

function plain(v: Value): unknown {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'null':
      return null;
    case 'list':
      return v.items.map(plain);
    case 'attrs':
      return Object.fromEntries([...v.entries].map(([k, e]) => [k, plain(e.value)]));
    default:
      return { notKnown: v.kind === 'unknown' ? v.reason : v.kind };
  }
}

const CASES: Record<string, string> = {
  tail: 'builtins.tail [ 1 2 3 ]',
  zipAttrsWith: 'builtins.zipAttrsWith (n: vs: { inherit n vs; }) [ { a = 1; b = 2; } { b = 3; c = 4; } { a = 5; } ]',
  intersectAttrs: 'builtins.intersectAttrs { a = null; c = null; } { a = 1; b = 2; c = 3; }',
  match: 'map (s: builtins.match "([[:alpha:]]+)-([0-9]+)?[.]nix" s) [ "web-01.nix" "db-.nix" "x.nix" "web-1.nixos" ]',
  matchAlternation: 'builtins.match "a|(b)" "b"',
  functionEquality: '[ ((x: x) == null) (builtins.map == 1) ((x: x) != { }) ]',
};

test('new builtins agree with nix-instantiate', () => {
  requireNix();
  const dir = mkdtempSync(join(tmpdir(), 'lists-sets-'));
  for (const [name, expr] of Object.entries(CASES)) {
    const file = join(dir, `${name}.nix`);
    writeFileSync(file, `${expr}\n`);
    const ours = plain(new NixEvaluator({ readText: (u) => (u === `file://${file}` ? `${expr}\n` : undefined) }).evaluateFile(`file://${file}`));
    assert.deepEqual(ours, nixEvalJson(file), name);
  }
});

test('toString of a path is the path itself, which the file builtins read back', () => {
  const files: Record<string, string> = {
    'file:///r/default.nix': 'let p = toString ./sub; in { s = p; exists = builtins.pathExists "${p}/a.nix"; v = import "${p}/a.nix"; }\n',
    'file:///r/sub/a.nix': '42\n',
  };
  const v = new NixEvaluator({ readText: (u) => files[u] }).evaluateFile('file:///r/default.nix');
  assert.deepEqual(plain(v), { s: 'file:///r/sub', exists: true, v: 42 });
});
