// The types of inventoryValidators.generated.js (Ajv standalone code generated
// by scripts/inventoryValidators.mjs from schemas/inventory.schema.json).
import type { ValidateFunction } from 'ajv';

/** The whole inventory, each named collection checked for its keys only. */
export declare const document: ValidateFunction;
/** One validator per named collection (`containers`, `hosts`, …) for a single entry. */
export declare const entries: Readonly<Record<string, ValidateFunction>>;
