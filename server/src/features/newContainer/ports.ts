// The firewall ports of the new container, plus the ports of the new services
// (declared in the inventory, else the built-in catalog's usual port): from a
// template running only services the new container runs too, its ports
// whole; else what all the siblings open alike for no service of theirs (SSH,
// exporters; with a single sibling, its ports less those of the services it
// runs alone) and the template's ports of the services both run. A port of the
// template that no known service explains goes: the new container opens what
// it is known to need.
import type * as A from '../../syntax/nix/ast';
import { serviceNamed, type Homelab } from '../../model/homelab';
import { unparen } from '../nixDoc';

/** The numbers of a literal list (`[ 22 80 ]`), or undefined when it is anything else. */
export function intsOf(e: A.Expr | undefined): number[] | undefined {
  const u = e ? unparen(e) : undefined;
  if (!u || u.type !== 'List') return undefined;
  const out: number[] = [];
  for (const i of u.items) {
    if (i.type !== 'Int') return undefined;
    out.push(Number(i.raw));
  }
  return out;
}

/** The ports of services on one protocol. */
export function servicePorts(h: Homelab, services: string[], protocol: 'tcp' | 'udp'): number[] {
  const out: number[] = [];
  for (const name of services) {
    const s = serviceNamed(h, name);
    if (s?.port === undefined) continue;
    const declared = s.decl?.node.kind === 'attrs' ? s.decl.node.entries.get('protocol')?.value : undefined;
    const proto = declared?.kind === 'string' ? declared.value : (s.builtin?.protocol ?? 'tcp');
    if (proto === protocol) out.push(s.port);
  }
  return out;
}

export function choosePorts(opts: {
  template: number[];
  siblings: number[][];
  /** The ports of the services the template runs alone, and of those it shares with the new container. */
  templateOnly: number[];
  shared: number[];
  /** The ports of every service the siblings run: a port they all open for their own services is no common port. */
  siblingServices: number[];
  keepAll: boolean;
  added: number[];
}): number[] {
  let base: number[];
  if (opts.keepAll) base = opts.template;
  else {
    const common =
      opts.siblings.length >= 2
        ? opts.template.filter((p) => opts.siblings.every((s) => s.includes(p)) && !opts.siblingServices.includes(p))
        : opts.template.filter((p) => !opts.templateOnly.includes(p));
    base = [...common, ...opts.template.filter((p) => opts.shared.includes(p))];
  }
  return [...new Set([...base, ...opts.added])].sort((a, b) => a - b);
}

/** The list written in the template's layout: on one line, or items on their own indented line. */
export function portListText(original: string, ports: number[]): string {
  const m = /^\[(\s*\n([ \t]*))[\s\S]*?(\n[ \t]*)\]$/.exec(original);
  if (m) return `[\n${m[2]}${ports.join(' ')}${m[3]}]`;
  return ports.length ? `[ ${ports.join(' ')} ]` : '[ ]';
}
