// Checks every value that reaches a command, again, whatever the schema said:
// addresses, user names, names, paths, branches. Each check returns the reason
// a value is refused (or undefined), so callers can name the container and field.
import * as ipaddr from 'ipaddr.js';

/** Identifier of a container, host or profile: letters, digits, `_`, `-`, `.`; starts with a letter, digit or `_`. */
const IDENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}$/;
/** POSIX portable user name (as useradd accepts it, without a trailing `$`). */
const USER = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
/** Characters allowed in a path segment: no whitespace, quotes or shell syntax. */
const PATH_CHARS = /^[A-Za-z0-9_.+@%,:=-]+$/;

export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  const json = JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
  return json;
}

function notString(value: unknown): string | undefined {
  if (typeof value !== 'string') return `must be a string, got ${value === null ? 'null' : typeof value}`;
  if (value.length === 0) return 'must not be empty';
  return undefined;
}

function leadingDash(value: string): string | undefined {
  return value.startsWith('-') ? `${show(value)} starts with '-' and would be read as an option` : undefined;
}

export function checkIdentifier(value: unknown): string | undefined {
  const bad = notString(value);
  if (bad) return bad;
  const v = value as string;
  if (IDENT.test(v) && !v.includes('..')) return undefined;
  return leadingDash(v) ?? `${show(v)} is not a name (letters, digits, '_', '-', '.'; starting with a letter, digit or '_')`;
}

/** An IPv4 address in four-part decimal or an IPv6 address, no prefix, no zone. */
export function checkIp(value: unknown): string | undefined {
  const bad = notString(value);
  if (bad) return bad;
  const v = value as string;
  if (ipaddr.IPv4.isValidFourPartDecimal(v)) return undefined;
  if (/^[0-9A-Fa-f:.]+$/.test(v) && v.includes(':') && ipaddr.IPv6.isValid(v)) return undefined;
  return leadingDash(v) ?? `${show(v)} is not an IP address (IPv4 like 192.168.8.85 or IPv6, without prefix)`;
}

export function checkUser(value: unknown): string | undefined {
  const bad = notString(value);
  if (bad) return bad;
  const v = value as string;
  if (USER.test(v)) return undefined;
  return leadingDash(v) ?? `${show(v)} is not a user name (letters, digits, '_', '-', '.'; starting with a letter or '_'; at most 32)`;
}

/** An absolute path whose segments hold no whitespace, quotes or shell syntax, and no `..`. */
export function checkAbsolutePath(value: unknown): string | undefined {
  const bad = notString(value);
  if (bad) return bad;
  const v = value as string;
  if (!v.startsWith('/')) return `${show(v)} is not an absolute path`;
  if (v.length > 1024) return 'is longer than 1024 characters';
  const segments = v.split('/').filter((s) => s !== '');
  for (const s of segments) {
    if (s === '..') return `${show(v)} contains '..'`;
    if (!PATH_CHARS.test(s)) return `${show(v)} contains characters other than letters, digits and _ . + @ % , : = - (no spaces, quotes or shell syntax)`;
  }
  return undefined;
}

/** A path for ssh's own options (`-i`, IdentityFile, UserKnownHostsFile): absolute or `~/`. */
export function checkSshPath(value: string): string | undefined {
  if (value.startsWith('~/')) return checkAbsolutePath(value.slice(1));
  return checkAbsolutePath(value);
}

/** A git branch name (a subset of `git check-ref-format --branch`). */
export function checkBranch(value: unknown): string | undefined {
  const bad = notString(value);
  if (bad) return bad;
  const v = value as string;
  const dash = leadingDash(v);
  if (dash) return dash;
  if (
    !/^[A-Za-z0-9_][A-Za-z0-9_./+-]{0,199}$/.test(v) ||
    v.includes('..') || v.includes('//') || v.endsWith('/') || v.endsWith('.') ||
    v.endsWith('.lock') || v.includes('/.')
  ) {
    return `${show(v)} is not a branch name (letters, digits, '_', '-', '.', '/', '+')`;
  }
  return undefined;
}

export function checkParallel(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 64) {
    return `${show(value)} is not a whole number from 1 to 64`;
  }
  return undefined;
}

/** A word of an expanded command: no control characters (the template checks the rest). */
export function checkWord(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) return `${show(value)} contains a control character`;
  return undefined;
}

/** The ssh executable (a setting): a bare program name or an absolute path. */
export function checkExecutable(value: unknown): string | undefined {
  const bad = notString(value);
  if (bad) return bad;
  const v = value as string;
  if (/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/.test(v)) return undefined;
  return checkAbsolutePath(v) && `${show(v)} is neither a program name nor an absolute path without special characters`;
}
