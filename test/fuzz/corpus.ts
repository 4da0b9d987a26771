// The fuzz corpus: the text files of the example homelab, kept with their
// path relative to the homelab root, split by language.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const exampleRoot = path.resolve(__dirname, '..', '..', 'examples', 'homelab');

export interface CorpusFile {
  /** Path below the homelab root, with forward slashes. */
  rel: string;
  language: 'nix' | 'yaml';
  text: string;
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

/** Every readable .nix and .yaml file of the example (the git-crypt stand-in is skipped: it is binary). */
export function loadCorpus(root = exampleRoot): CorpusFile[] {
  const files: string[] = [];
  walk(root, files);
  const out: CorpusFile[] = [];
  for (const full of files) {
    const rel = path.relative(root, full).split(path.sep).join('/');
    const language = rel.endsWith('.nix') ? 'nix' : /\.ya?ml$/.test(rel) ? 'yaml' : undefined;
    if (!language) continue;
    const bytes = readFileSync(full);
    if (bytes.includes(0)) continue;
    out.push({ rel, language, text: bytes.toString('utf8') });
  }
  return out;
}
