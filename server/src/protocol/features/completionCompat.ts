// What completion items become for clients that do less than VS Code: plain
// text for clients without snippet support (`${1:3000}` → `3000`, a choice
// → its first option, tab stops dropped), and address items whose edit
// starts at the word the client itself computes (Vim's keyword: letters,
// digits, `_`), so a client that inserts at its own word start and ignores
// the edit's range does not double the typed prefix (`192.168.8.` + `85`).

/** A snippet as the plain text it inserts with its defaults. */
export function snippetToPlainText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[++i];
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const rest = snippet.slice(i);
    const stop = /^\$(\d+)/.exec(rest) ?? /^\$\{(\d+)\}/.exec(rest);
    if (stop) {
      i += stop[0].length - 1;
      continue;
    }
    const choice = /^\$\{\d+\|([^,|]*)(?:,[^|]*)?\|\}/.exec(rest);
    if (choice) {
      out += choice[1];
      i += choice[0].length - 1;
      continue;
    }
    const placeholder = /^\$\{\d+:/.exec(rest);
    if (placeholder) {
      // The placeholder's text up to its closing brace (placeholders may nest).
      let depth = 1;
      let j = placeholder[0].length;
      let inner = '';
      for (; j < rest.length && depth > 0; j++) {
        if (rest[j] === '{' && rest[j - 1] === '$') depth++;
        if (rest[j] === '}') depth--;
        if (depth > 0) inner += rest[j];
      }
      out += snippetToPlainText(inner);
      i += j - 1;
      continue;
    }
    out += c;
  }
  return out;
}

const KEYWORD = /[A-Za-z0-9_\u00C0-\u00FF]/;

/**
 * For an edit replacing `[start, end)` with `newText` while the cursor is at
 * `cursor`: when the text typed before the client's word start is already
 * the beginning of `newText`, the narrower edit from that word start, so
 * both kinds of client insert the same thing. Undefined when it does not apply.
 */
export function fromWordStart(text: string, start: number, end: number, cursor: number, newText: string): { start: number; newText: string } | undefined {
  let wordStart = cursor;
  while (wordStart > start && KEYWORD.test(text[wordStart - 1])) wordStart--;
  if (wordStart === start) return undefined;
  const before = text.slice(start, wordStart);
  if (!newText.startsWith(before)) return undefined;
  if (end < cursor) return undefined;
  return { start: wordStart, newText: newText.slice(before.length) };
}
