// The inventory's validators ship compiled ahead of time
// (server/src/checks/rules/inventoryValidators.generated.js). They must be
// what Ajv makes of today's schemas/inventory.schema.json: a schema edited
// without re-running the generator fails here, naming the command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '../../..');

test('the generated inventory validators match schemas/inventory.schema.json', async () => {
  const { generateInventoryValidators, GENERATED } = (await import(join(repo, 'scripts/inventoryValidators.mjs'))) as {
    generateInventoryValidators: (schemaText?: string) => string;
    GENERATED: string;
  };
  const committed = readFileSync(GENERATED, 'utf8');
  assert.ok(committed === generateInventoryValidators(), 'stale: run `node scripts/inventoryValidators.mjs` after changing schemas/inventory.schema.json');
});

test('a schema change changes the generated validators (the freshness check can fail)', async () => {
  const { generateInventoryValidators } = (await import(join(repo, 'scripts/inventoryValidators.mjs'))) as {
    generateInventoryValidators: (schemaText?: string) => string;
  };
  const schema = JSON.parse(readFileSync(join(repo, 'schemas/inventory.schema.json'), 'utf8')) as { properties: Record<string, { description?: string }> };
  schema.properties.containers.description = 'A changed description';
  assert.notEqual(generateInventoryValidators(JSON.stringify(schema)), generateInventoryValidators());
});
