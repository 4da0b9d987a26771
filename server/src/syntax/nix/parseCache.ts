// One parse per text: a keystroke's document is read by the scope analysis,
// the evaluator and the editing features in turn, and each would otherwise
// parse the same text again. Trees are never mutated after parsing, so the
// readers share them. A small LRU keyed by the text itself, bounded in
// entries and in source size: a tree takes a hundred times its text, and each
// keystroke in a 2 MB profile is a new text.
import { parseNix, type ParseResult } from './parser';

const MAX_ENTRIES = 32;
/** Characters of source kept in all (the newest entry is kept whatever its size). */
const MAX_CHARS = 2_000_000;
const recent = new Map<string, ParseResult>();
let chars = 0;

export function parseNixShared(text: string): ParseResult {
  const hit = recent.get(text);
  if (hit) {
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  const parsed = parseNix(text);
  recent.set(text, parsed);
  chars += text.length;
  while (recent.size > 1 && (recent.size > MAX_ENTRIES || chars > MAX_CHARS)) {
    const oldest = recent.keys().next().value as string;
    recent.delete(oldest);
    chars -= oldest.length;
  }
  return parsed;
}

/**
 * Lets go of every kept tree. For the end of a pass over many files (the
 * start-up): what is kept then is the trees of the last files read, unopened
 * ones mostly, and the newest may be a large profile's (a tree of 1.4 MB of
 * text is ~20 MB); an open document's is parsed again when next read.
 */
export function forgetSharedParses(): void {
  recent.clear();
  chars = 0;
}
