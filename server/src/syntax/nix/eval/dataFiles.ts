// Data files a configuration reads as values: `builtins.readFile`,
// `builtins.fromJSON`, `builtins.fromTOML`, nixpkgs' `lib.importJSON` and
// `lib.importTOML`. A host table kept in `hosts.json` or `devices.toml` becomes
// a set whose every key and value keeps its place in that file, so an address
// found there (or a duplicate of it) points at the exact text. Files over
// 1 MB and text that does not parse give an unknown with the reason, never a
// throw. JSON is parsed here (it is small and positions are what we need);
// TOML by toml-eslint-parser, whose syntax tree carries the ranges of every
// key and value (parsers that give plain values would need a second,
// hand-written pass to find the text again).
import { parseTOML } from 'toml-eslint-parser';
import type { Origin } from '../../value';
import { type LEntry, Thunk, type V, unknown } from './types';

/** Larger data files are not read (a host table is a few kilobytes). */
export const MAX_DATA_FILE = 1024 * 1024;

/** Reads what `builtins.readFile` would, through the evaluator's host. */
export type ReadData = (uri: string) => string | undefined;

/**
 * `fromJSON` / `fromTOML` of a whole data file's text, parsed once per
 * evaluator: a helper called per machine (a colour palette read in every
 * host's arguments) would otherwise parse and keep the file once per call.
 * Values are never changed once built, so every call may share them.
 */
export class ParsedDataFiles {
  private readonly values = new Map<string, { text: string; value: V }>();

  parsed(format: 'json' | 'toml', s: V, parse: () => V): V {
    if (s.kind !== 'string' || s.origin.span.start !== 0 || s.origin.span.end !== s.value.length || !s.origin.uri.startsWith('file:') || s.origin.uri.endsWith('.nix')) return parse();
    const key = `${format}\0${s.origin.uri}`;
    const done = this.values.get(key);
    if (done && done.text === s.value) return done.value;
    const value = parse();
    this.values.set(key, { text: s.value, value });
    return value;
  }
}

/** `builtins.readFile path`: the text, with an origin spanning the whole file (so fromJSON/fromTOML can point into it). */
export function readFileValue(p: V, origin: Origin, read: ReadData): V {
  if (p.kind === 'unknown') return unknown(p.reason, origin);
  if (p.kind !== 'path') return unknown(`readFile of a ${p.kind} is not modelled`, origin);
  const text = read(p.value);
  if (text === undefined) return unknown(`file not found: ${p.value}`, origin);
  if (text.length > MAX_DATA_FILE) return unknown(`${p.value} is larger than 1 MB: not read`, origin);
  return { kind: 'string', value: text, origin: { uri: p.value, span: { start: 0, end: text.length } } };
}

/** Where offsets of the parsed text land: in the data file when the string is its whole text, else on the call. */
function placer(s: Extract<V, { kind: 'string' }>, call: Origin): (start: number, end: number) => Origin {
  const whole = s.origin.uri.startsWith('file:') && s.origin.span.start === 0 && s.origin.span.end === s.value.length && !s.origin.uri.endsWith('.nix');
  return whole ? (start, end) => ({ uri: s.origin.uri, span: { start, end } }) : () => call;
}

function attrsOf(entries: Map<string, LEntry>, origin: Origin): V {
  return { kind: 'attrs', entries, origin };
}

/** `builtins.fromJSON s`. */
export function fromJSON(s: V, origin: Origin): V {
  if (s.kind === 'unknown') return unknown(s.reason, origin);
  if (s.kind !== 'string') return unknown(`fromJSON of a ${s.kind}`, origin);
  const at = placer(s, origin);
  const r = new JsonReader(s.value, at).document();
  if ('error' in r) return unknown(`not valid JSON (${r.error} at offset ${r.offset})`, at(r.offset, r.offset + 1));
  return r.value;
}

class JsonReader {
  private i = 0;
  constructor(
    private readonly t: string,
    private readonly at: (start: number, end: number) => Origin,
  ) {}

  document(): { value: V } | { error: string; offset: number } {
    try {
      const value = this.value(0);
      this.ws();
      if (this.i < this.t.length) return { error: 'text after the value', offset: this.i };
      return { value };
    } catch (e) {
      // Thrown only inside this reader, as a way out of the recursion; never leaves fromJSON.
      if (e instanceof JsonError) return { error: e.message, offset: e.offset };
      return { error: String(e), offset: this.i };
    }
  }

  private ws(): void {
    while (this.i < this.t.length && /[ \t\r\n]/.test(this.t[this.i])) this.i++;
  }

  private fail(msg: string): never {
    throw new JsonError(msg, this.i);
  }

  private value(depth: number): V {
    if (depth > 500) this.fail('nested too deeply');
    this.ws();
    const c = this.t[this.i];
    const start = this.i;
    if (c === '{') {
      this.i++;
      const entries = new Map<string, LEntry>();
      this.ws();
      if (this.t[this.i] === '}') {
        this.i++;
        return attrsOf(entries, this.at(start, this.i));
      }
      for (;;) {
        this.ws();
        if (this.t[this.i] !== '"') this.fail("expected '\"' before a key");
        const ks = this.i;
        const key = this.string();
        const keyOrigin = this.at(ks, this.i);
        this.ws();
        if (this.t[this.i] !== ':') this.fail("expected ':'");
        this.i++;
        const v = this.value(depth + 1);
        entries.set(key, { key, keyOrigin, thunk: Thunk.of(v) });
        this.ws();
        if (this.t[this.i] === ',') {
          this.i++;
          continue;
        }
        if (this.t[this.i] === '}') {
          this.i++;
          return attrsOf(entries, this.at(start, this.i));
        }
        this.fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      this.i++;
      const items: Thunk[] = [];
      this.ws();
      if (this.t[this.i] === ']') {
        this.i++;
        return { kind: 'list', items, origin: this.at(start, this.i) };
      }
      for (;;) {
        items.push(Thunk.of(this.value(depth + 1)));
        this.ws();
        if (this.t[this.i] === ',') {
          this.i++;
          continue;
        }
        if (this.t[this.i] === ']') {
          this.i++;
          return { kind: 'list', items, origin: this.at(start, this.i) };
        }
        this.fail("expected ',' or ']'");
      }
    }
    if (c === '"') {
      const value = this.string();
      return { kind: 'string', value, origin: this.at(start, this.i) };
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.t.startsWith(word, this.i)) {
        this.i += word.length;
        const origin = this.at(start, this.i);
        return v === null ? { kind: 'null', origin } : { kind: 'boolean', value: v, origin };
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.t.slice(this.i, this.i + 400));
    if (!m) this.fail('expected a value');
    this.i += m[0].length;
    return { kind: 'number', value: Number(m[0]), integer: !m[2] && !m[3], origin: this.at(start, this.i) };
  }

  private string(): string {
    this.i++; // the opening quote
    let out = '';
    for (;;) {
      if (this.i >= this.t.length) this.fail('the string is never closed');
      const c = this.t[this.i++];
      if (c === '"') return out;
      if (c !== '\\') {
        if (c < ' ') this.fail('a control character in a string');
        out += c;
        continue;
      }
      const e = this.t[this.i++];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) out += simple[e];
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.t.slice(this.i, this.i + 4))) {
        out += String.fromCharCode(parseInt(this.t.slice(this.i, this.i + 4), 16));
        this.i += 4;
      } else this.fail('a bad escape in a string');
    }
  }
}

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type TomlNode = { type: string; range: [number, number] } & Record<string, unknown>;

/** `builtins.fromTOML s`. */
export function fromTOML(s: V, origin: Origin): V {
  if (s.kind === 'unknown') return unknown(s.reason, origin);
  if (s.kind !== 'string') return unknown(`fromTOML of a ${s.kind}`, origin);
  const at = placer(s, origin);
  let ast: TomlNode;
  try {
    ast = parseTOML(s.value) as unknown as TomlNode;
  } catch (e) {
    const err = e as { message?: string; index?: number; offset?: number };
    const offset = typeof err.index === 'number' ? err.index : typeof err.offset === 'number' ? err.offset : 0;
    return unknown(`not valid TOML (${err.message ?? String(e)})`, at(offset, offset + 1));
  }
  const root = new Map<string, LEntry>();
  const rootOrigin = at(0, s.value.length);
  const top = (ast.body as TomlNode[] | undefined)?.[0];
  for (const item of (top?.body as TomlNode[] | undefined) ?? []) {
    if (item.type === 'TOMLKeyValue') setKeyValue(root, item, at);
    else if (item.type === 'TOMLTable') {
      // `[a.b]` / `[[a.b]]`: the parser resolves the path (array tables with their index).
      const path = item.resolvedKey as (string | number)[];
      const keyNodes = (item.key as { keys: TomlNode[] } | undefined)?.keys ?? [];
      const here = tableAt(root, path, at(item.range[0], item.range[1]), keyNodes.map((k) => at(k.range[0], k.range[1])));
      if (!here) continue;
      for (const kv of (item.body as TomlNode[]) ?? []) setKeyValue(here, kv, at);
    }
  }
  return attrsOf(root, rootOrigin);
}

/** The entries of the (array) table at `path`, made as needed. */
function tableAt(root: Map<string, LEntry>, path: (string | number)[], origin: Origin, keyOrigins: Origin[]): Map<string, LEntry> | undefined {
  let cur = root;
  let named = 0;
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    if (typeof k === 'number') continue; // handled with its array's name below
    const keyOrigin = keyOrigins[named++] ?? origin;
    const index = typeof path[i + 1] === 'number' ? (path[i + 1] as number) : undefined;
    let e = cur.get(k);
    if (index !== undefined) {
      if (!e) cur.set(k, (e = { key: k, keyOrigin, thunk: Thunk.of({ kind: 'list', items: [], origin }) }));
      const list = e.thunk.force();
      if (list.kind !== 'list') return undefined;
      while (list.items.length <= index) list.items.push(Thunk.of(attrsOf(new Map(), origin)));
      const t = list.items[index].force();
      if (t.kind !== 'attrs') return undefined;
      cur = t.entries;
      continue;
    }
    if (!e) cur.set(k, (e = { key: k, keyOrigin, thunk: Thunk.of(attrsOf(new Map(), origin)) }));
    const t = e.thunk.force();
    if (t.kind !== 'attrs') return undefined;
    cur = t.entries;
  }
  return cur;
}

function setKeyValue(table: Map<string, LEntry>, kv: TomlNode, at: (s: number, e: number) => Origin): void {
  const keyNode = kv.key as { keys: (TomlNode & { name?: string; value?: string })[] };
  let cur = table;
  const keys = keyNode.keys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const name = String(k.name ?? k.value);
    const ko = at(k.range[0], k.range[1]);
    if (i === keys.length - 1) {
      cur.set(name, { key: name, keyOrigin: ko, thunk: Thunk.of(tomlValue(kv.value as TomlNode, at, 0)) });
      return;
    }
    let e = cur.get(name);
    if (!e) cur.set(name, (e = { key: name, keyOrigin: ko, thunk: Thunk.of(attrsOf(new Map(), at(kv.range[0], kv.range[1]))) }));
    const t = e.thunk.force();
    if (t.kind !== 'attrs') return;
    cur = t.entries;
  }
}

function tomlValue(n: TomlNode, at: (s: number, e: number) => Origin, depth: number): V {
  const origin = at(n.range[0], n.range[1]);
  if (depth > 200) return unknown('nested too deeply', origin);
  switch (n.type) {
    case 'TOMLArray':
      return { kind: 'list', items: ((n.elements as TomlNode[]) ?? []).map((e) => Thunk.of(tomlValue(e, at, depth + 1))), origin };
    case 'TOMLInlineTable': {
      const entries = new Map<string, LEntry>();
      for (const kv of (n.body as TomlNode[]) ?? []) setKeyValue(entries, kv, at);
      return attrsOf(entries, origin);
    }
    case 'TOMLValue': {
      const kind = n.kind as string;
      const v = n.value as unknown;
      if (kind === 'string') return { kind: 'string', value: String(v), origin };
      if (kind === 'boolean') return { kind: 'boolean', value: Boolean(v), origin };
      if (kind === 'integer') return { kind: 'number', value: Number(v), integer: true, origin };
      if (kind === 'float') return { kind: 'number', value: Number(v), integer: false, origin };
      // Dates and times: Nix needs an experimental feature for them; their text is what a reader wants.
      return { kind: 'string', value: String(n.datetime ?? v), origin };
    }
  }
  return unknown(`TOML ${n.type} is not modelled`, origin);
}
