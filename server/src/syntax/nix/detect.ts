// Recognises files that must not be parsed as Nix: git-crypt encrypted files
// (they start with "\0GITCRYPT\0"), sops-encrypted files saved with a `.nix`
// name (a JSON or YAML document with a `sops` key and `ENC[…]` values, as sops
// writes when a `.sops.yaml` rule matches the path) and other binary content.

export type Unparseable = 'git-crypt' | 'sops' | 'binary';

/** A sops document: its `sops` metadata key and at least one `ENC[` value, near the top. */
function isSops(text: string): boolean {
  const head = text.slice(0, 4096);
  if (!head.includes('ENC[')) return false;
  return /^\s*\{\s*"(?:[^"\\]|\\.)*"\s*:/.test(head) ? text.includes('"sops"') : /^sops:\s*$/m.test(text) && /^\s*[\w"-]+:\s*ENC\[/m.test(head);
}

export function detectUnparseable(text: string): Unparseable | undefined {
  if (text.startsWith('\0GITCRYPT\0')) return 'git-crypt';
  if (isSops(text)) return 'sops';
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
