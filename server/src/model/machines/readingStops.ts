// Where reading a fleet stopped, and why: an output whose value is not known
// statically, a builder the reader does not know, an import that does not
// resolve, a flake module (or an option it reads) from an input, an
// evaluation that ran past its budget (too many steps, too deep, too large). Discovery
// never ends in a silent zero: the tree's empty state, `homelab-check
// machines` and the `discovery-stopped` information diagnostic all show these.
import { knownAttrParts, type Origin, type Value } from '../../syntax/value';
import { MODULE_BUILDER } from './fromFlake';

export type ReadingStopKind = 'unknown-output' | 'unknown-builder' | 'unresolved-import' | 'external-module' | 'external-option' | 'no-machines' | 'evaluation-budget' | 'unread-address' | 'unread-include' | 'unread-imports';

export interface ReadingStop {
  kind: ReadingStopKind;
  origin: Origin;
  /** Why reading stopped there. */
  reason: string;
  /** What the user can do about it. */
  hint: string;
}

const HINT_BUILDER =
  'build the machines with `<nixpkgs>.lib.nixosSystem { modules = [ … ]; }` in `nixosConfigurations`, or declare them in homelab.yaml';
const HINT_IMPORT = 'fix the path, or commit the file';
const HINT_BUDGET = 'look for a recursion that does not end there, or declare the machines in homelab.yaml';
const HINT_EXTERNAL = 'machines declared through a flake module from an input are not read; set `flake.nixosConfigurations` with `lib.nixosSystem`, or declare the machines in homelab.yaml';

const HINT_ADDRESS = 'write the address where it can be read (a literal, or a host table the module looks up), or declare it in homelab.yaml';

const HINT_IMPORTS =
  'write `imports` as a list the reader can follow (paths, and conditions on what the flake passes), or declare in homelab.yaml what those modules set that matters here (addresses, services)';

const HINT_INCLUDE = 'declare in homelab.yaml what those aspects set that matters here (addresses, services)';

export function hintFor(kind: ReadingStopKind): string {
  switch (kind) {
    case 'unread-include':
      return HINT_INCLUDE;
    case 'unread-imports':
      return HINT_IMPORTS;
    case 'unread-address':
      return HINT_ADDRESS;
    case 'unresolved-import':
      return HINT_IMPORT;
    case 'evaluation-budget':
      return HINT_BUDGET;
    case 'external-module':
    case 'external-option':
      return HINT_EXTERNAL;
    default:
      return HINT_BUILDER;
  }
}

type Attrs = Extract<Value, { kind: 'attrs' }>;

/** What a value is built by, for the message: `inputs.foo.lib.mkHosts` is "`mkHosts`". */
function builtBy(v: Value): string {
  if (v.kind === 'unknown' && v.selectedFrom) return `is \`${v.selectedFrom.path.join('.')}\` of a value built by \`${v.selectedFrom.call.fn}\`, which is not read`;
  if (v.kind === 'unknown' && v.call) return `is built by \`${v.call.fn}\`, which is not read`;
  if (v.kind === 'unknown' && v.ref) return `is \`${v.ref}\` from an input, which is not read`;
  return v.kind === 'unknown' ? `is not known statically (${v.reason})` : `is a ${v.kind}, not a set of machines`;
}

/**
 * The places a flake's outputs stop being readable: the outputs themselves,
 * or its `nixosConfigurations` (and colmena / deploy-rs outputs), when unknown.
 * `outputs` is the outputs' value as discovery sees it (after flake-parts).
 */
export function flakeOutputStops(outputs: Value | undefined, flakeOrigin: Origin): ReadingStop[] {
  if (!outputs) return [];
  if (outputs.kind !== 'attrs') {
    const kind = outputs.kind === 'unknown' && outputs.call ? 'unknown-builder' : 'unknown-output';
    return [{ kind, origin: outputs.origin.uri.startsWith('file:') ? outputs.origin : flakeOrigin, reason: `the flake's \`outputs\` ${builtBy(outputs)}`, hint: hintFor(kind) }];
  }
  const out: ReadingStop[] = [];
  for (const key of ['nixosConfigurations', 'colmena', 'colmenaHive', 'deploy']) {
    const e = (outputs as Attrs).entries.get(key);
    if (!e || e.value.kind === 'attrs' || knownAttrParts(e.value)?.partial) continue;
    // colmena's makeHive and a hive written as a set are read elsewhere.
    if (e.value.kind === 'unknown' && e.value.call?.fn === 'makeHive') continue;
    const kind = e.value.kind === 'unknown' && e.value.call ? 'unknown-builder' : 'unknown-output';
    out.push({ kind, origin: e.keyOrigin, reason: `\`${key}\` ${builtBy(e.value)}`, hint: hintFor(kind) });
  }
  return out;
}

/** Builders whose result discovery reads by their arguments (fromClan.ts, fromColmena.ts). */
const READ_BUILDERS = new Set(['clan', 'buildClan', 'makeHive']);

/**
 * The unknown sides of outputs that are partly known (`{ web = …; } //
 * inputs.x.lib.mkHosts …`): their known machines are read, and each side
 * that is not read is named, even when other machines were found. A side
 * selected from a builder another source reads (`clan.config.nixosConfigurations`) is read there.
 */
export function partialOutputStops(outputs: Value | undefined): ReadingStop[] {
  if (outputs?.kind !== 'attrs') return [];
  const out: ReadingStop[] = [];
  // `deploy = { nodes = <not known>; … }`: where the machines deploy to is not read, even when they were found elsewhere.
  const deploy = outputs.entries.get('deploy')?.value;
  const nodes = deploy?.kind === 'attrs' ? deploy.entries.get('nodes') : undefined;
  if (nodes && nodes.value.kind === 'unknown' && !knownAttrParts(nodes.value)?.partial) {
    const kind = nodes.value.call ? 'unknown-builder' : 'unknown-output';
    const origin = nodes.value.origin.uri.startsWith('file:') ? nodes.value.origin : nodes.keyOrigin;
    out.push({ kind, origin, reason: `\`deploy.nodes\` ${builtBy(nodes.value)}: the machines' deploy-rs targets are not read`, hint: 'write `deploy.nodes.<name>.hostname` where it can be read, or give each machine its deploy target in homelab.yaml' });
  }
  for (const key of ['nixosConfigurations', 'deploy']) {
    const e = outputs.entries.get(key);
    const parts = e && knownAttrParts(e.value);
    if (!e || !parts?.partial) continue;
    const known = [...parts.entries.keys()];
    for (const side of parts.unknown) {
      if (side.kind === 'unknown' && side.selectedFrom && READ_BUILDERS.has(side.selectedFrom.call.fn)) continue;
      const kind = side.kind === 'unknown' && (side.call || side.selectedFrom) ? 'unknown-builder' : 'unknown-output';
      const has = known.length ? `has ${known.map((k) => `\`${k}\``).join(', ')}, and a part that ` : '';
      out.push({ kind, origin: side.origin.uri.startsWith('file:') ? side.origin : e.keyOrigin, reason: `\`${key}\` ${has}${builtBy(side)}`, hint: hintFor(kind) });
    }
  }
  return out;
}

/**
 * Where a machine's addresses are written but not known statically (an
 * interface list under a condition that is not known, say): one stop per
 * place, naming every machine it hides addresses of.
 */
export function unreadAddressStops(machines: Iterable<{ name: string; config?: { unreadAddresses: { option: string; origin: Origin; reason: string }[] } }>): ReadingStop[] {
  // One stop per place: the options it hides (one network per VLAN of a set), the machines and the reasons are listed in it.
  const byPlace = new Map<string, { origin: Origin; reasons: string[]; options: string[]; names: string[] }>();
  for (const m of machines)
    for (const u of m.config?.unreadAddresses ?? []) {
      if (!u.origin.uri.startsWith('file:')) continue;
      const key = `${u.origin.uri}#${u.origin.span.start}`;
      const seen = byPlace.get(key) ?? { origin: u.origin, reasons: [], options: [], names: [] };
      byPlace.set(key, seen);
      for (const [list, item] of [[seen.names, m.name], [seen.options, u.option], [seen.reasons, u.reason]] as const) if (!list.includes(item)) list.push(item);
    }
  return [...byPlace.values()].map((p) => ({
    kind: 'unread-address' as const,
    origin: p.origin,
    reason: `${p.options.map((o) => `\`${o}\``).join(', ')} of ${p.names.map((n) => `\`${n}\``).join(', ')} ${p.options.length > 1 ? 'are' : 'is'} not known statically (${p.reasons.join('; ')}): addresses written there are not read`,
    hint: HINT_ADDRESS,
  }));
}

/**
 * Where a module's whole `imports` list is not known statically (a condition
 * on a builtin the reader does not model, say): every module it names is
 * unread, so the machines' addresses and services set there are missing. One
 * stop per place, naming every machine it hides modules of.
 */
export function unreadImportStops(machines: Iterable<{ name: string; unreadable: { reason: string; origin: Origin; imports?: boolean }[] }>): ReadingStop[] {
  const byPlace = new Map<string, { origin: Origin; reason: string; names: string[] }>();
  for (const m of machines)
    for (const u of m.unreadable) {
      if (!u.imports || !u.origin.uri.startsWith('file:')) continue;
      const key = `${u.origin.uri}#${u.origin.span.start}`;
      const seen = byPlace.get(key);
      if (seen) {
        if (!seen.names.includes(m.name)) seen.names.push(m.name);
      } else byPlace.set(key, { origin: u.origin, reason: u.reason, names: [m.name] });
    }
  return [...byPlace.values()].map((p) => ({
    kind: 'unread-imports' as const,
    origin: p.origin,
    reason: `${p.reason.startsWith('imports partly') ? 'a part of ' : ''}\`imports\` of ${p.names.map((n) => `\`${n}\``).join(', ')} ${p.reason.replace(/^imports (are|is) /, 'is ').replace(/^imports (partly )?/, 'is ')}: the modules imported there are not read`,
    hint: HINT_IMPORTS,
  }));
}

/**
 * Machines a flake lists by name whose value is not a `nixosSystem` call or a
 * module (an input's builder, a configuration the repository evaluates with its
 * own `evalModules`): found, but none of their modules is read. One stop per
 * place the values come from, naming every machine. `withModules` are the
 * names another source of the same flake read modules for (a framework).
 */
export function moduleLessMachineStops(outputs: Value | undefined, withModules: ReadonlySet<string>): ReadingStop[] {
  if (outputs?.kind !== 'attrs') return [];
  const e = outputs.entries.get('nixosConfigurations');
  const parts = e && knownAttrParts(e.value);
  if (!e || !parts) return [];
  const byPlace = new Map<string, { origin: Origin; why: string; builder: boolean; names: string[] }>();
  const listed = new Set(parts.entries.values());
  for (const [name, m] of parts.entries) {
    const v = m.value;
    if (withModules.has(name) || v.kind === 'attrs') continue;
    if (v.kind === 'unknown' && v.call && MODULE_BUILDER.test(v.call.fn)) continue;
    // An alias of a listed machine is that machine (fromFlake.ts).
    if (m.sameAs && m.sameAs !== m && listed.has(m.sameAs)) continue;
    const origin = v.origin.uri.startsWith('file:') ? v.origin : m.keyOrigin;
    const why = builtBy(v);
    const key = `${origin.uri}#${origin.span.start}#${why}`;
    const seen = byPlace.get(key);
    if (seen) seen.names.push(name);
    else byPlace.set(key, { origin, why, builder: v.kind === 'unknown' && (!!v.call || !!v.selectedFrom), names: [name] });
  }
  return [...byPlace.values()].map((p) => {
    const kind = p.builder ? ('unknown-builder' as const) : ('unknown-output' as const);
    const subject = p.names.length === 1 ? `\`nixosConfigurations.${p.names[0]}\`` : `each of \`nixosConfigurations\` ${p.names.map((n) => `\`${n}\``).join(', ')}`;
    return { kind, origin: p.origin, reason: `${subject} ${p.why}: the machine${p.names.length === 1 ? "'s" : "s'"} modules are not read`, hint: hintFor(kind) };
  });
}

const ENCRYPTED = / is encrypted \(([^)]+)\)$/;
const NETWORK_FILE = /net|wg|wireguard|interface|host|ip/i;

const HINT_ENCRYPTED = 'decrypt the modules to read them, or declare the machine\'s address in homelab.yaml';

/**
 * A machine with no address read whose modules include encrypted ones (sops,
 * git-crypt, age): its addresses are most likely set there. One stop per
 * machine, at its first encrypted module, so that its zero is not silent.
 */
export function encryptedModuleStops(machines: Iterable<{ name: string; unreadable: { reason: string; origin: Origin }[]; config?: { addresses: unknown[] } }>): ReadingStop[] {
  const out: ReadingStop[] = [];
  for (const m of machines) {
    if (!m.config || m.config.addresses.length) continue;
    const encrypted = m.unreadable.filter((u) => u.origin.uri.startsWith('file:') && ENCRYPTED.test(u.reason));
    if (!encrypted.length) continue;
    // The module most likely to hold the addresses is the one shown (`network.nix` before `users.nix`).
    const shown = encrypted.find((u) => NETWORK_FILE.test(u.origin.uri.slice(u.origin.uri.lastIndexOf('/') + 1))) ?? encrypted[0];
    const how = ENCRYPTED.exec(shown.reason)?.[1] ?? 'encrypted';
    const which = encrypted.length > 1 ? `this module and ${encrypted.length - 1} more of its modules are` : 'this module is';
    out.push({
      kind: 'unread-address',
      origin: shown.origin,
      reason: `\`${m.name}\` has no address read, and ${which} encrypted (${how}): addresses set there are not read`,
      hint: HINT_ENCRYPTED,
    });
  }
  return out;
}
