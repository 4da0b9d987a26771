// The defaults of the options a machine's own modules declare
// (`lib.mkOption { default = …; }`, `lib.mkEnableOption "…"` = false), for
// `config` as a module sees it: a service module's `mkIf cfg.enable { … }`
// with `enable` set by no module is off, as NixOS decides. `mkOption` is not
// evaluated statically; its call is kept with its arguments, read here.
import type { Value } from '../../syntax/value';

type Attrs = Extract<Value, { kind: 'attrs' }>;

/** The option a declaration value is, if it is one: `mkOption { … }` / `mkEnableOption …` calls. */
function declaration(v: Value | undefined): { default?: Value } | undefined {
  if (v?.kind !== 'unknown' || !v.call) return undefined;
  if (v.call.fn === 'mkEnableOption') return { default: { kind: 'boolean', value: false, origin: v.origin } };
  if (v.call.fn !== 'mkOption') return undefined;
  const args = v.call.args[0];
  return { default: args?.kind === 'attrs' ? args.entries.get('default')?.value : undefined };
}

function nodesAt(options: Value[], path: string[]): Value[] {
  let nodes = options;
  for (const k of path) {
    const next: Value[] = [];
    for (const n of nodes) {
      const e = n.kind === 'attrs' && !declaration(n) ? n.entries.get(k) : undefined;
      if (e) next.push(e.value);
    }
    nodes = next;
    if (nodes.length === 0) break;
  }
  return nodes;
}

/** Names declared under `path` (option sets, not options themselves). */
export function declaredKeys(options: Value[] | undefined, path: string[]): string[] {
  const keys = new Set<string>();
  for (const n of nodesAt(options ?? [], path)) if (n.kind === 'attrs') for (const k of (n as Attrs).entries.keys()) keys.add(k);
  return [...keys];
}

/** The default of the option declared at `path`, when it has a known one. */
export function optionDefault(options: Value[] | undefined, path: string[]): Value | undefined {
  for (const n of nodesAt(options ?? [], path)) {
    const d = declaration(n)?.default;
    if (d && d.kind !== 'unknown') return d;
  }
  return undefined;
}
