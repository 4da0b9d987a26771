// nixpkgs lib's string and list helpers that modules take an address apart
// with (`head (splitString "/" "10.0.0.5/24")`, `toInt (last …)`): each piece
// keeps the origin of the text it was cut from, so an address read through
// them still points at where it is written.
import type { Origin } from '../../value';
import { Thunk, type V, unknown } from './types';

/** `lib.splitString sep s`: the pieces of `s` between occurrences of `sep`. */
export function splitString(sep: V, s: V, origin: Origin): V {
  if (sep.kind !== 'string' || s.kind !== 'string') return unknown(sep.kind === 'unknown' ? sep.reason : s.kind === 'unknown' ? s.reason : 'splitString of a non-string', origin);
  return { kind: 'list', items: s.value.split(sep.value).map((value) => Thunk.of({ kind: 'string', value, origin: s.origin })), origin };
}

/** `lib.toInt s`: a decimal integer written as a string. */
export function toInt(s: V, origin: Origin): V {
  if (s.kind === 'number' && s.integer) return s;
  if (s.kind !== 'string') return unknown(s.kind === 'unknown' ? s.reason : 'toInt of a non-string', origin);
  const text = s.value.trim();
  if (!/^-?\d+$/.test(text)) return unknown(`toInt of "${text}"`, origin);
  return { kind: 'number', value: Number(text), integer: true, origin: s.origin };
}
