// The inventory is validated in parts (the document's keys, then each entry of
// each named collection on its own) because Ajv's one-call validation gathers
// each failing entry's errors with a copy of all errors so far. The parts must
// find exactly what one validation of the whole document finds: same places,
// same keywords, same parameters, same messages. Compared on the example
// inventories and on generated inventories full of mistakes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { schemaErrors, validators } from '../../../server/src/checks/rules/inventorySchema';
import { inventorySchema } from '../../../server/src/model/shipped';
import { Rng } from '../../fuzz/rng';

const repo = join(__dirname, '../../..');

function whole(): (data: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  const validate = ajv.compile(inventorySchema() as object);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map(key).sort());
}

function key(e: { instancePath: string; keyword: string; params: unknown; message?: string; propertyName?: string }): string {
  return JSON.stringify([e.instancePath, e.keyword, e.params, e.message, e.propertyName]);
}

function parts(data: unknown): string[] {
  const v = validators();
  assert.ok(v, 'the schema compiles');
  return schemaErrors(data, v).map(key).sort();
}

/** An inventory with `n` of each kind of entry, most of them wrong in some way. */
function generated(rng: Rng, n: number): unknown {
  const pick = <T>(xs: T[]): T => xs[rng.int(xs.length)];
  const name = () => pick(['c', 'web', 'db-1', 'x.y', '-bad', 'has space', '', 'ö', 'a/b', 'a~b']) + rng.int(1000);
  const value = () => pick<unknown>([1, 'text', null, true, [], {}, [1, 2], { a: 1 }, '10.0.0.1', 'not an ip', 100, 99, -1, 1.5]);
  const entry = (fields: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const f of fields) if (rng.chance(0.6)) out[f] = rng.chance(0.5) ? value() : sensible(f);
    if (rng.chance(0.2)) out[pick(['colour', 'ipp', 'hots', 'vmId'])] = value();
    return out;
  };
  const sensible = (f: string): unknown =>
    ({ vmid: 100 + rng.int(900), ip: `10.0.0.${rng.int(300)}`, host: 'pve', cidr: '10.0.0.0/24', gateway: '10.0.0.1', port: rng.int(70000), kind: pick(['lxc', 'vm', 'router', 'x']), services: ['grafana'], update: 'Sat *-*-* 07:00:00' })[f] ?? 'x';
  const collection = (fields: string[]) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) out[name()] = rng.chance(0.1) ? value() : entry(fields);
    return out;
  };
  return {
    version: pick<unknown>([1, 2, 'one']),
    networks: collection(['cidr', 'gateway', 'dns', 'vlan']),
    hosts: collection(['ip', 'kind', 'ssh', 'network']),
    containers: rng.chance(0.1) ? value() : collection(['host', 'vmid', 'ip', 'profile', 'services', 'update', 'network', 'tags']),
    services: collection(['port', 'container', 'protocol', 'path']),
    ...(rng.chance(0.3) ? { deploy: { method: pick(['ssh', 'colmena', 'x']) } } : {}),
  };
}

test('validating the inventory in parts finds exactly what one validation of the whole finds', () => {
  const reference = whole();
  for (const file of ['examples/homelab/homelab.yaml', 'examples/broken/homelab.yaml', 'test/fixtures/checks/inventory.yaml']) {
    const data: unknown = parse(readFileSync(join(repo, file), 'utf8'), { uniqueKeys: false });
    assert.deepEqual(parts(data), reference(data), file);
  }
  const rng = new Rng(20261126);
  let compared = 0;
  for (let i = 0; i < 300; i++) {
    const data = generated(rng, 1 + rng.int(12));
    const expected = reference(data);
    assert.deepEqual(parts(data), expected, JSON.stringify(data).slice(0, 2000));
    compared += expected.length;
  }
  assert.ok(compared > 3_000, `errors compared: ${compared}`);
  for (const odd of [null, [], 'text', 1, { containers: [] }, { containers: null }, { hosts: 'x' }]) assert.deepEqual(parts(odd), reference(odd), JSON.stringify(odd));
});
