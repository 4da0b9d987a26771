// An in-memory WorkspaceHost for tests: files by URI (or by path below
// `root`), nothing read from disk.
import type { WorkspaceHost } from '../../server/src/model/host';

/** An in-memory host for tests: keys are URIs (or paths below `root`). */
export function memoryHost(files: Record<string, string>, root = 'file:///mem'): WorkspaceHost & { files: Map<string, string> } {
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(files)) map.set(k.startsWith('file://') ? k : `${root}/${k}`, v);
  return {
    files: map,
    readFile: (uri) => map.get(uri),
    exists: (uri) => map.has(uri),
    stat: (uri) => (map.has(uri) ? { size: Buffer.byteLength(map.get(uri) ?? '') } : undefined),
    listFiles: (folderUri) => [...map.keys()].filter((u) => u.startsWith(folderUri.replace(/\/$/, '') + '/')).sort(),
  };
}
