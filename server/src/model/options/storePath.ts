// The Nix store path of a locked flake input, computed from the `narHash` of
// its flake.lock entry exactly as Nix names a recursively hashed source
// (`makeFixedOutputPath`: type "source", the SHA-256 of the NAR, the name
// "source"), so we can tell whether the input is already on disk without
// asking Nix and without fetching anything.
import { createHash } from 'node:crypto';

const BASE32 = '0123456789abcdfghijklmnpqrsvwxyz';

/** Nix's own base-32 (its alphabet, least significant bits first). */
export function nixBase32(bytes: Uint8Array): string {
  const len = Math.floor((bytes.length * 8 - 1) / 5) + 1;
  let s = '';
  for (let n = len - 1; n >= 0; n--) {
    const b = n * 5;
    const i = Math.floor(b / 8);
    const j = b % 8;
    const c = (bytes[i] >> j) | (i >= bytes.length - 1 ? 0 : (bytes[i + 1] << (8 - j)) & 0xff);
    s += BASE32[c & 0x1f];
  }
  return s;
}

function compress(hash: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < hash.length; i++) out[i % size] ^= hash[i];
  return out;
}

/** The SHA-256 digest of an SRI hash (`sha256-<base64>`), or undefined for another kind. */
export function sriSha256(sri: string): Uint8Array | undefined {
  const m = /^sha256-([A-Za-z0-9+/]{43}=)$/.exec(sri.trim());
  if (!m) return undefined;
  const bytes = Buffer.from(m[1], 'base64');
  return bytes.length === 32 ? new Uint8Array(bytes) : undefined;
}

/** `/nix/store/<hash>-<name>` of a source whose NAR has this SRI hash; undefined when the hash is not SHA-256. */
export function storePathFromNarHash(narHash: string, storeDir = '/nix/store', name = 'source'): string | undefined {
  const digest = sriSha256(narHash);
  if (!digest) return undefined;
  const dir = storeDir.replace(/\/+$/, '');
  const fingerprint = `source:sha256:${Buffer.from(digest).toString('hex')}:${dir}:${name}`;
  const h = createHash('sha256').update(fingerprint).digest();
  return `${dir}/${nixBase32(compress(new Uint8Array(h), 20))}-${name}`;
}
