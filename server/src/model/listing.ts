// A workspace folder's files as the model sees them: the host's listing less
// what `.gitignore` files and `homelab.exclude` leave out, and a fast answer
// to "may this file exist?" from that listing.
import type { WorkspaceHost } from './host';
import { ignoredFiles } from './ignore';
import { dirnameUri, normalizeUri } from './uri';

export interface Listing {
  files: string[];
  /** What the folder's `.gitignore` files leave out (not `homelab.exclude`): a missing file they name is not a mistake. */
  gitIgnored: (uri: string) => boolean;
}

/** The folder's files, less what git ignores and `homelab.exclude` names. */
export function readListing(host: WorkspaceHost, root: string, exclude: string[], text: (uri: string) => string | undefined): Listing {
  const all = [...new Set(host.listFiles(root))].sort();
  const ignored = ignoredFiles(root, all, text, exclude);
  return { files: all.filter((u) => !ignored(u)), gitIgnored: ignoredFiles(root, all, text, []) };
}

/**
 * Whether a file may exist, answered from the folder's listing where it
 * covers the file's directory (it lists a directory whole or not at all):
 * an inventory of 100,000 containers without profiles cost one stat each,
 * seconds in all. Names compare without case, and a yes is confirmed by a
 * stat, so a case-insensitive disk finds what it found before.
 */
export function listedNames(files: readonly string[], open: ReadonlySet<string>): (uri: string) => boolean {
  const byDir = new Map<string, Set<string>>();
  for (const u of files) {
    const dir = dirnameUri(u);
    let names = byDir.get(dir);
    if (!names) byDir.set(dir, (names = new Set()));
    names.add(u.slice(dir.length + 1).toLowerCase());
  }
  return (uri) => {
    const dir = dirnameUri(uri);
    const names = byDir.get(dir);
    return names === undefined || names.has(uri.slice(dir.length + 1).toLowerCase()) || open.has(uri);
  };
}

/**
 * Whether git ignores (or `exclude` names) everything under a folder, for a
 * watcher that leaves such folders alone. The trailing slash lets directory
 * patterns (`result/`) match.
 */
export function ignoredFolderTest(root: string, files: string[], text: (uri: string) => string | undefined, exclude: string[]): (folderUri: string) => boolean {
  const ignored = ignoredFiles(root, files, text, exclude);
  return (folderUri) => ignored(`${normalizeUri(folderUri).replace(/\/$/, '')}/`);
}

/**
 * The entries of a directory (`builtins.readDir`), from a folder's sorted
 * listing of files: a folder appears through the files under it. Undefined
 * when nothing is listed under it.
 */
export function directoryEntries(listing: readonly string[], dir: string): Map<string, 'directory' | 'regular'> | undefined {
  const prefix = `${dir.replace(/\/$/, '')}/`;
  // The listing is sorted: the files under the folder are one run, found by bisection.
  let lo = 0;
  let hi = listing.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (listing[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out = new Map<string, 'directory' | 'regular'>();
  for (let i = lo; i < listing.length && listing[i].startsWith(prefix); i++) {
    const rest = listing[i].slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) out.set(decodeURIComponent(rest), 'regular');
    else out.set(decodeURIComponent(rest.slice(0, slash)), 'directory');
  }
  return out.size ? out : undefined;
}
