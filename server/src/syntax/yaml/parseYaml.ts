// YAML front end: turns a YAML document (the inventory) into the shared value
// tree with exact origins for every key and value, plus a list of syntax errors.
// Never throws. Duplicate keys are reported as errors (the later one is kept in
// the tree, as YAML readers that allow duplicates do).
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Entry, Origin, Span, Value } from '../value';

export interface YamlError {
  span: Span;
  message: string;
  /** The `yaml` package's error code, e.g. DUPLICATE_KEY, BAD_INDENT. */
  code: string;
}

export interface YamlParseResult {
  /** The document's root value; undefined for an empty document. */
  value: Value | undefined;
  errors: YamlError[];
  /** The `$schema=` of a `# yaml-language-server:` modeline, if any (tolerated, never required). */
  modelineSchema?: string;
}

const MODELINE = /^#\s*yaml-language-server\s*:.*\$schema=(\S+)/m;

export function parseYaml(text: string, uri: string): YamlParseResult {
  const errors: YamlError[] = [];
  let value: Value | undefined;
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
    for (const e of [...doc.errors, ...doc.warnings]) {
      const [start, end] = e.pos;
      if (e.code === 'DUPLICATE_KEY') {
        // The package points at the key's first character; report the whole key.
        const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*(:|$)/m.exec(text.slice(start, start + 300))?.[1] ?? text.slice(start, end);
        errors.push({ span: { start, end: start + Math.max(key.length, 1) }, message: `Duplicate key \`${key.replace(/^["']|["']$/g, '')}\``, code: e.code });
        continue;
      }
      errors.push({ span: { start, end: Math.max(end, start + 1) }, message: tidy(e.message), code: e.code });
    }
    // Documents after the first (`---`) are not part of the inventory.
    value = doc.contents ? convert(doc, doc.contents as YamlNode, uri, new Set()) : undefined;
  } catch (err) {
    // The yaml package does not throw on bad input; this guards against surprises.
    errors.push({ span: { start: 0, end: Math.min(1, text.length) }, message: `YAML could not be read: ${String(err)}`, code: 'INTERNAL' });
  }
  const modeline = MODELINE.exec(text.slice(0, 2000));
  return { value, errors, modelineSchema: modeline?.[1] };
}

function tidy(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function originOf(node: { range?: [number, number, number] | null } | null | undefined, uri: string, fallback: Span): Origin {
  const r = node?.range;
  return { uri, span: r ? { start: r[0], end: r[1] } : fallback };
}

function convert(doc: Document, node: YamlNode, uri: string, seen: Set<YamlNode>): Value {
  const origin = originOf(node as { range?: [number, number, number] }, uri, { start: 0, end: 0 });
  if (isAlias(node)) {
    const target = (node as Alias).resolve(doc);
    if (!target || seen.has(target as YamlNode)) return { kind: 'unknown', reason: 'unresolved or recursive alias', origin };
    seen.add(target as YamlNode);
    const v = convert(doc, target as YamlNode, uri, seen);
    seen.delete(target as YamlNode);
    // The alias itself is where the value is used; keep the use site as origin.
    return { ...v, origin } as Value;
  }
  if (isScalar(node)) return scalar(node, origin);
  if (isSeq(node)) {
    return { kind: 'list', items: node.items.map((it) => convert(doc, it as YamlNode, uri, seen)), origin };
  }
  if (isMap(node)) {
    const entries = new Map<string, Entry>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      const keyOrigin = originOf(keyNode as { range?: [number, number, number] }, uri, origin.span);
      const valueNode = pair.value as YamlNode | null;
      const v: Value = valueNode
        ? convert(doc, valueNode, uri, seen)
        : { kind: 'null', origin: { uri, span: { start: keyOrigin.span.end, end: keyOrigin.span.end } } };
      if (key === '<<' && v.kind === 'attrs') {
        // Merge key: copy entries that are not set explicitly.
        for (const [k, e] of v.entries) if (!entries.has(k)) entries.set(k, e);
        continue;
      }
      entries.set(key, { key, keyOrigin, value: v });
    }
    return { kind: 'attrs', entries, origin };
  }
  return { kind: 'unknown', reason: 'unsupported YAML node', origin };
}

function scalar(node: Scalar, origin: Origin): Value {
  const v = node.value;
  if (v === null || v === undefined) return { kind: 'null', origin };
  if (typeof v === 'string') return { kind: 'string', value: v, origin };
  if (typeof v === 'number') return { kind: 'number', value: v, integer: Number.isInteger(v), origin };
  if (typeof v === 'bigint') return { kind: 'number', value: Number(v), integer: true, origin };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v, origin };
  if (v instanceof Date) return { kind: 'string', value: node.source ?? v.toISOString(), origin };
  return { kind: 'string', value: String(v), origin };
}
