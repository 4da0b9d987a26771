// Command templates (`./install.sh {dir} {profile} -s`): split into words first,
// then placeholders are substituted inside each word, so a value can never
// create a new word, an operator or a second command.
//
// Quoting rules (deliberately small, no shell):
//   - words are separated by spaces or tabs;
//   - '...' and "..." group text into one word, taken literally (no escapes);
//     quotes may sit inside a word: --name="a b" is the word --name=a b;
//   - '' or "" alone is an empty word;
//   - refused anywhere: control characters (newline, tab inside quotes, NUL),
//     backslash, and the shell syntax ; & | < > ` $ ( ) * ? [ ] ! ~ —
//     the template never reaches a shell, so they could only mislead;
//   - { } only as one of the placeholders {dir} {profile} {ip} {user} {host};
//   - a word may not start with #.

export const PLACEHOLDERS = ['dir', 'profile', 'ip', 'user', 'host'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface TemplateWord {
  /** Parts: literal text or a placeholder. */
  parts: ({ text: string } | { placeholder: Placeholder })[];
}

export type TokenizeResult = { ok: true; words: TemplateWord[] } | { ok: false; message: string };

const FORBIDDEN = /[;&|<>`$()*?[\]!~\\]/;

function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${c}'`;
}

/** Splits a template into words. Never throws. */
export function tokenizeTemplate(template: string): TokenizeResult {
  const words: TemplateWord[] = [];
  let current: TemplateWord | undefined;
  let quote: '"' | "'" | undefined;
  let i = 0;
  const pushText = (text: string): void => {
    current ??= { parts: [] };
    const last = current.parts[current.parts.length - 1];
    if (last && 'text' in last) last.text += text;
    else current.parts.push({ text });
  };
  while (i < template.length) {
    const c = template[i];
    const code = c.charCodeAt(0);
    if ((code < 0x20 && !(c === '\t' && !quote)) || code === 0x7f || c === '\u2028' || c === '\u2029') {
      return { ok: false, message: `${describeChar(c)} at offset ${i} is not allowed in a command template` };
    }
    if (!quote && (c === ' ' || c === '\t')) {
      if (current) words.push(current);
      current = undefined;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      if (quote === c) { quote = undefined; i++; continue; }
      if (!quote) { quote = c; current ??= { parts: [] }; i++; continue; }
    }
    if (c === '#' && !current && !quote) {
      return { ok: false, message: `a word may not start with '#' (offset ${i}): templates have no comments` };
    }
    if (FORBIDDEN.test(c)) {
      return {
        ok: false,
        message: `${describeChar(c)} at offset ${i} is not allowed: templates are run without a shell, so shell syntax would not work (quote nothing, chain nothing; put it in a script)`,
      };
    }
    if (c === '{' || c === '}') {
      const m = /^\{([a-z]+)\}/.exec(template.slice(i));
      if (c === '{' && m && (PLACEHOLDERS as readonly string[]).includes(m[1])) {
        current ??= { parts: [] };
        current.parts.push({ placeholder: m[1] as Placeholder });
        i += m[0].length;
        continue;
      }
      return {
        ok: false,
        message: `'${c}' at offset ${i} is not a placeholder; the placeholders are ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
      };
    }
    pushText(c);
    i++;
  }
  if (quote) return { ok: false, message: `unterminated ${quote} quote` };
  if (current) words.push(current);
  if (words.length === 0) return { ok: false, message: 'the command template is empty' };
  return { ok: true, words };
}

export function placeholdersUsed(words: readonly TemplateWord[]): Set<Placeholder> {
  const used = new Set<Placeholder>();
  for (const w of words) for (const p of w.parts) if ('placeholder' in p) used.add(p.placeholder);
  return used;
}

/** Substitutes placeholder values inside words; the number of words never changes. */
export function expandTemplate(
  words: readonly TemplateWord[],
  values: Readonly<Record<Placeholder, string | undefined>>,
): string[] {
  return words.map((w) =>
    w.parts.map((p) => ('text' in p ? p.text : values[p.placeholder] ?? '')).join(''),
  );
}
