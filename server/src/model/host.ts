// The I/O the model needs, as an interface, so the model is testable in memory
// and the server and CLI supply the real file system. Everything is keyed by
// `file://` URI strings; every method is synchronous and never throws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToUri, uriToPath } from './uri';

export interface WorkspaceHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): string | undefined;
  exists(uri: string): boolean;
  /** Size in bytes, undefined when missing. */
  stat(uri: string): { size: number } | undefined;
  /** Every file under a folder (recursively), as URIs; skips .git and node_modules. */
  listFiles(folderUri: string): string[];
}

const SKIP = new Set(['.git', 'node_modules', 'dist', 'out', '.direnv', 'result']);

/** The real file system. */
export function nodeFsHost(): WorkspaceHost {
  return {
    readFile(uri) {
      try {
        return fs.readFileSync(uriToPath(uri), 'utf8');
      } catch {
        return undefined;
      }
    },
    exists(uri) {
      try {
        return fs.statSync(uriToPath(uri)).isFile();
      } catch {
        return false;
      }
    },
    stat(uri) {
      try {
        const s = fs.statSync(uriToPath(uri));
        return s.isFile() ? { size: s.size } : undefined;
      } catch {
        return undefined;
      }
    },
    listFiles(folderUri) {
      const out: string[] = [];
      const walk = (dir: string, depth: number): void => {
        if (depth > 12) return;
        let names: fs.Dirent[];
        try {
          names = fs.readdirSync(dir, { withFileTypes: true });
        } catch {
          return;
        }
        for (const d of names) {
          if (SKIP.has(d.name)) continue;
          const full = path.join(dir, d.name);
          if (d.isDirectory()) walk(full, depth + 1);
          else if (d.isFile()) out.push(pathToUri(full));
        }
      };
      walk(uriToPath(folderUri), 0);
      return out.sort();
    },
  };
}
