// Duplicate keys are found by our conversion in one pass (the yaml package's
// own `uniqueKeys` compares each key with every key before it: quadratic in a
// 670-container mapping). Differential: on every YAML file of the repository's
// fixtures and examples, and on hand-written and generated cases, we report
// a duplicate exactly where `parseDocument(text, { uniqueKeys: true })` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { yamlFiles } from './helpers';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseYaml } from '../../../server/src/syntax/yaml/parseYaml';

const root = join(__dirname, '../../..');


function theirs(text: string): number[] {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  return [...doc.errors, ...doc.warnings].filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]).sort((a, b) => a - b);
}

function ours(text: string): number[] {
  return parseYaml(text, 'file:///t.yaml').errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.span.start).sort((a, b) => a - b);
}

const HAND = [
  'a: 1\nb: 2\na: 3\n',
  'a: 1\n"a": 2\n\'a\': 3\n',
  '1: x\n"1": y\n1: z\n',
  'true: x\nTrue: y\n"true": z\n',
  'null: x\n~: y\n',
  'outer:\n  k: 1\n  k: 2\nk: 3\n',
  '{a: 1, b: 2, a: 3}\n',
  'list:\n  - a: 1\n    a: 2\n  - a: 3\n',
  'x: {k: [1, 2], k: 3}\n',
  '? a\n: 1\n? a\n: 2\n',
  'a:\n  b: 1\na:\n  b: 2\n',
  '.nan: 1\n.nan: 2\n',
  '0x10: a\n16: b\n',
  'a: 1\n---\na: 1\na: 2\n',
];

function generated(seed: number): string {
  let s = seed;
  const rnd = (n: number): number => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
  const keys = ['a', 'b', '"a"', '1', '"1"', 'true', 'null', 'x y'];
  const lines: string[] = [];
  const depth = (d: number, indent: string): void => {
    const n = 1 + rnd(4);
    for (let i = 0; i < n; i++) {
      const k = keys[rnd(keys.length)];
      if (d < 2 && rnd(3) === 0) {
        lines.push(`${indent}${k}:`);
        depth(d + 1, indent + '  ');
      } else if (rnd(4) === 0) lines.push(`${indent}${k}: {${keys[rnd(keys.length)]}: 1, ${keys[rnd(keys.length)]}: 2}`);
      else lines.push(`${indent}${k}: ${rnd(100)}`);
    }
  };
  depth(0, '');
  return lines.join('\n') + '\n';
}

test('every YAML file of the repository: the same duplicates as the yaml package', () => {
  const files = [...yamlFiles(join(root, 'test', 'fixtures')), ...yamlFiles(join(root, 'examples'))];
  assert.ok(files.length > 5, `${files.length} YAML files found`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.deepEqual(ours(text), theirs(text), f);
  }
});

test('hand-written cases: equal quoted and plain keys, numbers, booleans, flow maps, nesting, explicit keys', () => {
  let found = 0;
  for (const text of HAND) {
    const expected = theirs(text);
    found += expected.length;
    assert.deepEqual(ours(text), expected, JSON.stringify(text));
  }
  assert.ok(found >= 10, `the cases hold ${found} duplicates`);
});

test('2,000 generated mappings: the same duplicates', () => {
  let found = 0;
  for (let seed = 1; seed <= 2000; seed++) {
    const text = generated(seed);
    const expected = theirs(text);
    found += expected.length;
    assert.deepEqual(ours(text), expected, JSON.stringify(text));
  }
  assert.ok(found > 500, `the generated mappings hold ${found} duplicates`);
});

test('a duplicate key is reported on the whole later key, with its name', () => {
  const e = parseYaml('services:\n  grafana: {}\n  grafana: {}\n', 'file:///t.yaml').errors;
  assert.deepEqual(e.map((x) => [x.code, x.message, x.span]), [['DUPLICATE_KEY', 'Duplicate key `grafana`', { start: 26, end: 33 }]]);
});
