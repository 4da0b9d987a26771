// Character classes and small scanners of the Nix lexer (identifier, path and
// URI characters as in Nix's flex rules; the FLOAT rule; string escapes).

// Character classes as lookup tables over ASCII.
export const ID_START = new Uint8Array(128);
export const ID_CHAR = new Uint8Array(128);
export const PATH_CHAR = new Uint8Array(128);
export const URI_SCHEME = new Uint8Array(128);
export const URI_CHAR = new Uint8Array(128);
(() => {
  const set = (t: Uint8Array, chars: string) => {
    for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  };
  const alpha = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const digit = '0123456789';
  set(ID_START, alpha + '_');
  set(ID_CHAR, alpha + digit + "_'-");
  set(PATH_CHAR, alpha + digit + '._-+');
  set(URI_SCHEME, alpha + digit + '+-.');
  set(URI_CHAR, alpha + digit + "%/?:@&=+$,-_.!~*'");
})();

export function cls(t: Uint8Array, c: number): boolean {
  return c < 128 && t[c] === 1;
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function unescapeChar(code: number, ch: string): string {
  if (code === 110) return '\n';
  if (code === 114) return '\r';
  if (code === 116) return '\t';
  return ch;
}

// (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?
export function floatLen(text: string, i: number): number {
  const n = text.length;
  let j = i;
  const c = text.charCodeAt(j);
  if (c >= 49 && c <= 57) {
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 46) return 0;
    j++;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
  } else {
    if (c === 48) j++;
    if (text.charCodeAt(j) !== 46 || !isDigit(text.charCodeAt(j + 1))) return 0;
    j++;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 69 || e === 101) {
    let k = j + 1;
    const s = text.charCodeAt(k);
    if (s === 43 || s === 45) k++;
    if (isDigit(text.charCodeAt(k))) {
      while (k < n && isDigit(text.charCodeAt(k))) k++;
      j = k;
    }
  }
  return j - i;
}
