// Where reading a fleet stopped, and why: an output whose value is not known
// statically, a builder the reader does not know, an import that does not
// resolve, a flake module (or an option it reads) from an input, an
// evaluation that ran past its budget (too many steps, too deep, too large). Discovery
// never ends in a silent zero: the tree's empty state, `homelab-check
// machines` and the `discovery-stopped` information diagnostic all show these.
import type { Origin, Value } from '../../syntax/value';

export type ReadingStopKind = 'unknown-output' | 'unknown-builder' | 'unresolved-import' | 'external-module' | 'external-option' | 'no-machines' | 'evaluation-budget';

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

export function hintFor(kind: ReadingStopKind): string {
  switch (kind) {
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
    return [{ kind, origin: outputs.origin.uri.startsWith('file:') ? outputs.origin : flakeOrigin, reason: `the flake's outputs ${builtBy(outputs)}`, hint: hintFor(kind) }];
  }
  const out: ReadingStop[] = [];
  for (const key of ['nixosConfigurations', 'colmena', 'colmenaHive', 'deploy']) {
    const e = (outputs as Attrs).entries.get(key);
    if (!e || e.value.kind === 'attrs') continue;
    // colmena's makeHive and a hive written as a set are read elsewhere.
    if (e.value.kind === 'unknown' && e.value.call?.fn === 'makeHive') continue;
    const kind = e.value.kind === 'unknown' && e.value.call ? 'unknown-builder' : 'unknown-output';
    out.push({ kind, origin: e.keyOrigin, reason: `\`${key}\` ${builtBy(e.value)}`, hint: hintFor(kind) });
  }
  return out;
}
