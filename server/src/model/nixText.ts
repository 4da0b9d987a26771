// Text-level helpers over Nix source that need no syntax tree: blanking out
// comments and strings (keeping offsets) and reading the documentation comment
// above or beside a binding.

/**
 * The text with comments replaced by spaces (newlines kept), so scanners can
 * search it without matching inside comments. With `strings`, string contents
 * are blanked as well (the quotes stay).
 */
export function maskNix(text: string, strings = false): string {
  // Jumps from one comment or string opener to the next; copies the text between in slices.
  const parts: string[] = [];
  let copied = 0;
  const blank = (a: number, b: number): void => {
    const end = Math.min(b, text.length);
    if (end <= a) return;
    parts.push(text.slice(copied, a), text.slice(a, end).replace(/[^\r\n]/g, ' '));
    copied = end;
  };
  const opener = /[#"]|\/\*|''/g;
  let i = 0;
  while (i < text.length) {
    opener.lastIndex = i;
    const m = opener.exec(text);
    if (!m) break;
    i = m.index;
    if (m[0] === '#') {
      const e = text.indexOf('\n', i);
      const end = e < 0 ? text.length : e;
      blank(i, end);
      i = end;
    } else if (m[0] === '/*') {
      const e = text.indexOf('*/', i + 2);
      const end = e < 0 ? text.length : e + 2;
      blank(i, end);
      i = end;
    } else if (m[0] === '"') {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (strings) blank(i + 1, j);
      i = j + 1;
    } else {
      let j = i + 2;
      while (j < text.length && !(text[j] === "'" && text[j + 1] === "'" && text[j + 2] !== "'" && text[j + 2] !== '$' && text[j + 2] !== '\\')) j++;
      if (strings) blank(i + 2, j);
      i = j + 2;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

function lineBounds(text: string, offset: number): [number, number] {
  const s = text.lastIndexOf('\n', offset - 1) + 1;
  const e = text.indexOf('\n', offset);
  return [s, e < 0 ? text.length : e];
}

/**
 * The comment documenting a binding whose key starts at `keyOffset`: the block
 * of `#` lines (or a `/* *\/` comment) directly above it, else a `#` comment at
 * the end of its line.
 */
export function docCommentAt(text: string, keyOffset: number): string | undefined {
  const [ls, le] = lineBounds(text, keyOffset);
  const above: string[] = [];
  let cursor = ls;
  while (cursor > 0) {
    const [ps, pe] = lineBounds(text, cursor - 1);
    const line = text.slice(ps, pe).trim();
    if (line.startsWith('#')) {
      above.unshift(line.replace(/^#+\s?/, ''));
      cursor = ps;
    } else if (line.endsWith('*/') && above.length === 0) {
      const open = text.lastIndexOf('/*', pe);
      if (open < 0) break;
      const body = text.slice(open + 2, text.lastIndexOf('*/', pe));
      above.unshift(...body.split('\n').map((l) => l.trim().replace(/^\*\s?/, '')).filter((l) => l !== ''));
      break;
    } else break;
  }
  if (above.length) return above.join('\n').trim();
  const line = text.slice(keyOffset, le);
  const hash = findTrailingHash(line, maskNix(line));
  if (hash >= 0) return line.slice(hash).replace(/^#+\s?/, '').trim() || undefined;
  return undefined;
}

function findTrailingHash(line: string, masked: string): number {
  // In the masked line comments are blanked; the first `#` of the raw line at a
  // blanked position is where the trailing comment starts.
  for (let i = 0; i < line.length; i++) if (line[i] === '#' && masked[i] === ' ') return i;
  return -1;
}

/** `Options: "a", "b"` (or `Options: a, b`) in a doc comment → ['a', 'b']. */
export function enumFromDoc(doc: string | undefined): string[] | undefined {
  if (!doc) return undefined;
  const m = /Options?\s*:\s*(.+)$/im.exec(doc);
  if (!m) return undefined;
  const quoted = [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
  if (quoted.length) return quoted;
  const bare = m[1].split(/\s*[,|]\s*/).map((s) => s.trim().replace(/[.;]$/, '')).filter((s) => /^[\w.-]+$/.test(s));
  return bare.length ? bare : undefined;
}
