// inventory-schema: the inventory validated against schemas/inventory.schema.json
// (JSON Schema 2020-12, Ajv with ajv-formats). Ajv's errors become sentences a
// person understands, placed on the exact key or value: a missing property on
// its parent's key, an unknown property on its own key, a wrong value on the value.
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as generated from './inventoryValidators.generated';
import type { Entry, Origin, Value } from '../../syntax/value';
import { toPlain } from '../../syntax/value';
import type { Finding, Rule } from '../types';
import { at, didYouMean } from '../util';

/**
 * The inventory's validator in parts: the document with its named collections
 * (`containers`, `hosts`...) checked for their keys only, and one validator per
 * collection for a single entry. Ajv gathers a referenced subschema's errors
 * with `concat` (a copy of every error so far per failing entry), so checking
 * 20,000 containers in one call took seconds; entry by entry it is linear.
 * Compiled ahead of time (scripts/inventoryValidators.mjs): compiling them on
 * each start took 70–130 ms of it.
 */
interface Validators {
  document: ValidateFunction;
  entries: ReadonlyMap<string, ValidateFunction>;
}

const compiled: Validators = { document: generated.document, entries: new Map(Object.entries(generated.entries)) };

export function validators(): Validators {
  return compiled;
}

/** Every schema error of the inventory, with paths from its root (as one validation of the whole would give). */
export function schemaErrors(data: unknown, v: Validators): ErrorObject[] {
  const errors = v.document(data) ? [] : [...(v.document.errors ?? [])];
  if (!data || typeof data !== 'object' || Array.isArray(data)) return errors;
  for (const [name, validate] of v.entries) {
    const collection = (data as Record<string, unknown>)[name];
    if (!collection || typeof collection !== 'object' || Array.isArray(collection)) continue;
    for (const [key, entry] of Object.entries(collection)) {
      if (validate(entry)) continue;
      const prefix = `/${name}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      for (const e of validate.errors ?? []) errors.push({ ...e, instancePath: prefix + e.instancePath });
    }
  }
  return errors;
}

/** Fields whose address/network errors the ip-format rule reports with better messages. */
const ADDRESS_FORMATS = new Set(['ipv4', 'ipv6', 'ip', 'cidr', 'ipv4-cidr', 'ipv6-cidr']);

interface Located {
  value: Value | undefined;
  entry?: Entry;
}

function locate(root: Value, pointer: string): Located {
  let cur: Value | undefined = root;
  let entry: Entry | undefined;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!cur) break;
    if (cur.kind === 'attrs') {
      entry = cur.entries.get(seg);
      cur = entry?.value;
    } else if (cur.kind === 'list') {
      cur = cur.items[Number(seg)];
      entry = undefined;
    } else cur = undefined;
  }
  return { value: cur, entry };
}

function lastKey(pointer: string): string {
  const segs = pointer.split('/');
  return (segs[segs.length - 1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}

function typeWord(t: unknown): string {
  const words: Record<string, string> = {
    integer: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: '`true` or `false`',
    array: 'a list',
    object: 'a mapping of keys to values',
    null: 'empty',
  };
  return Array.isArray(t) ? t.map(typeWord).join(' or ') : (words[String(t)] ?? String(t));
}

function describeValue(v: unknown): string {
  return typeof v === 'string' ? `\`${v}\`` : JSON.stringify(v);
}

type SchemaNode = Record<string, unknown>;

function message(e: ErrorObject, name: string): string | undefined {
  const ps = (e.parentSchema ?? {}) as SchemaNode;
  const custom = (ps.errorMessage ?? ps['x-errorMessage'] ?? ps.patternErrorMessage) as string | undefined;
  const subject = name ? `\`${name}\`` : 'The inventory';
  switch (e.keyword) {
    case 'type': {
      if (ps.type === 'integer' && (ps.minimum !== undefined || ps.maximum !== undefined))
        return `${subject} must be a whole number${range(ps)}`;
      return `${subject} must be ${typeWord(e.params.type)}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${subject} must be ${ps.type === 'integer' ? 'a whole number' : 'a number'}${range(ps)}`;
    case 'pattern':
      if (custom) return `${subject}: ${custom}`;
      return `${subject} has the wrong form: ${describeValue(e.data)}${examples(ps)}`;
    case 'format':
      return `${subject}: ${describeValue(e.data)} is not a valid ${e.params.format}`;
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]) ?? [];
      const dym = typeof e.data === 'string' ? didYouMean(e.data, allowed.map(String)) : undefined;
      return `${subject} must be one of ${allowed.map(describeValue).join(', ')}${dym ? `; did you mean \`${dym}\`?` : ''}`;
    }
    case 'const':
      return `${subject} must be ${describeValue(e.params.allowedValue)}`;
    case 'minLength':
      return e.params.limit === 1 ? `${subject} must not be empty` : `${subject} must have at least ${e.params.limit} characters`;
    case 'maxLength':
      return `${subject} must have at most ${e.params.limit} characters`;
    case 'minItems':
      return `${subject} needs at least ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `${subject} can have at most ${e.params.limit} items`;
    case 'uniqueItems':
      return `${subject} lists the same item twice (items ${e.params.j + 1} and ${e.params.i + 1})`;
    case 'minProperties':
      return `${subject} must not be empty`;
    case 'propertyNames':
      return undefined; // reported through the nested pattern error on the key
    default:
      return custom ? `${subject}: ${custom}` : `${subject} ${e.message ?? 'is not valid'}`;
  }
}

function range(ps: SchemaNode): string {
  const lo = ps.minimum ?? (typeof ps.exclusiveMinimum === 'number' ? (ps.exclusiveMinimum as number) + 1 : undefined);
  const hi = ps.maximum ?? (typeof ps.exclusiveMaximum === 'number' ? (ps.exclusiveMaximum as number) - 1 : undefined);
  if (lo !== undefined && hi !== undefined) return ` between ${lo} and ${hi}`;
  if (lo !== undefined) return ` of at least ${lo}`;
  if (hi !== undefined) return ` of at most ${hi}`;
  return '';
}

function examples(ps: SchemaNode): string {
  const ex = Array.isArray(ps.examples) ? (ps.examples as unknown[]) : [];
  return ex.length ? ` (for example ${ex.slice(0, 2).map(describeValue).join(' or ')})` : '';
}

export function schemaFindings(root: Value, uri: string): Finding[] {
  const errors = schemaErrors(toPlain(root), validators());
  const out: Finding[] = [];
  const seen = new Set<string>();
  // anyOf/oneOf summaries are noise when a branch already said what is wrong (at or below their place).
  const explained = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    for (let path = e.instancePath; ; path = path.slice(0, path.lastIndexOf('/'))) {
      if (explained.has(path)) break;
      explained.add(path);
      if (path === '') break;
    }
  }
  for (const e of errors) {
    if ((e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') && explained.has(e.instancePath)) continue;
    if (e.keyword === 'format' && ADDRESS_FORMATS.has(String(e.params.format))) continue;
    let place: Origin | undefined;
    let name = lastKey(e.instancePath);
    if (e.keyword === 'required') {
      const parent = locate(root, e.instancePath);
      place = parent.entry?.keyOrigin ?? (root.kind === 'attrs' ? [...root.entries.values()][0]?.keyOrigin : undefined) ?? { uri, span: { start: 0, end: 0 } };
      const msg = `${name ? `\`${name}\`` : 'The inventory'} is missing \`${e.params.missingProperty}\``;
      push(out, seen, at('inventory-schema', place, msg));
      continue;
    }
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const parent = locate(root, e.instancePath);
      const key = String(e.params.additionalProperty ?? e.params.unevaluatedProperty ?? '');
      const entry = parent.value?.kind === 'attrs' ? parent.value.entries.get(key) : undefined;
      place = entry?.keyOrigin ?? parent.value?.origin;
      const props = Object.keys(((e.parentSchema as SchemaNode)?.properties as SchemaNode) ?? {});
      const dym = didYouMean(key, props);
      const where = name ? `\`${name}\`` : 'the inventory';
      if (place)
        push(out, seen, at('inventory-schema', place, `unknown key \`${key}\` in ${where}${dym ? `; did you mean \`${dym}\`?` : ''}`, { data: dym ? { replacement: dym } : undefined }));
      continue;
    }
    if (e.keyword === 'propertyNames' || (e.propertyName !== undefined && e.keyword === 'pattern')) {
      // A key that breaks the naming rule: place it on the key itself.
      const parent = locate(root, e.instancePath);
      const key = String(e.propertyName ?? e.params.propertyName ?? '');
      const entry = parent.value?.kind === 'attrs' ? parent.value.entries.get(key) : undefined;
      if (!entry) continue;
      name = key;
      const ps = (e.parentSchema ?? {}) as SchemaNode;
      const custom = (ps.errorMessage ?? ps['x-errorMessage'] ?? ps.patternErrorMessage) as string | undefined;
      push(out, seen, at('inventory-schema', entry.keyOrigin, `the name \`${key}\` is not allowed: ${custom ?? 'use letters, digits, `_`, `-` and `.`'}`));
      continue;
    }
    const loc = locate(root, e.instancePath);
    place = loc.value?.origin;
    const msg = message(e, name);
    if (place && msg) push(out, seen, at('inventory-schema', place, msg));
  }
  return out;
}

function push(out: Finding[], seen: Set<string>, f: Finding): void {
  const id = `${f.span.start}:${f.span.end}:${f.message}`;
  if (seen.has(id)) return;
  seen.add(id);
  out.push(f);
}

export const inventorySchemaRule: Rule = {
  id: 'inventory-schema',
  defaultSeverity: 'error',
  description: 'The inventory does not match schemas/inventory.schema.json (unknown keys, wrong types, missing fields).',
  scope: 'document',
  checkFile(ctx, uri) {
    if (uri !== ctx.homelab.inventoryUri) return [];
    const root = ctx.workspace.yaml(uri)?.value;
    return root ? schemaFindings(root, uri) : [];
  },
};
