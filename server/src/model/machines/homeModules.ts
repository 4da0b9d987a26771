// Home Manager modules of a machine: what its NixOS modules give to
// `home-manager.users.<user>` (a path, `import ./home.nix`, or an inline
// module) and `home-manager.sharedModules`, followed through their
// `imports`. Those files are judged against Home Manager's options, not
// NixOS's. A module written inline in a NixOS file does not make that file a
// Home Manager module: its definitions are told apart by their path
// (`home-manager.users.<user>.…`) instead.
import type { Value } from '../../syntax/value';
import { effectiveOption, moduleClosure, type ModuleLoader } from './moduleSystem';

export interface HomeRoot {
  value: Value;
  /** The file of the NixOS module that gives it. */
  givenIn: string;
}

/** The Home Manager modules a machine's NixOS modules give, each with the file that gives it. */
export function homeModuleRoots(configs: Value[]): HomeRoot[] {
  const out: HomeRoot[] = [];
  for (const c of configs) {
    const givenIn = c.origin.uri;
    const users = effectiveOption([c], ['home-manager', 'users'])?.value;
    if (users?.kind === 'attrs') for (const e of users.entries.values()) out.push({ value: e.value, givenIn });
    const shared = effectiveOption([c], ['home-manager', 'sharedModules'])?.value;
    if (shared?.kind === 'list') for (const v of shared.items) out.push({ value: v, givenIn });
  }
  return out;
}

/** The files of those modules and of everything they import. */
export function homeClosure(roots: HomeRoot[], load: ModuleLoader): string[] {
  const files = new Set<string>();
  for (const r of roots) {
    let v = r.value;
    // `import ./home.nix` of a module function is not applied by the evaluator ("a function", placed in
    // home.nix): the function's file is the module, loaded as a module file is.
    if (v.kind === 'unknown' && v.reason === 'a function' && v.origin.uri !== r.givenIn && v.origin.uri.startsWith('file:')) v = { kind: 'path', value: v.origin.uri, origin: v.origin };
    const inline = v.kind !== 'path' && v.origin.uri === r.givenIn;
    for (const f of moduleClosure([v], load).files) if (!(inline && f === r.givenIn)) files.add(f);
  }
  return [...files];
}
