// Known arguments for calling a module function once per machine: plain
// values (a flake's `specialArgs`, `_module.args`, colmena's `name`) turned
// back into evaluator values, and `config` as a lazy view of the machine's
// option tree (as far as the model could merge it), so that
// `hosts.${config.networking.hostName}.ip4` selects that machine's entry.
import type { Value } from '../../value';
import { type LEntry, Thunk, type V, unknown } from './types';

/** The machine's option tree, read by path (the model's merge of its modules). */
export interface ConfigReader {
  /** The names set under `path` when some module sets it to a set; undefined otherwise. */
  keys(path: string[]): string[] | undefined;
  /** The effective value at `path`, or undefined when no module sets it. */
  value(path: string[]): Value | undefined;
}

/** A plain value as an evaluator value (already forced; origins kept). */
export function fromValue(v: Value, depth = 0): V {
  if (depth > 200) return unknown('too deeply nested', v.origin);
  switch (v.kind) {
    case 'list':
      return { kind: 'list', items: v.items.map((i) => new Thunk(() => fromValue(i, depth + 1), i.origin)), origin: v.origin };
    case 'attrs': {
      const entries = new Map<string, LEntry>();
      for (const [k, e] of v.entries) entries.set(k, { key: k, keyOrigin: e.keyOrigin, thunk: new Thunk(() => fromValue(e.value, depth + 1), e.value.origin) });
      return { kind: 'attrs', entries, origin: v.origin };
    }
    case 'unknown':
      if (v.callable) return v.callable as V;
      // A set known in part (`unknown // { self = …; }`) stays one: its known names are read.
      if (v.call?.fn === '//' && v.call.args.length === 2)
        return { kind: 'unknown', reason: v.reason, origin: v.origin, fn: '//', args: v.call.args.map((a) => new Thunk(() => fromValue(a, depth + 1), a.origin)) };
      return { kind: 'unknown', reason: v.reason, origin: v.origin, ...(v.ref !== undefined ? { fn: v.ref } : {}) };
    default:
      return v;
  }
}

/** `config` for a module call: every level built when selected, never the whole tree. */
export function configValue(reader: ConfigReader, origin: Value['origin'], path: string[] = []): V {
  if (path.length > 60) return unknown('too deeply nested', origin);
  const keys = reader.keys(path);
  if (keys && keys.length) {
    const entries = new Map<string, LEntry>();
    for (const k of keys) entries.set(k, { key: k, keyOrigin: origin, thunk: new Thunk(() => configValue(reader, origin, [...path, k]), origin) });
    return { kind: 'attrs', entries, origin };
  }
  const v = reader.value(path);
  if (!v) return unknown(`config.${path.join('.')} is set by no module read statically`, origin);
  // Worded so the model knows another round (with this round's config) may answer it.
  if (v.kind === 'unknown') return { kind: 'unknown', reason: `config.${path.join('.')} is not known statically yet (${v.reason})`, origin: v.origin };
  return fromValue(v);
}
