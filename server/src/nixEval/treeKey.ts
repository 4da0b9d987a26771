// What an evaluation's result depends on, as one key: flake.lock's content
// and every .nix file of the tree (path and content), hashed. The same key
// means the same machine names, so Nix is not run again. Read from disk,
// asynchronously, as Nix reads it (an unsaved editor buffer is not what Nix
// sees). The same pass notes whether any file names a colmena hive or
// deploy-rs nodes, so those outputs are only asked for when they may exist.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export interface TreeKey {
  key: string;
  outputs: { colmena: boolean; deploy: boolean };
}

export async function treeKey(flakeDir: string, nixFiles: readonly string[]): Promise<TreeKey> {
  const hash = createHash('sha256');
  const lock = await fsp.readFile(path.join(flakeDir, 'flake.lock')).catch(() => undefined);
  hash.update(lock ? `lock ${lock.length}\0` : 'no lock\0');
  if (lock) hash.update(lock);
  let colmena = false;
  let deploy = false;
  for (const file of [...nixFiles].sort()) {
    const text = await fsp.readFile(file).catch(() => undefined);
    hash.update(`${file}\0${text ? text.length : -1}\0`);
    if (!text) continue;
    hash.update(text);
    const s = text.toString('latin1');
    if (!colmena && s.includes('colmena')) colmena = true;
    if (!deploy && /\bdeploy\b/.test(s)) deploy = true;
  }
  return { key: hash.digest('hex'), outputs: { colmena, deploy } };
}
