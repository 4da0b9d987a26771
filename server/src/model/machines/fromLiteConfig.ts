// Discovery source: lite-config, a flake-parts module from an input. Its
// option `lite-config = { hostModuleDir = ./hosts; hosts.<name>.system = …;
// systemModules = [ … ]; nixosModules = [ … ]; }` (also written as a module
// function) builds `nixosConfigurations.<name>` for every host whose system is
// not `*-darwin`, from the host's module (`hosts.<name>.hostModule`, else
// `<hostModuleDir>/<name>`: a folder's default.nix or `<name>.nix`) and the
// shared modules, each given `hostPlatform` (the platform of the host's
// system: `hostPlatform.isLinux` chooses the shared modules) and `inputs`. The option is
// kept beside the outputs by the flake-parts evaluation (flakeParts.ts)
// because no module of the flake declares it.
import { EXTERNAL_OPTIONS } from '../../syntax/nix/eval/flakeParts';
import { asAttrs as attrs, valueAt as at, type Entry, type Origin, type Value } from '../../syntax/value';
import { hostNameModule, pathModule } from './folderConvention';
import type { MachineFinding } from './machine';
import { flakeOutputs } from './fromFlake';

function list(v: Value | undefined): Value[] {
  return v?.kind === 'list' ? v.items : [];
}

/** `hostPlatform` of a system such as `aarch64-linux`: what modules ask of it. */
function hostPlatform(system: string, origin: Origin): Value {
  const [cpu = '', kernel = ''] = system.split('-');
  const fields: [string, Value][] = [
    ['system', { kind: 'string', value: system, origin }],
    ['isLinux', { kind: 'boolean', value: kernel === 'linux', origin }],
    ['isDarwin', { kind: 'boolean', value: kernel === 'darwin', origin }],
    ['isx86_64', { kind: 'boolean', value: cpu === 'x86_64', origin }],
    ['isAarch64', { kind: 'boolean', value: cpu === 'aarch64', origin }],
  ];
  const entries = new Map<string, Entry>(fields.map(([key, value]) => [key, { key, keyOrigin: origin, value }]));
  return { kind: 'attrs', entries, origin };
}

/**
 * lite-config's `specialArgs.inputs`: the flake's inputs, of which only `self`
 * is known here (the outputs read, and its folder: `"${inputs.self}/users"`);
 * the others stay not known (a set known in part, as the evaluator keeps
 * `unknown // { self }`).
 */
function flakeInputs(outputs: Value | undefined, entryRoot: string, origin: Origin): Value {
  const outPath: [string, Entry] = ['outPath', { key: 'outPath', keyOrigin: origin, value: { kind: 'path', value: entryRoot, origin } }];
  const self: Value = { kind: 'attrs', entries: new Map([...(flakeOutputs(outputs)?.entries ?? []), outPath]), origin };
  const known: Value = { kind: 'attrs', entries: new Map([['self', { key: 'self', keyOrigin: origin, value: self }]]), origin };
  const reason = "the flake's inputs are not fetched";
  return { kind: 'unknown', reason, origin, call: { fn: '//', args: [{ kind: 'unknown', reason, origin }, known] } };
}

export function liteConfigFindings(flake: Value | undefined, listing: string[], entryRoot: string): MachineFinding[] {
  const cfg = attrs(at(flake, EXTERNAL_OPTIONS, 'lite-config'));
  const hosts = attrs(at(cfg, 'hosts'));
  if (!cfg || !hosts) return [];
  const dir = at(cfg, 'hostModuleDir');
  const base = dir?.kind === 'path' || dir?.kind === 'string' ? dir.value.replace(/\/$/, '') : undefined;
  const listed = new Set(listing);
  const shared = [...list(at(cfg, 'systemModules')), ...list(at(cfg, 'nixosModules'))];
  const out: MachineFinding[] = [];
  for (const [name, e] of hosts.entries) {
    const system = at(e.value, 'system');
    if (system?.kind === 'string' && system.value.endsWith('-darwin')) continue;
    const own = at(e.value, 'hostModule');
    const folder = base && `${base}/${encodeURIComponent(name)}`;
    const file = folder && [`${folder}/default.nix`, `${folder}.nix`].find((u) => listed.has(u));
    const hostModule = own && own.kind !== 'null' ? own : file ? pathModule(file, e.keyOrigin) : folder ? pathModule(folder, e.keyOrigin) : undefined;
    out.push({
      name,
      source: { kind: 'lite-config', origin: e.keyOrigin },
      // lite-config names each machine after its host (`networking.hostName = mkDefault name`).
      modules: [...(hostModule ? [hostModule] : []), ...shared, hostNameModule(name, hostModule?.kind === 'path' ? hostModule.value : e.keyOrigin.uri)],
      specialArgs: { kind: 'attrs', entries: new Map(specialArgs(system, flake, e.keyOrigin, entryRoot).map(([key, value]) => [key, { key, keyOrigin: value.origin, value }])), origin: e.keyOrigin },
    });
  }
  return out;
}

/** What lite-config gives every host's modules: `inputs`, and `hostPlatform` when its system is known. */
function specialArgs(system: Value | undefined, outputs: Value | undefined, origin: Origin, entryRoot: string): [string, Value][] {
  const inputs: [string, Value] = ['inputs', flakeInputs(outputs, entryRoot, origin)];
  return system?.kind === 'string' ? [['hostPlatform', hostPlatform(system.value, system.origin)], inputs] : [inputs];
}
