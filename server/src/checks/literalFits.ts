// Whether a literal written in a module fits an option's type, judged from the
// type's readable text (the index's `type`, in the module system's own words:
// "positive integer, meaning >0", "null or (16 bit unsigned integer; between 0
// and 65535 (both inclusive))", "signed integer or floating point number").
// Only types whose check is certain are judged: a text not recognised here
// (a package, a submodule, a coerced type, "anything"…) accepts every literal,
// so no warning is ever a guess.

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'int'; value: number }
  | { kind: 'float' }
  | { kind: 'bool' }
  | { kind: 'null' }
  | { kind: 'list' }
  | { kind: 'attrs' }
  | { kind: 'path' };

type Kind = Literal['kind'];

const WORDS: Record<Kind, string> = { string: 'a string', int: 'an integer', float: 'a float', bool: 'a boolean', null: 'null', list: 'a list', attrs: 'an attribute set', path: 'a path' };

/** What one type accepts: literal kinds, integers within a range, strings among an enum's values. */
interface Accepts {
  kinds: Kind[];
  min?: number;
  max?: number;
  strings?: string[];
}

type Verdict = 'fits' | 'kind' | 'range' | 'value';

const STRINGS = /^(string|non-empty string|single-line string|\(optionally newline-terminated\) single-line string|Concatenated string|strings concatenated with .*|string matching the pattern .*|string matching a pattern|string, not containing newlines or colons)$/;
const BETWEEN = /^(integer|floating point number|integer or floating point number) between (-?[\d.]+) and (-?[\d.]+) \(both inclusive\)$/;
const BITS = /^(8|16|32) bit (signed|unsigned) integer(; between -?\d+ and \d+ \(both inclusive\))?$/;

/** The literal kinds and range a type text accepts, or undefined when the text is not judged. */
function base(t: string): Accepts | undefined {
  if (t === 'boolean' || t === 'boolean (merged using or)') return { kinds: ['bool'] };
  if (STRINGS.test(t)) return { kinds: ['string'] };
  if (t === 'signed integer' || t === 'integer') return { kinds: ['int'] };
  if (t === 'unsigned integer' || t === 'unsigned integer, meaning >=0') return { kinds: ['int'], min: 0 };
  if (t === 'positive integer' || t === 'positive integer, meaning >0') return { kinds: ['int'], min: 1 };
  if (t === 'port') return { kinds: ['int'], min: 0, max: 65535 };
  if (t === 'floating point number') return { kinds: ['float'] };
  if (t === 'non-negative number' || t === 'integer or floating point number, meaning >=0') return { kinds: ['int', 'float'], min: 0 };
  const bits = BITS.exec(t);
  if (bits) {
    const n = Number(bits[1]);
    return bits[2] === 'unsigned' ? { kinds: ['int'], min: 0, max: 2 ** n - 1 } : { kinds: ['int'], min: -(2 ** (n - 1)), max: 2 ** (n - 1) - 1 };
  }
  const between = BETWEEN.exec(t);
  if (between) return { kinds: between[1] === 'integer' ? ['int'] : ['int', 'float'], min: Number(between[2]), max: Number(between[3]) };
  if (t === 'path' || t === 'absolute path') return { kinds: ['path', 'string'] };
  if (t === 'attribute set') return { kinds: ['attrs'] };
  if (/^(non-empty )?list of /.test(t)) return { kinds: ['list'] };
  if (/^(lazy )?attribute set of /.test(t)) return { kinds: ['attrs'] };
  const oneOf = /^one of (.*)$/.exec(t);
  if (oneOf && !oneOf[1].startsWith('(')) {
    // Only an enum of strings alone: its values are exactly the quoted ones.
    const values = [...oneOf[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    const all = values.map((v) => `"${v}"`).join(', ');
    if (values.length && all === oneOf[1]) return { kinds: ['string'], strings: values };
  }
  return undefined;
}

/** `a or b or (c or d)` split at its top-level " or " (outside parentheses and quotes). */
function alternatives(t: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && t.startsWith(' or ', i)) {
      out.push(t.slice(from, i));
      from = i + 4;
      i += 3;
    }
  }
  out.push(t.slice(from));
  return out;
}

/** "(x)" → "x" when the parentheses wrap the whole text. */
function unwrap(t: string): string {
  if (!t.startsWith('(') || !t.endsWith(')')) return t;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '(') depth++;
    else if (t[i] === ')' && --depth === 0 && i < t.length - 1) return t;
  }
  return t.slice(1, -1);
}

function verdict(t: string, l: Literal, depth: number): Verdict | undefined {
  if (depth > 10) return undefined;
  const a = base(t);
  if (a) {
    if (!a.kinds.includes(l.kind)) return 'kind';
    if (l.kind === 'int' && ((a.min !== undefined && l.value < a.min) || (a.max !== undefined && l.value > a.max))) return 'range';
    if (l.kind === 'string' && a.strings && !a.strings.includes(l.value)) return 'value';
    return 'fits';
  }
  const parts = alternatives(t);
  if (parts.length === 1) {
    const inner = unwrap(t);
    return inner === t ? undefined : verdict(inner, l, depth + 1);
  }
  // Every alternative must be judged: one that is not may accept the literal.
  let worst: Verdict = 'kind';
  for (const p of parts) {
    const v = p === 'null' ? (l.kind === 'null' ? 'fits' : 'kind') : verdict(unwrap(p), l, depth + 1);
    if (v === undefined || v === 'fits') return v;
    if (v !== 'kind') worst = v;
  }
  return worst;
}

function show(l: Literal): string {
  return l.kind === 'int' ? String(l.value) : l.kind === 'string' ? JSON.stringify(l.value) : WORDS[l.kind];
}

/** Why the literal does not fit the type text, or undefined when it fits or the type is not judged. */
export function literalMismatch(type: string, l: Literal): string | undefined {
  const v = verdict(type, l, 0);
  if (v === undefined || v === 'fits') return undefined;
  if (v === 'kind') return `must be ${type}, not ${WORDS[l.kind]}`;
  if (type === 'port' && l.kind === 'int') return `must be a port (0–65535), not ${l.value}`;
  return `must be ${type}, not ${show(l)}`;
}
