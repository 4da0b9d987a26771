// The Nix side of "what is at this offset": a cached parse per document text,
// the settings blocks of a profile (`systemSettings = base.systemSettings // { … }`
// included), and the cursor's context (a setting key being typed, a setting's
// value, an `import` path) for completion, hover and navigation.
import type * as A from '../syntax/nix/ast';
import { forEachChild } from '../syntax/nix/ast';
import type { ParseResult } from '../syntax/nix/parser';
import { parseNixShared } from '../syntax/nix/parseCache';
import type { SettingsBlock } from '../model/profiles';
import type { Span } from '../syntax/value';
import { spanOf } from '../syntax/value';

/** The parse of a Nix document (shared with the checks for the same text). */
export function parsedNix(_uri: string, text: string): ParseResult {
  return parseNixShared(text);
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The deepest node whose span holds the offset. */
export function nodeAt(root: A.Node, offset: number): A.Node | undefined {
  if (!contains(root, offset)) return undefined;
  let cur: A.Node = root;
  for (let depth = 0; depth < 500; depth++) {
    let next: A.Node | undefined;
    forEachChild(cur, (c) => {
      if (!next && contains(c, offset) && c.end > c.start) next = c;
    });
    if (!next) return cur;
    cur = next;
  }
  return cur;
}

export function inComment(p: ParseResult, offset: number): boolean {
  return p.comments.some((c) => c.start < offset && offset <= c.end && (c.block || offset <= c.end));
}

export function identName(n: A.AttrName | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'Ident') return n.name;
  if (n.type === 'Str' && n.parts.every((p) => p.type === 'Text')) return n.parts.map((p) => (p as A.Text).value).join('');
  return undefined;
}

export function unparen(e: A.Expr): A.Expr {
  let cur = e;
  while (cur.type === 'Paren') cur = cur.expr;
  return cur;
}

/** The attribute sets an expression writes directly (`{…}`, both sides of `//`, the value piped with `|>` / `<|`). */
function literalSets(e: A.Expr, out: A.AttrSet[]): void {
  const u = unparen(e);
  if (u.type === 'AttrSet') out.push(u);
  else if (u.type === 'Binary' && u.op === '//') {
    literalSets(u.left, out);
    literalSets(u.right, out);
  } else if (u.type === 'Let') literalSets(u.body, out);
  // `{ … } |> (own: base.systemSettings // own)`: the set written is the value that flows in.
  else if (u.type === 'Apply' && u.pipe) literalSets(u.arg, out);
}

/** The base a settings value merges under: `base.x // { … }`, or a pipeline into `(own: base.x // own)`. */
function baseOf(value: A.Expr): A.Expr | undefined {
  const v = unparen(value);
  if (v.type === 'Binary' && v.op === '//') return v.left;
  if (v.type !== 'Apply' || !v.pipe) return undefined;
  const fn = unparen(v.fn);
  if (fn.type === 'Lambda' && fn.param) {
    const body = unparen(fn.body);
    if (body.type === 'Binary' && body.op === '//') {
      const own = unparen(body.right);
      if (own.type === 'Var' && own.name === fn.param.name) return body.left;
    }
  }
  // `base.x // { … } |> f`: the base of what flows in.
  return baseOf(v.arg);
}

export interface SettingsSet {
  block: SettingsBlock;
  set: A.AttrSet;
  /** The `systemSettings = …` binding. */
  def: A.AttrDef;
  /** The base expression merged under it (`base.systemSettings`), when there is one. */
  base?: A.Expr;
}

/** The top-level attribute set of a profile (through `let … in`, lambdas, `with`). */
export function topSet(root: A.Expr): A.AttrSet | undefined {
  let cur: A.Expr = root;
  for (let i = 0; i < 20; i++) {
    cur = unparen(cur);
    if (cur.type === 'AttrSet') return cur;
    if (cur.type === 'Let') cur = cur.body;
    else if (cur.type === 'Lambda') cur = cur.body;
    else if (cur.type === 'With' || cur.type === 'Assert') cur = cur.body;
    else if (cur.type === 'Binary' && cur.op === '//') cur = cur.right;
    else return undefined;
  }
  return undefined;
}

/** Every settings block a profile writes, in source order. */
export function settingsSets(root: A.Expr): SettingsSet[] {
  const top = topSet(root);
  if (!top) return [];
  const out: SettingsSet[] = [];
  for (const b of top.bindings) {
    if (b.type !== 'AttrDef' || b.path.names.length !== 1) continue;
    const name = identName(b.path.names[0]);
    if (name !== 'systemSettings' && name !== 'userSettings') continue;
    const sets: A.AttrSet[] = [];
    literalSets(b.value, sets);
    const base = baseOf(b.value);
    for (const set of sets) out.push({ block: name, set, def: b, base });
  }
  return out;
}
/** Keys of a settings block: `{ key = …; }` and dotted `key.sub = …`. */
export function keysOf(set: A.AttrSet): { key: string; def: A.AttrDef; name: A.AttrName }[] {
  const out: { key: string; def: A.AttrDef; name: A.AttrName }[] = [];
  for (const b of set.bindings) {
    if (b.type !== 'AttrDef') continue;
    const key = identName(b.path.names[0]);
    if (key !== undefined) out.push({ key, def: b, name: b.path.names[0] });
  }
  return out;
}

/** Whether the file's own settings sets write `key` (not only inherit it through a base profile). */
export function setsOwnSetting(uri: string, text: string, key: string): boolean {
  return text.includes(key) && settingsSets(parsedNix(uri, text).root).some((s) => keysOf(s.set).some((k) => k.key === key));
}

export type NixContext =
  | { kind: 'settingKey'; block: SettingsBlock; set: A.AttrSet; prefix: string; replace: Span; hasEquals: boolean; nameNode?: A.AttrName }
  | {
      kind: 'settingValue';
      block: SettingsBlock;
      key: string;
      keyNode: A.AttrName;
      /** Keys inside the value down to the cursor (`host` in a scrape target). */
      subKeys: string[];
      /** The string under the cursor, when inside one. */
      str?: A.Str;
      /** Whether the cursor is directly inside a list. */
      inList: boolean;
      prefix: string;
      replace: Span;
    }
  | { kind: 'importPath'; path?: A.Path; prefix: string; replace: Span }
  | { kind: 'none' };

const IDENT_TAIL = /[A-Za-z0-9_'-]*$/;

export function nixContextAt(uri: string, text: string, offset: number): NixContext {
  const p = parsedNix(uri, text);
  if (inComment(p, offset)) return { kind: 'none' };
  // `import ./|`: the parser may see a half path; the text decides.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const imp = /\bimport\s+(\.{1,2}\/[\w./-]*)$/.exec(before);
  if (imp) return { kind: 'importPath', prefix: imp[1], replace: { start: offset - imp[1].length, end: pathEnd(text, offset) } };
  if (/\bimport\s+$/.test(before)) return { kind: 'importPath', prefix: '', replace: { start: offset, end: offset } };

  const node = nodeAt(p.root, offset);
  if (!node) return { kind: 'none' };
  const sets = settingsSets(p.root);
  // Walk up to the binding of the settings block that holds the cursor.
  let child: A.Node | undefined;
  const subKeys: string[] = [];
  let str: A.Str | undefined;
  let inList = false;
  let first = true;
  for (let cur: A.Node | undefined = node; cur; child = cur, cur = cur.parent) {
    if (cur.type === 'Str' && !str) str = cur;
    if (cur.type === 'List' && first) inList = true;
    if (cur.type !== 'Text' && cur.type !== 'Str' && cur.type !== 'List' && cur.type !== 'Error') first = false;
    if (cur.type === 'AttrSet') {
      const s = sets.find((x) => x.set === cur);
      if (s) {
        // Directly in the block: typing a key, or between bindings.
        if (child && child.type === 'AttrDef') {
          const def = child;
          const nameNode = def.path.names[0];
          if (contains(def.path, offset)) {
            const keyStart = nameNode.start;
            const prefix = text.slice(keyStart, offset);
            const hasEquals = def.value.type !== 'Error' || /^\s*=/.test(text.slice(def.path.end, def.path.end + 20));
            return { kind: 'settingKey', block: s.block, set: s.set, prefix, replace: spanOf(nameNode), hasEquals, nameNode };
          }
          const key = identName(nameNode);
          if (key === undefined) return { kind: 'none' };
          subKeys.pop(); // the block's own binding was counted on the way up
          const eq = text.indexOf('=', def.path.end);
          if (eq >= 0 && offset <= eq) return { kind: 'none' };
          return valueContext(text, offset, s.block, key, nameNode, subKeys.reverse(), str, inList);
        }
        // `key = |` with nothing typed yet: the value is an empty Error node.
        for (const b of [...s.set.bindings].reverse()) {
          if (b.type !== 'AttrDef' || b.path.end > offset) continue;
          const between = text.slice(b.path.end, offset);
          if (/^\s*=[^;]*$/.test(between) && (b.value.type === 'Error' || contains(b.value, offset))) {
            const key = identName(b.path.names[0]);
            if (key !== undefined) return valueContext(text, offset, s.block, key, b.path.names[0], [], undefined, false);
          }
          break;
        }
        const m = IDENT_TAIL.exec(before);
        const prefix = m ? m[0] : '';
        return { kind: 'settingKey', block: s.block, set: s.set, prefix, replace: { start: offset - prefix.length, end: offset }, hasEquals: false };
      }
    }
    if (cur.type === 'AttrDef' && child !== cur.path) {
      const k = identName(cur.path.names[0]);
      if (k !== undefined) subKeys.push(k);
    }
  }
  return { kind: 'none' };
}

function valueContext(
  text: string,
  offset: number,
  block: SettingsBlock,
  key: string,
  keyNode: A.AttrName,
  subKeys: string[],
  str: A.Str | undefined,
  inList: boolean,
): NixContext {
  if (str) {
    const closed = str.end > str.start + 1 && text[str.end - 1] === '"';
    const start = str.start + 1;
    const end = closed ? str.end - 1 : offset;
    return { kind: 'settingValue', block, key, keyNode, subKeys, str, inList, prefix: text.slice(start, offset), replace: { start, end: Math.max(end, offset) } };
  }
  const m = /[\w.:-]*$/.exec(text.slice(Math.max(0, offset - 60), offset));
  const prefix = m ? m[0] : '';
  const tail = /^[\w.:-]*/.exec(text.slice(offset, offset + 60));
  return { kind: 'settingValue', block, key, keyNode, subKeys, inList, prefix, replace: { start: offset - prefix.length, end: offset + (tail ? tail[0].length : 0) } };
}

function pathEnd(text: string, offset: number): number {
  const m = /^[\w./-]*/.exec(text.slice(offset, offset + 200));
  return offset + (m ? m[0].length : 0);
}

/** `name = import ./X.nix;` bindings of the file's `let` (or top set): name → relative path. */
export function letImports(root: A.Expr): Map<string, { path: string; node: A.Path }> {
  const out = new Map<string, { path: string; node: A.Path }>();
  const visit = (bindings: A.Binding[]): void => {
    for (const b of bindings) {
      if (b.type !== 'AttrDef' || b.path.names.length !== 1) continue;
      const name = identName(b.path.names[0]);
      const v = unparen(b.value);
      if (name && v.type === 'Apply' && v.fn.type === 'Var' && v.fn.name === 'import') {
        const arg = unparen(v.arg);
        if (arg.type === 'Path' && arg.parts.length === 0) out.set(name, { path: arg.first, node: arg });
      }
    }
  };
  let cur: A.Expr = root;
  for (let i = 0; i < 10; i++) {
    cur = unparen(cur);
    if (cur.type === 'Let') {
      visit(cur.bindings);
      cur = cur.body;
    } else if (cur.type === 'Lambda' || cur.type === 'With') cur = cur.body;
    else break;
  }
  return out;
}
/** Plain data of a literal expression (strings without interpolation, numbers, lists, sets); undefined otherwise. */
export function literalOf(e: A.Expr, depth = 0): { value: unknown } | undefined {
  if (depth > 8) return undefined;
  const u = unparen(e);
  switch (u.type) {
    case 'Int':
    case 'Float':
      return { value: Number(u.raw) };
    case 'Str':
    case 'IndStr':
      return u.parts.every((p) => p.type === 'Text') ? { value: u.parts.map((p) => (p as A.Text).value).join('') } : undefined;
    case 'Var':
      if (u.name === 'true' || u.name === 'false') return { value: u.name === 'true' };
      if (u.name === 'null') return { value: null };
      return undefined;
    case 'Unary':
      if (u.op === '-' && (u.operand.type === 'Int' || u.operand.type === 'Float')) return { value: -Number(u.operand.raw) };
      return undefined;
    case 'List': {
      const items = u.items.map((i) => literalOf(i, depth + 1));
      return items.every((i) => i) ? { value: items.map((i) => i?.value) } : undefined;
    }
    case 'AttrSet': {
      const o: Record<string, unknown> = {};
      for (const b of u.bindings) {
        if (b.type !== 'AttrDef' || b.path.names.length !== 1) return undefined;
        const k = identName(b.path.names[0]);
        const v = literalOf(b.value, depth + 1);
        if (k === undefined || !v) return undefined;
        o[k] = v.value;
      }
      return { value: o };
    }
    default:
      return undefined;
  }
}
