// Strings cut out of a file's text, made independent of it. V8 keeps a
// substring of 13 characters or more as a slice: a pointer into its whole
// parent. A key or string value cut from a profile and kept in the model
// (`"/srv/immich/c0100"`, `vaultwardenDataDir`) would keep that profile's whole
// text alive long after its parse is gone.

/** V8 copies shorter substrings (SlicedString::kMinLength): they need nothing. */
const MIN_SLICED = 13;

/**
 * `s` as a flat string of its own (never a slice or a concatenation pointing
 * elsewhere). A JSON round trip: of the ways to make a flat copy the cheapest
 * measured here that keeps every string (lone surrogates too) as it is, and it
 * stores one-byte contents in one byte even when the text had wider characters.
 */
export function detached(s: string): string {
  return s.length < MIN_SLICED ? s : (JSON.parse(JSON.stringify(s)) as string);
}
