// The one printer of a `Value` as Nix text: strings quoted and escaped as Nix
// writes them, attribute names sorted (as Nix prints a set) and quoted where
// they are not identifiers. What differs between its readers is an option:
// how a path and a value not known statically show (an option's default shows
// their source text, the plan a path relative to the folder, hover a short
// placeholder), how deep it goes, and how many items a list or set shows.
import type { Value } from './value';

type PathValue = Extract<Value, { kind: 'path' }>;
type UnknownValue = Extract<Value, { kind: 'unknown' }>;

export interface ValueTextOptions {
  /** How a path shows (default: its value). */
  path?: (v: PathValue) => string;
  /** How a value not known statically shows (default: `…`). */
  unknown?: (v: UnknownValue) => string;
  /** Deepest nesting printed; anything deeper is `…` (default 40). */
  maxDepth?: number;
  /** Most items of a list printed, the rest shown as `…` (default: all). */
  maxItems?: number;
  /** Most entries of an attribute set printed, the rest shown as `…` (default: all). */
  maxEntries?: number;
}

const IDENT = /^[a-zA-Z_][a-zA-Z0-9_'-]*$/;
const KEYWORDS = new Set(['if', 'then', 'else', 'assert', 'with', 'let', 'in', 'rec', 'inherit', 'or']);

/** A string as a Nix string literal. */
export function nixString(s: string): string {
  return `"${s.replace(/[\\"\n\r\t]|\$\{/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`))}"`;
}

/** An attribute name as Nix writes it (quoted when it is not an identifier). */
export function showAttrName(name: string): string {
  return IDENT.test(name) && !KEYWORDS.has(name) ? name : nixString(name);
}

/** An attribute path as Nix writes it: `services.nginx`, `pkgs."hello-2"`… */
export function showAttrPath(path: readonly string[]): string {
  return path.map(showAttrName).join('.');
}

function items(parts: string[], total: number, open: string, close: string): string {
  if (total === 0) return `${open} ${close}`;
  return `${open} ${parts.join(' ')}${parts.length < total ? ' …' : ''} ${close}`;
}

/** A value as Nix text, shaped by `opts`. */
export function valueText(v: Value, opts: ValueTextOptions = {}, depth = 0): string {
  if (depth > (opts.maxDepth ?? 40)) return '…';
  switch (v.kind) {
    case 'string':
      return nixString(v.value);
    case 'number':
    case 'boolean':
      return String(v.value);
    case 'null':
      return 'null';
    case 'path':
      return opts.path ? opts.path(v) : v.value;
    case 'list':
      return items(v.items.slice(0, opts.maxItems).map((i) => valueText(i, opts, depth + 1)), v.items.length, '[', ']');
    case 'attrs': {
      const keys = [...v.entries.keys()].sort().slice(0, opts.maxEntries);
      return items(keys.map((k) => `${showAttrName(k)} = ${valueText(v.entries.get(k)!.value, opts, depth + 1)};`), v.entries.size, '{', '}');
    }
    case 'unknown':
      return opts.unknown ? opts.unknown(v) : '…';
  }
}
