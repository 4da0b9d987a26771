// POSIX single-quote quoting, for the one place a string reaches a shell: the
// command ssh hands to the remote login shell. Also used to display argv.

/** Quotes one word so that any POSIX shell reads it back as exactly that word. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Joins words into a command string for a POSIX shell; each word stays one word. */
export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

/** A readable command line for confirmations and logs: quotes only where needed. */
export function displayCommand(argv: readonly string[]): string {
  return argv.map((w) => (/^[A-Za-z0-9_./:=@%+,#-]+$/.test(w) ? w : shellQuote(w))).join(' ');
}
