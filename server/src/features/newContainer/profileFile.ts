// The new profile, where the repository follows the profile convention
// (`profiles/<name>-config.nix` extending the base profile with
// `base.systemSettings // { … }`): written like the closest sibling that
// extends the same base. What every sibling writes the same way stays
// (`nameServers`, `notificationToEmail = secrets.alertEmail;`), the machine's
// own values are replaced (hostname, ipAddress, allowedTCPPorts,
// autoSystemUpdateOnCalendar), what belongs to the sibling's services alone
// goes, and each new service is switched on by its catalog flag
// (`uptimeKumaEnable = true;`) when the catalog has one, never invented.
import type * as A from '../../syntax/nix/ast';
import type { Value } from '../../syntax/value';
import { lookupSetting } from '../../model/catalog';
import type { Machine } from '../../model/homelab';
import { setting } from '../../model/profiles';
import { basenameUri, dirnameUri, joinUri, relativeUri } from '../../model/uri';
import { letImports, parsedNix, settingsSets, unparen } from '../nixDoc';
import { copyNixFile, leavesOf, normalizedValue, type Addition, type Decision, type Leaf } from './nixCopy';
import { camel, serviceSpellings } from './names';
import { choosePorts, intsOf, portListText, servicePorts } from './ports';
import { describeServices, relatesTo } from './serviceText';
import { NETWORK_PATHS, addressStrings, pickTemplate, servicesOf } from './template';
import type { NewContainerContext } from './types';

export interface ProfileResult {
  uri: string;
  path: string;
  text: string;
  summary: string[];
  /** The new profile runs the node exporter (monitoring-coverage expects it scraped). */
  exports: boolean;
  template: Machine;
}

/** The base profile a container's profile extends (`base = import ./X.nix;` merged under its settings), if any. */
export function baseOf(text: string, uri: string): string | undefined {
  const root = parsedNix(uri, text).root;
  const imports = letImports(root);
  for (const s of settingsSets(root)) {
    const b = s.base ? unparen(s.base) : undefined;
    if (b?.type === 'Select' && b.target.type === 'Var') {
      const imp = imports.get(b.target.name);
      if (imp) return joinUri(dirnameUri(uri), imp.path);
    }
  }
  return undefined;
}

interface Conventional {
  c: Machine;
  uri: string;
  text: string;
  base: string;
}

function conventional(ctx: NewContainerContext, list: Iterable<Machine>): Conventional[] {
  const out: Conventional[] = [];
  for (const c of list) {
    const text = c.configUri && c.configExists ? ctx.ws.text(c.configUri) : undefined;
    const base = text && c.configUri ? baseOf(text, c.configUri) : undefined;
    if (c.configUri && text && base) out.push({ c, uri: c.configUri, text, base });
  }
  return out;
}

/** The roots of a profile: its own settings sets, leaves prefixed with their block. */
function rootsOf(text: string, uri: string): { set: A.AttrSet; prefix: string[] }[] {
  return settingsSets(parsedNix(uri, text).root).map((s) => ({ set: s.set, prefix: [s.block] }));
}

const OWN = {
  hostname: 'systemSettings.hostname',
  ip: 'systemSettings.ipAddress',
  tcp: 'systemSettings.allowedTCPPorts',
  udp: 'systemSettings.allowedUDPPorts',
  update: 'systemSettings.autoSystemUpdateOnCalendar',
};

export function writeProfile(ctx: NewContainerContext): ProfileResult | { error: string } | undefined {
  const { ws, h } = ctx;
  let group = conventional(ctx, ctx.siblings);
  if (group.length === 0) group = conventional(ctx, h.machines.values());
  if (group.length === 0) return undefined;
  // The siblings that extend the most used base profile.
  const counts = new Map<string, number>();
  for (const g of group) counts.set(g.base, (counts.get(g.base) ?? 0) + 1);
  const base = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  group = group.filter((g) => g.base === base);
  const choice = pickTemplate(h, group.map((g) => ({ c: g.c, files: [g.uri] })), ctx.services, ctx.net, (u) => ws.text(u));
  if (!choice) return undefined;
  const tpl = group.find((g) => g.c === choice.candidate.c);
  if (!tpl) return undefined;

  const file = basenameUri(tpl.uri);
  const newFile = file.includes(tpl.c.name) ? file.replace(tpl.c.name, ctx.name) : `${ctx.name}-config.nix`;
  const uri = joinUri(dirnameUri(tpl.uri), newFile);
  const path = relativeUri(h.root, uri);
  if (ws.docs.exists(uri)) return { error: `${path} already exists` };

  const leafMaps = group.map((g) => {
    const m = new Map<string, { norm: string; value?: A.Expr }>();
    for (const r of rootsOf(g.text, g.uri)) for (const l of leavesOf(r.set, r.prefix)) m.set(l.path.join('.'), { norm: normalizedValue(g.text, l), value: l.value });
    return m;
  });
  const common = (key: string, norm: string): boolean => leafMaps.length >= 2 && leafMaps.every((m) => m.get(key)?.norm === norm);
  const newSpellings = ctx.services.flatMap((s) => serviceSpellings(h, s));
  const oldSpellings = choice.templateOnly.flatMap((s) => serviceSpellings(h, s));
  const siblingServices = group.flatMap((g) => servicesOf(g.c));
  /** A port list of the machine's own: the ports chosen for it (see ports.ts), or nothing when none are left. */
  const portList = (key: string, leaf: Leaf, proto: 'tcp' | 'udp'): Decision | undefined => {
    const ports = intsOf(leaf.value);
    if (!ports || !leaf.value) return undefined;
    const chosen = choosePorts({
      template: ports,
      siblings: leafMaps.map((m) => intsOf(m.get(key)?.value)).filter((p): p is number[] => p !== undefined),
      templateOnly: servicePorts(h, choice.templateOnly, proto),
      siblingServices: servicePorts(h, siblingServices, proto),
      keepAll: choice.keepAll,
      shared: servicePorts(h, choice.shared, proto),
      added: servicePorts(h, ctx.services, proto),
    });
    return chosen.length ? { kind: 'replace', text: portListText(tpl.text.slice(leaf.value.start, leaf.value.end), chosen) } : { kind: 'drop' };
  };

  const decideLeaf = (leaf: Leaf, key: string): Decision => {
    if (key === OWN.hostname) return ctx.hostname ? { kind: 'replace', text: JSON.stringify(ctx.hostname) } : { kind: 'drop' };
    if (key === OWN.ip) return { kind: 'replace', text: JSON.stringify(ctx.address) };
    if (key === OWN.update) return ctx.update ? { kind: 'replace', text: JSON.stringify(ctx.update) } : { kind: 'drop' };
    const ports = key === OWN.tcp ? portList(key, leaf, 'tcp') : key === OWN.udp ? portList(key, leaf, 'udp') : undefined;
    if (ports) return ports;
    if (NETWORK_PATHS.has(key) || choice.keepAll || relatesTo(leaf.path.slice(1), newSpellings)) return { kind: 'keep' };
    if (common(key, normalizedValue(tpl.text, leaf))) return { kind: 'keep' };
    if (relatesTo(leaf.path.slice(1), oldSpellings) || group.length >= 2) return { kind: 'drop' };
    return { kind: 'keep' };
  };

  const roots = rootsOf(tpl.text, tpl.uri);
  // Every leaf judged once, before anything is written: the flags below look at what stays.
  const decisions = new Map<string, Decision>();
  const kept = new Map<string, string>();
  const dropped: string[] = [];
  for (const r of roots)
    for (const leaf of leavesOf(r.set, r.prefix)) {
      const key = leaf.path.join('.');
      const d = decideLeaf(leaf, key);
      decisions.set(key, d);
      if (d.kind === 'drop') dropped.push(leaf.path.slice(1).join('.'));
      else kept.set(key, d.kind === 'keep' ? normalizedValue(tpl.text, leaf) : d.text);
    }

  // The flags of the new services, from the catalog only.
  const summary: string[] = [];
  const flags = new Map<A.AttrSet, string[]>();
  /** The value the template inherits for a setting (from its base profile), past its own. */
  const inheritedValue = (key: string): Value | undefined => {
    let e = setting(tpl.c.profile, key)?.entry;
    while (e && e.keyOrigin.uri === tpl.uri) e = e.overrides;
    return e?.value;
  };
  const inherited = (key: string): boolean => {
    const v = inheritedValue(key);
    return v?.kind === 'boolean' && v.value;
  };
  const inheritedList = (key: string): boolean => {
    const v = inheritedValue(key);
    return v?.kind === 'list' && v.items.length > 0;
  };
  for (const service of ctx.services) {
    let found: { key: string; block: 'systemSettings' | 'userSettings' } | undefined;
    for (const spelling of serviceSpellings(h, service)) {
      const key = `${camel(spelling)}Enable`;
      const entry = lookupSetting(h.catalog, 'systemSettings', key);
      if (entry && (entry.types.length === 0 || entry.types.includes('boolean'))) {
        found = { key, block: entry.block };
        break;
      }
    }
    if (!found) {
      summary.push(`${service}: no setting of the catalog turns it on (no ${camel(service)}Enable): configure it in ${path}`);
      continue;
    }
    const root = roots.find((r) => r.prefix[0] === found?.block);
    if (!root) {
      summary.push(`${service}: ${found.key} is in ${found.block}, which ${relativeUri(h.root, tpl.uri)} does not write: set it in ${path}`);
      continue;
    }
    if (inherited(found.key)) {
      summary.push(`${service}: ${found.key} is already true in the base profile`);
      continue;
    }
    const list = flags.get(root.set) ?? [];
    if (!list.includes(`${found.key} = true;`)) list.push(`${found.key} = true;`);
    flags.set(root.set, list);
    summary.push(`${service}: ${found.key} = true (the catalog's flag)`);
  }

  const strings = addressStrings(h, tpl.c.ip?.value, ctx);
  const words: [string, string][] = [[tpl.c.name, ctx.name]];
  const tplHost = tpl.c.decl?.hostname?.value;
  if (tplHost && ctx.hostname) words.push([tplHost, ctx.hostname]);

  const additions: Addition[] = [];
  for (const [set, lines] of flags) {
    const block = roots.find((r) => r.set === set)?.prefix[0] ?? 'systemSettings';
    const fresh = lines.filter((l) => kept.get(`${block}.${l.split(' ')[0]}`) !== 'true');
    if (fresh.length) additions.push({ root: set, lines: fresh, before: OWN.update.split('.') });
  }
  // Ports of the new services with no list of the template's to go into: a list of their own, next to the other.
  const system = settingsSets(parsedNix(tpl.uri, tpl.text).root).find((x) => x.block === 'systemSettings');
  const lists: string[] = [];
  for (const [key, proto] of [[OWN.tcp, 'tcp'], [OWN.udp, 'udp']] as const) {
    const ports = servicePorts(h, ctx.services, proto);
    const name = key.split('.')[1];
    if (ports.length === 0 || kept.has(key) || choice.keepAll) continue;
    const baseList = system?.base && inheritedList(name) ? `${tpl.text.slice(system.base.start, system.base.end)}.${name} ++ ` : '';
    lists.push(`${name} = ${baseList}[ ${[...new Set(ports)].sort((a, b) => a - b).join(' ')} ];`);
  }
  if (system && lists.length) additions.push({ root: system.set, lines: lists, after: kept.has(OWN.tcp) ? OWN.tcp.split('.') : OWN.ip.split('.'), before: OWN.update.split('.') });
  const text = copyNixFile({
    text: tpl.text,
    roots,
    decide: (leaf) => decisions.get(leaf.path.join('.')) ?? { kind: 'keep' },
    strings,
    words,
    header: `${ctx.name}: ${describeServices(h, ctx.services)}.`,
    additions,
    dropImports: [],
  });

  if (dropped.length) summary.unshift(`profile: left out ${[...new Set(dropped)].join(', ')} (${tpl.c.name}'s own)`);
  summary.unshift(`profile ${path}: written like ${relativeUri(h.root, tpl.uri)} (${choice.reason})`);
  const exporter = kept.get('systemSettings.prometheusExporterEnable');
  const exports = exporter !== undefined ? exporter === 'true' : inherited('prometheusExporterEnable');
  return { uri, path, text, summary, exports, template: tpl.c };
}
