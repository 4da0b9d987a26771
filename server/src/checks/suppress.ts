// Per-line suppression: `# homelab-ignore: <id>[, <id>...]` (or `all`) on the
// diagnostic's line or the line above, in Nix and YAML alike.
import { LineIndex } from '../syntax/lineIndex';

const IGNORE = /#\s*homelab-ignore\s*:\s*([A-Za-z0-9_,\s-]+)/g;

/**
 * The ignore comments of a text by line, found in one scan per text: a file
 * with 100,000 findings on one long line must not re-scan it per finding.
 */
const byText = new WeakMap<LineIndex, Map<number, string[]>>();

function ignoresOf(lines: LineIndex): Map<number, string[]> {
  let found = byText.get(lines);
  if (found) return found;
  found = new Map();
  const text = lines.text;
  if (text.includes('homelab-ignore'))
    for (const m of text.matchAll(IGNORE)) {
      // The id list stops at the end of its line.
      const ids = m[1].split('\n')[0].split(/[\s,]+/).filter(Boolean);
      const line = lines.positionAt(m.index ?? 0).line;
      found.set(line, [...(found.get(line) ?? []), ...ids]);
    }
  byText.set(lines, found);
  return found;
}

export function isSuppressed(lines: LineIndex, offset: number, rule: string): boolean {
  const ignores = ignoresOf(lines);
  if (ignores.size === 0) return false;
  const { line } = lines.positionAt(offset);
  for (const l of [line, line - 1]) {
    const ids = ignores.get(l);
    if (ids && (ids.includes(rule) || ids.includes('all'))) return true;
  }
  return false;
}
