// The on-disk / cross-thread form of an option index: compact JSON (one tuple
// per option, file URIs in one table, flags as bits), so a 20,000-option
// index is a few megabytes that parse in tens of milliseconds. `fromJson`
// never throws on a bad or foreign file: it answers undefined.
import type { OptionDecl, OptionIndexData, Rename } from './types';

/** Bumped whenever the scan or this format changes: older caches are rebuilt. */
export const INDEX_FORMAT = 2;

const READ_ONLY = 1;
const INTERNAL = 2;
const HIDDEN = 4;
const FREEFORM = 8;
const OLD_NAME = 16;

type OptionTuple = [string[], string, string | null, string | null, string | null, number, number, number, number];
type RenameTuple = [string[], string[] | null, string | null, string, number, number, number];

interface Serialised {
  format: number;
  files: string[];
  options: OptionTuple[];
  renames: RenameTuple[];
  stats: OptionIndexData['stats'];
}

export function toJson(data: OptionIndexData): string {
  const files: string[] = [];
  const fileIds = new Map<string, number>();
  const fileId = (uri: string): number => {
    let id = fileIds.get(uri);
    if (id === undefined) {
      id = files.length;
      files.push(uri);
      fileIds.set(uri, id);
    }
    return id;
  };
  const options = data.options.map((o): OptionTuple => [
    o.path,
    o.type,
    o.default ?? null,
    o.example ?? null,
    o.description ?? null,
    fileId(o.declaredAt.uri),
    o.declaredAt.span.start,
    o.declaredAt.span.end,
    (o.readOnly ? READ_ONLY : 0) | (o.internal ? INTERNAL : 0) | (o.visible === false ? HIDDEN : 0) | (o.freeform ? FREEFORM : 0) | (o.oldName ? OLD_NAME : 0),
  ]);
  const renames = data.renames.map((r): RenameTuple => [r.from, r.to ?? null, r.removed ?? null, r.kind, fileId(r.declaredAt.uri), r.declaredAt.span.start, r.declaredAt.span.end]);
  const out: Serialised = { format: INDEX_FORMAT, files, options, renames, stats: data.stats };
  return JSON.stringify(out);
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/** The index in `text`, or undefined when it is not one of this format. */
export function fromJson(text: string): OptionIndexData | undefined {
  let s: Serialised;
  try {
    s = JSON.parse(text) as Serialised;
  } catch {
    return undefined;
  }
  if (!s || s.format !== INDEX_FORMAT || !Array.isArray(s.files) || !Array.isArray(s.options) || !Array.isArray(s.renames)) return undefined;
  const files = s.files;
  const options: OptionDecl[] = [];
  for (const t of s.options) {
    if (!Array.isArray(t) || t.length !== 9 || !isStrings(t[0]) || typeof t[1] !== 'string' || typeof files[t[5]] !== 'string') return undefined;
    const o: OptionDecl = { path: t[0], type: t[1], declaredAt: { uri: files[t[5]], span: { start: t[6], end: t[7] } } };
    if (t[2] !== null) o.default = t[2];
    if (t[3] !== null) o.example = t[3];
    if (t[4] !== null) o.description = t[4];
    if (t[8] & READ_ONLY) o.readOnly = true;
    if (t[8] & INTERNAL) o.internal = true;
    if (t[8] & HIDDEN) o.visible = false;
    if (t[8] & FREEFORM) o.freeform = true;
    if (t[8] & OLD_NAME) o.oldName = true;
    options.push(o);
  }
  const renames: Rename[] = [];
  for (const t of s.renames) {
    if (!Array.isArray(t) || t.length !== 7 || !isStrings(t[0]) || typeof files[t[4]] !== 'string') return undefined;
    const r: Rename = { from: t[0], kind: t[3], declaredAt: { uri: files[t[4]], span: { start: t[5], end: t[6] } } };
    if (t[1] !== null) r.to = t[1];
    if (t[2] !== null) r.removed = t[2];
    renames.push(r);
  }
  return { options, renames, stats: s.stats ?? { files: 0, declaring: 0, ms: 0 } };
}
