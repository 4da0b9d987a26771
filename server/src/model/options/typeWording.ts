// The wording of the simple option types as one nixpkgs version's
// `lib/types.nix` gives it. The words change between versions ("path" became
// "absolute path" when `path` became `pathWith { absolute = true; }`, "port"
// became the 16 bit integer's range, the integer subtypes gained ", meaning
// >0"), so the index of a tree used with a known nixpkgs reads them from that
// file instead of trusting one version's table. Read from the text, not
// evaluated: each phrase is a literal (or, for the sized integers, a literal
// joined to the range) in every version seen.

/**
 * A simple type's phrase and its class: `noun` (bare inside other phrases),
 * `nonRestrictiveClause` (parenthesised, but `X, or Y` on the left of
 * `either`), none (always parenthesised).
 */
export interface Wording {
  text: string;
  cls?: 'noun' | 'nonRestrictiveClause' | 'none';
}

/** Phrases by the name a type is selected as (`ints.positive` as `positive`); absent: the built-in table's. */
export type TypeWording = Record<string, Wording>;

/** The text of one binding `name = …` up to the end of its set or the next binding at the same place (bounded). */
function bindingText(text: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=(?!=)`).exec(text);
  return m ? text.slice(m.index, m.index + 400) : undefined;
}

/** A phrase starting with `head` as a string literal of the binding `name` (or of the file, first match). */
function literal(text: string, name: string, head: string): Wording | undefined {
  const b = bindingText(text, name);
  const re = new RegExp(`"(${head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^"$]*)"`);
  const m = (b !== undefined ? re.exec(b) : null) ?? re.exec(text);
  if (!m) return undefined;
  return { text: m[1], cls: classOf(b) };
}

/** The class a binding's own text declares (up to the end of its first set); none when it declares none. */
function classOf(binding: string | undefined): Wording['cls'] {
  if (binding === undefined) return 'noun';
  const end = binding.indexOf('};');
  const own = end >= 0 ? binding.slice(0, end) : binding;
  const m = /descriptionClass\s*=\s*"(\w+)"/.exec(own);
  if (!m) return /\bnoun\s+"/.test(own) ? 'noun' : 'none';
  return m[1] === 'noun' || m[1] === 'nonRestrictiveClause' ? m[1] : 'none';
}

const SIZED: Array<[string, string, number, number]> = [
  ['u8', '8 bit unsigned integer', 0, 255],
  ['u16', '16 bit unsigned integer', 0, 65535],
  ['u32', '32 bit unsigned integer', 0, 4294967295],
  ['s8', '8 bit signed integer', -128, 127],
  ['s16', '16 bit signed integer', -32768, 32767],
  ['s32', '32 bit signed integer', -2147483648, 2147483647],
];

/** The phrases a `lib/types.nix` text gives; only those found. */
export function wordingFromTypesNix(text: string): TypeWording {
  const w: TypeWording = {};
  const put = (name: string, v: Wording | undefined): void => {
    if (v) w[name] = v;
  };
  put('unsigned', literal(text, 'unsigned', 'unsigned integer'));
  put('positive', literal(text, 'positive', 'positive integer'));
  put('nonnegative', literal(text, 'nonnegative', 'nonnegative'));
  // Sized integers described as their start joined to their range (`docStart + "; between …"`).
  const ranged = /\+\s*"; between \$\{/.test(text);
  for (const [name, start, lo, hi] of SIZED) w[name] = { text: ranged ? `${start}; between ${lo} and ${hi} (both inclusive)` : start };
  if (/\bport\s*=\s*ints\.u16\s*;/.test(text)) w.port = w.u16;
  else if (/\bport\s*=/.test(text)) w.port = { text: 'port' };
  // `path = pathWith { absolute = true; }`: worded by pathWith's rule.
  // `attrs` declared without a class: parenthesised inside other phrases ("attribute set of (attribute set)").
  const attrs = bindingText(text, 'attrs');
  if (attrs !== undefined && /"attribute set"/.test(attrs)) w.attrs = { text: 'attribute set', cls: classOf(attrs) };
  if (/\bpath\s*=\s*pathWith\s*\{\s*absolute\s*=\s*true\s*;\s*\}/.test(text)) w.path = { text: 'absolute path' };
  return w;
}
