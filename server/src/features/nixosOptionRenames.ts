// Renamed, aliased and removed options (`mkRenamedOptionModule` & co., read
// into the option index) in hover and completion of NixOS / Home Manager
// options: hover on an old path says what it became — the new path with the
// new option's description and type — or the removal's message; completion
// never offers an old name as an option, but typing one offers its new path.
import type { Homelab } from '../model/homelab';
import type { OptionDecl, RenameMatch } from '../model/options';
import type { OptionLookup } from '../model/options/union';
import type { Workspace } from '../model/workspace';
import type { Span } from '../syntax/value';
import { fileLine } from './describe';
import type { CompletionItem } from './types';

/** What the module does to the old path, by the function that declares it. */
function verb(kind: string): string {
  if (kind === 'mkAliasOptionModule') return 'An alias of';
  if (kind === 'mkChangedOptionModule' || kind === 'mkMergedOptionModule') return 'Replaced by';
  return 'Renamed to';
}

export function optionSummary(o: OptionDecl): string {
  return `${o.description ?? ''}\n\n*Type:* ${o.type}${o.default !== undefined ? ` · *default:* \`${o.default}\`` : ''}`;
}

/** The hover paragraphs of an old path: what it became (the new option's documentation) or why it was removed. */
export function renameHover(ws: Workspace, h: Homelab, index: OptionLookup | undefined, m: RenameMatch): string[] {
  const r = m.rename;
  const where = `${r.kind}, ${fileLine(ws, h, r.declaredAt.uri, r.declaredAt.span.start)}`;
  if (!m.now) return [`**Removed** (${where})${r.removed ? `: ${r.removed.trim()}` : '.'}`];
  const now = m.now.join('.');
  const out = [`**${verb(r.kind)}** \`${now}\` (${where}): set \`${now}\` instead.`];
  const o = index?.lookup(m.now);
  if (o) out.push(`**${now}**\n\n${optionSummary(o)}`);
  return out;
}

/** The option at `path` that a module declares, not one that only stands for an old name (a rename declares one). */
export function declaredOption(index: OptionLookup | undefined, path: readonly string[]): ReturnType<OptionLookup['lookup']> {
  const o = index?.lookup(path);
  return o?.oldName ? undefined : o;
}

/** Whether a path is an old name (renamed or removed) that no tree of the file still declares: not to be offered. */
export function isOldName(index: OptionLookup | undefined, path: readonly string[]): boolean {
  return !!index?.renameOf(path) && !declaredOption(index, path);
}

/** The value part of an inserted option (`= ${1|true,false|};`…) for its type. */
export function valueSnippet(type: string): string {
  return type === 'boolean' ? '${1|true,false|}' : /^list of/.test(type) ? '[ $1 ]' : /^(string|null or string)/.test(type) ? '"$1"' : '$1';
}

/**
 * Completion items for the names renamed below `path` (the option path of the
 * typed `done` segments): matched by the old name, inserting the new path
 * where it lies in the same set. Removed names and old names still declared
 * are not offered.
 */
export function renameItems(index: OptionLookup, path: string[], done: string[], replace: Span, hasValue: boolean): CompletionItem[] {
  // The option path of the set being written in: `path` less what was typed.
  const setPath = path.slice(0, path.length - done.length);
  const out: CompletionItem[] = [];
  for (const m of index.renamesUnder(path)) {
    const oldName = m.rename.from[m.rename.from.length - 1];
    if (!m.now || oldName === '<name>' || declaredOption(index, [...path, oldName])) continue;
    if (!setPath.every((s, i) => m.now?.[i] === s) || m.now.length <= setPath.length) continue;
    const oldLabel = [...done, oldName].join('.');
    const newLabel = m.now.slice(setPath.length).join('.');
    const o = index.lookup(m.now);
    out.push({
      label: `${oldLabel} → ${newLabel}`,
      kind: o?.type === 'boolean' ? 'flag' : 'setting',
      detail: `${verb(m.rename.kind).toLowerCase()} ${m.now.join('.')}`,
      documentation: `\`${[...path, oldName].join('.')}\` → \`${m.now.join('.')}\`${o ? `\n\n${optionSummary(o)}` : ''}`,
      insertText: hasValue ? newLabel : `${newLabel} = ${valueSnippet(o?.type ?? 'unknown')};`,
      snippet: !hasValue,
      filterText: oldLabel,
      replace,
      sortText: `3_${oldLabel}`,
    });
  }
  return out;
}
