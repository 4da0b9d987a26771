// Completion and hover of standard NixOS options in any module of the
// workspace (not profiles): option paths wherever a module sets them — top
// level, inside `services.nginx = { | }`, `config = { }`, `lib.mkIf c { }`,
// `lib.mkMerge [ { } ]`, a hive's nodes, dotted `services.ng|` — and values of
// boolean and enum options; hover shows the documentation, type and default,
// and the effective value on each machine that imports the file, with the
// places that set it (after mkDefault / mkForce / mkIf, across its modules).
// A renamed or removed option is never offered; hover on one says what it
// became or why it went (nixosOptionRenames.ts).
// The options are the file's own (model/options/scopes.ts): its machines'
// nixpkgs for a NixOS module, Home Manager's in a Home Manager module and
// under `home-manager.users.<u>`, never the other's; the built-in NixOS
// documentation only where NixOS options are.
import type * as A from '../syntax/nix/ast';
import { bindingKeys } from '../syntax/nix/navigate';
import { nodeAt } from '../syntax/nix/navigate';
import type { Homelab } from '../model/homelab';
import type { NixosMachine } from '../model/machines/machine';
import { effectiveOption } from '../model/machines/moduleSystem';
import { NIXOS_OPTION_DOCS, nixosOptionDoc, nixosOptionsUnder, type NixosOptionDoc } from '../model/machines/nixosOptionDocs';
import type { Workspace } from '../model/workspace';
import { fileKinds, homeManagerPath, type OptionKind, type OptionScopes } from '../model/options/scopes';
import { OptionUnion, type OptionLookup } from '../model/options/union';
import type { Span, Value } from '../syntax/value';
import { valueText } from '../syntax/valueText';
import { fileLine } from './describe';
import { declaredOption, isOldName, optionSummary, renameHover, renameItems, valueSnippet } from './nixosOptionRenames';
import { contains, parsedNix } from './nixDoc';
import type { CompletionItem, HoverResult } from './types';
import { spanOf } from '../syntax/value';

const ROOTS = new Set(NIXOS_OPTION_DOCS.map((d) => d.path.split('.')[0]));
const DOTTED_TAIL = /[A-Za-z_][\w'.-]*$|$/;

/** Whether NixOS options are offered in this file: any Nix file but the defaults and the profile convention's profiles (unless a machine imports it). */
export function isModuleFile(h: Homelab, uri: string): boolean {
  if (!uri.endsWith('.nix') || uri === h.defaultsUri) return false;
  return !h.profiles.has(uri) || [...h.nixosMachines.values()].some((m) => m.moduleFiles.includes(uri));
}

/**
 * The option path of the set holding `node`: the keys of the bindings it sits
 * in, looking through function bodies, `let … in`, `with`, parentheses,
 * applications (`lib.mkIf c { }`) and lists (`lib.mkMerge [ ]`). Undefined in
 * a `let` binding or any other place that is not configuration.
 */
function setPath(node: A.Node): string[] | undefined {
  const out: string[] = [];
  let child: A.Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    switch (n.type) {
      case 'AttrDef': {
        if (child !== n.value) return undefined;
        const k = bindingKeys(n);
        if (!k) return undefined;
        out.unshift(...k);
        break;
      }
      case 'Let':
        if ((n.bindings as A.Node[]).includes(child)) return undefined;
        break;
      case 'AttrSet':
      case 'Apply':
      case 'List':
      case 'Paren':
      case 'Lambda':
      case 'With':
      case 'Assert':
      case 'If':
      case 'Binary':
        break;
      default:
        return undefined;
    }
  }
  return out;
}

/** Where a set's path lands: the option path in its trees, their view, and the kind of options it is. */
interface Located {
  path: string[];
  /** The hive's or flake's node the set is in (`web = { … }`). */
  node?: string;
  kind: OptionKind;
  index?: OptionLookup;
  /** The path on the machine, for its effective value (undefined in a Home Manager module: not the machine's). */
  onMachine?: string[];
}

/**
 * From a set's path to an option path: drops a module's `config` and a hive's
 * or flake's node name (returned as `node`); `home-manager.users.<u>.…` is
 * Home Manager's. `minHomeRest` 0 for completion right below a user's module.
 */
function locate(scopes: OptionScopes | undefined, h: Homelab, uri: string, path: string[], minHomeRest = 1): Located | undefined {
  let p = path;
  if (p[0] === 'imports' || p[0] === 'options' || p[0] === 'meta') return undefined;
  const kinds = fileKinds(h, uri);
  const homeView = (): OptionLookup | undefined => scopes?.view(h, uri, 'home-manager');
  if (!kinds.includes('nixos')) {
    // A Home Manager module: no hive nodes in it.
    if (p[0] === 'config') p = p.slice(1);
    return { path: p, kind: 'home-manager', index: homeView() };
  }
  const nixos = scopes?.view(h, uri, 'nixos');
  const index = kinds.includes('home-manager') ? OptionUnion.of([nixos, homeView()].filter((x): x is OptionLookup => x !== undefined)) : nixos;
  let node: string | undefined;
  const isRoot = (name: string): boolean => ROOTS.has(name) || name === 'home-manager' || (index?.childrenOf([]).some((c) => c.name === name) ?? false);
  if (p.length && !isRoot(p[0]) && p[0] !== 'config') [node, ...p] = p; // `web = { … }` in a hive
  if (p[0] === 'config') p = p.slice(1);
  const rest = homeManagerPath(p, minHomeRest);
  if (rest) return { path: rest, node, kind: 'home-manager', index: homeView(), onMachine: p };
  return { path: p, node, kind: 'nixos', index, onMachine: p };
}

function docMarkdown(d: NixosOptionDoc): string {
  return `${d.doc}\n\n*Type:* ${d.type}${d.default !== undefined ? ` · *default:* \`${d.default}\`` : ''}`;
}

/** Options of the index under `path`, as completion items (an option: `a.b = value;`; a set of options: `a.b.`). */
function indexItems(index: OptionLookup, path: string[], done: string[], typedStart: number, end: number, hasValue: boolean): CompletionItem[] {
  const out: CompletionItem[] = [];
  // Old names (renamed or removed) that no tree declares any more are not options: one pass over the renames here.
  const old = new Set(index.renamesUnder(path).map((m) => m.rename.from[m.rename.from.length - 1]).filter((n) => n !== '<name>'));
  for (const child of index.childrenOf(path)) {
    if (child.option?.internal || child.option?.visible === false || ((!child.option || child.option.oldName) && old.has(child.name))) continue;
    const name = child.name === '<name>' ? 'name' : child.name;
    const label = [...done, name].join('.');
    const o = child.option;
    if (!o) {
      out.push({ label, kind: 'key', detail: 'options', insertText: `${label}.`, filterText: label, replace: { start: typedStart, end }, sortText: `2_${label}` });
      continue;
    }
    const value = valueSnippet(o.type);
    out.push({
      label,
      kind: o.type === 'boolean' ? 'flag' : 'setting',
      detail: `${o.type}${o.default !== undefined ? ` · default ${o.default}` : ''}`,
      documentation: `**${o.path.join('.')}**\n\n${optionSummary(o)}`,
      insertText: hasValue ? label : `${label} = ${value};`,
      snippet: !hasValue,
      filterText: label,
      replace: { start: typedStart, end },
      sortText: `1_${label}`,
    });
  }
  return out;
}

/** The value a chosen one replaces: the word around the cursor, with its quotes (an editor closes `"` as it is typed). */
function valueSpan(text: string, offset: number): Span {
  const start = offset - (/[\w"-]*$/.exec(text.slice(Math.max(0, offset - 200), offset))?.[0].length ?? 0);
  let end = offset + (/^[\w-]*/.exec(text.slice(offset, offset + 200))?.[0].length ?? 0);
  if (text[start] === '"' && text[end] === '"' && end > start) end++;
  return { start, end };
}

export function completeNixosOption(h: Homelab, uri: string, text: string, offset: number, scopes?: OptionScopes): CompletionItem[] | undefined {
  if (!isModuleFile(h, uri)) return undefined;
  const p = parsedNix(uri, text);
  const node = nodeAt(p.root, offset);
  if (!node) return undefined;
  let set: A.AttrSet | undefined;
  let def: A.AttrDef | undefined;
  for (let n: A.Node | undefined = node; n; n = n.parent) {
    if (n.type === 'AttrDef' && !def) def = n;
    if (n.type === 'AttrSet') {
      set = n;
      break;
    }
  }
  if (!set) return undefined;
  const base = setPath(set);
  if (!base) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  // `key = |` on its own line before the set's closing brace parses otherwise: the line says it.
  const typedKey = /^\s*([A-Za-z_][\w'-]*(?:\.[A-Za-z_][\w'-]*)*)\s*=\s*[\w"-]*$/.exec(before)?.[1];
  const valueOfDef = def && def.parent === set && !contains(def.path, offset);
  if (valueOfDef || typedKey) {
    // `key = |`: values of a boolean or enum option.
    if (valueOfDef && def) {
      const eq = text.indexOf('=', def.path.end);
      if (eq < 0 || offset <= eq) return undefined;
    }
    const keys = valueOfDef && def ? bindingKeys(def) : typedKey?.split('.');
    const at = keys && locate(scopes, h, uri, [...base, ...keys]);
    const path = at?.path;
    const indexed = path ? at?.index?.lookup(path) : undefined;
    const doc = path && at?.kind === 'nixos' ? nixosOptionDoc(path) : undefined;
    const enumValues = indexed ? [...(/^(?:null or )?one of (.*)$/.exec(indexed.type)?.[1] ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => `"${m[1]}"`) : [];
    if (indexed && (indexed.type === 'boolean' || enumValues.length) && !doc?.values) {
      const values = indexed.type === 'boolean' ? ['true', 'false'] : enumValues;
      const replace = valueSpan(text, offset);
      return values.map((v, i) => ({ label: v, kind: indexed.type === 'boolean' ? 'value' : 'enum', insertText: v, replace, sortText: String(i), detail: indexed.type }));
    }
    if (!doc?.values) return undefined;
    const replace = valueSpan(text, offset);
    return doc.values.map((v, i) => ({ label: v, kind: 'value', insertText: v, replace, sortText: String(i), detail: doc.type }));
  }
  const typed = DOTTED_TAIL.exec(before)?.[0] ?? '';
  const typedStart = offset - typed.length;
  // A key is typed at the start of a binding: after `{`, `;`, a comment or the line's start.
  const lead = text.slice(0, typedStart).replace(/\s+$/, '');
  if (lead.length && !/[{;]$/.test(lead) && !/(#[^\n]*|\*\/)$/.test(lead) && !text.slice(lead.length, typedStart).includes('\n')) return undefined;
  const parts = typed.split('.');
  const done = parts.slice(0, -1);
  const at = locate(scopes, h, uri, [...base, ...done], 0);
  if (!at) return undefined;
  const { path, index } = at;
  let end = offset;
  while (end < text.length && /[\w'-]/.test(text[end])) end++;
  const hasValue = /^\s*=/.test(text.slice(end, end + 40));
  // The index (nixpkgs, Home Manager, the workspace's own modules) first; the built-in docs fill in.
  const items: CompletionItem[] = index ? indexItems(index, path, done, typedStart, end, hasValue) : [];
  const seen = new Set<string>(items.map((i) => i.label));
  for (const { doc, rest } of at.kind === 'nixos' ? nixosOptionsUnder(path) : []) {
    const label = [...done, ...rest].join('.');
    if (seen.has(label) || isOldName(index, [...path, ...rest])) continue;
    seen.add(label);
    let stop = 0;
    const snippetRest = rest.map((s) => (s === '<name>' ? `\${${++stop}:name}` : s)).join('.');
    const valueStop = ++stop;
    const valueSnippet = doc.values ? `\${${valueStop}|${doc.values.join(',')}|}` : doc.type.startsWith('list') ? `[ $${valueStop} ]` : `$${valueStop}`;
    items.push({
      label,
      kind: doc.values ? 'flag' : 'setting',
      detail: `${doc.type}${doc.default !== undefined ? ` · default ${doc.default}` : ''}`,
      documentation: `**${doc.path}**\n\n${docMarkdown(doc)}`,
      insertText: `${[...done, snippetRest].filter(Boolean).join('.')}${hasValue ? '' : ` = ${valueSnippet};`}`,
      snippet: true,
      filterText: label,
      replace: { start: typedStart, end },
      sortText: `${rest.length}_${label}`,
    });
  }
  // An old name typed offers its new path (matched by the old name).
  if (index) items.push(...renameItems(index, path, done, { start: typedStart, end }, hasValue));
  return items;
}

/** Machines whose modules include the file. */
function machinesOf(h: Homelab, uri: string): NixosMachine[] {
  return [...h.nixosMachines.values()].filter((m) => m.moduleFiles.includes(uri));
}

/** An effective value, short enough for a hover line. */
function effectiveText(v: Value): string {
  return valueText(v, {
    path: (p) => p.value.slice(p.value.lastIndexOf('/') + 1),
    unknown: (u) => `(not known statically: ${u.reason})`,
    maxDepth: 3,
    maxItems: 8,
    maxEntries: 6,
  });
}

/** The option path a module sets at `offset` (up to the name under the cursor), with the hive node it is in, the key's span and the file's options there. */
export function optionAt(ws: Workspace, h: Homelab, uri: string, offset: number): (Located & { span: Span }) | undefined {
  const text = ws.text(uri);
  if (text === undefined || !isModuleFile(h, uri)) return undefined;
  const node = nodeAt(parsedNix(uri, text).root, offset);
  let def: A.AttrDef | undefined;
  for (let n: A.Node | undefined = node; n; n = n.parent) if (n.type === 'AttrDef' && contains(n.path, offset)) def = n;
  if (!def || !def.parent) return undefined;
  const base = setPath(def.parent);
  const keys = bindingKeys(def);
  if (!base || !keys) return undefined;
  const names = def.path.names;
  const upto = names.findIndex((n) => contains(n, offset));
  const shown = upto >= 0 ? keys.slice(0, upto + 1) : keys;
  const located = locate(ws.optionIndex, h, uri, [...base, ...shown]);
  if (!located || !located.path.length) return undefined;
  const span = upto >= 0 ? { start: names[0].start, end: names[upto].end } : spanOf(def.path);
  return { ...located, span };
}

export function hoverNixosOption(ws: Workspace, h: Homelab, uri: string, offset: number): HoverResult | undefined {
  const at = optionAt(ws, h, uri, offset);
  if (!at) return undefined;
  const { path, span } = at;
  const indexed = declaredOption(at.index, path);
  const doc = at.kind === 'nixos' ? nixosOptionDoc(path) : undefined;
  const renamed = at.index?.renameOf(path);
  const under = doc || indexed || renamed || at.kind !== 'nixos' ? [] : nixosOptionsUnder(path);
  if (!doc && !indexed && !under.length && !renamed) return undefined;
  const parts = [`**${path.join('.')}**`];
  if (indexed) {
    parts.push(`${indexed.description ?? doc?.doc ?? ''}\n\n*Type:* ${indexed.type}${indexed.default !== undefined ? ` · *default:* \`${indexed.default}\`` : ''}`);
    parts.push(`Declared in ${fileLine(ws, h, indexed.declaredAt.uri, indexed.declaredAt.span.start)}`);
    // Declared in one of the file's trees, renamed or removed in another.
    if (renamed) parts.push(`In another module tree of this file: ${renameHover(ws, h, at.index, renamed).join('\n\n')}`);
  } else if (renamed) parts.push(...renameHover(ws, h, at.index, renamed));
  else if (doc) parts.push(docMarkdown(doc));
  else parts.push(`Options under it: ${[...new Set(under.map((u) => `\`${u.rest.join('.')}\``))].slice(0, 12).join(', ')}`);
  const nodeMachine = at.node !== undefined ? h.nixosMachines.get(at.node) : undefined;
  // A Home Manager module's values are not the machine's options: no effective value for it.
  const onMachine = at.onMachine;
  const machines = onMachine ? (nodeMachine ? [nodeMachine] : machinesOf(h, uri)).slice(0, 5) : [];
  for (const m of machines) {
    const e = onMachine && effectiveOption(m.configs, onMachine);
    if (!e) continue;
    const where = e.defs.slice(0, 4).map((o) => (o.uri === uri ? 'here' : fileLine(ws, h, o.uri, o.span.start)));
    parts.push(`Effective on **${m.name}**: \`${effectiveText(e.value)}\` — set ${where.join(', ')}${e.defs.length > 4 ? ' …' : ''}`);
  }
  return { contents: parts.join('\n\n'), span };
}
