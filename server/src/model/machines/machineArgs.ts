// A machine's modules read again with what is known of that machine: its
// `specialArgs`, the `_module.args` its modules set, a colmena node's `name`,
// and `config` (its own option tree as merged so far). A shared module that
// looks the machine up in a host table — `hosts.${config.networking.hostName}`,
// a `host` specialArg, `config.<repo's option>.<name>.ip4` — then gives that
// machine's addresses, each keeping the origin of the table's text. Only
// modules whose value depends on such an argument are called again, and at
// most twice (a host name that itself comes from a specialArg needs a second
// round), so a fleet of plain modules costs nothing more.
import type { Value } from '../../syntax/value';
import type { MachineModuleArgs } from '../nixAdapter';
import type { MachineFinding } from './machine';
import { effectiveOption, moduleClosure, optionKeys, type ModuleClosure, type ModuleLoader } from './moduleSystem';

/** Calls a module file with a machine's arguments; undefined when it cannot. */
export type MachineModuleCall = (uri: string, args: MachineModuleArgs) => Value | undefined;

const ARG_REASON = /argument '([^']+)' is not known statically|attribute name not known statically/;

/** Whether a module's value has an unknown that one of these arguments may answer. */
function dependsOn(v: Value, names: Set<string>, budget = { n: 20_000 }, depth = 0): boolean {
  if (budget.n-- <= 0 || depth > 40) return false;
  switch (v.kind) {
    case 'unknown': {
      const m = ARG_REASON.exec(v.reason);
      if (m && (m[1] === undefined || names.has(m[1]))) return true;
      return (v.call?.args ?? []).some((a) => dependsOn(a, names, budget, depth + 1));
    }
    case 'list':
      return v.items.some((i) => dependsOn(i, names, budget, depth + 1));
    case 'attrs':
      for (const e of v.entries.values()) if (dependsOn(e.value, names, budget, depth + 1)) return true;
      return false;
    default:
      return false;
  }
}

function knownEntries(v: Value | undefined, into: Map<string, Value>): void {
  if (v?.kind !== 'attrs') return;
  for (const [k, e] of v.entries) if (e.value.kind !== 'unknown' && !into.has(k)) into.set(k, e.value);
}

function argsOf(f: MachineFinding, configs: Value[]): MachineModuleArgs {
  const values = new Map<string, Value>();
  knownEntries(f.specialArgs, values);
  knownEntries(effectiveOption(configs, ['_module', 'args'])?.value, values);
  if (f.source.kind === 'colmena' && !values.has('name')) values.set('name', { kind: 'string', value: f.name, origin: f.source.origin });
  return {
    values,
    config: { keys: (path) => optionKeys(configs, path), value: (path) => effectiveOption(configs, path)?.value },
  };
}

function hostName(configs: Value[]): string | undefined {
  const v = effectiveOption(configs, ['networking', 'hostName'])?.value;
  return v?.kind === 'string' ? v.value : undefined;
}

/** The machine's closure with its own arguments, or the first one when nothing depends on them. */
export function withMachineArgs(f: MachineFinding, first: ModuleClosure, load: ModuleLoader, call: MachineModuleCall | undefined): ModuleClosure {
  if (!call || !f.modules) return first;
  let closure = first;
  for (let round = 0; round < 2; round++) {
    const args = argsOf(f, closure.configs);
    const names = new Set([...args.values.keys(), 'config']);
    let changed = false;
    const perMachine: ModuleLoader = (u) => {
      const r = load(u);
      if (!r?.value || !dependsOn(r.value, names)) return r;
      const again = call(r.uri, args);
      if (!again) return r;
      changed = true;
      return { uri: r.uri, value: again };
    };
    const before = hostName(closure.configs);
    const next = moduleClosure(f.modules, perMachine);
    if (!changed) return closure;
    closure = next;
    // A second round only when this one learned the host name (`networking.hostName = host.name`).
    if (hostName(closure.configs) === before) break;
  }
  return closure;
}
