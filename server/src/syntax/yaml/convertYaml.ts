// Turns the `yaml` package's node tree into the shared value tree, in time
// linear in the input whatever the document does:
// - aliases are resolved by one pass over the document (the package's own
//   `Alias.resolve` walks the whole document per alias: quadratic);
// - alias expansions share one budget of nodes for the whole document, so an
//   alias bomb ("billion laughs": anchors whose values alias earlier anchors
//   many times over) stops with one clear error instead of hanging;
// - a key that is not a scalar (`? [a, b]`, nested `? ? ? x`) is named by its
//   source text, capped, instead of the package's `String(node)`, which quotes
//   the inner keys again at every level (exponential in the nesting);
// - depth is capped, since expanding aliases inside aliases can nest deeper
//   than any text the parser read.
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Document, Node as YamlNode, Scalar } from 'yaml';
import { type Entry, type Origin, Place, placeAt, placed, placedEntry, type Span, type Value, withOrigin } from '../value';
import type { YamlError } from './parseYaml';

/** Nodes that alias expansions may add in one document, before the per-character allowance. */
export const ALIAS_EXPANSION_BASE = 10_000;
/** Deeper values than this (counting expanded aliases) are not read. */
export const MAX_YAML_DEPTH = 1_000;
/** Longest name given to a key that is not a scalar (its source text, cut). */
export const MAX_COMPLEX_KEY_LENGTH = 200;

export interface ConvertResult {
  value: Value;
  /** Values built, each alias expansion counted again: a measure of the work done, bounded by the input. */
  nodeCount: number;
  /** Where a key repeats one before it in the same mapping (as the yaml package's `uniqueKeys` would say). */
  duplicateKeyOffsets: number[];
}

export function convertDocument(doc: Document, text: string, uri: string, errors: YamlError[]): ConvertResult | undefined {
  if (!doc.contents) return undefined;
  const c = new Converter(doc.contents as YamlNode, text, uri, errors);
  const value = c.convert(doc.contents as YamlNode, 0);
  return { value, nodeCount: c.nodeCount, duplicateKeyOffsets: c.duplicateKeyOffsets };
}

/** Each alias's target: the last node before it (in document order) carrying its anchor. */
function resolveAliases(root: YamlNode): Map<Alias, YamlNode> {
  const targets = new Map<Alias, YamlNode>();
  const anchors = new Map<string, YamlNode>();
  // Iterative pre-order walk (node, then each pair's key and value), the order the package resolves in.
  const stack: YamlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as YamlNode;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) if (node.items[i]) stack.push(node.items[i] as YamlNode);
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!isPair(pair)) continue;
        if (pair.value) stack.push(pair.value as YamlNode);
        if (pair.key && typeof pair.key === 'object') stack.push(pair.key as YamlNode);
      }
    }
  }
  return targets;
}

function originOf(node: { range?: [number, number, number] | null } | null | undefined, uri: string, fallback: Span): Origin {
  const r = node?.range;
  return r ? new Place(uri, r[0], r[1]) : placeAt(uri, fallback);
}

class Converter {
  nodeCount = 0;
  readonly duplicateKeyOffsets: number[] = [];
  private readonly targets: Map<Alias, YamlNode>;
  /** Nodes alias expansions may still add; below zero, no alias is expanded any more. */
  private budget: number;
  private readonly budgetLimit: number;
  /** Anchored nodes being expanded right now: an alias to one of them is recursive. */
  private readonly expanding = new Set<YamlNode>();
  private reportedBudget = false;
  private reportedDepth = false;

  constructor(
    root: YamlNode,
    private readonly text: string,
    private readonly uri: string,
    private readonly errors: YamlError[],
  ) {
    this.targets = resolveAliases(root);
    // One node per character on top of the base keeps ordinary reuse (`<<: *defaults` in every
    // container of a large inventory) well inside the limit while the tree stays linear in the input.
    this.budgetLimit = ALIAS_EXPANSION_BASE + text.length;
    this.budget = this.budgetLimit;
  }

  convert(node: YamlNode, depth: number): Value {
    const origin = originOf(node as { range?: [number, number, number] }, this.uri, { start: 0, end: 0 });
    if (depth > MAX_YAML_DEPTH) {
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        this.errors.push({ span: spanAtLeastOne(origin.span), message: `YAML nested too deeply (more than ${MAX_YAML_DEPTH} levels); deeper values are not read`, code: 'NESTED_TOO_DEEPLY' });
      }
      return { kind: 'unknown', reason: 'nested too deeply', origin };
    }
    this.nodeCount++;
    if (this.expanding.size > 0 && --this.budget < 0) return { kind: 'unknown', reason: 'alias expands too much', origin };
    if (isAlias(node)) return this.alias(node, origin, depth);
    if (isScalar(node)) return scalar(node, origin);
    if (isSeq(node)) {
      const items: Value[] = [];
      for (const it of node.items) items.push(this.convert(it as YamlNode, depth + 1));
      return placed.list(items, origin);
    }
    if (isMap(node)) return this.map(node.items, origin, depth);
    return { kind: 'unknown', reason: 'unsupported YAML node', origin };
  }

  private alias(node: Alias, origin: Origin, depth: number): Value {
    const target = this.targets.get(node);
    if (!target || this.expanding.has(target)) return { kind: 'unknown', reason: 'unresolved or recursive alias', origin };
    const outermost = this.expanding.size === 0;
    // The error goes on the outermost alias: the use the author wrote where the bomb goes off.
    if (this.budget < 0) return outermost ? this.tooMuch(node, origin) : { kind: 'unknown', reason: 'alias expands too much', origin };
    this.expanding.add(target);
    const v = this.convert(target, depth);
    this.expanding.delete(target);
    // An expansion cut short would leave a half-read value; the outermost alias reads as unknown instead.
    if (this.budget < 0 && outermost) return this.tooMuch(node, origin);
    // The alias itself is where the value is used; keep the use site as origin.
    return withOrigin(v, origin);
  }

  private tooMuch(node: Alias, origin: Origin): Value {
    if (!this.reportedBudget) {
      this.reportedBudget = true;
      this.errors.push({
        span: spanAtLeastOne(origin.span),
        message: `Alias \`*${node.source}\` expands too much (aliases in this document may add at most ${this.budgetLimit} values in all); it and later aliases are not expanded`,
        code: 'ALIAS_EXPANDS_TOO_MUCH',
      });
    }
    return { kind: 'unknown', reason: 'alias expands too much', origin };
  }

  private map(items: unknown[], origin: Origin, depth: number): Value {
    const entries = new Map<string, Entry>();
    // Scalar key values seen in this mapping, for duplicates: found here in one
    // pass, where the yaml package's own `uniqueKeys` compares each key with all before it.
    const scalarKeys = new Set<unknown>();
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      if (keyNode && isScalar(keyNode) && !Number.isNaN(keyNode.value)) {
        const start = (keyNode as { range?: [number, number, number] | null }).range?.[0];
        // Inside an alias's expansion the duplicate was reported where the anchor's mapping is written.
        if (scalarKeys.has(keyNode.value) && start !== undefined && this.expanding.size === 0) this.duplicateKeyOffsets.push(start);
        scalarKeys.add(keyNode.value);
      }
      const key = this.keyName(keyNode);
      const keyOrigin = originOf(keyNode as { range?: [number, number, number] }, this.uri, origin.span);
      const valueNode = pair.value as YamlNode | null;
      const v: Value = valueNode
        ? this.convert(valueNode, depth + 1)
        : placed.null(new Place(this.uri, keyOrigin.span.end, keyOrigin.span.end));
      if (key === '<<' && v.kind === 'attrs') {
        // Merge key: copy entries that are not set explicitly.
        for (const [k, e] of v.entries) if (!entries.has(k)) entries.set(k, e);
        continue;
      }
      entries.set(key, placedEntry(key, keyOrigin, v));
    }
    return placed.attrs(entries, origin);
  }

  /** A scalar key's value as text; any other key (collection, alias) is named by its source text, cut. */
  private keyName(keyNode: YamlNode | null): string {
    if (!keyNode) return '';
    if (isScalar(keyNode)) return String(keyNode.value);
    const r = (keyNode as { range?: [number, number, number] | null }).range;
    if (!r) return '';
    const end = Math.min(r[1], r[0] + MAX_COMPLEX_KEY_LENGTH);
    return this.text.slice(r[0], end).trim() + (end < r[1] ? '…' : '');
  }
}

function spanAtLeastOne(span: Span): Span {
  return { start: span.start, end: Math.max(span.end, span.start + 1) };
}

function scalar(node: Scalar, origin: Origin): Value {
  const v = node.value;
  if (v === null || v === undefined) return placed.null(origin);
  if (typeof v === 'string') return placed.string(v, origin);
  if (typeof v === 'number') return placed.number(v, Number.isInteger(v), origin);
  if (typeof v === 'bigint') return placed.number(Number(v), true, origin);
  if (typeof v === 'boolean') return placed.boolean(v, origin);
  if (v instanceof Date) return placed.string(node.source ?? v.toISOString(), origin);
  return placed.string(String(v), origin);
}
