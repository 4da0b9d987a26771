// One parse per text: a keystroke's document is read by the scope analysis,
// the evaluator and the editing features in turn, and each would otherwise
// parse the same text again. Trees are never mutated after parsing, so the
// readers share them. A small LRU keyed by the text itself.
import { parseNix, type ParseResult } from './parser';

const MAX_ENTRIES = 32;
const recent = new Map<string, ParseResult>();

export function parseNixShared(text: string): ParseResult {
  const hit = recent.get(text);
  if (hit) {
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  const parsed = parseNix(text);
  recent.set(text, parsed);
  if (recent.size > MAX_ENTRIES) recent.delete(recent.keys().next().value as string);
  return parsed;
}
