// The files a whole check judges, in the order it judges them: every Nix
// file of the homelab, its inventory and any other file a finding is in,
// sorted. The Nix files and the inventory are sorted once per list (the list
// is the same object while no file comes or goes); after an edit only the
// few files outside it that hold findings are sorted and merged in. Sorting
// 10,000 file names on every check was milliseconds in one piece.
import type { Homelab } from '../model/homelab';
import type { Workspace } from '../model/workspace';

interface SortedFiles {
  nixFiles: readonly string[];
  inventoryUri: string | undefined;
  sorted: string[];
}

const SORTED_FILES = Symbol('the checked files of each homelab, sorted');

/** The files to judge, sorted; steps around the sort when the file list changed. */
export function* checkedUrisInOrder(ws: Workspace, h: Homelab, findings: ReadonlyMap<string, unknown>): Generator<void, string[]> {
  const memo = ws.own(SORTED_FILES, () => new Map<string, SortedFiles>());
  let base = memo.get(h.root);
  if (!base || base.nixFiles !== h.nixFiles || base.inventoryUri !== h.inventoryUri) {
    const files = new Set<string>(h.nixFiles);
    if (h.inventoryUri) files.add(h.inventoryUri);
    yield;
    const sorted = [...files].sort();
    yield;
    base = { nixFiles: h.nixFiles, inventoryUri: h.inventoryUri, sorted };
    memo.set(h.root, base);
  }
  const extra: string[] = [];
  for (const uri of findings.keys()) if (!sortedHas(base.sorted, uri)) extra.push(uri);
  if (extra.length === 0) return base.sorted;
  return mergeSorted(base.sorted, extra.sort());
}

/** Whether a sorted list (in `Array.prototype.sort`'s order) holds `s`. */
function sortedHas(sorted: readonly string[], s: string): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid];
    if (at === s) return true;
    if (at < s) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Two sorted lists with nothing in common as one, in the same order one sort of both would give. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i] < b[j] ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
