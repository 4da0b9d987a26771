// Recognises files that must not be parsed as Nix: git-crypt encrypted files
// (they start with "\0GITCRYPT\0") and other binary content.

export function detectUnparseable(text: string): 'git-crypt' | 'binary' | undefined {
  if (text.startsWith('\0GITCRYPT\0')) return 'git-crypt';
  const n = Math.min(text.length, 8192);
  if (n === 0) return undefined;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'binary';
    // U+FFFD: bytes that were not valid UTF-8; other C0 controls are rare in text.
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad > 8 && bad / n > 0.05 ? 'binary' : undefined;
}
