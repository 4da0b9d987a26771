// Which files of a folder the model leaves out: those its `.gitignore` files
// ignore (the root's and nested ones, with `!` re-inclusion, anchored and
// directory-only patterns), and those the `homelab.exclude` globs name (a glob
// naming a folder leaves out everything under it). An `archived/` folder of
// old profiles should not fill the Problems panel.
import { globToRegExp, matchGlob } from './glob';
import { dirnameUri, relativeUri } from './uri';

interface IgnoreRule {
  /** Folder of the `.gitignore`, relative to the root ('' for the root). */
  base: string;
  re: RegExp;
  negate: boolean;
}

function parseGitignore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    line = line.replace(/^\//, '');
    if (!line) continue;
    const body = globToRegExp(line).source.slice(1, -1);
    const re = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}${dirOnly ? '/.*' : '(?:/.*)?'}$`);
    rules.push({ base, re, negate });
  }
  return rules;
}

/** A predicate over workspace-relative paths: true for what is left out. */
export function ignoredFiles(root: string, files: string[], readText: (uri: string) => string | undefined, exclude: string[]): (uri: string) => boolean {
  const rules: IgnoreRule[] = [];
  for (const u of files) {
    if (!u.endsWith('/.gitignore')) continue;
    const text = readText(u);
    if (text === undefined) continue;
    const dir = dirnameUri(u);
    rules.push(...parseGitignore(text, dir === root ? '' : relativeUri(root, dir)));
  }
  // Parents before children: a nested .gitignore has the last word under its folder.
  rules.sort((a, b) => a.base.length - b.base.length);
  const globs = exclude.filter((g) => typeof g === 'string' && g.trim() !== '').map((g) => g.trim().replace(/^\.\//, '').replace(/\/$/, ''));
  return (uri) => {
    const rel = relativeUri(root, uri);
    if (globs.some((g) => matchGlob(g, rel) || matchGlob(`${g}/**`, rel))) return true;
    let ignored = false;
    for (const r of rules) {
      if (r.base && !rel.startsWith(`${r.base}/`)) continue;
      if (r.re.test(r.base ? rel.slice(r.base.length + 1) : rel)) ignored = !r.negate;
    }
    return ignored;
  };
}
