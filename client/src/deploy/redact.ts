// Removes secret strings from text the engine logs. Output of the deployed
// commands passes through unchanged unless the caller asks for redaction too,
// in which case it is redacted line by line so a secret split across two
// chunks is still caught.

export const REDACTED = '***';

export function redact(text: string, secrets: readonly string[] | undefined): string {
  if (!secrets || secrets.length === 0) return text;
  let out = text;
  // Longest first, so a secret that contains another is removed whole.
  for (const s of [...secrets].filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(s).join(REDACTED);
  }
  return out;
}

/** Buffers a stream's text and releases whole lines, redacted. */
export class LineRedactor {
  private pending = '';
  constructor(private readonly secrets: readonly string[]) {}

  push(text: string): string {
    this.pending += text;
    const cut = Math.max(this.pending.lastIndexOf('\n'), this.pending.lastIndexOf('\r'));
    if (cut < 0) {
      // Bound the buffer: a stream without newlines is released in pieces that
      // still keep a secret-sized tail back.
      const keep = Math.max(0, ...this.secrets.map((s) => s.length - 1));
      if (this.pending.length <= 65536 + keep) return '';
      const head = this.pending.slice(0, this.pending.length - keep);
      this.pending = this.pending.slice(head.length);
      return redact(head, this.secrets);
    }
    const head = this.pending.slice(0, cut + 1);
    this.pending = this.pending.slice(cut + 1);
    return redact(head, this.secrets);
  }

  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return redact(rest, this.secrets);
  }
}
