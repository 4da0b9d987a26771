// The inventory side of "what is at this offset": the YAML path of the line
// under the cursor (read from indentation, so it works on half-typed YAML),
// whether the cursor is on a key, a value or a list item, and the word typed.
import type { Span, Value } from '../syntax/value';

export interface YamlContext {
  /** Keys from the root down to the mapping that holds the cursor's line. */
  path: string[];
  kind: 'key' | 'value' | 'item';
  /** The key of the line (for `value`), or the list's key (for `item`). */
  key?: string;
  prefix: string;
  /** The word (scalar) to replace, quotes excluded. */
  replace: Span;
  /** The indentation of the line's key or item. */
  indent: number;
}

interface Line {
  start: number;
  text: string;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const e = text.indexOf('\n', offset);
  return { start, text: text.slice(start, e < 0 ? text.length : e).replace(/\r$/, '') };
}

const KEY_LINE = /^(\s*)(-\s+)?([^\s#:'"][^:#]*?|"[^"]*"|'[^']*'):(\s|$)/;

function indentOf(s: string): number {
  return /^\s*/.exec(s)?.[0].length ?? 0;
}

/** The keys of the mappings enclosing a line of indentation `indent` that starts at `lineStart`. */
export function pathAbove(text: string, lineStart: number, indent: number): string[] {
  const path: string[] = [];
  let threshold = indent;
  let end = lineStart - 1;
  while (end > 0 && threshold > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const ind = indentOf(line);
    const m = KEY_LINE.exec(line);
    if (m && m[2]) {
      // `- key: v` inside a list: the item's keys sit at the indentation after `- `.
      const itemIndent = ind + m[2].length;
      if (itemIndent < threshold) {
        path.unshift(unquote(m[3].trim()));
        threshold = ind;
        continue;
      }
    }
    if (ind < threshold && m) {
      path.unshift(unquote(m[3].trim()));
      threshold = ind;
    } else if (ind < threshold && /^\s*-\s*$/.test(line)) threshold = ind;
  }
  return path;
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

export function yamlContextAt(text: string, offset: number): YamlContext | undefined {
  const line = lineAt(text, offset);
  const col = offset - line.start;
  const before = line.text.slice(0, col);
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, '""'))) return undefined;
  const word = (re: RegExp): { prefix: string; replace: Span } => {
    const m = re.exec(before);
    const prefix = m ? m[0] : '';
    const after = /^[^\s,\]\}"'#]*/.exec(line.text.slice(col));
    return { prefix, replace: { start: offset - prefix.length, end: offset + (after ? after[0].length : 0) } };
  };
  const scalarWord = /[^\s\[,{"':]*$/;
  const m = KEY_LINE.exec(line.text);
  const keyEnd = m ? m[0].length - (m[4] ? m[4].length : 0) : -1;
  if (m && col >= keyEnd) {
    const indent = m[1].length + (m[2]?.length ?? 0);
    const key = unquote(m[3].trim());
    const path = [...pathAbove(text, line.start, m[2] ? m[1].length + 1 : indent)];
    const rest = line.text.slice(keyEnd + 1, col);
    if (/^\s*\[/.test(rest)) {
      const w = word(/[^\s\[,"']*$/);
      return { path: [...path], kind: 'item', key, ...w, indent };
    }
    return { path, kind: 'value', key, ...word(/[^\s"']*$/), indent };
  }
  const item = /^(\s*)-\s+(.*)$/.exec(before) ?? /^(\s*)-$/.exec(before);
  if (item && !(m && col < keyEnd)) {
    const indent = item[1].length;
    const path = pathAbove(text, line.start, indent + 1);
    const key = path.pop();
    return { path, kind: 'item', key, ...word(scalarWord), indent };
  }
  const indent = indentOf(line.text);
  const w = word(/[\w.-]*$/);
  return { path: pathAbove(text, line.start, m ? indent + (m[2]?.length ?? 0) : indent), kind: 'key', ...w, indent };
}

/** The value node at a YAML path of the inventory tree. */
export function valueAt(root: Value | undefined, path: string[]): Value | undefined {
  let cur = root;
  for (const k of path) cur = cur && cur.kind === 'attrs' ? cur.entries.get(k)?.value : undefined;
  return cur;
}

/** The scalar (or key) of the inventory tree under the cursor, with its path. */
export interface YamlHit {
  path: string[];
  /** True when the cursor is on a mapping key. */
  isKey: boolean;
  value?: Value;
  span: Span;
  text: string;
}

export function yamlHitAt(root: Value | undefined, offset: number): YamlHit | undefined {
  const walk = (v: Value, path: string[]): YamlHit | undefined => {
    if (v.kind === 'attrs') {
      for (const [k, e] of v.entries) {
        if (e.keyOrigin.span.start <= offset && offset <= e.keyOrigin.span.end) return { path: [...path, k], isKey: true, span: e.keyOrigin.span, text: k, value: e.value };
        const inner = walk(e.value, [...path, k]);
        if (inner) return inner;
      }
      return undefined;
    }
    if (v.kind === 'list') {
      for (let i = 0; i < v.items.length; i++) {
        const inner = walk(v.items[i], [...path, String(i)]);
        if (inner) return inner;
      }
      return undefined;
    }
    if (v.origin.span.start <= offset && offset <= v.origin.span.end && v.kind !== 'unknown') {
      const text = v.kind === 'null' ? '' : String(v.value);
      return { path, isKey: false, value: v, span: v.origin.span, text };
    }
    return undefined;
  };
  return root ? walk(root, []) : undefined;
}
