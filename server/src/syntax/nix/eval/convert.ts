// Conversions at the evaluator's edges: path literals to file:// URIs, and the
// lazy internal values to the shared Value tree (forcing everything; functions
// become unknown; `//` override chains become Entry.overrides).
import type { Entry, Value } from '../../value';
import type { LEntry, V } from './types';

/** Resolves a path literal against the importing file's URI. */
export function resolveUri(path: string, baseUri: string): string {
  try {
    if (path.startsWith('/')) return new URL('file://' + path).href;
    return new URL(path, baseUri).href;
  } catch {
    return path;
  }
}

/** Converts to the shared Value tree (forces everything; functions become unknown). */
export function toValue(v: V, depth: number, seen: Map<LEntry, Entry>): Value {
  if (depth > 200) return { kind: 'unknown', reason: 'too deeply nested', origin: v.origin };
  switch (v.kind) {
    case 'lambda':
    case 'primop':
      return { kind: 'unknown', reason: 'a function', origin: v.origin };
    case 'list':
      return { kind: 'list', items: v.items.map((t) => toValue(t.force(), depth + 1, seen)), origin: v.origin };
    case 'attrs': {
      const entries = new Map<string, Entry>();
      for (const [k, e] of v.entries) entries.set(k, toEntry(e, depth + 1, seen));
      return { kind: 'attrs', entries, origin: v.origin };
    }
    default:
      return v;
  }
}

function toEntry(e: LEntry, depth: number, seen: Map<LEntry, Entry>): Entry {
  const done = seen.get(e);
  if (done) return done;
  const out: Entry = { key: e.key, keyOrigin: e.keyOrigin, value: { kind: 'null', origin: e.keyOrigin } };
  seen.set(e, out);
  out.value = toValue(e.thunk.force(), depth, seen);
  if (e.overrides) out.overrides = toEntry(e.overrides, depth, seen);
  return out;
}

