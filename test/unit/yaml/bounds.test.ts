// The YAML front end stays linear in its input (issue #9): alias bombs stop at
// a budget with one clear error, nested complex keys are named by capped
// source text, and alias chains cannot nest deeper than the cap. Work is
// measured by the number of values built (`nodeCount`), never by the clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../server/src/syntax/yaml';
import { ALIAS_EXPANSION_BASE, MAX_COMPLEX_KEY_LENGTH, MAX_YAML_DEPTH } from '../../../server/src/syntax/yaml/convertYaml';
import type { Value } from '../../../server/src/syntax/value';

const U = 'file:///x/homelab.yaml';

/** Values in a tree, iteratively (the tree under test may be deep). */
function treeSize(root: Value | undefined): number {
  let n = 0;
  const stack: Value[] = root ? [root] : [];
  while (stack.length > 0) {
    const v = stack.pop() as Value;
    n++;
    if (v.kind === 'list') stack.push(...v.items);
    else if (v.kind === 'attrs') for (const e of v.entries.values()) stack.push(e.value);
  }
  return n;
}

function get(v: Value | undefined, ...path: string[]): Value | undefined {
  let cur = v;
  for (const k of path) cur = cur && cur.kind === 'attrs' ? cur.entries.get(k)?.value : undefined;
  return cur;
}

/** `levels` anchors, each a list aliasing the previous one `fan` times: fan^levels values if expanded. */
function aliasBomb(levels: number, fan: number): string {
  const lines = [`a0: &a0 [${Array(fan).fill('"lol"').join(',')}]`];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(fan).fill(`*a${i - 1}`).join(',')}]`);
  lines.push(`containers: *a${levels - 1}`, 'plain: &p {x: 1}', 'hosts:', '  pve: {address: 10.0.0.2}');
  return lines.join('\n') + '\n';
}

test('a billion-laughs alias bomb stops at the budget with one clear error; the rest is read', () => {
  for (const [levels, fan] of [[10, 9], [30, 10]]) {
    const text = aliasBomb(levels, fan);
    const r = parseYaml(text, U);
    const bombErrors = r.errors.filter((e) => e.code === 'ALIAS_EXPANDS_TOO_MUCH');
    assert.equal(bombErrors.length, 1, JSON.stringify(r.errors));
    assert.match(bombErrors[0].message, /^Alias `\*a\d+` expands too much/);
    assert.ok(text.slice(bombErrors[0].span.start).startsWith('*a'), 'the error sits on an alias');
    const limit = ALIAS_EXPANSION_BASE + text.length;
    // Bounded work: the document's own values plus at most the budget (and the cut-short items).
    assert.ok(r.nodeCount <= limit + 2 * text.length, `built ${r.nodeCount} values`);
    assert.ok(treeSize(r.value) <= r.nodeCount + 1);
    assert.equal(get(r.value, 'containers')?.kind, 'unknown');
    assert.equal((get(r.value, 'plain', 'x') as { value: number }).value, 1);
    assert.equal(get(r.value, 'hosts', 'pve', 'address')?.kind, 'string');
  }
});

test('ordinary reuse of an anchor in a large inventory is fully expanded, without error', () => {
  const lines = ['x-defaults: &d {host: pve, network: lan, onboot: true, cores: 2, memory: 1024}', 'containers:'];
  for (let i = 0; i < 3_000; i++) lines.push(`  c${i}:`, '    <<: *d', `    vmid: ${1000 + i}`);
  const r = parseYaml(lines.join('\n') + '\n', U);
  assert.deepEqual(r.errors, []);
  assert.equal((get(r.value, 'containers', 'c2999', 'memory') as { value: number }).value, 1024);
});

test('an alias resolves to the last anchor of that name before it', () => {
  const r = parseYaml('a: &x 1\nb: *x\nc: &x 2\nd: *x\ne: *y\nf: &y 3\n', U);
  assert.equal((get(r.value, 'b') as { value: number }).value, 1);
  assert.equal((get(r.value, 'd') as { value: number }).value, 2);
  assert.equal(get(r.value, 'e')?.kind, 'unknown', 'an anchor after the alias does not count');
});

test('deeply nested explicit keys (`? ? ? …`) are read in linear time, named by capped source text', () => {
  for (const n of [30, 300]) {
    const text = `version: 1\n${'? '.repeat(n)}x\nhosts: {pve: {address: 10.0.0.2}}\n`;
    const r = parseYaml(text, U);
    assert.ok(r.value?.kind === 'attrs');
    for (const key of r.value.entries.keys()) assert.ok(key.length <= MAX_COMPLEX_KEY_LENGTH + 1, `key of ${key.length} characters`);
    assert.ok(r.nodeCount <= text.length, `built ${r.nodeCount} values for ${text.length} characters`);
    assert.equal(get(r.value, 'version')?.kind, 'number');
  }
});

test('thousands of nested keys on one line: the package\'s parser runs out of stack, reported as one clear error', () => {
  const r = parseYaml(`version: 1\n${'? '.repeat(5_000)}x\n`, U);
  assert.ok(r.errors.some((e) => /nested too deeply/.test(e.message)), JSON.stringify(r.errors.slice(0, 3)));
  assert.ok(!r.errors.some((e) => e.code === 'INTERNAL'));
});

test('a flow collection as a key is named by its source text', () => {
  const r = parseYaml('? [a, b]\n: 1\n', U);
  assert.ok(r.value?.kind === 'attrs');
  assert.deepEqual([...r.value.entries.keys()], ['[a, b]']);
});

test('aliases nesting deeper than the cap stop with a "nested too deeply" error', () => {
  // Five anchors, each 300 lists deep around the previous one: 1,500 levels once expanded.
  const lines = [`a0: &a0 ${'['.repeat(300)}x${']'.repeat(300)}`];
  for (let i = 1; i < 5; i++) lines.push(`a${i}: &a${i} ${'['.repeat(300)}*a${i - 1}${']'.repeat(300)}`);
  lines.push('ok: 1');
  const r = parseYaml(lines.join('\n') + '\n', U);
  const deep = r.errors.filter((e) => e.code === 'NESTED_TOO_DEEPLY');
  assert.equal(deep.length, 1, JSON.stringify(r.errors.map((e) => e.code)));
  assert.match(deep[0].message, new RegExp(`more than ${MAX_YAML_DEPTH} levels`));
  assert.equal((get(r.value, 'ok') as { value: number }).value, 1);
});

test('duplicate keys: found while converting, once where written, not for merged-in keys', () => {
  const text = 'x: &b {user: a, user: b}\nc:\n  <<: *b\n  user: c\n  "port": 1\n  port: 2\nd: *b\ne: *b\n';
  const r = parseYaml(text, U);
  const dups = r.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  assert.deepEqual(dups.map((e) => [text.slice(e.span.start, e.span.end), e.message]), [
    ['user', 'Duplicate key `user`'],
    ['port', 'Duplicate key `port`'],
  ]);
  assert.equal((get(r.value, 'c', 'user') as { value: string }).value, 'c');
  assert.equal((get(r.value, 'c', 'port') as { value: number }).value, 2, 'the later one is kept');
});

test('a mapping of 20,000 keys is read whole, with its one duplicate reported', () => {
  const lines = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`);
  lines.push('k7: again');
  const r = parseYaml(lines.join('\n') + '\n', U);
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0].message, /Duplicate key `k7`/);
  assert.ok(r.value?.kind === 'attrs' && r.value.entries.size === 20_000);
});
