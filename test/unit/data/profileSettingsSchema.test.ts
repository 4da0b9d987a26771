// The profile-settings schema: it compiles, its shipped base catalog follows
// the catalog format it defines, every entry is documented, deprecations point
// at real settings, and it agrees with the example's lib/defaults.nix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { exampleDir, newAjv, nixEvalJson, readJson } from './helpers';

interface Entry {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  kind?: string;
  deprecated?: boolean | { replacement?: string; message?: string };
  items?: Entry;
  properties?: Record<string, Entry>;
  required?: string[];
}
type Block = 'systemSettings' | 'userSettings';
const schema = readJson('schemas/profile-settings.schema.json') as { $id: string; catalog: Record<Block, Record<string, Entry>> };
const validate = newAjv().compile(schema);
const catalog = schema.catalog;

test('the schema compiles and the shipped catalog follows its own format', () => {
  assert.match(schema.$id, /profile-settings\.schema\.json$/);
  assert.equal(validate({ catalog }), true, JSON.stringify(validate.errors));
});

test('catalog files with mistakes are rejected at the right place', () => {
  const cases: Array<[unknown, string, string]> = [
    [{ catalog: { systemSettings: { x: { type: 'lst' } } } }, '/catalog/systemSettings/x/type', 'anyOf'],
    [{ catalog: { systemSettings: { x: { type: 'boolean', desc: 'typo' } } } }, '/catalog/systemSettings/x', 'additionalProperties'],
    [{ catalog: { systemSettings: { x: { kind: 'ipaddress' } } } }, '/catalog/systemSettings/x/kind', 'enum'],
    [{ catalog: { systemSettings: { x: { deprecated: { replacment: 'y' } } } } }, '/catalog/systemSettings/x/deprecated', 'anyOf'],
    [{ catalog: { systemSettings: { 'bad name': { type: 'boolean' } } } }, '/catalog/systemSettings', 'pattern'],
    [{ catalog: { hostSettings: {} } }, '/catalog', 'additionalProperties'],
    [{}, '', 'required'],
  ];
  for (const [data, at, keyword] of cases) {
    assert.equal(validate(data), false, JSON.stringify(data));
    assert.ok(
      validate.errors?.some((e) => e.instancePath === at && e.keyword === keyword),
      `${JSON.stringify(data)}: expected ${keyword} at "${at}", got ${JSON.stringify(validate.errors?.map((e) => [e.instancePath, e.keyword]))}`,
    );
  }
  assert.equal(validate({ catalog: { systemSettings: { backupEnable: { type: ['boolean', 'null'], default: null, description: 'x', deprecated: true } } } }), true);
});

test('the base catalog covers the core settings and common feature flags, each documented', () => {
  const core: Record<Block, string[]> = {
    systemSettings: ['hostname', 'profile', 'ipAddress', 'wifiIpAddress', 'defaultGateway', 'nameServers', 'allowedTCPPorts', 'allowedUDPPorts', 'systemStateVersion', 'autoSystemUpdateEnable', 'autoSystemUpdateOnCalendar', 'notificationToEmail', 'notificationSmtpHost', 'prometheusExporterEnable', 'prometheusRemoteTargets', 'grafanaEnable', 'prometheusEnable', 'nextcloudEnable', 'jellyfinEnable'],
    userSettings: ['username', 'name', 'email', 'dotfilesDir', 'installCommand', 'homeStateVersion', 'dockerEnable'],
  };
  for (const block of ['systemSettings', 'userSettings'] as const) {
    for (const key of core[block]) assert.ok(catalog[block][key], `${block}.${key} missing`);
    for (const [key, e] of Object.entries(catalog[block])) {
      assert.ok(e.description && e.description.length > 10, `${block}.${key} has no description`);
      assert.ok(e.type, `${block}.${key} has no type`);
      assert.ok('default' in e, `${block}.${key} has no default`);
      if (key.endsWith('Enable')) assert.equal(e.type, 'boolean', `${block}.${key} is a flag`);
    }
  }
  const targets = catalog.systemSettings.prometheusRemoteTargets;
  assert.equal(targets.kind, 'scrape-targets');
  assert.deepEqual(targets.items?.required, ['name', 'host', 'nodePort']);
  assert.equal(targets.items?.properties?.host.kind, 'ip');
  assert.ok(targets.items?.properties?.cadvisorPort);
});

test('deprecated settings name an existing, non-deprecated replacement of the same type', () => {
  let count = 0;
  for (const block of ['systemSettings', 'userSettings'] as const) {
    for (const [key, e] of Object.entries(catalog[block])) {
      if (!e.deprecated) continue;
      count++;
      const replacement = typeof e.deprecated === 'object' ? e.deprecated.replacement : undefined;
      assert.ok(replacement, `${block}.${key} names no replacement`);
      const r = catalog[block][replacement];
      assert.ok(r && !r.deprecated, `${block}.${key} -> ${replacement}`);
      assert.deepEqual(r.type, e.type);
    }
  }
  assert.ok(count >= 1);
});

test('defaults agree with examples/homelab/lib/defaults.nix where both declare a setting', () => {
  const defaults = nixEvalJson(['-E', `import ${path.join(exampleDir, 'lib', 'defaults.nix')} { pkgs = { linuxPackages = null; }; }`]) as Record<Block, Record<string, unknown>>;
  let shared = 0;
  for (const block of ['systemSettings', 'userSettings'] as const) {
    for (const [key, value] of Object.entries(defaults[block])) {
      const e = catalog[block][key];
      if (!e || key === 'kernelPackages') continue;
      shared++;
      assert.deepEqual(e.default, value, `${block}.${key}`);
    }
  }
  assert.ok(shared >= 60, `only ${shared} settings shared`);
});
