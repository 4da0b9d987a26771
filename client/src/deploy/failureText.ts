// The last few lines a failed step printed, for its failure message. ssh with
// -tt merges the remote command's stderr into the terminal, so it arrives on
// ssh's stdout, and ssh's own stderr ends with "Connection to … closed." —
// a line that says nothing about why the command failed. That line is left
// out, and when no other stderr line remains, the output's tail is used.
import { redact } from './redact';

/** Lines ssh prints about its own connection, never about the remote command. */
const SSH_NOISE = [
  /^(Shared connection|Connection) to \S+ closed( by remote host)?\.?$/,
  /^Pseudo-terminal will not be allocated/,
];

const MAX_LINES = 3;
const MAX_CHARS = 400;

function lines(text: string, truncated: boolean, remote: boolean): string[] {
  const all = text
    // Terminal escapes (colours, cursor moves) from a -tt session.
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '')
    .split(/\r?\n|\r/);
  // A tail cut from a longer stream may start inside a line (and inside a
  // secret, which redaction could then no longer recognise): drop that piece.
  if (truncated) all.shift();
  return all
    .map((l) => l.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').trim())
    .filter((l) => l !== '' && !(remote && SSH_NOISE.some((re) => re.test(l))));
}

/**
 * The tail of what a failed step printed: stderr's last lines, else (ssh -tt,
 * or a program that reports on stdout) the output's. Secrets are redacted;
 * at most three lines, joined by " | ", and 400 characters.
 */
export function failureTail(
  tails: { stderr: string; output: string; stderrTruncated: boolean; outputTruncated: boolean },
  remote: boolean,
  secrets: readonly string[],
): string {
  let picked = lines(tails.stderr, tails.stderrTruncated, remote);
  if (picked.length === 0) picked = lines(tails.output, tails.outputTruncated, remote);
  const text = redact(picked.slice(-MAX_LINES).join(' | '), secrets);
  return text.length > MAX_CHARS ? `…${text.slice(-(MAX_CHARS - 1))}` : text;
}
