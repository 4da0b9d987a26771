// The new machine's own NixOS files, where its siblings are machines of a
// flake (or hive) with files of their own (`hosts/<name>/configuration.nix`,
// `containers/<name>.nix`): each such file of the closest sibling copied to the
// new name's place, its host name, interface address, firewall ports and
// `system.autoUpgrade.dates` replaced, what configures the sibling's own
// services left out (kept whole when it runs only services the new machine
// runs too), and `services.<name>.enable = true;` added for a new service only
// when the option index knows that option. A sibling's
// hardware-configuration.nix describes its own hardware: it is not copied,
// and the copy does not import it.
import type { Machine } from '../../model/homelab';
import { basenameUri, dirnameUri, joinUri, relativeUri } from '../../model/uri';
import { parsedNix, topSet } from '../nixDoc';
import { copyNixFile, leavesOf, normalizedValue, type Addition, type Decision, type Leaf } from './nixCopy';
import { serviceSpellings, squash } from './names';
import { choosePorts, intsOf, portListText, servicePorts } from './ports';
import { describeServices, relatesTo } from './serviceText';
import { NETWORK_PATHS, addressStrings, pickTemplate, servicesOf, type Candidate } from './template';
import type { NewContainerContext } from './types';

export interface MachineFiles {
  files: Map<string, string>;
  summary: string[];
  /** The new machine runs a Prometheus exporter (monitoring-coverage expects it scraped). */
  exports: boolean;
  template: Machine;
  /** The new file standing where the template's inventory `profile:` points, relative to the folder. */
  profilePath?: string;
}

const HARDWARE = 'hardware-configuration.nix';

/** The machine's own files: the modules whose path names it (a folder or a file called after it). */
export function ownFiles(root: string, c: Machine): string[] {
  return (c.nixos?.moduleFiles ?? []).filter((u) => {
    const rel = relativeUri(root, u);
    if (rel === u) return false;
    return rel.split('/').some((seg, i, all) => seg === c.name || (i === all.length - 1 && seg === `${c.name}.nix`));
  });
}

/** `rel` with the segment (or file stem) that names `from` naming `to`. */
export function renamePath(rel: string, from: string, to: string): string {
  return rel
    .split('/')
    .map((seg, i, all) => (seg === from ? to : i === all.length - 1 && seg === `${from}.nix` ? `${to}.nix` : seg))
    .join('/');
}

const OWN = {
  hostName: 'networking.hostName',
  tcp: 'networking.firewall.allowedTCPPorts',
  udp: 'networking.firewall.allowedUDPPorts',
  update: 'system.autoUpgrade.dates',
};

function isInterfaceAddresses(path: string[]): boolean {
  return path[0] === 'networking' && path[1] === 'interfaces' && path[path.length - 1] === 'addresses';
}

export function writeMachineFiles(ctx: NewContainerContext): MachineFiles | { error: string } | undefined {
  const { ws, h } = ctx;
  const withFiles = (list: Iterable<Machine>): Candidate[] =>
    [...list].filter((c) => c.nixos && c.decl && !c.profile?.system).map((c) => ({ c, files: ownFiles(h.root, c) })).filter((x) => x.files.length > 0);
  let group = withFiles(ctx.siblings);
  if (group.length === 0) group = withFiles(h.machines.values());
  if (group.length === 0) return undefined;
  const choice = pickTemplate(h, group, ctx.services, ctx.net, (u) => ws.text(u));
  if (!choice) return undefined;
  const tpl = choice.candidate;
  const newSpellings = ctx.services.flatMap((s) => serviceSpellings(h, s));
  const oldSpellings = choice.templateOnly.flatMap((s) => serviceSpellings(h, s));
  /** What was written (first), then what could not be (services no sibling configures, files not copied). */
  const written: string[] = [];
  const summary: string[] = [];
  const files = new Map<string, string>();
  const keptPaths: string[] = [];
  const skipped = tpl.files.filter((u) => basenameUri(u) === HARDWARE);
  const copied = tpl.files.filter((u) => basenameUri(u) !== HARDWARE);
  const tplAddress = tpl.c.nixos?.config?.addresses[0]?.address.value ?? tpl.c.ip?.value;
  const tplHost = tpl.c.nixos?.config?.hostName?.value ?? tpl.c.decl?.hostname?.value;
  const strings = addressStrings(h, tplAddress, ctx);
  const words: [string, string][] = [[tpl.c.name, ctx.name]];
  if (tplHost && ctx.hostname && tplHost !== tpl.c.name) words.push([tplHost, ctx.hostname]);
  let wroteUpdate = false;

  for (const uri of copied) {
    const rel = relativeUri(h.root, uri);
    const newRel = renamePath(rel, tpl.c.name, ctx.name);
    const newUri = joinUri(h.root, newRel);
    if (ws.docs.exists(newUri)) return { error: `${newRel} already exists` };
    const text = ws.text(uri);
    if (text === undefined) continue;
    const top = topSet(parsedNix(uri, text).root);
    if (!top) {
      files.set(newUri, text);
      continue;
    }
    // The same file of the other siblings, for what they all write alike.
    const others = group.map((g) => {
      const u = g.files.find((f) => renamePath(relativeUri(h.root, f), g.c.name, tpl.c.name) === rel);
      const t = u ? ws.text(u) : undefined;
      const set = u && t ? topSet(parsedNix(u, t).root) : undefined;
      const m = new Map<string, { norm: string; ints?: number[] }>();
      if (set && t) for (const l of leavesOf(set)) m.set(l.path.join('.'), { norm: normalizedValue(t, l), ints: intsOf(l.value) });
      return m;
    });
    const common = (key: string, norm: string): boolean => others.length >= 2 && others.every((m) => m.get(key)?.norm === norm);
    const ports = (key: string, leaf: Leaf, proto: 'tcp' | 'udp'): Decision | undefined => {
      const list = intsOf(leaf.value);
      if (!list || !leaf.value) return undefined;
      const siblings = others.map((m) => m.get(key)?.ints).filter((p): p is number[] => p !== undefined);
      const chosen = choosePorts({
        template: list,
        siblings,
        templateOnly: servicePorts(h, choice.templateOnly, proto),
        shared: servicePorts(h, choice.shared, proto),
        siblingServices: servicePorts(h, group.flatMap((g) => servicesOf(g.c)), proto),
        keepAll: choice.keepAll,
        added: servicePorts(h, ctx.services, proto),
      });
      return chosen.length ? { kind: 'replace', text: portListText(text.slice(leaf.value.start, leaf.value.end), chosen) } : { kind: 'drop' };
    };
    const droppedHere = new Set<string>();
    const decide = (leaf: Leaf): Decision => {
      const key = leaf.path.join('.');
      const d = decideLeaf(leaf, key);
      if (d.kind !== 'drop') keptPaths.push(key);
      else droppedHere.add(leaf.path[0] === 'services' ? leaf.path.slice(0, 2).join('.') : key);
      return d;
    };
    const decideLeaf = (leaf: Leaf, key: string): Decision => {
      if (key === OWN.hostName) return ctx.hostname ? { kind: 'replace', text: JSON.stringify(ctx.hostname) } : { kind: 'drop' };
      if (key === OWN.update) {
        wroteUpdate = ctx.update !== undefined;
        return ctx.update ? { kind: 'replace', text: JSON.stringify(ctx.update) } : { kind: 'drop' };
      }
      if (isInterfaceAddresses(leaf.path) && leaf.value) {
        const old = text.slice(leaf.value.start, leaf.value.end);
        const swapped = (tplAddress ? old.split(JSON.stringify(tplAddress)).join(JSON.stringify(ctx.address)) : old).replace(/(prefixLength\s*=\s*)\d+/g, `$1${ctx.net.cidr.prefix}`);
        return { kind: 'replace', text: swapped };
      }
      const p = key === OWN.tcp ? ports(key, leaf, 'tcp') : key === OWN.udp ? ports(key, leaf, 'udp') : undefined;
      if (p) return p;
      if (NETWORK_PATHS.has(key) || choice.keepAll || relatesTo(leaf.path, newSpellings)) return { kind: 'keep' };
      if (common(key, normalizedValue(text, leaf))) return { kind: 'keep' };
      if (relatesTo(leaf.path, oldSpellings) || group.length >= 2) return { kind: 'drop' };
      return { kind: 'keep' };
    };
    // Decide first, so the additions know what stays.
    const leaves = leavesOf(top);
    const decisions = new Map(leaves.map((l) => [l.path.join('.'), decide(l)] as const));
    // New services and the update slot go into the machine's first file (its root module).
    const lines: string[] = [];
    if (uri === copied[0]) {
      for (const svc of ctx.services) {
        const spellings = serviceSpellings(h, svc);
        const configured = keptPaths.some((k) => k.startsWith('services.') && spellings.some((sp) => squash(k.split('.')[1] ?? '') === squash(sp)));
        if (configured) continue;
        // The options the sibling's file is judged against (its machine's nixpkgs), when an index is loaded.
        const options = ws.optionIndex?.view(h, uri, 'nixos');
        const opt = spellings.find((sp) => options?.lookup(['services', sp, 'enable'])?.path.join('.') === `services.${sp}.enable`);
        if (opt) lines.push(`services.${opt}.enable = true;`);
        else summary.push(`${svc}: not configured in ${newRel}: no sibling configures it${ws.optionIndex ? ' and no NixOS option services.<name>.enable matches it' : ' (no NixOS option index loaded)'}`);
      }
      if (!wroteUpdate && ctx.update && tpl.c.nixos?.config?.autoUpgrade) {
        lines.push(`${OWN.update} = ${JSON.stringify(ctx.update)};`);
        wroteUpdate = true;
      }
    }
    const additions: Addition[] = lines.length ? [{ root: top, lines, before: OWN.update.split('.') }] : [];
    // Ports of the new services with no list of the template's to go into: a list of their own, next to the machine's network.
    if (uri === copied[0] && !choice.keepAll) {
      const lists: string[] = [];
      for (const [key, proto] of [[OWN.tcp, 'tcp'], [OWN.udp, 'udp']] as const) {
        const ports = [...new Set(servicePorts(h, ctx.services, proto))].sort((a, b) => a - b);
        if (ports.length && !keptPaths.includes(key)) lists.push(`${key} = [ ${ports.join(' ')} ];`);
      }
      const anchor = [OWN.tcp, ...keptPaths.filter((k) => k.startsWith('networking.interfaces.')), OWN.hostName].find((k) => keptPaths.includes(k));
      if (lists.length) additions.push({ root: top, lines: lists, after: anchor?.split('.'), before: OWN.update.split('.') });
    }
    const dropImports = skipped.filter((s) => dirnameUri(s) === dirnameUri(uri)).map((s) => `./${basenameUri(s)}`);
    const out = copyNixFile({
      text,
      roots: [{ set: top, prefix: [] }],
      decide: (leaf) => decisions.get(leaf.path.join('.')) ?? { kind: 'keep' },
      strings,
      words,
      header: `${ctx.name}: ${describeServices(h, ctx.services)}.`,
      additions,
      dropImports,
    });
    files.set(newUri, out);
    written.push(`${newRel}: written like ${rel} (${choice.reason})`);
    if (droppedHere.size) written.push(`${newRel}: left out ${[...droppedHere].join(', ')} (${tpl.c.name}'s own)`);
  }
  for (const s of skipped) summary.push(`${relativeUri(h.root, s)}: not copied (it describes ${tpl.c.name}'s own hardware)`);
  const tplProfile = tpl.c.decl?.profile?.value;
  const profilePath = tplProfile && copied.some((u) => relativeUri(h.root, u) === tplProfile) ? renamePath(tplProfile, tpl.c.name, ctx.name) : undefined;
  const exporters = tpl.c.nixos?.config?.exporters ?? [];
  const exports = exporters.some((e) => !tpl.files.includes(e.origin.uri) || choice.keepAll || keptPaths.some((k) => k.startsWith(`services.prometheus.exporters.${e.name}`)));
  return { files, summary: [...written, ...summary], exports, template: tpl.c, profilePath };
}
