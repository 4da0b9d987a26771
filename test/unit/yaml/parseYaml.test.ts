// The YAML front end: value tree with exact origins, errors instead of throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../server/src/syntax/yaml';
import type { Value } from '../../../server/src/syntax/value';

const U = 'file:///x/homelab.yaml';

function get(v: Value | undefined, ...path: string[]): Value | undefined {
  let cur = v;
  for (const k of path) cur = cur && cur.kind === 'attrs' ? cur.entries.get(k)?.value : undefined;
  return cur;
}

test('keys and values keep their exact source spans', () => {
  const text = 'hosts:\n  pve:\n    ip: 192.168.8.82\n    vmid: 105\n';
  const r = parseYaml(text, U);
  assert.deepEqual(r.errors, []);
  const ip = get(r.value, 'hosts', 'pve', 'ip');
  assert.equal(ip?.kind, 'string');
  assert.equal(text.slice(ip!.origin.span.start, ip!.origin.span.end), '192.168.8.82');
  assert.equal(ip!.origin.uri, U);
  const pve = get(r.value, 'hosts');
  assert.ok(pve?.kind === 'attrs');
  const entry = pve.entries.get('pve')!;
  assert.equal(text.slice(entry.keyOrigin.span.start, entry.keyOrigin.span.end), 'pve');
  const vmid = get(r.value, 'hosts', 'pve', 'vmid');
  assert.deepEqual(vmid?.kind === 'number' && [vmid.value, vmid.integer], [105, true]);
});

test('lists, flow sequences, booleans, null and floats', () => {
  const r = parseYaml('a: [1, two, true]\nb:\nc: 1.5\n', U);
  const a = get(r.value, 'a');
  assert.ok(a?.kind === 'list');
  assert.deepEqual(a.items.map((i) => i.kind), ['number', 'string', 'boolean']);
  assert.equal(get(r.value, 'b')?.kind, 'null');
  const c = get(r.value, 'c');
  assert.ok(c?.kind === 'number' && !c.integer);
});

test('duplicate keys are errors placed on the second key', () => {
  const text = 'a: 1\na: 2\n';
  const r = parseYaml(text, U);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].code, 'DUPLICATE_KEY');
  assert.equal(r.errors[0].span.start, 5);
  assert.match(r.errors[0].message, /Duplicate key `a`/);
});

test('syntax errors are reported without throwing, and the rest is still read', () => {
  const r = parseYaml('ok: 1\nbad: [1, 2\nlater: 3\n', U);
  assert.ok(r.errors.length >= 1);
  assert.ok(!r.errors[0].message.includes('\n'));
});

test('the yaml-language-server modeline is tolerated and read', () => {
  const r = parseYaml('# yaml-language-server: $schema=../schemas/inventory.schema.json\nversion: 1\n', U);
  assert.deepEqual(r.errors, []);
  assert.equal(r.modelineSchema, '../schemas/inventory.schema.json');
});

test('aliases resolve to the anchored value; merge keys copy entries', () => {
  const r = parseYaml('x-base: &b {user: a, port: 22}\nc:\n  <<: *b\n  port: 2222\n', U);
  assert.equal((get(r.value, 'c', 'user') as { value: string }).value, 'a');
  assert.equal((get(r.value, 'c', 'port') as { value: number }).value, 2222);
});

test('never throws on garbage', () => {
  for (const t of ['', ':', '- - -\n  ]]]', '{{{', 'a: *nope', '\0\0\0', '? [a]\n: b', 'a:\n\t- b']) {
    const r = parseYaml(t, U);
    assert.ok(Array.isArray(r.errors));
  }
});
