// What ships with the extension: the JSON Schemas under schemas/ and the
// built-in catalog of common self-hosted services. Loaded with static requires
// so the bundler inlines them; a missing file degrades to "nothing shipped".

export interface BuiltinService {
  name: string;
  port?: number;
  description?: string;
  url?: string;
}

let profileSchema: unknown;
let inventorySchemaValue: unknown;
let services: BuiltinService[] | undefined;

export function shippedProfileSchema(): unknown {
  if (profileSchema === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- static require so esbuild inlines the JSON
      profileSchema = require('../../../schemas/profile-settings.schema.json') as unknown;
    } catch {
      profileSchema = null;
    }
  }
  return profileSchema;
}

export function inventorySchema(): unknown {
  if (inventorySchemaValue === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- static require so esbuild inlines the JSON
      inventorySchemaValue = require('../../../schemas/inventory.schema.json') as unknown;
    } catch {
      inventorySchemaValue = null;
    }
  }
  return inventorySchemaValue;
}

export function builtinServiceList(): BuiltinService[] {
  if (services === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- written by another part of the project; optional until it exists
      const mod = require('./knownServices') as Record<string, unknown>;
      const list = Object.values(mod).find((v) => Array.isArray(v)) as BuiltinService[] | undefined;
      services = (list ?? []).filter((s) => s && typeof s.name === 'string');
    } catch {
      services = [];
    }
  }
  return services;
}
