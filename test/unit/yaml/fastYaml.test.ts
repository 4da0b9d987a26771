// The fast reader of plain block YAML against the general path (the `yaml`
// package then convertYaml.ts): wherever the fast reader answers, its value
// tree (kinds, values, key order, every origin) equals the general path's and
// the general path finds no error; where it declines, the general path reads
// the file. Checked on every YAML file of the repository, on generated
// inventories in several styles, on hand-written corner cases, and on 20,000
// mutations of the example inventory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { yamlFiles } from './helpers';
import { join } from 'node:path';
import { readSimpleYaml } from '../../../server/src/syntax/yaml/fastYaml';
import { parseYaml, parseYamlGeneral } from '../../../server/src/syntax/yaml/parseYaml';
import type { Value } from '../../../server/src/syntax/value';
import { EntryTable } from '../../../server/src/syntax/entryTable';

const root = join(__dirname, '../../..');
const URI = 'file:///lab/homelab.yaml';


/** A plain, comparable form of a value tree: maps (and entry tables) become ordered entry lists, and a node names its kind (its class's: not an own field). */
function plain(v: Value | undefined): unknown {
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) =>
      x instanceof Map || x instanceof EntryTable ? { entries: [...(x as ReadonlyMap<unknown, unknown>)] } : x && typeof x === 'object' && 'kind' in x && !Object.hasOwn(x, 'kind') ? { ...x, kind: x.kind } : x,
    ),
  );
}

/** Compares the two readers on one text; returns whether the fast reader answered. */
function agree(text: string, label: string): boolean {
  const fast = readSimpleYaml(text, URI);
  if (!fast) return false;
  const general = parseYamlGeneral(text, URI);
  assert.deepEqual(general.errors, [], `${label}: the fast reader answered where the general path finds errors`);
  assert.deepEqual(plain(fast.value), plain(general.value), label);
  return true;
}

test('every YAML file of the repository reads the same; the example inventories take the fast path', () => {
  const files = [...yamlFiles(join(root, 'test', 'fixtures')), ...yamlFiles(join(root, 'examples'))];
  let fast = 0;
  for (const f of files) if (agree(readFileSync(f, 'utf8'), f)) fast++;
  assert.ok(readSimpleYaml(readFileSync(join(root, 'examples', 'homelab', 'homelab.yaml'), 'utf8'), URI), 'examples/homelab/homelab.yaml is read by the fast path');
  assert.ok(fast >= 3, `${fast} of ${files.length} files took the fast path`);
});

const CASES: [string, boolean][] = [
  ['a: 1  # c\nb:\n  c: x y   \n  e: [1, "q", z ]\nf:\n  - p\n  - k: v\n    m: 2\n\ng: end\n', true],
  ['b:\n  c: 1\n  # comment\n\n  d: 2\n  # trailing\n\n# root comment\ne:\n  - 1\n  # x\nf: 3', true],
  ['x:\n  y:\n    z: 1\n    # c\n  # d\n# e\n', true],
  ['x:\n- a\n- b:\n    c: 1\n  d: 2\ny: 3', true],
  ['"a b": 1\n\'c\': \'it\'\'s\'\nd: "tab\\tq\\"x\\\\"\n', true],
  ['1: one\n0x10: sixteen\ntrue: yes\n~: nothing\n1.50: f\n', true],
  ['n: [-o, ConnectTimeout=10, -1, 0o17, 1e3, .5, +3, null, True, "", \'\']\n', true],
  ['url: http://x:8080/a#b\nweird: a:b\nneg: -5\n', true],
  ['list:\n  -\n    a: 1\n  - - nested\n', false],
  ['a: |\n  block\n', false],
  ['a: &x 1\nb: *x\n', false],
  ['a: !tag 1\n', false],
  ['a:\nb: 1\n', false],
  ['a: 1\na: 2\n', false],
  ['a: {b: 1}\n', true],
  ['a: { b: 1 , "c d": [x, {e: f}], \'g\': {} }  # c\nh: [[1, 2], [], {i: -3}]\n', true],
  ['c: {c0: {vmid: 0}, c1: {vmid: 1, ip: 10.0.0.1}}\n- x\n', false],
  ['a: {b: 1, b: 2}\n', false],
  ['a: {b}\n', false],
  ['a: {b:1}\n', false],
  ['a: {"b":1}\n', false],
  ['a: {b: 1,}\n', false],
  ['a: {b : 1}\n', false],
  ['a: [b: 1]\n', false],
  ['a: {b: c: d}\n', false],
  ['a: {? b: 1}\n', false],
  ['a: {b: -}\n', false],
  ['a: {<<: {b: 1}}\n', false],
  ['a: {b: 1\n', false],
  ['a: {b: 1,\n  c: 2}\n', false],
  ['a: {b: 1} x\n', false],
  ['a: plain\n  continued\n', false],
  ['a: "multi\n  line"\n', false],
  ['---\na: 1\n', false],
  ['a: 1\r\nb: 2\r\n', false],
  ['a: .inf\n', false],
  ['a: [1, 2,]\n', false],
  ['? a\n: 1\n', false],
  ['  a: 1\n', false],
  ['a: 1\n  b: 2\n', false],
  ['a:\n  - 1\n  b: 2\n', false],
  ['<<: {a: 1}\n', false],
  ['a: "\\u0041"\n', false],
  ['a: b: c\n', false],
];

test('hand-written cases: read fast exactly as the general path reads them, or declined', () => {
  for (const [text, expectFast] of CASES) {
    const took = agree(text, JSON.stringify(text));
    assert.equal(took, expectFast, `${JSON.stringify(text)}: fast path ${took ? 'taken' : 'declined'}`);
    // Whichever path reads it, parseYaml returns the general path's value.
    assert.deepEqual(plain(parseYaml(text, URI).value), plain(parseYamlGeneral(text, URI).value));
  }
});

function rng(seed: number): (n: number) => number {
  let s = seed;
  // The high bits: an LCG's low bits repeat with a short period.
  return (n) => ((s = (s * 1103515245 + 12345) % 2147483648), Math.floor((s / 2147483648) * n));
}

const WORDS = ['alpha', 'b-2', 'c_3', 'Sat *-*-* 07:00:00', '10.0.0.1', 'x y', 'true', 'no', '42', '-7', '3.5', 'null', 'a#b', 'https://h.example/p?q=1'];

function scalar(r: (n: number) => number): string {
  const w = WORDS[r(WORDS.length)];
  switch (r(5)) {
    case 0:
      return JSON.stringify(w);
    case 1:
      return `'${w.replace(/'/g, "''")}'`;
    default:
      return /^[-?:,[\]{}#&*!|>'"%@`]|: | #|:$/.test(w) || w.startsWith(' ') ? JSON.stringify(w) : w;
  }
}

/** A flow mapping on one line, its values scalars, flow sequences and flow mappings. */
function flowMap(r: (n: number) => number, depth: number): string {
  const used = new Set<string>();
  const entries = Array.from({ length: r(4) }, () => {
    let key = r(5) ? `f${r(9)}` : JSON.stringify(`q ${r(9)}`);
    while (used.has(key)) key = `${key}x`;
    used.add(key);
    const kind = depth < 3 ? r(5) : 0;
    const value = kind === 3 ? flowMap(r, depth + 1) : kind === 4 ? `[${Array.from({ length: r(3) }, () => scalar(r)).join(', ')}]` : scalar(r);
    return `${key}: ${value}`;
  });
  return r(2) ? `{${entries.join(', ')}}` : `{ ${entries.join(' , ')} }`;
}

function generated(seed: number): string {
  const r = rng(seed);
  const lines: string[] = [];
  // Comment and blank lines at any column: the package hands trailing ones to a collection by their columns.
  const comment = (indent: string): void => {
    while (r(4) === 0) lines.push(r(3) === 0 ? ' '.repeat(r(3)) : `${' '.repeat(Math.max(0, indent.length + 2 * (r(5) - 2)))}# note ${r(100)}`);
  };
  const mapping = (indent: string, depth: number, first?: string): void => {
    const n = 1 + r(4);
    const used = new Set<string>();
    for (let k = 0; k < n; k++) {
      let key = `k${r(20)}`;
      while (used.has(key)) key += 'x';
      used.add(key);
      const lead = k === 0 && first !== undefined ? first : indent;
      comment(indent);
      const kind = depth < 3 ? r(6) : 5;
      if (kind === 0) {
        lines.push(`${lead}${key}:`);
        mapping(indent + '  ', depth + 1);
      } else if (kind === 1) {
        lines.push(`${lead}${key}:${r(3) === 0 ? '  # why' : ''}`);
        sequence(r(2) ? indent : indent + '  ', depth + 1);
      } else if (kind === 2) {
        lines.push(`${lead}${key}: ${r(2) ? flowMap(r, 0) : `[${Array.from({ length: r(4) }, () => (r(4) ? scalar(r) : flowMap(r, 1))).join(', ')}]`}`);
      } else lines.push(`${lead}${key}: ${scalar(r)}${r(4) === 0 ? ' # c' : ''}${r(5) === 0 ? '  ' : ''}`);
    }
  };
  const sequence = (indent: string, depth: number): void => {
    const n = 1 + r(3);
    for (let k = 0; k < n; k++) {
      comment(indent);
      if (depth < 3 && r(3) === 0) mapping(indent + '  ', depth + 1, `${indent}- `);
      else lines.push(`${indent}- ${scalar(r)}`);
    }
  };
  mapping('', 0);
  comment('    ');
  return lines.join('\n') + (r(2) ? '\n' : '');
}

test('3,000 generated inventories in many styles (comments and blank lines at every column): the fast path takes them and agrees', () => {
  let fast = 0;
  for (let seed = 1; seed <= 3000; seed++) if (agree(generated(seed), `seed ${seed}: ${JSON.stringify(generated(seed))}`)) fast++;
  assert.ok(fast > 2500, `the fast path read ${fast} of 3,000`);
});

/**
 * Mutations of `base` (a few characters cut at a random place, often one of
 * `alphabet` put there instead) compared by both readers; how many the fast reader took.
 */
function agreeOnMutations(base: string, alphabet: string[], count: number, seed: number, maxCut: number, insertOneIn: number): number {
  const r = rng(seed);
  let fast = 0;
  for (let k = 0; k < count; k++) {
    const at = r(base.length);
    const cut = r(maxCut);
    const text = base.slice(0, at) + (r(insertOneIn) ? alphabet[r(alphabet.length)] : '') + base.slice(at + cut);
    if (agree(text, `mutation ${k} at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`)) fast++;
  }
  return fast;
}

test('20,000 mutations of the example inventory: wherever the fast path answers, it agrees', () => {
  const base = readFileSync(join(root, 'examples', 'homelab', 'homelab.yaml'), 'utf8');
  const alphabet = [' ', '  ', '\n', ':', '- ', '#', '"', "'", '[', ']', ',', 'x', '1', '&a', '*a', '|', '{', '\t'];
  const fast = agreeOnMutations(base, alphabet, 20_000, 7, 4, 3);
  assert.ok(fast > 1000, `the fast path read ${fast} mutations`);
});

test('4,000 mutations of an inventory written in flow mappings: wherever the fast path answers, it agrees', () => {
  const base = Array.from({ length: 40 }, (_, i) => `c${i}: {vmid: ${100 + i}, ip: "10.0.0.${i}", services: [a, 'b c'], opts: {x: {y: [1, {z: null}]}}}`).join('\n') + '\n';
  assert.ok(agree(base, 'the base'), 'the base itself takes the fast path');
  const alphabet = [' ', ':', ': ', ',', '{', '}', '[', ']', '"', "'", '#', ' #', 'x', '-', '?', '\n', '&a', '!'];
  const fast = agreeOnMutations(base, alphabet, 4_000, 11, 3, 4);
  assert.ok(fast > 1000, `the fast path read ${fast} mutations`);
});
