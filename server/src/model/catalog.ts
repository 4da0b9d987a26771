// The settings catalog of a homelab: every key a profile may set in
// systemSettings / userSettings, with type, default, documentation, enum values
// and deprecation. Built from three sources, later ones winning field by field:
// the shipped schema, what the workspace says (lib/defaults.nix and the
// `systemSettings.x or default` reads of its modules), and the user's schemas.
import type { Origin, Value } from '../syntax/value';
import { toPlain } from '../syntax/value';
import { docCommentAt, enumFromDoc } from './nixText';
import type { SettingsBlock } from './profiles';
import { literalValue, type SettingRead } from './settingReads';
import { shippedProfileSchema } from './shipped';

export type SettingType = 'boolean' | 'string' | 'integer' | 'number' | 'list' | 'attrs' | 'path' | 'null';
export type CatalogSource = 'shipped' | 'defaults' | 'read' | 'user';

export interface CatalogEntry {
  key: string;
  block: SettingsBlock;
  /** Allowed kinds; empty = anything. */
  types: SettingType[];
  default?: unknown;
  description?: string;
  enum?: unknown[];
  deprecated?: { message?: string; replacement?: string };
  /** The semantic kind from a catalog file: `ip`, `ip-list`, `calendar`, `port-list`, `scrape-targets`... */
  format?: string;
  /** Where the setting is declared (lib/defaults.nix, or its first `or` read). */
  definition?: Origin;
  /** Where modules read it. */
  reads: Origin[];
  sources: CatalogSource[];
}

export interface Catalog {
  systemSettings: Map<string, CatalogEntry>;
  userSettings: Map<string, CatalogEntry>;
}

export function emptyCatalog(): Catalog {
  return { systemSettings: new Map(), userSettings: new Map() };
}

/** The entry for a key: its own block first, then the other block (settings sometimes move). */
export function lookupSetting(cat: Catalog, block: SettingsBlock, key: string): CatalogEntry | undefined {
  return cat[block].get(key) ?? cat[block === 'systemSettings' ? 'userSettings' : 'systemSettings'].get(key);
}

export function allEntries(cat: Catalog): CatalogEntry[] {
  return [...cat.systemSettings.values(), ...cat.userSettings.values()];
}

export function typeOfValue(v: Value): SettingType | undefined {
  switch (v.kind) {
    case 'string':
      return 'string';
    case 'path':
      return 'path';
    case 'number':
      return v.integer ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'list':
      return 'list';
    case 'attrs':
      return 'attrs';
    default:
      return undefined;
  }
}

function typeOfPlain(p: unknown): SettingType[] {
  if (typeof p === 'boolean') return ['boolean'];
  if (typeof p === 'string') return ['string'];
  if (typeof p === 'number') return Number.isInteger(p) ? ['integer'] : ['number'];
  if (Array.isArray(p)) return ['list'];
  if (p !== null && typeof p === 'object') return ['attrs'];
  return []; // null or unknown: anything goes
}

/** Whether a value of kind `t` is acceptable for the allowed kinds. */
export function typeAccepts(types: SettingType[], t: SettingType): boolean {
  if (types.length === 0) return true;
  if (types.includes(t)) return true;
  if (t === 'integer' && types.includes('number')) return true;
  if ((t === 'path' && types.includes('string')) || (t === 'string' && types.includes('path'))) return true;
  return false;
}

export function describeType(types: SettingType[]): string {
  const words: Record<SettingType, string> = {
    boolean: '`true` or `false`',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    list: 'a list',
    attrs: 'an attribute set',
    path: 'a path',
    null: '`null`',
  };
  return types.map((t) => words[t]).join(' or ');
}

function blank(key: string, block: SettingsBlock): CatalogEntry {
  return { key, block, types: [], reads: [], sources: [] };
}

function overlay(cat: Catalog, e: Partial<CatalogEntry> & { key: string; block: SettingsBlock }, source: CatalogSource): void {
  const map = cat[e.block];
  const cur = map.get(e.key) ?? blank(e.key, e.block);
  if (e.types && (e.types.length || !cur.types.length)) cur.types = e.types;
  if (e.default !== undefined) cur.default = e.default;
  if (e.description) cur.description = e.description;
  if (e.enum) cur.enum = e.enum;
  if (e.deprecated) cur.deprecated = e.deprecated;
  if (e.format) cur.format = e.format;
  if (e.definition && (!cur.definition || source === 'defaults')) cur.definition = e.definition;
  if (!cur.sources.includes(source)) cur.sources.push(source);
  map.set(e.key, cur);
}

/** Entries from the evaluated lib/defaults.nix and its source text (for comments). */
export function fromDefaults(cat: Catalog, defaults: Value | undefined, text: string | undefined): void {
  if (!defaults || defaults.kind !== 'attrs') return;
  for (const block of ['systemSettings', 'userSettings'] as const) {
    const b = defaults.entries.get(block)?.value;
    if (!b || b.kind !== 'attrs') continue;
    for (const [key, e] of b.entries) {
      const inFile = text !== undefined && e.keyOrigin.uri === defaults.origin.uri;
      const doc = inFile ? docCommentAt(text, e.keyOrigin.span.start) : undefined;
      const plain = e.value.kind === 'unknown' ? undefined : toPlain(e.value);
      overlay(
        cat,
        {
          key,
          block,
          types: e.value.kind === 'unknown' ? [] : typeOfPlain(plain),
          default: plain,
          description: doc,
          enum: enumFromDoc(doc),
          definition: e.keyOrigin,
        },
        'defaults',
      );
    }
  }
}

/** Entries (and read places) from `systemSettings.x [or d]` reads found in modules. */
export function fromReads(cat: Catalog, reads: SettingRead[]): void {
  for (const r of reads) {
    const known = cat[r.block].get(r.key);
    if (known) {
      known.reads.push(r.origin);
      if (known.default === undefined && r.orDefault) {
        const lit = literalValue(r.orDefault.text);
        if (lit) {
          known.default = lit.value;
          if (!known.types.length) known.types = typeOfPlain(lit.value);
        }
      }
      if (!known.sources.includes('read')) known.sources.push('read');
      continue;
    }
    // Only reads with an `or` default or behind a `?` test declare a setting; a
    // bare read of an undeclared key is a module bug Nix reports itself.
    if (r.guarded && !r.orDefault) {
      overlay(cat, { key: r.key, block: r.block, types: [], definition: r.origin }, 'read');
      cat[r.block].get(r.key)?.reads.push(r.origin);
      continue;
    }
    if (!r.orDefault) continue;
    const lit = literalValue(r.orDefault.text);
    overlay(
      cat,
      {
        key: r.key,
        block: r.block,
        types: lit ? typeOfPlain(lit.value) : [],
        default: lit?.value,
        definition: r.origin,
      },
      'read',
    );
    cat[r.block].get(r.key)?.reads.push(r.origin);
  }
  // A reader that compares the setting with null (or reads it `or null`) handles null: the setting is nullable.
  for (const r of reads) {
    const e = r.nullTested ? cat[r.block].get(r.key) : undefined;
    if (e && e.types.length && !e.types.includes('null')) e.types = [...e.types, 'null'];
  }
}

interface SchemaProp {
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  default?: unknown;
  enum?: unknown[];
  deprecated?: boolean | { message?: string; replacement?: string };
  deprecationMessage?: string;
  replacement?: string;
  format?: string;
  kind?: string;
}

function schemaTypes(t: string | string[] | undefined): SettingType[] {
  const list = t === undefined ? [] : Array.isArray(t) ? t : [t];
  if (list.includes('any')) return [];
  const map: Record<string, SettingType> = {
    boolean: 'boolean',
    string: 'string',
    integer: 'integer',
    number: 'number',
    array: 'list',
    list: 'list',
    object: 'attrs',
    attrs: 'attrs',
    null: 'null',
    path: 'path',
  };
  return list.map((x) => map[x]).filter((x): x is SettingType => x !== undefined);
}

/**
 * Entries from a catalog file (the shipped schemas/profile-settings.schema.json,
 * or a user's): `{ catalog: { systemSettings: { key: entry } , userSettings } }`.
 * A JSON Schema with `properties.systemSettings.properties` is read too.
 */
export function fromSchema(cat: Catalog, schema: unknown, source: 'shipped' | 'user'): void {
  if (!schema || typeof schema !== 'object') return;
  const root = schema as Record<string, unknown>;
  const holder = (root.catalog ?? root.properties ?? root) as Record<string, unknown>;
  for (const block of ['systemSettings', 'userSettings'] as const) {
    const b = holder[block] as Record<string, unknown> | undefined;
    if (!b || typeof b !== 'object') continue;
    const props = (root.catalog ? b : (b.properties ?? b)) as Record<string, SchemaProp>;
    for (const [key, p] of Object.entries(props)) {
      if (!p || typeof p !== 'object') continue;
      const dep = p.deprecated;
      const depObj = typeof dep === 'object' && dep !== null ? dep : undefined;
      overlay(
        cat,
        {
          key,
          block,
          types: schemaTypes(p.type),
          default: p.default,
          description: p.markdownDescription ?? p.description,
          enum: Array.isArray(p.enum) ? p.enum : undefined,
          deprecated:
            dep === true || depObj
              ? { message: depObj?.message ?? p.deprecationMessage, replacement: depObj?.replacement ?? p.replacement }
              : undefined,
          format: p.kind ?? p.format,
        },
        source,
      );
    }
  }
}

/**
 * A homelab's catalog of settings: the shipped profile schema, then the
 * defaults file's keys, values and comments, then what modules read, then the
 * user's own schemas (each later source adds to and refines the earlier).
 */
export function catalogOf(defaults: { value: Value | undefined; text: string | undefined } | undefined, moduleReads: SettingRead[], userSchemas: unknown[]): Catalog {
  const catalog = emptyCatalog();
  fromSchema(catalog, shippedProfileSchema(), 'shipped');
  if (defaults) fromDefaults(catalog, defaults.value, defaults.text);
  fromReads(catalog, moduleReads);
  for (const schema of userSchemas) fromSchema(catalog, schema, 'user');
  return catalog;
}
