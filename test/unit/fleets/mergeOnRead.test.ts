// A machine's merged option sets are merged one level at a time, when read
// (moduleSystem.ts): the services it enables are listed without merging each
// service's whole subtree. What is read is what the eager merge gave —
// priorities decided at every level, entries with the properties of plain
// data — and what is never read stays unmerged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry, Value } from '../../../server/src/syntax/value';
import { workspaceOf } from '../checks/helpers';

const files: Record<string, string> = {
  'flake.nix': `{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.web1 = nixpkgs.lib.nixosSystem { modules = [ ./forced.nix ./plain.nix ]; };
  };
}
`,
  // mkForce on the whole set: the other module's web.enable loses at that level, as in Nix.
  'forced.nix': `{ lib, ... }: { services.web = lib.mkForce { port = 8080; }; }\n`,
  'plain.nix': `{ ... }: {
  networking.hostName = "web1";
  services.web.enable = true;
  services.db.enable = true;
  services.db.settings.pool.size = 5;
}
`,
};

function entry(v: Value | undefined, key: string): Entry {
  assert.equal(v?.kind, 'attrs');
  const e = v.kind === 'attrs' ? v.entries.get(key) : undefined;
  assert.ok(e, `has ${key}`);
  return e;
}

test('the services list and the merged services set are what the module system gives, priorities decided at each level', () => {
  const m = workspaceOf(files).homelabs()[0].nixosMachines.get('web1');
  assert.ok(m?.config);
  // web is forced to { port = 8080; }: its enable from the other module is overridden, so it is not listed.
  assert.deepEqual(m.config.services.map((s) => s.name), ['db']);
  const services = m.config.options.get('services')?.value;
  const web = entry(services, 'web').value;
  assert.deepEqual(web.kind === 'attrs' ? [...web.entries.keys()] : web.kind, ['port']);
  const size = entry(entry(entry(entry(services, 'db').value, 'settings').value, 'pool').value, 'size').value;
  assert.equal(size.kind === 'number' ? size.value : size.kind, 5);
});

test('an entry merged on read has the properties of a plain entry, and one never read is not merged', () => {
  const m = workspaceOf(files).homelabs()[0].nixosMachines.get('web1');
  const services = m?.config?.options.get('services')?.value;
  const settings = entry(entry(services, 'db').value, 'settings').value;
  const pool = entry(settings, 'pool');
  // Not read yet: still the accessor that merges it.
  assert.equal(typeof Object.getOwnPropertyDescriptor(pool, 'value')?.get, 'function');
  assert.deepEqual(Object.keys(pool), ['key', 'keyOrigin', 'value']);
  const copy = { ...pool };
  assert.equal(copy.value.kind, 'attrs');
  // Read once: a data property from then on, the same value every time.
  assert.equal(Object.getOwnPropertyDescriptor(pool, 'value')?.get, undefined);
  assert.equal(pool.value, copy.value);
  assert.deepEqual(copy.value.kind === 'attrs' ? [...copy.value.entries.keys()] : [], ['size']);
  assert.match(JSON.stringify(pool), /"value":\{"kind":"attrs"/);
});
