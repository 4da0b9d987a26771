// Which sibling the new container is written like: the closest one, judged
// in this order: in the same network (its gateway and DNS servers apply),
// sharing the most services, running nothing the new one does not (then its
// service configuration is kept whole), the shortest own files (the least to
// strip), then the first in the inventory.
import type { Machine, Homelab } from '../../model/homelab';
import { networkOf, type NetworkInfo } from '../../model/addresses';
import { isParsed, parseAddress } from '../../model/ip';
import { serviceSpellings, squash } from './names';
import type { NewContainerContext } from './types';

export interface Candidate {
  c: Machine;
  /** The files written for this machine alone (its profile, its hosts/<name>/… files). */
  files: string[];
}

export interface TemplateChoice {
  candidate: Candidate;
  /** Services of the template the new container also runs, and those it does not. */
  shared: string[];
  templateOnly: string[];
  /** The template runs nothing the new container does not: its configuration is kept whole. */
  keepAll: boolean;
  reason: string;
}

/** The services of a container: the inventory's list, else its NixOS services. */
export function servicesOf(c: Machine): string[] {
  return c.decl?.services.map((s) => s.value) ?? c.nixos?.config?.services.map((s) => s.name) ?? [];
}

/** Whether two service names mean the same service (any spelling of one is a spelling of the other). */
export function sameService(h: Homelab, a: string, b: string): boolean {
  const x = new Set(serviceSpellings(h, a).map(squash));
  return serviceSpellings(h, b).some((s) => x.has(squash(s)));
}

function inNetwork(h: Homelab, c: Machine, net: NetworkInfo): boolean {
  const a = c.ip ? parseAddress(c.ip.value) : undefined;
  return a !== undefined && isParsed(a) && networkOf(h.addresses, a.key)?.name === net.name;
}

/** Lexicographic comparison of two score tuples. */
function greater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

export function pickTemplate(h: Homelab, candidates: Candidate[], services: string[], net: NetworkInfo, textOf: (uri: string) => string | undefined): TemplateChoice | undefined {
  let best: { key: number[]; choice: TemplateChoice } | undefined;
  candidates.forEach((cand, order) => {
    const theirs = servicesOf(cand.c);
    const shared = theirs.filter((t) => services.some((s) => sameService(h, s, t)));
    const templateOnly = theirs.filter((t) => !shared.includes(t));
    const lines = cand.files.reduce((n, u) => n + (textOf(u)?.replace(/\n$/, '').split('\n').length ?? 0), 0);
    const same = inNetwork(h, cand.c, net);
    const keepAll = theirs.length > 0 && templateOnly.length === 0;
    const key = [same ? 1 : 0, shared.length, keepAll ? 1 : 0, -lines, -order];
    const why = [same ? `in ${net.name}` : `not in ${net.name}: check its gateway and DNS`, shared.length ? `also runs ${shared.join(', ')}` : `shares no service, ${lines} lines`];
    const choice: TemplateChoice = { candidate: cand, shared, templateOnly, keepAll, reason: why.join(', ') };
    if (!best || greater(key, best.key)) best = { key, choice };
  });
  return best?.choice;
}

/**
 * The strings to replace in a copy of the template: its address by the new
 * one, and, when the template lives in another network, that network's
 * gateway and DNS servers by the new network's (position by position).
 */
export function addressStrings(h: Homelab, templateAddress: string | undefined, ctx: NewContainerContext): Map<string, string> {
  const out = new Map<string, string>();
  if (!templateAddress) return out;
  out.set(templateAddress, ctx.address);
  const a = parseAddress(templateAddress);
  const theirs = isParsed(a) ? networkOf(h.addresses, a.key) : undefined;
  const decl = theirs && theirs.name !== ctx.net.name ? h.inventory?.networks.get(theirs.name) : undefined;
  if (!decl) return out;
  if (decl.gateway && ctx.network.gateway) out.set(decl.gateway.value, ctx.network.gateway.value);
  decl.dns.forEach((d, i) => {
    const to = ctx.network.dns[i] ?? ctx.network.dns[ctx.network.dns.length - 1];
    if (to && !out.has(d.value)) out.set(d.value, to.value);
  });
  return out;
}

/** Settings of the machine's network: kept from the template (its network's values, or the new network's by `addressStrings`). */
export const NETWORK_PATHS = new Set(['systemSettings.nameServers', 'systemSettings.defaultGateway', 'networking.nameservers', 'networking.defaultGateway', 'networking.defaultGateway.address']);
