// Per-line suppression: `# homelab-ignore: <id>[, <id>...]` (or `all`) on the
// diagnostic's line or the line above, in Nix and YAML alike.
import { LineIndex } from '../syntax/lineIndex';

const IGNORE = /#\s*homelab-ignore\s*:\s*([A-Za-z0-9_,\s-]+)/;

function idsOn(line: string): string[] {
  const m = IGNORE.exec(line);
  return m ? m[1].split(/[\s,]+/).filter(Boolean) : [];
}

export function isSuppressed(lines: LineIndex, offset: number, rule: string): boolean {
  const { line } = lines.positionAt(offset);
  for (const l of [line, line - 1]) {
    if (l < 0) continue;
    const ids = idsOn(lines.lineText(l));
    if (ids.includes(rule) || ids.includes('all')) return true;
  }
  return false;
}
