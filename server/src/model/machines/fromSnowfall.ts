// Discovery source: snowfall-lib. `lib.mkFlake { src = ./.; snowfall.root =
// ./nix; systems.modules.nixos = [ … ]; systems.hosts.<name>.modules = [ … ]; }`
// builds `nixosConfigurations.<name>` from every folder
// `<root>/systems/<arch>-linux/<name>/` that holds a `default.nix` (snowfall's
// own rule: folders without one are skipped). Other targets are not fleet
// machines: `*-darwin` are macOS, and formats such as `x86_64-iso` or
// `x86_64-install-iso` are images built with nixos-generators.
import { asAttrs as attrs, valueAt as at, type AttrsValue as Attrs, type Value } from '../../syntax/value';
import { fileOrigin, foldersWith, hostNameModule, pathModule } from './folderConvention';
import type { MachineFinding } from './machine';


function list(v: Value | undefined): Value[] {
  return v?.kind === 'list' ? v.items : [];
}

/** The argument of snowfall's `mkFlake { src = …; }` (flake-parts' mkFlake takes two). */
export function snowfallArgs(flake: Value | undefined): Attrs | undefined {
  if (flake?.kind !== 'unknown' || flake.call?.fn !== 'mkFlake' || flake.call.args.length !== 1) return undefined;
  const a = attrs(flake.call.args[0]);
  return a?.entries.has('src') ? a : undefined;
}

export function snowfallFindings(flake: Value | undefined, listing: string[]): MachineFinding[] {
  const args = snowfallArgs(flake);
  if (!args) return [];
  const root = at(args, 'snowfall', 'root') ?? at(args, 'src');
  if (root?.kind !== 'path' && root?.kind !== 'string') return [];
  const systems = `${root.value.replace(/\/$/, '')}/systems`;
  // Snowfall imports every `<root>/modules/nixos/**/default.nix` into every system (each behind its own options).
  const moduleDir = `${root.value.replace(/\/$/, '')}/modules/nixos/`;
  const auto = listing.filter((u) => u.startsWith(moduleDir) && u.endsWith('/default.nix')).sort().map((u) => pathModule(u, fileOrigin(u)));
  const shared = [...auto, ...list(at(args, 'systems', 'modules', 'nixos'))];
  const targets = new Set<string>();
  for (const u of listing) {
    if (!u.startsWith(`${systems}/`)) continue;
    const t = u.slice(systems.length + 1).split('/')[0];
    if (/^[a-z0-9_]+-linux$/.test(t)) targets.add(t);
  }
  const out: MachineFinding[] = [];
  for (const target of [...targets].sort()) {
    for (const [name, file] of foldersWith(listing, `${systems}/${target}`, ['default.nix'])) {
      const own = list(at(args, 'systems', 'hosts', name, 'modules'));
      out.push({
        name,
        source: { kind: 'snowfall', origin: fileOrigin(file) },
        modules: [pathModule(file, fileOrigin(file)), ...shared, ...own, hostNameModule(name, file)],
      });
    }
  }
  return out;
}
