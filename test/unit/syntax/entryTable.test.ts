import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EntryTable, INDEXED_FROM } from '../../../server/src/syntax/entryTable';
import { LayeredEntries } from '../../../server/src/syntax/layeredEntries';
import { placed, placedEntry, type Entry } from '../../../server/src/syntax/value';
import { seededRandom } from '../seededRandom';
import { assertSameAsMap } from './sameAsMap';

interface E {
  key: string;
  n: number;
}

function mapOf(keys: string[], n = 0): Map<string, E> {
  return new Map(keys.map((key, i) => [key, { key, n: n + i }]));
}

/** Every read the code makes of an entries map gives what the plain map gives, and its iterators behave. */
function same(table: ReadonlyMap<string, E>, plain: ReadonlyMap<string, E>, probes: string[], where: string): void {
  assertSameAsMap(table, plain, probes, where);
  // An iterator is its own iterable, and stays done once done.
  const it = table.keys();
  assert.equal(it[Symbol.iterator](), it);
  for (let i = 0; i < plain.size; i++) assert.equal(it.next().done, false);
  assert.equal(it.next().done, true);
  assert.equal(it.next().done, true);
}

test('a table reads as the map it was made from: order, get, has, size, every iterator, forEach', () => {
  for (const keys of [[], ['one'], ['b', 'a', 'c'], ['hostname', 'ip', 'gateway', 'dns', 'cores', 'memory', 'swap', 'disk']]) {
    const plain = mapOf(keys);
    const table = EntryTable.of(plain);
    assert.ok(table instanceof EntryTable, 'a table, not the map');
    same(table, plain, [...keys, 'missing', '', 'hostnam', 'hostnames'], `${keys.length} keys`);
  }
});

test('past the threshold a table finds its keys through an index, and reads alike below and above it', () => {
  for (const n of [INDEXED_FROM - 1, INDEXED_FROM, INDEXED_FROM + 1, 5 * INDEXED_FROM]) {
    // Keys of one length in a shuffled order, so neither a length nor the order finds them.
    const keys = Array.from({ length: n }, (_, i) => `k${String(n - i).padStart(4, '0')}`);
    const plain = mapOf(keys);
    const table = EntryTable.of(plain);
    const probes = [...keys, 'k9999', 'k', `k${String(n + 1).padStart(4, '0')}`];
    same(table, plain, probes, `${n} keys`);
    // Looked up again once the index exists, in another order.
    for (const k of [...probes].reverse()) assert.equal(table.get(k), plain.get(k), `${n} keys, again: ${k}`);
  }
});

test('a map already a table is kept, and a map whose entry is under another name stays the map', () => {
  const table = EntryTable.of(mapOf(['a', 'b']));
  assert.equal(EntryTable.of(table), table);
  const renamed = new Map<string, E>([['alias', { key: 'original', n: 1 }]]);
  assert.equal(EntryTable.of(renamed), renamed);
});

test('an attribute set value keeps its entries as a table that reads as the map given', () => {
  const at = { uri: 'file:///a.nix', span: { start: 0, end: 1 } };
  const m = new Map<string, Entry>([
    ['z', placedEntry('z', at, placed.number(1, true, at))],
    ['a', placedEntry('a', at, placed.string('x', at))],
  ]);
  const v = placed.attrs(m, at);
  assert.ok(v.entries instanceof EntryTable);
  assert.deepEqual([...v.entries.keys()], ['z', 'a']);
  assert.equal(v.entries.get('a'), m.get('a'));
  // The kind is the node's class's, read as any field, and a copy of the value names it.
  assert.equal(v.kind, 'attrs');
  assert.equal(v.entries.get('z')?.value.kind, 'number');
  assert.equal({ ...v, kind: v.kind }.kind, 'attrs');
});

test('layered entries read as the copy `base // top` would, in the copy\'s order, with the base shared', () => {
  const base = EntryTable.of(mapOf(['a', 'b', 'c']));
  const top = new Map<string, E>([
    ['d', { key: 'd', n: 40 }],
    ['b', { key: 'b', n: 20 }],
  ]);
  const m = LayeredEntries.over(base, top);
  assert.ok(m);
  assert.equal(m.base, base);
  const copy = new Map([...base, ...top]);
  same(m, copy, ['a', 'b', 'c', 'd', 'e'], 'small');
  assert.deepEqual([...m.keys()], ['a', 'b', 'c', 'd']);
  assert.equal(m.get('b')?.n, 20);
  assert.equal(EntryTable.of(m), m);
  assert.equal(LayeredEntries.over(base, new Map([['x', { key: 'y', n: 0 }]])), undefined, 'an entry under another name is not layered');
});

test('layered entries agree with the copy on random bases and tops, small and past the threshold', () => {
  const next = seededRandom(17);
  const pick = (n: number): number => Math.floor(next() * n);
  for (let round = 0; round < 300; round++) {
    const names = Array.from({ length: 1 + pick(3 * INDEXED_FROM) }, (_, i) => `s${i}`);
    const baseKeys = names.filter(() => next() < 0.6);
    const topKeys = names.filter(() => next() < 0.3).sort(() => next() - 0.5);
    const baseMap = mapOf(baseKeys);
    const base = next() < 0.5 ? EntryTable.of(baseMap) : baseMap;
    const top = mapOf(topKeys, 1000);
    const m = LayeredEntries.over(base, top);
    assert.ok(m);
    const copy = new Map([...baseMap, ...top]);
    same(m, copy, [...names, 'absent'], `round ${round}`);
  }
});
