// Whether a map-like table (a layered map, an entry table) answers every read
// the code makes of an entries map as a plain Map with the same entries does.
import assert from 'node:assert/strict';

export function assertSameAsMap<V>(table: ReadonlyMap<string, V>, plain: ReadonlyMap<string, V>, probes: readonly string[], where: string): void {
  assert.deepEqual([...table], [...plain], `${where}: entries in order`);
  assert.deepEqual([...table.entries()], [...plain.entries()], `${where}: entries()`);
  assert.deepEqual([...table.keys()], [...plain.keys()], `${where}: keys`);
  assert.deepEqual([...table.values()], [...plain.values()], `${where}: values`);
  const each: [string, V][] = [];
  table.forEach((v, k, m) => {
    assert.equal(m, table);
    each.push([k, v]);
  });
  assert.deepEqual(each, [...plain], `${where}: forEach`);
  assert.equal(table.size, plain.size, `${where}: size`);
  for (const k of probes) {
    assert.equal(table.get(k), plain.get(k), `${where}: get ${k}`);
    assert.equal(table.has(k), plain.has(k), `${where}: has ${k}`);
  }
  assert.deepEqual([...new Map(table)], [...plain], `${where}: copied by new Map`);
}
