// The monitoring side of a new container: when something scrapes the others
// and the new container will export metrics, it is added where the others
// are listed, exactly when monitoring-coverage would otherwise report it
// (the same `scrapedAddresses`): a `prometheusRemoteTargets` entry shaped
// like the list's last one (the quick fix's edit), named as the existing
// entries are named, or a `"<address>:<port>"` target in the scrape list that
// holds the host's other containers.
import type * as A from '../../syntax/nix/ast';
import { forEachChild } from '../../syntax/nix/ast';
import type { Machine, Homelab } from '../../model/homelab';
import { isParsed, parseAddress } from '../../model/ip';
import { settingValue } from '../../model/profiles';
import { relativeUri } from '../../model/uri';
import type { Workspace } from '../../model/workspace';
import { scrapedAddresses } from '../../checks/rules/monitoringCoverage';
import { addListEntryEdit, scrapeEntryName } from '../edits';
import { parsedNix, setsOwnSetting } from '../nixDoc';
import type { TextEdit } from '../types';
import type { NewContainerContext } from './types';
import type { Value } from '../../syntax/value';

type ValueList = Extract<Value, { kind: 'list' }>;

export interface MonitoringEdit {
  uri: string;
  edit: TextEdit;
  summary: string;
}

function keyOf(text: string): string | undefined {
  const a = parseAddress(text.replace(/:\d+$/, ''));
  return isParsed(a) ? a.key : undefined;
}

/** How scrape entries are named from a container: the quick fix's `lxc_liftcraft_test`, the host name, the name. */
const NAMINGS: ((c: { name: string; hostname?: string }) => string | undefined)[] = [
  (c) => scrapeEntryName(c.name),
  (c) => c.hostname,
  (c) => c.name,
  (c) => c.name.toLowerCase(),
];

/** The naming most existing entries follow (the quick fix's when none does). */
function entryName(h: Homelab, list: ValueList, ctx: NewContainerContext): string {
  const byAddress = new Map<string, Machine>();
  for (const c of h.machines.values()) {
    const k = c.ip ? keyOf(c.ip.value) : undefined;
    if (k) byAddress.set(k, c);
  }
  const score = NAMINGS.map(() => 0);
  for (const item of list.items) {
    if (item.kind !== 'attrs') continue;
    const host = item.entries.get('host')?.value;
    const name = item.entries.get('name')?.value;
    const c = host?.kind === 'string' ? byAddress.get(keyOf(host.value) ?? '') : undefined;
    if (!c || name?.kind !== 'string') continue;
    NAMINGS.forEach((f, i) => {
      if (f({ name: c.name, hostname: c.decl?.hostname?.value }) === name.value) score[i]++;
    });
  }
  const best = score.indexOf(Math.max(...score));
  return NAMINGS[best]({ name: ctx.name, hostname: ctx.hostname }) ?? ctx.name;
}

/** A profile's `prometheusRemoteTargets` entry for the new container. */
export function profileScrapeEdit(ws: Workspace, ctx: NewContainerContext): MonitoringEdit | undefined {
  const { h } = ctx;
  if (!scrapedAddresses(h)) return undefined;
  const siblingKeys = new Set(ctx.siblings.map((c) => (c.ip ? keyOf(c.ip.value) : undefined)).filter((k): k is string => k !== undefined));
  let best: { uri: string; hits: number; list: ValueList } | undefined;
  for (const p of h.profiles.values()) {
    const own = setsOwnSetting(p.uri, ws.text(p.uri) ?? '', 'prometheusRemoteTargets');
    const v = settingValue(p, 'prometheusRemoteTargets');
    if (!own || v?.kind !== 'list') continue;
    const hits = v.items.filter((t) => {
      const host = t.kind === 'attrs' ? t.entries.get('host')?.value : t;
      return host?.kind === 'string' && siblingKeys.has(keyOf(host.value) ?? '');
    }).length;
    if (!best || hits > best.hits) best = { uri: p.uri, hits, list: v };
  }
  if (!best) return undefined;
  const name = entryName(h, best.list, ctx);
  const edit = addListEntryEdit(ws, best.uri, 'prometheusRemoteTargets', { name, host: ctx.address });
  if (!edit) return undefined;
  return { uri: best.uri, edit, summary: `monitoring: ${relativeUri(h.root, best.uri)} scrapes ${ctx.address} as ${name}, like the other containers` };
}

/** The list node holding the string at `start` in a Nix file. */
function listAround(root: A.Node, start: number): A.List | undefined {
  let found: A.List | undefined;
  const walk = (n: A.Node, depth: number): void => {
    if (found || depth > 400 || n.start > start || n.end <= start) return;
    if (n.type === 'List' && n.items.some((i) => i.start === start)) found = n;
    else forEachChild(n, (c) => walk(c, depth + 1));
  };
  walk(root, 0);
  return found;
}

/** A NixOS scrape target (`"10.20.0.23:9100"`) in the list that scrapes the host's other containers. */
export function machineScrapeEdit(ws: Workspace, ctx: NewContainerContext, exporterPort: number | undefined): MonitoringEdit | undefined {
  const { h } = ctx;
  if (!scrapedAddresses(h)) return undefined;
  const siblingKeys = new Set(ctx.siblings.map((c) => (c.ip ? keyOf(c.ip.value) : undefined)).filter((k): k is string => k !== undefined));
  let best: { uri: string; list: A.List; hits: number; text: string } | undefined;
  const seen = new Set<A.List>();
  for (const c of h.machines.values()) {
    for (const t of c.nixos?.config?.scrapeTargets ?? []) {
      const text = ws.text(t.origin.uri);
      if (!text) continue;
      const list = listAround(parsedNix(t.origin.uri, text).root, t.origin.span.start);
      if (!list || seen.has(list)) continue;
      seen.add(list);
      const items = list.items.map((i) => text.slice(i.start, i.end).replace(/^"|"$/g, ''));
      const hits = items.filter((i) => siblingKeys.has(keyOf(i) ?? '')).length + (exporterPort !== undefined ? items.filter((i) => i.endsWith(`:${exporterPort}`)).length / 1000 : 0);
      if (!best || hits > best.hits) best = { uri: t.origin.uri, list, hits, text };
    }
  }
  if (!best) return undefined;
  const { list, text } = best;
  const last = list.items[list.items.length - 1];
  const lastText = text.slice(last.start, last.end).replace(/^"|"$/g, '');
  const port = /:(\d+)$/.exec(lastText)?.[1] ?? (exporterPort !== undefined ? String(exporterPort) : undefined);
  const target = port ? `${ctx.address}:${port}` : ctx.address;
  const sep = list.items.length >= 2 ? text.slice(list.items[list.items.length - 2].end, last.start) : ' ';
  return {
    uri: best.uri,
    edit: { span: { start: last.end, end: last.end }, newText: `${sep}${JSON.stringify(target)}` },
    summary: `monitoring: ${relativeUri(h.root, best.uri)} scrapes ${target}, like the other containers`,
  };
}
