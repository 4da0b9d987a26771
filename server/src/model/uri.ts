// Small helpers for `file://` URIs as plain strings (no vscode-uri dependency):
// joining relative paths, parent folders, relative display paths.
import { fileURLToPath, pathToFileURL } from 'node:url';

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

export function uriToPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

const IS_WINDOWS = process.platform === 'win32';

/**
 * Whether decoding and re-encoding a `file:` URI would give it back unchanged:
 * an absolute path of characters neither side escapes, with no empty, `.` or
 * `..` segment. Most URIs are; the check spares two URL objects and a path
 * resolution per call (hundreds of thousands at start-up in a large fleet).
 */
function isAlreadyNormal(uri: string): boolean {
  if (!uri.startsWith('file:///')) return false;
  // One scan of the characters, nothing allocated (a whole check asks this some 100,000 times at 10,000 machines).
  let length = 0;
  let dots = 0;
  for (let i = 8; i <= uri.length; i++) {
    const c = i < uri.length ? uri.charCodeAt(i) : 47;
    if (c === 47) {
      // An empty, `.` or `..` segment.
      if (length === 0 || (length === dots && length <= 2)) return false;
      length = 0;
      dots = 0;
      continue;
    }
    if (!PLAIN[c]) return false;
    length++;
    if (c === 46) dots++;
  }
  return true;
}

/** The characters (below 128) neither side escapes: letters, digits and `_+@,=:.-`. */
const PLAIN: readonly boolean[] = Array.from({ length: 128 }, (_, c) => /[A-Za-z0-9_+@,=:.-]/.test(String.fromCharCode(c)));

const normalized = new Map<string, string>();

/** Normalises a URI so that one file always has one key (decoded then re-encoded path). */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  if (!IS_WINDOWS && isAlreadyNormal(uri)) return uri;
  // The others (escaped characters, `..`) are remembered: asked for every file discovery reads, stamps and
  // evaluates, and for each profile on every rebuild; bounded like joinUri.
  let out = normalized.get(uri);
  if (out === undefined) {
    try {
      out = pathToFileURL(fileURLToPath(uri)).href;
    } catch {
      out = uri;
    }
    if (normalized.size > 100_000) normalized.clear();
    normalized.set(uri, out);
  }
  return out;
}

export function dirnameUri(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i > 'file://'.length ? uri.slice(0, i) : uri;
}

export function basenameUri(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** Resolves a relative path (`./a.nix`, `../lib/x.nix`, `profiles/y.nix`) against a folder URI. */
// Answers per folder, then per relative path: a key of the two joined was a string of its own
// for every container and import of a fleet (2.3 MB at 10,000 machines), where these keys are
// strings the caller holds anyway.
const joined = new Map<string, Map<string, string>>();

export function joinUri(folderUri: string, rel: string): string {
  // Called for every container and import on every rebuild of a homelab: remember answers.
  let inFolder = joined.get(folderUri);
  let out = inFolder?.get(rel);
  if (out === undefined) {
    out = joinUriUncached(folderUri, rel);
    if (!inFolder) {
      if (joined.size > 10_000) joined.clear();
      joined.set(folderUri, (inFolder = new Map()));
    } else if (inFolder.size > 100_000) inFolder.clear();
    inFolder.set(rel, out);
  }
  return out;
}

function joinUriUncached(folderUri: string, rel: string): string {
  if (rel.startsWith('/')) return pathToUri(rel);
  const parts = folderUri.replace(/\/$/, '').split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 3) parts.pop();
    } else parts.push(encodeSegment(seg));
  }
  return parts.join('/');
}

/** `child` relative to folder `root`, with `/` separators; the URI itself when outside. */
export function relativeUri(root: string, child: string): string {
  const r = root.replace(/\/$/, '') + '/';
  return child.startsWith(r) ? decodeURIComponent(child.slice(r.length)) : child;
}

export function isUnder(root: string, child: string): boolean {
  // `child` starts with the root and a slash, without making that string: a whole check asks for every file of a fleet.
  return root.endsWith('/') ? child.startsWith(root) : child.charCodeAt(root.length) === 47 && child.startsWith(root);
}

/** encodeURIComponent that never throws: a lone UTF-16 surrogate (half-typed or corrupt text) becomes U+FFFD. */
export function encodeSegment(seg: string): string {
  return encodeURIComponent(seg.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}
