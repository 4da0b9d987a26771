// IP address and network arithmetic over ipaddr.js (never regular expressions):
// strict parsing with human error messages, containment, network/broadcast
// addresses and overlap of two networks.
import * as ipaddr from 'ipaddr.js';

export type Addr = ipaddr.IPv4 | ipaddr.IPv6;

export interface ParsedAddress {
  addr: Addr;
  /** Canonical text (`192.168.8.1`, `fd00::1`), used as the key of the address index. */
  key: string;
}

export interface ParsedCidr {
  addr: Addr;
  prefix: number;
  /** The network address in canonical form. */
  network: string;
  key: string;
}

const memo = new Map<string, ParsedAddress | { error: string }>();

/** Parses an IPv4/IPv6 address (memoised: the index parses every string of every profile). */
export function parseAddress(text: string): ParsedAddress | { error: string } {
  // Most strings of a profile are not addresses: told at once, and not remembered (the memo kept an
  // error message, and the string itself, for every path, name and calendar of a fleet's profiles).
  if (!addressLike(text)) return notAnAddress(text);
  let r = memo.get(text);
  if (r === undefined) {
    r = parseAddressUncached(text);
    if (memo.size > 50_000) memo.clear();
    memo.set(text, r);
  }
  return r;
}

/** Whether `text` is made of the characters of an address (else ipaddr.js, which throws internally, is not asked). */
function addressLike(text: string): boolean {
  const t = text.trim();
  return t.length <= 45 && /^[0-9A-Fa-f:.%/]+$/.test(t) && /[.:]/.test(t) && t === text;
}

function notAnAddress(text: string): { error: string } {
  return { error: `\`${text}\` is not an IP address` };
}

function parseAddressUncached(text: string): ParsedAddress | { error: string } {
  const t = text;
  if (t.includes('/')) return { error: `\`${text}\` is a network, not an address: leave out the \`/${t.split('/')[1]}\` prefix` };
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) {
    // Its four octets in an array of four: ipaddr.js builds them by pushing, which leaves room for 17
    // (152 bytes an address where 48 do; the address index keeps one per machine).
    const [a, b, c, d] = ipaddr.IPv4.parse(t).octets;
    const addr = new ipaddr.IPv4([a, b, c, d]);
    return { addr, key: addr.toString() };
  }
  if (t.includes(':') && ipaddr.IPv6.isValid(t)) {
    const addr = ipaddr.IPv6.parse(t);
    return { addr, key: addr.toNormalizedString() };
  }
  if (/^[\d.]+$/.test(t)) {
    const parts = t.split('.');
    if (parts.length !== 4) return { error: `\`${text}\` is not an IPv4 address: it needs four numbers separated by dots` };
    const bad = parts.find((p) => p === '' || Number(p) > 255 || (p.length > 1 && p.startsWith('0')));
    return { error: `\`${text}\` is not an IPv4 address: \`${bad ?? ''}\` is not a number from 0 to 255` };
  }
  return { error: `\`${text}\` is not an IP address` };
}

export function parseCidr(text: string): ParsedCidr | { error: string } {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash < 0) return { error: `\`${text}\` is not a network: add a prefix length, e.g. \`${t}/24\`` };
  const a = parseAddress(t.slice(0, slash));
  if ('error' in a) return { error: `\`${text}\` is not a network: ${a.error}` };
  const p = t.slice(slash + 1);
  const max = a.addr.kind() === 'ipv4' ? 32 : 128;
  if (!/^\d{1,3}$/.test(p) || Number(p) > max) return { error: `\`${text}\` is not a network: the prefix length must be a number from 0 to ${max}` };
  const prefix = Number(p);
  const network = networkOf(a.addr, prefix);
  return { addr: a.addr, prefix, network: toKey(network), key: `${toKey(network)}/${prefix}` };
}

function toKey(a: Addr): string {
  return a.kind() === 'ipv4' ? a.toString() : (a as ipaddr.IPv6).toNormalizedString();
}

function bytes(a: Addr): number[] {
  return a.toByteArray();
}

function fromBytes(b: number[]): Addr {
  return ipaddr.fromByteArray(b);
}

function networkOf(a: Addr, prefix: number): Addr {
  const b = bytes(a);
  return fromBytes(b.map((x, i) => x & maskByte(prefix, i)));
}

function maskByte(prefix: number, i: number): number {
  const bits = Math.max(0, Math.min(8, prefix - i * 8));
  return (0xff << (8 - bits)) & 0xff;
}

export function broadcastOf(c: ParsedCidr): string {
  const b = bytes(c.addr).map((x, i) => (x & maskByte(c.prefix, i)) | (~maskByte(c.prefix, i) & 0xff));
  return toKey(fromBytes(b));
}

export function contains(c: ParsedCidr, a: Addr): boolean {
  return c.addr.kind() === a.kind() && a.match(c.addr, c.prefix);
}

/** The network or broadcast address of an IPv4 network with room for hosts (prefix < 31). */
export function reservedRole(c: ParsedCidr, a: Addr): 'network' | 'broadcast' | undefined {
  if (c.addr.kind() !== 'ipv4' || a.kind() !== 'ipv4' || c.prefix >= 31) return undefined;
  const k = toKey(a);
  if (k === c.network) return 'network';
  if (k === broadcastOf(c)) return 'broadcast';
  return undefined;
}

export function overlaps(a: ParsedCidr, b: ParsedCidr): boolean {
  if (a.addr.kind() !== b.addr.kind()) return false;
  return a.prefix <= b.prefix ? contains(a, b.addr) : contains(b, a.addr);
}

export function isParsed<T extends object>(r: T | { error: string }): r is T {
  return !('error' in r);
}
