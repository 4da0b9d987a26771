// The new container's entry in the inventory, inserted right after the last
// container of its host and written like that entry: the same indentation,
// the same order of keys, `services` as a flow list (`[a, b]`) or a block list
// as that entry has it, the calendar quoted the way it is quoted there, and a
// blank line before it only where entries are separated by one. Only the
// inserted lines are new; every other byte of the inventory stays.
import type { ContainerDecl, Inventory } from '../../model/inventory';
import type { TextEdit } from '../types';

/** Keys in the order written when the sample entry does not say. */
const CANONICAL = ['host', 'vmid', 'ip', 'hostname', 'profile', 'services', 'update'];

const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMBER = /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0[xo][0-9a-fA-F]+$/;

/** A YAML scalar: plain where it cannot be read as anything but this string, else double-quoted. */
export function yamlScalar(s: string, quote?: '"' | "'"): string {
  if (quote === "'") return `'${s.replace(/'/g, "''")}'`;
  if (quote === '"' || !/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(s) || RESERVED.test(s) || NUMBER.test(s)) return JSON.stringify(s);
  return s;
}

interface LineInfo {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    out.push({ start, end, text: text.slice(start, end).replace(/\r$/, '') });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

function indentOf(s: string): number {
  return /^ */.exec(s)?.[0].length ?? 0;
}

export interface EntryValue {
  key: string;
  /** A plain string (rendered as a scalar), a number, or a list of names. */
  value: string | number | string[];
  /** Keep the sample's quoting for this key (calendars). */
  quoteLikeSample?: boolean;
}

/** The edit adding `name:` with `fields` after the host's last container; `after` names that container. */
export function inventoryEntryEdit(text: string, inv: Inventory, host: string, name: string, fields: EntryValue[]): { edit: TextEdit; after?: string } | { error: string } {
  const all = [...inv.containers.values()];
  const onHost = all.filter((c) => c.host?.value === host);
  const sample: ContainerDecl | undefined = onHost[onHost.length - 1] ?? all[all.length - 1];
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  if (!sample) return appendSection(text, name, fields, nl);
  if (sample.keyOrigin.uri !== inv.uri) return { error: `${sample.name} is not written in ${inv.uri}` };
  const lines = linesOf(text);
  const keyLine = lines.findIndex((l) => l.start <= sample.keyOrigin.span.start && sample.keyOrigin.span.start <= l.end);
  if (keyLine < 0) return { error: `cannot find ${sample.name} in the inventory` };
  const keyIndent = sample.keyOrigin.span.start - lines[keyLine].start;
  const afterKey = text.slice(sample.keyOrigin.span.end, lines[keyLine].end).replace(/^["']?\s*:/, '').trim();
  if (afterKey !== '' && !afterKey.startsWith('#')) return { error: `${sample.name} is written on one line (flow style): add ${name} to the inventory by hand` };
  // The entry runs until a line at its own indentation or less.
  let last = keyLine;
  let childIndent: number | undefined;
  for (let i = keyLine + 1; i < lines.length; i++) {
    const t = lines[i].text;
    if (t.trim() === '') continue;
    if (indentOf(t) <= keyIndent) break;
    if (childIndent === undefined && !t.trim().startsWith('#')) childIndent = indentOf(t);
    last = i;
  }
  const child = ' '.repeat(childIndent ?? keyIndent + 2);
  const pad = ' '.repeat(keyIndent);
  // A blank line between entries where the entries before are separated by one.
  const previous = all[all.indexOf(sample) - 1];
  const separated = previous !== undefined && keyLine > 0 && lines[keyLine - 1].text.trim() === '';

  const order = sample.node.kind === 'attrs' ? [...sample.node.entries.keys()] : [];
  const rank = (k: string): number => {
    const i = order.indexOf(k);
    if (i >= 0) return i;
    // After the nearest key before it (in the canonical order) that the sample writes.
    const c = CANONICAL.indexOf(k);
    for (let j = c - 1; j >= 0; j--) {
      const at = order.indexOf(CANONICAL[j]);
      if (at >= 0) return at + 0.5 + c / 100;
    }
    return -1 + c / 100;
  };
  const sorted = [...fields].sort((a, b) => rank(a.key) - rank(b.key));

  const servicesNode = sample.node.kind === 'attrs' ? sample.node.entries.get('services')?.value : undefined;
  const flow = !servicesNode || text[servicesNode.origin.span.start] === '[' || servicesNode.kind !== 'list' || servicesNode.items.length === 0;
  let itemPad = `${child}  - `;
  if (!flow && servicesNode?.kind === 'list') {
    const first = servicesNode.items[0].origin.span.start;
    const line = lines.find((l) => l.start <= first && first <= l.end);
    if (line) itemPad = `${line.text.slice(0, first - line.start)}`;
  }
  const sampleQuote = (key: string): '"' | "'" | undefined => {
    const v = sample.node.kind === 'attrs' ? sample.node.entries.get(key)?.value : undefined;
    const q = v ? text[v.origin.span.start] : undefined;
    return q === '"' || q === "'" ? q : undefined;
  };

  const out: string[] = [`${pad}${yamlScalar(name)}:`];
  for (const f of sorted) {
    if (Array.isArray(f.value)) {
      if (flow) out.push(`${child}${f.key}: [${f.value.map((v) => yamlScalar(v)).join(', ')}]`);
      else out.push(`${child}${f.key}:`, ...f.value.map((v) => `${itemPad}${yamlScalar(v)}`));
    } else if (typeof f.value === 'number') out.push(`${child}${f.key}: ${f.value}`);
    else out.push(`${child}${f.key}: ${yamlScalar(f.value, f.quoteLikeSample ? (sampleQuote(f.key) ?? '"') : undefined)}`);
  }
  const at = lines[last].end < text.length ? lines[last].end + 1 : text.length;
  const lead = at === text.length && !text.endsWith('\n') ? nl : '';
  return { edit: { span: { start: at, end: at }, newText: `${lead}${separated ? nl : ''}${out.join(nl)}${nl}` }, after: sample.name };
}

/** No container yet: a `containers:` section at the end of the inventory. */
function appendSection(text: string, name: string, fields: EntryValue[], nl: string): { edit: TextEdit } | { error: string } {
  if (/^containers\s*:/m.test(text)) return { error: 'the inventory has a containers: section without entries in block style: add the container by hand' };
  const body = fields.map((f) =>
    Array.isArray(f.value) ? `    ${f.key}: [${f.value.map((v) => yamlScalar(v)).join(', ')}]` : `    ${f.key}: ${typeof f.value === 'number' ? f.value : yamlScalar(f.value, f.quoteLikeSample ? '"' : undefined)}`,
  );
  const lead = text === '' || text.endsWith('\n') ? '' : nl;
  return { edit: { span: { start: text.length, end: text.length }, newText: `${lead}${nl}containers:${nl}  ${yamlScalar(name)}:${nl}${body.join(nl)}${nl}` } };
}
