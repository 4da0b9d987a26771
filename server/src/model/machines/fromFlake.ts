// Discovery source: a flake's outputs. `nixosConfigurations.<name>` built by
// `<lib>.nixosSystem { modules = [ … ]; }` (directly or through the repository's
// own helpers, which the evaluator follows), also inside flake-parts'
// `mkFlake { … } { flake = { … }; }`; the flake's `colmena` / `colmenaHive`
// and `deploy.nodes` outputs go to their own sources. Anything from an input
// is unknown: such a machine is found by name with no modules. The input whose
// `lib.nixosSystem` builds a machine is its nixpkgs (pins.ts); the
// `homeConfigurations` built by `homeManagerConfiguration { modules = … }` are
// Home Manager configurations of their own.
import { asAttrs, knownAttrParts, type AttrsValue, type Entry, type Origin, type Value } from '../../syntax/value';
import type { MachineFinding } from './machine';
import { hiveFindings } from './fromColmena';
import { deployRsFindings } from './fromDeployRs';
import { pinOf } from './pins';

/** Outputs that hold machines (the part of partly known outputs that is read). */
const MACHINE_OUTPUTS = ['nixosConfigurations', 'colmena', 'colmenaHive', 'deploy'];

/**
 * The outputs set, looking through flake-parts' `mkFlake` (its module's `flake`
 * attribute). Outputs known in part (`{ inherit nixosConfigurations; … } //
 * perSystemOutputs` with the per-system side not known) are their known part
 * when it holds the machines' outputs; otherwise reading stops at the outputs.
 */
export function flakeOutputs(v: Value | undefined): AttrsValue | undefined {
  if (v?.kind === 'attrs') return v;
  if (v?.kind === 'unknown' && v.call?.fn === 'mkFlake') return asAttrs(asAttrs(v.call.args[1])?.entries.get('flake')?.value);
  const parts = v && knownAttrParts(v);
  if (parts && MACHINE_OUTPUTS.some((k) => parts.entries.has(k))) return { kind: 'attrs', entries: parts.entries, origin: v.origin };
  return undefined;
}

/**
 * Builders whose `modules` are the machine's modules: nixpkgs' `nixosSystem`
 * (also as `nixos/lib/eval-config.nix` imported from the input), nixos-generators'
 * `nixosGenerate`, and `lib.evalModules` when a repository's own wrapper builds a
 * `nixosConfigurations` entry with it.
 */
export const MODULE_BUILDER = /^(nixosSystem|nixosGenerate|evalModules)$/;

/** The `modules` of a `nixosSystem { … }` call (or another MODULE_BUILDER's), if the value is one. */
export function nixosSystemModules(v: Value | undefined): Value[] | undefined {
  if (v?.kind !== 'unknown' || !v.call || !MODULE_BUILDER.test(v.call.fn)) return undefined;
  const modules = asAttrs(v.call.args[0])?.entries.get('modules')?.value;
  if (!modules || modules.kind === 'list') return modules?.items ?? [];
  // A list not known statically, or known in part (`[ … ] ++ helper.modulesOf ./modules`): read as one module
  // importing it, so that its known parts are followed and the rest is named where it is written (moduleSystem.ts).
  const holder: Origin = { uri: 'builtin:', span: { start: 0, end: 0 } };
  return [{ kind: 'attrs', entries: new Map([['imports', { key: 'imports', keyOrigin: modules.origin, value: modules }]]), origin: holder }];
}

export function flakeFindings(outputsValue: Value | undefined): MachineFinding[] {
  const outputs = flakeOutputs(outputsValue);
  if (!outputs) return [];
  const out: MachineFinding[] = [];
  // `{ web = …; } // inputs.x.lib.mkHosts …`: the known machines are read; the unknown side is a reading stop (readingStops.ts).
  const configurations = outputs.entries.get('nixosConfigurations')?.value;
  const entries = (configurations && knownAttrParts(configurations)?.entries) ?? new Map<string, Entry>();
  const listed = new Set(entries.values());
  // `system = configs.${activeProfile}`, `core-lab = hosts."core.lab"`: another name for a configuration listed here, not another machine.
  const aliases = new Map<Entry, string[]>();
  for (const [name, e] of entries) if (e.sameAs && e.sameAs !== e && listed.has(e.sameAs)) aliases.set(e.sameAs, [...(aliases.get(e.sameAs) ?? []), name]);
  for (const [name, e] of entries) {
    if (e.sameAs && e.sameAs !== e && listed.has(e.sameAs)) continue;
    const other = aliases.get(e);
    // Only nixosSystem's own input is the machine's nixpkgs (nixosGenerate comes from nixos-generators).
    const pin = e.value.kind === 'unknown' && e.value.call?.fn === 'nixosSystem' ? pinOf(e.value) : undefined;
    out.push({
      name,
      source: { kind: 'flake', origin: e.keyOrigin },
      modules: nixosSystemModules(e.value) ?? (e.value.kind === 'attrs' ? [e.value] : undefined),
      ...(pin ? { nixpkgs: pin } : {}),
      ...(e.value.kind === 'unknown' && e.value.call?.fn === 'nixosGenerate' ? { image: 'generator' as const } : {}),
      ...(e.value.kind === 'unknown' && e.value.call ? { specialArgs: asAttrs(e.value.call.args[0])?.entries.get('specialArgs')?.value } : {}),
      ...(other ? { aliases: other } : {}),
    });
  }
  for (const key of ['colmena', 'colmenaHive']) {
    const hive = outputs.entries.get(key)?.value;
    const nodes = hive?.kind === 'unknown' && hive.call?.fn === 'makeHive' ? hive.call.args[0] : hive;
    if (asAttrs(nodes)) {
      out.push(...hiveFindings(nodes));
      break;
    }
  }
  out.push(...deployRsFindings(asAttrs(outputs.entries.get('deploy')?.value)));
  return out;
}

/** One `homeConfigurations.<name>`: its root modules (`modules = [ … ]`, or the older `configuration = …`). */
export interface HomeFinding {
  name: string;
  origin: Origin;
  modules: Value[];
}

export function homeFindings(outputsValue: Value | undefined): HomeFinding[] {
  const out: HomeFinding[] = [];
  for (const [name, e] of asAttrs(flakeOutputs(outputsValue)?.entries.get('homeConfigurations')?.value)?.entries ?? []) {
    const v = e.value;
    if (v.kind !== 'unknown' || v.call?.fn !== 'homeManagerConfiguration') continue;
    const args = asAttrs(v.call.args[0]);
    const modules = args?.entries.get('modules')?.value;
    const configuration = args?.entries.get('configuration')?.value;
    const roots = modules?.kind === 'list' ? modules.items : configuration ? [configuration] : [];
    out.push({ name, origin: e.keyOrigin, modules: roots });
  }
  return out;
}
