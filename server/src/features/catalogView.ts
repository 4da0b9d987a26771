// The settings catalog as the features see it: the model's catalog, completed
// from lib/defaults.nix's own text (keys, literal defaults, doc comments,
// definition lines) where the model has nothing from it yet (e.g. while the
// Nix evaluator cannot evaluate the defaults file). Never mutates the model.
import type { Catalog, CatalogEntry, SettingType } from '../model/catalog';
import { lookupSetting } from '../model/catalog';
import type { Homelab } from '../model/homelab';
import { docCommentAt, enumFromDoc } from '../model/nixText';
import type { SettingsBlock } from '../model/profiles';
import type { Workspace } from '../model/workspace';
import { nixString, showAttrName } from '../syntax/valueText';
import { identName, keysOf, literalOf, parsedNix, topSet, unparen } from './nixDoc';
import { spanOf } from '../syntax/value';

const views = new WeakMap<Catalog, { text: string | undefined; view: Catalog }>();

function typeOf(p: unknown): SettingType[] {
  if (typeof p === 'boolean') return ['boolean'];
  if (typeof p === 'string') return ['string'];
  if (typeof p === 'number') return Number.isInteger(p) ? ['integer'] : ['number'];
  if (Array.isArray(p)) return ['list'];
  if (p !== null && typeof p === 'object') return ['attrs'];
  return [];
}

export function catalogFor(ws: Workspace, h: Homelab): Catalog {
  const text = h.defaultsUri ? ws.text(h.defaultsUri) : undefined;
  const c = views.get(h.catalog);
  if (c && c.text === text) return c.view;
  const view: Catalog = { systemSettings: new Map(h.catalog.systemSettings), userSettings: new Map(h.catalog.userSettings) };
  if (h.defaultsUri && text !== undefined && !text.includes('\0')) {
    const p = parsedNix(h.defaultsUri, text);
    const top = topSet(p.root);
    for (const b of top?.bindings ?? []) {
      if (b.type !== 'AttrDef' || b.path.names.length !== 1) continue;
      const block = identName(b.path.names[0]);
      if (block !== 'systemSettings' && block !== 'userSettings') continue;
      const set = unparen(b.value);
      if (set.type !== 'AttrSet') continue;
      for (const { key, name, def } of keysOf(set)) {
        const lit = literalOf(def.value);
        const doc = docCommentAt(text, name.start);
        const cur = view[block].get(key);
        const definition = { uri: h.defaultsUri, span: spanOf(name) };
        if (!cur) {
          view[block].set(key, {
            key,
            block,
            types: lit ? typeOf(lit.value) : [],
            default: lit?.value,
            description: doc,
            enum: enumFromDoc(doc),
            definition,
            reads: [],
            sources: ['defaults'],
          });
        } else if (!cur.sources.includes('defaults')) {
          const merged: CatalogEntry = { ...cur, definition: cur.definition?.uri === h.defaultsUri ? cur.definition : definition };
          if (merged.default === undefined && lit) merged.default = lit.value;
          if (!merged.description && doc) merged.description = doc;
          if (!merged.enum) merged.enum = enumFromDoc(doc);
          if (!merged.types.length && lit) merged.types = typeOf(lit.value);
          view[block].set(key, merged);
        }
      }
    }
  }
  views.set(h.catalog, { text, view });
  return view;
}
/** Nix text of a plain value (for defaults shown in docs and inserted values); strings and names as `valueText` writes them. */
export function nixText(v: unknown): string {
  if (v === undefined) return '…';
  if (v === null) return 'null';
  if (typeof v === 'string') return nixString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length ? `[ ${v.map(nixText).join(' ')} ]` : '[ ]';
  if (typeof v === 'object') {
    const e = Object.entries(v as Record<string, unknown>);
    return e.length ? `{ ${e.map(([k, x]) => `${showAttrName(k)} = ${nixText(x)};`).join(' ')} }` : '{ }';
  }
  return String(v);
}

const TYPE_WORDS: Record<SettingType, string> = {
  boolean: 'boolean',
  string: 'string',
  integer: 'integer',
  number: 'number',
  list: 'list',
  attrs: 'attribute set',
  path: 'path',
  null: 'null',
};

export function typeWords(e: CatalogEntry): string {
  if (e.enum?.length) return `one of ${e.enum.map((x) => nixText(x)).join(', ')}`;
  return e.types.length ? e.types.map((t) => TYPE_WORDS[t]).join(' or ') : 'any';
}

/** Markdown documentation of a catalog entry. */
export function entryDoc(e: CatalogEntry): string {
  const parts: string[] = [];
  if (e.deprecated) parts.push(`**Deprecated**${e.deprecated.replacement ? `: use \`${e.deprecated.replacement}\`` : ''}${e.deprecated.message ? ` — ${e.deprecated.message}` : ''}`);
  if (e.description) parts.push(e.description);
  parts.push(`Type: ${typeWords(e)}` + (e.default !== undefined ? `  \nDefault: \`${nixText(e.default)}\`` : ''));
  return parts.join('\n\n');
}
