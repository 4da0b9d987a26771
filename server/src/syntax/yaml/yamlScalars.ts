// Plain and double-quoted scalars of the YAML 1.2 core schema, resolved as the
// `yaml` package resolves them; anything outside the common cases (special
// floats, escapes beyond the simple ones) is not simple: the fast reader
// gives the file to the general path.
import { type Origin, placed, type Value } from '../value';

/** Thrown to give up; caught by the fast reader, never escapes it. */
export class NotSimple extends Error {}

const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

export const ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  ' ': ' ',
};

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function plainValue(raw: string): string | number | boolean | null {
  if (NULL_RE.test(raw)) return null;
  if (BOOL_RE.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (INT_OCT.test(raw)) return parseInt(raw.substring(2), 8);
  if (INT_DEC.test(raw)) return parseInt(raw, 10);
  if (INT_HEX.test(raw)) return parseInt(raw.substring(2), 16);
  if (FLOAT_SPECIAL.test(raw)) throw new NotSimple();
  if (FLOAT_EXP.test(raw) || FLOAT.test(raw)) return parseFloat(raw);
  return raw;
}

export function scalarValue(v: string | number | boolean | null, origin: Origin): Value {
  if (v === null) return placed.null(origin);
  if (typeof v === 'string') return placed.string(v, origin);
  if (typeof v === 'number') return placed.number(v, Number.isInteger(v), origin);
  return placed.boolean(v, origin);
}
