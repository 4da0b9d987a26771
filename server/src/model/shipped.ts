// What ships with the extension: the JSON Schemas under schemas/ and the
// built-in catalog of common self-hosted services. Imported statically so the
// bundler inlines them into dist/server.js and dist/cli.js.
import inventorySchemaJson from '../../../schemas/inventory.schema.json';
import profileSchemaJson from '../../../schemas/profile-settings.schema.json';
import { findKnownService, knownServices, type KnownService } from './knownServices';

export type BuiltinService = KnownService;

export function shippedProfileSchema(): unknown {
  return profileSchemaJson;
}

export function inventorySchema(): unknown {
  return inventorySchemaJson;
}

export function builtinServiceList(): readonly BuiltinService[] {
  return knownServices;
}

/** A built-in service by name or alias (case, `_` and `-` ignored). */
export function builtinService(name: string): BuiltinService | undefined {
  return findKnownService(name);
}
