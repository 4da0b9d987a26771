// A machine's modules read again with what is known of that machine: its
// `specialArgs`, the `_module.args` its modules set, a colmena node's `name`,
// the module system's `_class` ("nixos"),
// and `config` (its own option tree as merged so far). A shared module that
// looks the machine up in a host table — `hosts.${config.networking.hostName}`,
// a `host` specialArg, `config.<repo's option>.<name>.ip4` — then gives that
// machine's addresses, each keeping the origin of the table's text. Only
// modules whose value depends on such an argument are called again, and at
// most three times (a host name that itself comes from a specialArg, or a
// list a service module fills, needs another round), so a fleet of plain modules costs nothing more.
import type { Value } from '../../syntax/value';
import type { MachineModuleArgs } from '../nixAdapter';
import type { MachineFinding } from './machine';
import { effectiveOption, moduleClosure, optionKeys, type ModuleClosure, type ModuleLoader } from './moduleSystem';
import { declaredKeys, optionDefault } from './optionDefaults';

/** Calls a module file with a machine's arguments; undefined when it cannot. */
/** A module file (by URI), or an inline module function met before (by its value), called with a machine's arguments. */
export type MachineModuleCall = (module: string | Value, args: MachineModuleArgs) => Value | undefined;

/** Rounds of calling a machine's modules with what the previous round learned of its `config`. */
const MAX_ROUNDS = 3;

const ARG_REASON = /argument '([^']+)' is not known statically|attribute name not known statically|is not known statically yet/;

/** The arguments a module's unknowns wait for (`any`: an attribute name or value not known yet). */
interface ArgsAwaited {
  names: Set<string>;
  any: boolean;
}

/** Per module value: a shared module is asked about by every machine that imports it. */
const awaitedOf = new WeakMap<Value, ArgsAwaited>();

/** The argument names a value's unknowns wait for, over the same walk (and budget) for every question. */
function awaited(v: Value): ArgsAwaited {
  let a = awaitedOf.get(v);
  if (!a) {
    a = { names: new Set(), any: givesFunctions(v) };
    collectAwaited(v, a, { n: 20_000 }, 0);
    awaitedOf.set(v, a);
  }
  return a;
}

/**
 * Whether a module gives its machine a function as an argument
 * (`_module.args.hostLib = import ./helpers.nix { name = config.x.name; }`):
 * what the function closes over is not seen, so the module is called again
 * with the machine's `config`, and the modules that use the function get the
 * one it gives then.
 */
function givesFunctions(module: Value): boolean {
  if (module.kind !== 'attrs') return false;
  const config = module.entries.get('config')?.value ?? module;
  const moduleArgs = config.kind === 'attrs' ? config.entries.get('_module')?.value : undefined;
  const args = moduleArgs?.kind === 'attrs' ? moduleArgs.entries.get('args')?.value : undefined;
  if (args?.kind !== 'attrs') return false;
  const hasCallable = (v: Value, depth: number): boolean =>
    v.kind === 'unknown' ? v.callable !== undefined : v.kind === 'attrs' && depth < 3 && [...v.entries.values()].some((e) => hasCallable(e.value, depth + 1));
  return [...args.entries.values()].some((e) => hasCallable(e.value, 0));
}

function collectAwaited(v: Value, into: ArgsAwaited, budget: { n: number }, depth: number): void {
  if (budget.n-- <= 0 || depth > 40) return;
  switch (v.kind) {
    case 'unknown': {
      const m = ARG_REASON.exec(v.reason);
      if (m) {
        if (m[1] === undefined) into.any = true;
        else into.names.add(m[1]);
      }
      for (const a of v.call?.args ?? []) collectAwaited(a, into, budget, depth + 1);
      return;
    }
    case 'list':
      for (const i of v.items) collectAwaited(i, into, budget, depth + 1);
      return;
    case 'attrs':
      for (const e of v.entries.values()) collectAwaited(e.value, into, budget, depth + 1);
      return;
    default:
      return;
  }
}

/** Whether a module's value has an unknown that one of these arguments may answer. */
function dependsOn(v: Value, names: Set<string>): boolean {
  const a = awaited(v);
  if (a.any) return true;
  for (const n of a.names) if (names.has(n)) return true;
  return false;
}

function knownEntries(v: Value | undefined, into: Map<string, Value>): void {
  if (v?.kind !== 'attrs') return;
  // A set known in part (`hey = self // { … }`) is given too: its known names are read from it.
  for (const [k, e] of v.entries) if ((e.value.kind !== 'unknown' || e.value.call?.fn === '//') && !into.has(k)) into.set(k, e.value);
}

function argsOf(f: MachineFinding, closure: ModuleClosure): MachineModuleArgs {
  const configs = closure.configs;
  const values = new Map<string, Value>();
  knownEntries(f.specialArgs, values);
  knownEntries(effectiveOption(configs, ['_module', 'args'])?.value, values);
  if (f.source.kind === 'colmena' && !values.has('name')) values.set('name', { kind: 'string', value: f.name, origin: f.source.origin });
  // The module system tells a module which kind of configuration reads it (`if _class == "homeManager" then …`).
  if (!values.has('_class')) values.set('_class', { kind: 'string', value: 'nixos', origin: f.source.origin });
  return {
    values,
    config: {
      keys: (path) => {
        const set = optionKeys(configs, path);
        const declared = declaredKeys(closure.options, path);
        if (set && nodeHostName(f, [...path, 'hostName'])) declared.push('hostName');
        return set || declared.length ? [...new Set([...(set ?? []), ...declared])] : undefined;
      },
      value: (path) => effectiveOption(configs, path)?.value ?? optionDefault(closure.options, path) ?? nodeHostName(f, path),
    },
  };
}

/** Deployment tools whose nodes get their attribute name as host name by default (`networking.hostName = mkDefault name`). */
const NAMES_NODES = new Set(['colmena', 'morph']);

function nodeHostName(f: MachineFinding, path: string[]): Value | undefined {
  if (!NAMES_NODES.has(f.source.kind) || path.length !== 2 || path[0] !== 'networking' || path[1] !== 'hostName') return undefined;
  return { kind: 'string', value: f.name, origin: f.source.origin };
}

function hostName(configs: Value[]): string | undefined {
  const v = effectiveOption(configs, ['networking', 'hostName'])?.value;
  return v?.kind === 'string' ? v.value : undefined;
}

/** The machine's closure with its own arguments, or the first one when nothing depends on them. */
export function withMachineArgs(f: MachineFinding, first: ModuleClosure, load: ModuleLoader, call: MachineModuleCall | undefined): ModuleClosure {
  if (!call || !f.modules) return first;
  let closure = first;
  let last = '';
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const args = argsOf(f, closure);
    const names = new Set([...args.values.keys(), 'config']);
    let changed = false;
    let pending = 0;
    const perMachine: ModuleLoader = (u) => {
      const r = load(u);
      if (!r?.value || !dependsOn(r.value, names)) return r;
      const again = call(r.uri, args);
      if (!again) return r;
      changed = true;
      if (dependsOn(again, names)) pending++;
      return { uri: r.uri, value: again };
    };
    // An inline module written as a function (`({ hostPlatform, ... }: { imports = … })` in a flake) likewise.
    const inline = (m: Value): Value | undefined => {
      if (!dependsOn(m, names)) return undefined;
      const again = call(m, args);
      if (!again) return undefined;
      changed = true;
      if (dependsOn(again, names)) pending++;
      return again;
    };
    const next = moduleClosure(f.modules, perMachine, inline);
    if (!changed) return closure;
    // Modules first reached this round (`imports = [ ./${hostname} ]` with a specialArg) were called with a
    // `config` that did not hold their own definitions: they are called again with this round's.
    const grew = next.files.length > closure.files.length;
    closure = next;
    // Another round only while this one learned something a module may still wait for: a value read from
    // `config` that was itself unknown last round (a host name from a specialArg; a list a service module fills).
    const signature = `${pending}|${closure.files.length}|${hostName(closure.configs) ?? ''}|${[...argsOf(f, closure).values.keys()].join(',')}`;
    if ((pending === 0 && !grew) || signature === last) break;
    last = signature;
  }
  return closure;
}
