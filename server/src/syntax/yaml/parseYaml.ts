// YAML front end: turns a YAML document (the inventory) into the shared value
// tree with exact origins for every key and value, plus a list of syntax errors.
// Never throws. Duplicate keys are reported as errors (the later one is kept in
// the tree, as YAML readers that allow duplicates do).
import { parseDocument } from 'yaml';
import type { Span, Value } from '../value';
import { convertDocument } from './convertYaml';
import { readSimpleYaml } from './fastYaml';

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
  /** Values built while converting (alias expansions counted again): bounded by the input's size. */
  nodeCount: number;
}

const MODELINE = /^#\s*yaml-language-server\s*:.*\$schema=(\S+)/m;

/**
 * The fast reader for plain block YAML first (the usual inventory, read
 * several times faster); the general path for everything else, and for
 * anything the fast reader is not sure of.
 */
export function parseYaml(text: string, uri: string): YamlParseResult {
  const fast = readSimpleYaml(text, uri);
  if (fast) return { value: fast.value, errors: [], modelineSchema: MODELINE.exec(text.slice(0, 2000))?.[1], nodeCount: fast.nodeCount };
  return parseYamlGeneral(text, uri);
}

/** Through the `yaml` package: every YAML construct, every error. */
export function parseYamlGeneral(text: string, uri: string): YamlParseResult {
  const errors: YamlError[] = [];
  let value: Value | undefined;
  let nodeCount = 0;
  try {
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
    let exhausted = false;
    for (const e of [...doc.errors, ...doc.warnings]) {
      const [start, end] = e.pos;
      if (e.code === 'RESOURCE_EXHAUSTION' && /call stack/.test(e.message)) {
        // The package's composer ran out of stack: say so once, in words, not once per level unwound.
        if (!exhausted) errors.push({ span: { start, end: Math.max(end, start + 1) }, message: 'YAML nested too deeply to be read here; deeper values are not read', code: e.code });
        exhausted = true;
        continue;
      }
      errors.push({ span: { start, end: Math.max(end, start + 1) }, message: tidy(e.message), code: e.code });
    }
    // Documents after the first (`---`) are not part of the inventory.
    const converted = convertDocument(doc, text, uri, errors);
    value = converted?.value;
    nodeCount = converted?.nodeCount ?? 0;
    for (const start of converted?.duplicateKeyOffsets ?? []) errors.push(duplicateKey(text, start));
  } catch (err) {
    // The yaml package reports bad input as errors; it throws only when its recursive parser runs out
    // of stack (thousands of nested `? ` keys on one line), and this guards against other surprises.
    const span = { start: 0, end: Math.min(1, text.length) };
    if (err instanceof RangeError) errors.push({ span, message: 'YAML nested too deeply to be read; nothing in this file is read', code: 'NESTED_TOO_DEEPLY' });
    else errors.push({ span, message: `YAML could not be read: ${String(err)}`, code: 'INTERNAL' });
  }
  const modeline = MODELINE.exec(text.slice(0, 2000));
  return { value, errors, modelineSchema: modeline?.[1], nodeCount };
}

/** A repeated key, reported on the whole (later) key. */
function duplicateKey(text: string, start: number): YamlError {
  const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*(:|$)/m.exec(text.slice(start, start + 300))?.[1] ?? text.slice(start, start + 1);
  return { span: { start, end: start + Math.max(key.length, 1) }, message: `Duplicate key \`${key.replace(/^["']|["']$/g, '')}\``, code: 'DUPLICATE_KEY' };
}

function tidy(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
