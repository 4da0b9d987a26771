// How an option's default, example and description are shown: a value known
// statically is printed as Nix text (attribute names sorted, as Nix prints
// them); a value with an unknown part is shown by its own source text
// (`pkgs.hello`, `config.networking.hostName`); `literalExpression` /
// `literalExample` give their text, `literalMD` and `mdDoc` their Markdown.
import type { Value } from '../../syntax/value';
import { valueText } from '../../syntax/valueText';

/** The text of a file (for the source text of values not known statically). */
export type TextOf = (uri: string) => string | undefined;

/** Longest text kept for a default or an example. */
const MAX_TEXT = 2000;

function cap(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
}

/** True when the value (or a part of it) is not known statically. */
function hasUnknown(v: Value, depth = 0): boolean {
  if (depth > 40) return true;
  switch (v.kind) {
    case 'unknown':
      return true;
    case 'list':
      return v.items.some((i) => hasUnknown(i, depth + 1));
    case 'attrs':
      for (const e of v.entries.values()) if (hasUnknown(e.value, depth + 1)) return true;
      return false;
    default:
      return false;
  }
}

/** The source text a value came from, when its origin is a file we can read. */
function sourceText(v: Value, textOf: TextOf): string | undefined {
  const text = textOf(v.origin.uri);
  if (text === undefined || v.origin.span.end <= v.origin.span.start) return undefined;
  return text.slice(v.origin.span.start, v.origin.span.end);
}

/** A value as Nix text, its paths and unknown parts by their source text. */
function printKnown(v: Value, textOf: TextOf): string {
  return valueText(v, { path: (p) => sourceText(p, textOf) ?? p.value.replace(/^file:\/\//, ''), unknown: (u) => sourceText(u, textOf) ?? '…' });
}

function unescape(c: string): string {
  return c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c;
}

/**
 * The text of a string literal whose interpolations are not known
 * (`''"''${config.${opt.dataDir}}/db"''`): as written, the escapes undone and
 * an indented string's indentation removed, the interpolations kept.
 */
export function stringLiteralText(src: string): string | undefined {
  if (src.length >= 4 && src.startsWith("''") && src.endsWith("''")) {
    let lines = src.slice(2, -2).split('\n');
    if (lines.length > 1 && lines[0].trim() === '') lines = lines.slice(1);
    const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0));
    const body = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
    return body.replace(/''(\$|'|\\.)/g, (_, c: string) => (c === "'" ? "''" : c.startsWith('\\') ? unescape(c[1]) : c));
  }
  if (src.length >= 2 && src.startsWith('"') && src.endsWith('"')) {
    return src.slice(1, -1).replace(/\\(.)/g, (_, c: string) => unescape(c));
  }
  return undefined;
}

/** A literal wrapper's text: `literalExpression "…"`, `literalMD "…"`, or their evaluated `{ _type; text; }` form. */
function literalText(v: Value, textOf?: TextOf): string | undefined {
  if (v.kind === 'unknown' && v.call && v.call.args.length === 1) {
    const fn = v.call.fn;
    const arg = v.call.args[0];
    if (fn === 'literalExpression' || fn === 'literalExample' || fn === 'literalMD' || fn === 'mdDoc') {
      if (arg.kind === 'string') return arg.value;
      // A string whose interpolation is not known (`${opt.dataDir}`): its text as written.
      const src = arg.kind === 'unknown' && textOf ? sourceText(arg, textOf) : undefined;
      const text = src !== undefined ? stringLiteralText(src.trim()) : undefined;
      if (text !== undefined) return text;
    }
  }
  if (v.kind === 'attrs') {
    const t = v.entries.get('_type')?.value;
    const text = v.entries.get('text')?.value;
    if (t?.kind === 'string' && /^(literalExpression|literalExample|literalMD|mdDoc)$/.test(t.value) && text?.kind === 'string') return text.value;
  }
  return undefined;
}

/**
 * A default or an example as Nix text: a literal's own text, a known value
 * printed, otherwise the source text it was written as. Undefined when none is known.
 */
export function renderValue(v: Value | undefined, textOf: TextOf): string | undefined {
  if (!v) return undefined;
  const lit = literalText(v, textOf);
  if (lit !== undefined) return cap(lit);
  if (!hasUnknown(v)) return cap(printKnown(v, textOf));
  const src = sourceText(v, textOf);
  if (src !== undefined) return cap(src.trim());
  return v.kind === 'list' || v.kind === 'attrs' ? cap(printKnown(v, textOf)) : undefined;
}

/** A description (Markdown): a string, or `mdDoc "…"` / `literalMD "…"`. */
export function descriptionText(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'string') return v.value;
  return literalText(v);
}
