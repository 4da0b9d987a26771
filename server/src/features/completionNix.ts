// Completion inside Nix profiles: settings and flags of the block under the
// cursor, values by type and kind (free addresses, machines' addresses, ports,
// scrape targets), `import ./` paths, and a whole profile in an empty file.
import type { CatalogEntry } from '../model/catalog';
import type { Homelab } from '../model/homelab';
import type { Workspace } from '../model/workspace';
import { dirnameUri, relativeUri } from '../model/uri';
import { catalogFor, entryDoc, nixText, typeWords } from './catalogView';
import { fieldKind } from './fieldKinds';
import {
  machineForConfig,
  machineServices,
  freeAddresses,
  addressedMachines,
  networkForMachine,
} from './homelabInfo';
import { keysOf, literalOf, nixContextAt, parsedNix, settingsSets } from './nixDoc';
import { settingChain } from './settingChain';
import type { CompletionItem, IsCancelled } from './types';
import type { Span } from '../syntax/value';
import { snippetBody, snippetDescription, withDefault, withPlaceholder } from './snippets';

const FLAG_PREFIX = /En(a(b(le?)?)?)?$/;

function valueSnippet(e: CatalogEntry): string {
  if (e.enum?.length) return typeof e.enum[0] === 'string' ? `"\${1|${e.enum.map((x) => String(x).replace(/[,|]/g, '')).join(',')}|}"` : `\${1|${e.enum.join(',')}|}`;
  const t = e.types[0];
  switch (t) {
    case 'boolean':
      return '${1|true,false|}';
    case 'string':
    case 'path':
      return '"$1"';
    case 'list':
      return '[ $1 ]';
    case 'attrs':
      return '{ $1 }';
    case 'integer':
    case 'number':
      return `\${1:${e.default !== undefined ? String(e.default) : '0'}}`;
    default:
      return '$1';
  }
}

/**
 * A catalog entry's detail and documentation, made once per entry: the same
 * for every keystroke while the catalog stands (its entries are not changed
 * once made), and building them for each of a few hundred keys on every
 * keystroke was most of what a completion allocated.
 */
const entryTexts = new WeakMap<CatalogEntry, { detail: string; doc: string }>();

function textsOf(e: CatalogEntry): { detail: string; doc: string } {
  let t = entryTexts.get(e);
  if (!t) {
    t = { detail: `${typeWords(e)}${e.default !== undefined ? ` · default ${nixText(e.default)}` : ''}`, doc: entryDoc(e) };
    entryTexts.set(e, t);
  }
  return t;
}

function settingItems(ws: Workspace, h: Homelab, uri: string, text: string, offset: number): CompletionItem[] | undefined {
  const ctx = nixContextAt(uri, text, offset);
  if (ctx.kind === 'settingKey') {
    const cat = catalogFor(ws, h)[ctx.block];
    const present = new Set(keysOf(ctx.set).filter((k) => k.name !== ctx.nameNode).map((k) => k.key));
    const flagsFirst = FLAG_PREFIX.test(ctx.prefix);
    const items: CompletionItem[] = [];
    for (const e of cat.values()) {
      if (present.has(e.key)) continue;
      const isFlag = /Enable$/.test(e.key) && (e.types.length === 0 || e.types.includes('boolean'));
      const starts = e.key.startsWith(ctx.prefix);
      const rank = e.deprecated ? 5 : flagsFirst ? (isFlag ? (starts ? 0 : 2) : starts ? 1 : 3) : starts ? 1 : 3;
      const texts = textsOf(e);
      items.push({
        label: e.key,
        kind: isFlag ? 'flag' : 'setting',
        detail: texts.detail,
        documentation: texts.doc,
        deprecated: e.deprecated ? true : undefined,
        insertText: ctx.hasEquals ? e.key : `${e.key} = ${valueSnippet(e)};`,
        snippet: !ctx.hasEquals,
        replace: ctx.replace,
        sortText: `${rank}_${e.key}`,
      });
    }
    return items;
  }
  if (ctx.kind === 'settingValue') {
    const e = catalogFor(ws, h)[ctx.block].get(ctx.key);
    const quoted = ctx.str === undefined;
    const q = (s: string): string => (quoted ? JSON.stringify(s) : s);
    const item = (label: string, kind: CompletionItem['kind'], rank: number, extra: Partial<CompletionItem> = {}): CompletionItem => ({
      label,
      kind,
      insertText: label,
      replace: ctx.replace,
      sortText: `${rank}_${String(rank === 0 ? 0 : 1).padStart(1)}`,
      ...extra,
    });
    const out: CompletionItem[] = [];
    const kind = fieldKind(ctx.key, ctx.subKeys);
    const machine = machineForConfig(h, uri);
    if (kind === 'own-address') {
      const chain = settingChain(ws, h, uri, ctx.block, 'defaultGateway');
      const gw = chain.map((l) => literalOf(parsedValue(ws, l.valueUri, l.valueSpan))?.value).find((v) => typeof v === 'string' && v !== '') as string | undefined;
      const net = networkForMachine(h, machine, gw);
      // The inventory's own address for this container agrees with it by definition.
      const declared = ctx.key === 'ipAddress' ? machine?.decl?.ip?.value : undefined;
      if (declared)
        out.push(item(declared, 'address', 0, { insertText: q(declared), detail: `the inventory's ip of ${machine?.name}`, sortText: '0_', preselect: true, filterText: quoted ? `"${declared}"` : declared }));
      if (net) {
        freeAddresses(h, net, 5, [], (u) => ws.text(u)).forEach((a, i) =>
          out.push(item(a, 'address', 0, { insertText: q(a), detail: `free in ${net.name} (${net.cidr.key})`, sortText: `0_${String(i).padStart(3, '0')}`, preselect: (i === 0 && !declared) || undefined, filterText: quoted ? `"${a}"` : a })),
        );
      }
      return out;
    }
    if (kind === 'machine-address' || kind === 'machine-address-list') {
      if (kind === 'machine-address-list' && !ctx.inList && quoted) return [item('[ ]', 'value', 0, { insertText: '[ $1 ]', snippet: true })];
      const net = networkForMachine(h, machine);
      const preferred = new Set<string>();
      const nd = net ? h.inventory?.networks.get(net.name) : undefined;
      if (nd?.gateway) preferred.add(nd.gateway.value);
      for (const d of nd?.dns ?? []) preferred.add(d.value);
      addressedMachines(h).forEach((m, i) => {
        if (machine && m.name === machine.name) return;
        const rank = preferred.has(m.address) ? 0 : 1;
        out.push(
          item(m.address, 'address', rank, {
            insertText: q(m.address),
            detail: `${m.name}${m.runs ? ` — ${m.runs}` : ''}`,
            sortText: `${rank}_${String(i).padStart(3, '0')}`,
            filterText: quoted ? `"${m.address}"` : m.address,
          }),
        );
      });
      return out;
    }
    if (kind === 'port-list' || kind === 'port') {
      if (kind === 'port-list' && !ctx.inList) return [item('[ ]', 'value', 0, { insertText: '[ $1 ]', snippet: true })];
      const own = machineServices(h, machine);
      const seen = new Set<number>();
      own.forEach((s) => {
        if (s.port === undefined || seen.has(s.port)) return;
        seen.add(s.port);
        out.push(item(String(s.port), 'port', 0, { detail: `${s.name} (this container)`, sortText: `0_${String(s.port).padStart(5, '0')}` }));
      });
      for (const s of h.services.values()) {
        if (s.port === undefined || seen.has(s.port) || !s.decl) continue;
        seen.add(s.port);
        out.push(item(String(s.port), 'port', 1, { detail: s.name, sortText: `1_${String(s.port).padStart(5, '0')}` }));
      }
      return out;
    }
    if (kind === 'scrape-targets' && ctx.inList) {
      const scraped = new Set<string>();
      const p = parsedNix(uri, text);
      for (const s of settingsSets(p.root)) for (const k of keysOf(s.set)) if (k.key === ctx.key) for (const m of text.slice(k.def.start, k.def.end).matchAll(/host\s*=\s*"([^"]+)"/g)) scraped.add(m[1]);
      let i = 0;
      for (const c of h.machines.values()) {
        if (!c.ip || scraped.has(c.ip.value)) continue;
        const name = c.name.replace(/^LXC_/, 'lxc_').toLowerCase();
        const shipped = snippetBody('nix', 'Scrape target');
        const body = shipped
          ? withDefault(withDefault(shipped, 'name =', name).replace(/host = "\$\{2:[^}]*\}"/, `host = "${c.ip.value}"`), 'nodePort', '9100')
          : `{ name = "\${1:${name}}"; host = "${c.ip.value}"; nodePort = \${3:9100}; cadvisorPort = \${4:9092}; }`;
        out.push(
          item(`{ name = "${name}"; host = "${c.ip.value}"; … }`, 'snippet', 0, {
            insertText: body,
            snippet: true,
            detail: `scrape ${c.name}`,
            sortText: `0_${String(i++).padStart(3, '0')}`,
          }),
        );
      }
      return out;
    }
    if (!e) return out;
    if (e.enum?.length) {
      e.enum.forEach((v, i) => out.push(item(typeof v === 'string' ? q(v) : String(v), 'enum', 0, { sortText: `0_${String(i).padStart(3, '0')}`, insertText: typeof v === 'string' ? q(v) : String(v) })));
      return out;
    }
    if (quoted && e.types.includes('boolean')) {
      const def = e.default === true;
      out.push(item('true', 'value', def ? 1 : 0), item('false', 'value', def ? 0 : 1));
      return out;
    }
    if (quoted && (e.types.includes('string') || e.types.includes('path'))) out.push(item('""', 'value', 0, { insertText: '"$1"', snippet: true, detail: typeWords(e) }));
    if (quoted && e.types.includes('list') && !ctx.inList) out.push(item('[ ]', 'value', 0, { insertText: '[ $1 ]', snippet: true, detail: typeWords(e) }));
    if (quoted && e.default !== undefined && !e.types.includes('boolean')) out.push(item(nixText(e.default), 'value', 1, { detail: 'default' }));
    return out;
  }
  if (ctx.kind === 'importPath') {
    const dir = dirnameUri(uri);
    const out: CompletionItem[] = [];
    for (const f of h.nixFiles) {
      if (f === uri) continue;
      const rel = relPath(dir, f);
      out.push({ label: rel, kind: 'file', insertText: rel, replace: ctx.replace, sortText: `${rel.startsWith('./') ? 0 : 1}_${rel}` });
    }
    return out;
  }
  return undefined;
}

function parsedValue(ws: Workspace, uri: string, span: Span): import('../syntax/nix/ast').Expr {
  const text = ws.text(uri) ?? '';
  const p = parsedNix(`${uri}#value`, text.slice(span.start, span.end));
  return p.root;
}

/** `./x.nix` or `../lib/x.nix` from folder `dir` to file `f`. */
export function relPath(dir: string, f: string): string {
  const a = dir.replace(/\/$/, '').split('/');
  const b = f.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ups = a.length - i;
  const rest = b.slice(i).map(decodeURIComponent).join('/');
  return ups === 0 ? `./${rest}` : `${'../'.repeat(ups)}${rest}`;
}

export function completeNix(ws: Workspace, h: Homelab, uri: string, text: string, offset: number, cancelled: IsCancelled): CompletionItem[] {
  if (cancelled()) return [];
  if (text.trim() === '') {
    const c = machineForConfig(h, uri);
    const net = networkForMachine(h, c);
    const ip = net ? freeAddresses(h, net, 1, [], (u) => ws.text(u))[0] ?? '' : '';
    const gw = net ? h.inventory?.networks.get(net.name)?.gateway?.value ?? '' : '';
    const baseFile = h.nixFiles.find((f) => /-base-config\.nix$/.test(f) && f !== uri);
    const name = relativeUri(dirnameUri(uri), uri).replace(/-config\.nix$|\.nix$/, '');
    const baseRel = baseFile ? relPath(dirnameUri(uri), baseFile) : './LXC-base-config.nix';
    // The shipped snippet (snippets/nix.json, bundled) is the one copy of a new profile's text.
    let body = snippetBody('nix', 'Container profile');
    if (!body) return [];
    body = withPlaceholder(body, 1, name);
    body = withDefault(body, 'hostname', name.replace(/^LXC_/, '').toLowerCase());
    if (ip) body = withDefault(body, 'ipAddress', ip);
    if (gw) body = withDefault(body, 'nameServers', gw);
    if (baseFile) body = withDefault(body, 'base = import', baseRel.replace(/^\.\//, ''));
    return [
      {
        label: 'container profile',
        kind: 'snippet',
        detail: snippetDescription('nix', 'Container profile') ?? 'a new container profile extending the base profile',
        insertText: body,
        snippet: true,
        replace: { start: 0, end: text.length },
        sortText: '0',
      },
    ];
  }
  return settingItems(ws, h, uri, text, offset) ?? [];
}
