// Test helpers for the YAML readers.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.yaml`/`.yml` file under `dir`. */
export function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(n)) out.push(p);
  }
  return out;
}
